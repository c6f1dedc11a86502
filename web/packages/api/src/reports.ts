import { download } from './exchange';
import { http, queryParams } from './http';
import type { StatsRange } from './stats';

// 报表 (标准 7.2.9, docs/api/stats.md): the task, personnel and assessment reports of an area
// and a range of days, as JSON rows or as the same rows in xlsx. Permission `stats:dashboard:read`.

const BASE = '/api/v1/stats';

export const REPORT_KINDS = ['tasks', 'personnel', 'assessment'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** 任务统计: one assignee's tasks given in the range. */
export interface TaskReportRow {
  assigneeId: number;
  assigneeName: string;
  tasks: number;
  done: number;
  /** done by the deadline (part of `done`) */
  doneOnTime: number;
  /** assigned or under way */
  open: number;
  cancelled: number;
  /** open and past the deadline (part of `open`) */
  overdue: number;
}

/** 人员统计: what one grid worker did in the range (idle workers are listed too). */
export interface PersonnelReportRow {
  userId: number;
  name: string;
  reports: number;
  patrols: number;
  /** two decimals */
  patrolHours: number;
  patrolKm: number;
  records: number;
  recordsApproved: number;
}

/** 考核评价: one grid's events, patrols and records in the range (idle grids are left out). */
export interface AssessmentReportRow {
  gridId: number;
  gridCode: string;
  gridName: string;
  events: number;
  closed: number;
  /** 0–1; null when nothing was closed */
  onTimeRate: number | null;
  avgHandlingHours: number | null;
  /** 1–5; null when nothing was rated */
  satisfaction: number | null;
  overdue: number;
  patrols: number;
  patrolHours: number;
  records: number;
  recordsApproved: number;
}

export interface ReportRows {
  tasks: TaskReportRow;
  personnel: PersonnelReportRow;
  assessment: AssessmentReportRow;
}

/**
 * The query string of a report, the same for its rows and its xlsx: empty values are left
 * out (the server's defaults: the caller's area, this year up to today).
 */
export function reportParams(range: StatsRange): Record<string, string | number | boolean> {
  return queryParams({ regionId: range.regionId, from: range.from, to: range.to });
}

export const reportsApi = {
  /** 400 names a bad `from`/`to`; an area outside the caller's is 404. */
  rows: <K extends ReportKind>(kind: K, range: StatsRange = {}) =>
    http
      .get<ReportRows[K][]>(`${BASE}/${kind}`, { params: reportParams(range) })
      .then((r) => r.data),
  /** The same rows as an xlsx file (the server names it, e.g. `tasks-2026-12-06.xlsx`). */
  xlsx: (kind: ReportKind, range: StatsRange = {}) =>
    download(`${BASE}/${kind}.xlsx`, `${kind}.xlsx`, reportParams(range)),
};
