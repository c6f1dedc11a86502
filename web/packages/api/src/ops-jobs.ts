import { http } from './http';

// 运维管理 (the server's `ops` module, docs/api/ops-jobs.md): every scheduled job of the platform with
// its last and next run and manual runs of the safe ones; the daily security check (标准 8e, 8f) with the
// offline advisory feed (OSV JSON or a zip of it).

const V1 = '/api/v1';

export const OPS_JOB_PERMISSIONS = {
  JOB_READ: 'ops:job:read',
  JOB_RUN: 'ops:job:run',
  SECURITY_READ: 'ops:security:read',
  ADVISORY_LOAD: 'ops:advisory:load',
} as const;

export type JobOutcome = 'SUCCESS' | 'FAILED';
export type ScheduleKind = 'CRON' | 'FIXED_DELAY' | 'FIXED_RATE' | 'INTERVAL' | 'OTHER';

export interface OpsJob {
  name: string;
  /** the application module whose method it is */
  module: string;
  scheduleKind: ScheduleKind;
  /** a cron expression, or an ISO-8601 duration for intervals (`PT1M`) */
  schedule: string;
  zone: string | null;
  lastRunAt: string | null;
  lastFinishedAt: string | null;
  lastOutcome: JobOutcome | null;
  durationMs: number | null;
  lastError: string | null;
  nextRunAt: string | null;
  /** on the allow-list of jobs an admin may run by hand */
  runnable: boolean;
  runs: number;
  failures: number;
}

export interface JobRun {
  name: string;
  trigger: 'SCHEDULED' | 'MANUAL';
  startedBy: string | null;
  startedAt: string;
  finishedAt: string;
  outcome: JobOutcome;
  durationMs: number;
  error: string | null;
}

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = [
  'VULNERABLE_COMPONENT',
  'DEMO_PROFILE',
  'WEAK_SECRET',
  'KEYS_IN_DATA_DIR',
  'PUBLIC_ACTUATOR',
  'HEALTH_DETAILS',
  'TLS_OFF',
  'INITIAL_PASSWORD',
  'PG_VERSION',
  'PG_FSYNC',
  'PG_FULL_PAGE_WRITES',
  'PG_ARCHIVE',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** what it is about: `group:artifact@version`, a setting, accounts */
  subject: string;
  detail: string;
  advisoryId: string | null;
  fixedVersion: string | null;
}

export interface SecurityReport {
  id: number;
  /** the day it belongs to (Asia/Shanghai) */
  date: string;
  createdAt: string;
  /** components in the SBOMs */
  components: number;
  /** advisories loaded */
  advisories: number;
  counts: Record<Severity, number>;
  /** worst first */
  findings: Finding[];
}

export interface AdvisoriesLoaded {
  loaded: number;
  advisories: number;
  report: SecurityReport;
}

export const opsJobsApi = {
  jobs: () => http.get<OpsJob[]>(`${V1}/ops/jobs`).then((r) => r.data),
  runs: (name: string) =>
    http.get<JobRun[]>(`${V1}/ops/jobs/${encodeURIComponent(name)}/runs`).then((r) => r.data),
  run: (name: string) =>
    http.post<JobRun>(`${V1}/ops/jobs/${encodeURIComponent(name)}/run`).then((r) => r.data),
  latestReport: () =>
    http.get<SecurityReport>(`${V1}/ops/security-reports/latest`).then((r) => r.data),
  /** The file as the body: OSV JSON (one record or an array) or a zip of such files. */
  loadAdvisories: (file: Blob) =>
    http
      .post<AdvisoriesLoaded>(`${V1}/ops/advisories`, file, {
        headers: {
          'Content-Type':
            file.type === 'application/zip' || file.type === 'application/x-zip-compressed'
              ? 'application/zip'
              : 'application/json',
        },
      })
      .then((r) => r.data),
};
