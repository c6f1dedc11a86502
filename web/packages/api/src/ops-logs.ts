import { http } from './http';

// 运维管理 › 日志审查 (the server's `ops` module, docs/api/log-review.md): one digest a day of the audit
// trail and the JSON application log (标准 8a); the security admin marks each reviewed with a comment.

const V1 = '/api/v1';

export const OPS_LOG_PERMISSIONS = {
  DIGEST_READ: 'ops:log-digest:read',
  DIGEST_REVIEW: 'ops:log-digest:review',
} as const;

export interface DigestTotals {
  auditRows: number;
  logLines: number;
  logErrors: number;
  /** false when no JSON log file was found for the day */
  logRead: boolean;
  failedSignIns: number;
  lockouts: number;
  denials: number;
  exports: number;
  /** the local hours counted as unusual, e.g. `00:00–06:00` */
  unusualHours: string;
}

export interface DigestErrorKind {
  logger: string;
  /** the exception class, `-` when none */
  exception: string;
  count: number;
  lastAt: string;
  lastMessage: string | null;
  lastRequestId: string | null;
}

export interface DigestAccountFailures {
  username: string;
  failures: number;
  lockouts: number;
  addresses: number;
}

export interface DigestAddressFailures {
  clientIp: string;
  failures: number;
  lockouts: number;
  accounts: number;
}

export interface DigestDenialBurst {
  username: string;
  denials: number;
  /** the most refusals within one window */
  peak: number;
  peakFrom: string;
  peakTo: string;
}

export interface DigestOddHours {
  username: string;
  actions: number;
  firstAt: string;
  lastAt: string;
}

export interface DigestExport {
  username: string;
  action: string;
  objectType: string | null;
  rows: number | null;
  unmasked: boolean;
  outcome: string;
  at: string;
}

export interface LogDigest {
  totals: DigestTotals;
  errors: DigestErrorKind[];
  failedSignInsByAccount: DigestAccountFailures[];
  failedSignInsByAddress: DigestAddressFailures[];
  denialBursts: DigestDenialBurst[];
  unusualHours: DigestOddHours[];
  exports: DigestExport[];
}

export interface DigestReview {
  by: string;
  at: string;
  comment: string;
}

export interface LogDigestSummary {
  /** the day (Asia/Shanghai) */
  date: string;
  builtAt: string;
  totals: DigestTotals;
  errorKinds: number;
  bursts: number;
  reviewed: boolean;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export interface LogDigestDetail {
  date: string;
  builtAt: string;
  digest: LogDigest;
  reviewed: boolean;
  review: DigestReview | null;
}

export const opsLogsApi = {
  /** Newest first. */
  digests: () => http.get<LogDigestSummary[]>(`${V1}/ops/log-digests`).then((r) => r.data),
  digest: (date: string) =>
    http.get<LogDigestDetail>(`${V1}/ops/log-digests/${date}`).then((r) => r.data),
  review: (date: string, comment: string) =>
    http
      .post<LogDigestDetail>(`${V1}/ops/log-digests/${date}/review`, { comment })
      .then((r) => r.data),
};
