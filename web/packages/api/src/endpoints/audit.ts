// The audit log and its hash-chain check.
import { cleanParams, http } from '../http';
import type { AuditLog, AuditQuery, AuditVerification } from '../types/audit';
import type { Page } from '../types/common';

const V1 = '/api/v1';

export const auditApi = {
  logs: (query: AuditQuery = {}) =>
    http
      .get<Page<AuditLog>>(`${V1}/audit/logs`, { params: cleanParams(query) })
      .then((r) => r.data),
  verify: () => http.get<AuditVerification>(`${V1}/audit/verify`).then((r) => r.data),
};
