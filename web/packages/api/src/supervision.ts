import { http, queryParams } from './http';
import type { Page, PageQuery, StoredFile } from './types';

// 督办中心 (the server's `supervision` module, docs/api/supervision.md): one item per 督办 on an
// event, held to the event's unit; the unit answers, leaders and the centre remind and close.

const V1 = '/api/v1';

export const SUPERVISION_PERMISSIONS = {
  ITEM_READ: 'supervision:item:read',
  ITEM_RESPOND: 'supervision:item:respond',
  ITEM_MANAGE: 'supervision:item:manage',
} as const;

/** 一般 / 重点 / 挂牌督办 */
export const SUPERVISION_LEVELS = ['GENERAL', 'KEY', 'LISTED'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** OVERDUE is a filter (past the deadline, not closed), not a stored state. */
export const SUPERVISION_STATES = ['OPEN', 'ANSWERED', 'OVERDUE', 'CLOSED'] as const;
export type SupervisionStateFilter = (typeof SUPERVISION_STATES)[number];
export type SupervisionState = Exclude<SupervisionStateFilter, 'OVERDUE'>;

export type SupervisionUnitKind = 'GRID' | 'COMMUNITY' | 'TOWN_CENTRE' | 'DEPARTMENT';

export interface SupervisionItem {
  id: number;
  eventId: number;
  eventCode: string;
  eventTitle: string;
  eventStatus: string | null;
  level: SupervisionLevel;
  deadline: string;
  unitKind: SupervisionUnitKind;
  unitId: number;
  unitName: string | null;
  supervisorId: number;
  supervisorName: string;
  comment: string;
  state: SupervisionState;
  /** past the deadline while not closed, or closed late */
  overdue: boolean;
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
}

export interface SupervisionResponse {
  id: number;
  responderId: number;
  responderName: string;
  content: string;
  fileIds: number[];
  files: StoredFile[];
  at: string;
}

export interface SupervisionReminder {
  id: number;
  byId: number;
  byName: string;
  comment: string | null;
  at: string;
}

export interface SupervisionDetail {
  item: SupervisionItem;
  closeComment: string | null;
  responses: SupervisionResponse[];
  reminders: SupervisionReminder[];
  /** of `respond`, `remind`, `close` */
  allowedActions: string[];
}

export interface SupervisionTallyRow {
  unitKind: SupervisionUnitKind;
  unitId: number;
  unitName: string | null;
  total: number;
  open: number;
  answered: number;
  /** past the deadline and not closed (also counted as open or answered) */
  overdue: number;
  closed: number;
  /** closed by the deadline among those closed or overdue; null when none */
  onTimeRate: number | null;
}

export interface SupervisionQuery extends PageQuery {
  state?: SupervisionStateFilter | '' | null;
  level?: SupervisionLevel | '' | null;
  unitKind?: SupervisionUnitKind | '' | null;
  unitId?: number | null;
  regionId?: number | null;
  eventId?: number | null;
}

export interface SupervisionCommand {
  eventId: number | null;
  level?: SupervisionLevel;
  /** ISO instant; default the event's deadline or three days */
  deadline?: string | null;
  comment: string;
}

export const supervisionApi = {
  items: (query: SupervisionQuery = {}) =>
    http
      .get<Page<SupervisionItem>>(`${V1}/supervision/items`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  item: (id: number) =>
    http.get<SupervisionDetail>(`${V1}/supervision/items/${id}`).then((r) => r.data),
  tally: (query: { regionId?: number | null; from?: string | null; to?: string | null } = {}) =>
    http
      .get<SupervisionTallyRow[]>(`${V1}/supervision/tally`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  create: (body: SupervisionCommand) =>
    http.post<SupervisionDetail>(`${V1}/supervision/items`, body).then((r) => r.data),
  respond: (id: number, content: string, fileIds: number[] = []) =>
    http
      .post<SupervisionDetail>(`${V1}/supervision/items/${id}/respond`, { content, fileIds })
      .then((r) => r.data),
  remind: (id: number, comment?: string) =>
    http
      .post<SupervisionDetail>(`${V1}/supervision/items/${id}/remind`, { comment: comment || null })
      .then((r) => r.data),
  close: (id: number, comment?: string) =>
    http
      .post<SupervisionDetail>(`${V1}/supervision/items/${id}/close`, { comment: comment || null })
      .then((r) => r.data),
};
