// The audit log and its hash-chain check.
import type { PageQuery } from './common';

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED'];

export interface AuditLog {
  id: number;
  occurredAt: string;
  username: string | null;
  clientIp: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  detail: string | null;
}

export interface AuditQuery extends PageQuery {
  username?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** ISO-8601 */
  from?: string;
  /** ISO-8601 */
  to?: string;
}

export interface AuditVerification {
  intact: boolean;
  checked: number;
  unsealed: number;
  firstBrokenId: number | null;
  message: string;
}
