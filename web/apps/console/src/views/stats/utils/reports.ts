import type { AssessmentReportRow, PersonnelReportRow, StatsRange, TaskReportRow } from '@/api';
import { LIGHT, PALETTE } from '../../dashboard/utils/charts';

// The pure parts of the 任务统计, 人员统计 and 考核评价 pages: periods, the query kept in the
// address, the chart series and the figures above the tables.

/** A figure above a report's table (its `testid` becomes `figure-<testid>`). */
export interface ReportFigure {
  label: string;
  value: string;
  testid: string;
}

/** Quick picks for the range; `custom` is whatever the date picker holds. */
export const REPORT_PERIODS = ['month', 'quarter', 'year', 'lastYear'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number] | 'custom';

/** The first and last day of a period around `today` (`2026-12-06`); `to` is never after today. */
export function periodRange(period: ReportPeriod, today: string): [string, string] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (period === 'month') return [`${today.slice(0, 7)}-01`, today];
  if (period === 'quarter') {
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    return [`${year}-${String(first).padStart(2, '0')}-01`, today];
  }
  if (period === 'lastYear') return [`${year - 1}-01-01`, `${year - 1}-12-31`];
  return [`${year}-01-01`, today];
}

/** The period a range is, or `custom`. */
export function periodOf(range: readonly [string, string], today: string): ReportPeriod {
  return (
    REPORT_PERIODS.find((p) => {
      const [from, to] = periodRange(p, today);
      return from === range[0] && to === range[1];
    }) ?? 'custom'
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters of a shared link (`?regionId=12&from=2026-01-01&to=2026-06-30`); what is missing
 * or malformed falls back to the caller's area and this year.
 */
export function rangeFromQuery(
  query: Record<string, unknown>,
  today: string,
  fallbackRegion: number | null,
): { regionId: number | null; range: [string, string] } {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  const region = Number(text('regionId'));
  const from = text('from');
  const to = text('to');
  const range: [string, string] =
    DATE.test(from) && DATE.test(to) && from <= to ? [from, to] : periodRange('year', today);
  return {
    regionId: Number.isInteger(region) && region > 0 ? region : fallbackRegion,
    range,
  };
}

/** The same filters for the address bar (strings, nothing empty). */
export function rangeToQuery(range: StatsRange): Record<string, string> {
  const out: Record<string, string> = {};
  if (range.regionId != null) out.regionId = String(range.regionId);
  if (range.from) out.from = range.from;
  if (range.to) out.to = range.to;
  return out;
}

/** Whether the address already holds these filters (other parameters do not count). */
export function sameQuery(
  filters: Record<string, string>,
  query: Record<string, unknown>,
): boolean {
  return ['regionId', 'from', 'to'].every((key) => (filters[key] ?? '') === (query[key] ?? ''));
}

/** Sum of a numeric field over rows. */
export function sum<T>(rows: readonly T[], value: (row: T) => number | null | undefined): number {
  return Math.round(rows.reduce((total, row) => total + (value(row) ?? 0), 0) * 100) / 100;
}

/** A share as a rate, null when there is nothing to share. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The area's on-time rate from the grids' rates: each grid's rate is its on-time closures
 * over its closures, so weighting by closures gives back the area's own rate.
 */
export function overallOnTimeRate(rows: readonly AssessmentReportRow[]): number | null {
  const rated = rows.filter((r) => r.onTimeRate != null && r.closed > 0);
  const closed = sum(rated, (r) => r.closed);
  return rate(
    rated.reduce((total, r) => total + (r.onTimeRate ?? 0) * r.closed, 0),
    closed,
  );
}

/** The task states a bar is stacked by; together they make up every task. */
export const TASK_PARTS = ['doneOnTime', 'doneLate', 'inTime', 'overdue', 'cancelled'] as const;
export type TaskPart = (typeof TASK_PARTS)[number];

const TASK_COLOURS: Record<TaskPart, string> = {
  doneOnTime: '#2fa8a0',
  doneLate: '#f2a93b',
  inTime: '#1f5fbf',
  overdue: '#e8473c',
  cancelled: '#a0a7b4',
};

/** One assignee's tasks split into the parts, which add up to `tasks`. */
export function taskParts(row: TaskReportRow): Record<TaskPart, number> {
  return {
    doneOnTime: row.doneOnTime,
    doneLate: Math.max(0, row.done - row.doneOnTime),
    inTime: Math.max(0, row.open - row.overdue),
    overdue: row.overdue,
    cancelled: row.cancelled,
  };
}

function barAxes(categories: string[]) {
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: {
        color: LIGHT.text,
        interval: 0,
        rotate: categories.length > 8 ? 30 : 0,
        width: 120,
        overflow: 'truncate',
      },
    },
  };
}

const valueAxis = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'value',
  name,
  minInterval: 1,
  axisLabel: { color: LIGHT.text },
  nameTextStyle: { color: LIGHT.text },
  splitLine: { lineStyle: { color: LIGHT.line } },
  ...extra,
});

/** 任务统计: a bar per assignee, stacked by how the tasks stand. */
export function taskChart(
  rows: readonly TaskReportRow[],
  label: (part: TaskPart | 'tasks') => string,
) {
  if (rows.length === 0) return null;
  const parts = rows.map(taskParts);
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0, textStyle: { color: LIGHT.text } },
    ...barAxes(rows.map((r) => r.assigneeName)),
    yAxis: valueAxis(label('tasks')),
    series: TASK_PARTS.map((part) => ({
      name: label(part),
      type: 'bar',
      stack: 'tasks',
      barMaxWidth: 32,
      itemStyle: { color: TASK_COLOURS[part] },
      data: parts.map((p) => p[part]),
    })),
  };
}

export type PersonnelMeasure = 'reports' | 'patrols' | 'records' | 'patrolHours';

/** 人员统计: per worker, bars of events, patrols and records; a line of patrol hours. */
export function personnelChart(
  rows: readonly PersonnelReportRow[],
  label: (measure: PersonnelMeasure | 'count' | 'hours') => string,
) {
  if (rows.length === 0) return null;
  const bars: PersonnelMeasure[] = ['reports', 'patrols', 'records'];
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0, textStyle: { color: LIGHT.text } },
    ...barAxes(rows.map((r) => r.name)),
    yAxis: [valueAxis(label('count')), valueAxis(label('hours'), { splitLine: { show: false } })],
    series: [
      ...bars.map((measure) => ({
        name: label(measure),
        type: 'bar',
        barMaxWidth: 20,
        data: rows.map((r) => r[measure]),
      })),
      {
        name: label('patrolHours'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 6,
        data: rows.map((r) => r.patrolHours),
      },
    ],
  };
}

export type AssessmentSeries = 'closed' | 'unclosed' | 'onTimeRate';

/**
 * 考核评价: per grid, its events split into closed and not (yet) closed, and its on-time rate
 * (in percent, a gap where nothing closed) on a second axis.
 */
export function assessmentChart(
  rows: readonly AssessmentReportRow[],
  label: (series: AssessmentSeries | 'events' | 'percent') => string,
) {
  if (rows.length === 0) return null;
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0, textStyle: { color: LIGHT.text } },
    ...barAxes(rows.map((r) => r.gridName)),
    yAxis: [
      valueAxis(label('events')),
      valueAxis(label('percent'), {
        min: 0,
        max: 100,
        minInterval: undefined,
        splitLine: { show: false },
        axisLabel: { color: LIGHT.text, formatter: '{value}%' },
      }),
    ],
    series: [
      {
        name: label('closed'),
        type: 'bar',
        stack: 'events',
        barMaxWidth: 32,
        itemStyle: { color: '#2fa8a0' },
        data: rows.map((r) => r.closed),
      },
      {
        name: label('unclosed'),
        type: 'bar',
        stack: 'events',
        barMaxWidth: 32,
        itemStyle: { color: '#6b8fd6' },
        data: rows.map((r) => Math.max(0, r.events - r.closed)),
      },
      {
        name: label('onTimeRate'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 6,
        itemStyle: { color: '#f2a93b' },
        data: rows.map((r) => (r.onTimeRate == null ? null : Math.round(r.onTimeRate * 1000) / 10)),
      },
    ],
  };
}
