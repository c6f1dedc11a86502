import { http } from './http';

// 运维管理 › 备份恢复 (the server's `ops` module, docs/api/ops.md): backups of the embedded database and
// restore drills that replay a chain into a second PostgreSQL.

const V1 = '/api/v1';

export const BACKUP_PERMISSIONS = {
  READ: 'ops:backup:read',
  RUN: 'ops:backup:run',
} as const;

export type BackupType = 'FULL' | 'INCREMENTAL';
export const BACKUP_STATUSES = ['RUNNING', 'DONE', 'FAILED'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];
export const DRILL_STATUSES = ['RUNNING', 'PASSED', 'FAILED'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

/** One table of a drill: the checksum recorded at backup time and the restored copy's (`rows:md5`). */
export interface DrillTable {
  name: string;
  /** null in a point-in-time drill: nothing was recorded at that instant */
  expected: string | null;
  actual: string | null;
  match: boolean;
}

export interface Drill {
  id: number;
  backupId: number;
  status: DrillStatus;
  /** set: a point-in-time restore */
  until: string | null;
  startedAt: string;
  finishedAt: string | null;
  tables: DrillTable[];
  error: string | null;
}

export interface Backup {
  id: number;
  type: BackupType;
  status: BackupStatus;
  startedAt: string;
  finishedAt: string | null;
  sizeBytes: number;
  verified: boolean;
  startLsn: string | null;
  endLsn: string | null;
  walFrom: string | null;
  walTo: string | null;
  parentId: number | null;
  postgresVersion: string | null;
  fileCount: number | null;
  error: string | null;
  /** where and when the snapshot of the table checksums was taken */
  markLsn: string | null;
  markedAt: string | null;
  /** only in the answer for one backup */
  drills: Drill[];
}

export interface Started {
  id: number;
  status: string;
}

export const backupsApi = {
  list: () => http.get<Backup[]>(`${V1}/ops/backups`).then((r) => r.data),
  get: (id: number) => http.get<Backup>(`${V1}/ops/backups/${id}`).then((r) => r.data),
  start: (type: BackupType = 'FULL') =>
    http.post<Started>(`${V1}/ops/backups`, { type }).then((r) => r.data),
  verify: (id: number) =>
    http.post<Backup>(`${V1}/ops/backups/${id}/verify`, {}).then((r) => r.data),
  /** `until`: an ISO date-time with offset for a point-in-time restore; omitted: to the end */
  drill: (id: number, until?: string | null) =>
    http.post<Started>(`${V1}/ops/backups/${id}/drill`, until ? { until } : {}).then((r) => r.data),
  drillResult: (id: number) => http.get<Drill>(`${V1}/ops/drills/${id}`).then((r) => r.data),
};

/** A size in bytes for people: 1.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
