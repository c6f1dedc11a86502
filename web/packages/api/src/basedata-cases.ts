// 基础数据: disputes (矛盾纠纷) and their steps, daily notes (民情日志).
import type { BaseQuery, BaseRecord } from './basedata';
import type { PageQuery } from './types';

export const DISPUTE_PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'OTHER'] as const;
export const DISPUTE_ACTIONS = ['MEDIATE', 'RESOLVE', 'FAIL', 'ESCALATE'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

export interface DisputeParty {
  name: string;
  role?: (typeof DISPUTE_PARTY_ROLES)[number] | null;
  personId?: number | null;
}

export interface DisputeStep {
  action: string;
  note: string | null;
  actorName: string | null;
  at: string;
}

export interface Dispute extends BaseRecord {
  title: string;
  type: string;
  scale: string;
  parties: DisputeParty[];
  description: string | null;
  address: string | null;
  occurredOn: string;
  /** detail only */
  steps?: DisputeStep[];
  /** detail only: the steps allowed now */
  actions?: string[];
  result?: string | null;
}

export interface DisputeCommand {
  title: string;
  type: string;
  scale: string;
  parties: DisputeParty[];
  description?: string | null;
  address?: string | null;
  occurredOn: string;
  gridId?: number | null;
  lon?: number | null;
  lat?: number | null;
  version?: number;
}

export interface DisputeQuery extends BaseQuery {
  type?: string;
  status?: string;
}

export const DAILY_NOTE_TOPICS = ['VISIT', 'MOOD', 'SAFETY', 'OTHER'] as const;

export interface DailyNote {
  id: number;
  gridId: number;
  gridName: string;
  notedOn: string;
  topic: string;
  content: string;
  authorId?: number;
  authorName?: string | null;
  createdAt: string;
}

export interface DailyNoteCommand {
  notedOn: string;
  topic: string;
  content: string;
  gridId?: number | null;
}

export interface DailyNoteQuery extends PageQuery {
  gridId?: number | null;
  from?: string | null;
  to?: string | null;
}
