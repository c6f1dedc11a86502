import { cleanParams, http, queryParams } from './http';

// 统计分析 (docs/api/stats.md): the 驾驶舱 figures (标准 7.2.2b), the multi-dimensional query
// (7.2.9) and the caller's dashboard layout. Permission `stats:dashboard:read`.

const BASE = '/api/v1/stats';

export const STATS_PERMISSIONS = {
  DASHBOARD_READ: 'stats:dashboard:read',
} as const;

/** The query of `GET /api/v1/events` that lists the events behind a figure (all values strings). */
export type StatsDrill = Record<string, string>;

/** `regionId` defaults to the caller's area; `from`/`to` are local dates (`2026-11-24`), both included. */
export interface StatsRange {
  regionId?: number | null;
  from?: string | null;
  to?: string | null;
}

export interface StatsShare {
  key: string;
  name: string;
  count: number;
  drill: StatsDrill;
}

export interface StatsTimeliness {
  /** closed on time / closed; null when nothing was closed */
  onTimeRate: number | null;
  avgHandlingHours: number | null;
  p90HandlingHours: number | null;
  overdue: number;
  closed: number;
  closedOnTime: number;
  overdueDrill: StatsDrill;
}

export interface StatsMonth {
  /** `2026-11` */
  month: string;
  reported: number;
  handled: number;
}

export interface StatsDashboard {
  regionId: number;
  regionName: string;
  from: string;
  to: string;
  totalEvents: number;
  drill: StatsDrill;
  byLevel: StatsShare[];
  timeliness: StatsTimeliness;
  monthly: StatsMonth[];
  bySource: StatsShare[];
  byCategory: StatsShare[];
  byStatus: StatsShare[];
  satisfaction: { rated: number; average: number | null };
}

export const STATS_DIMENSIONS = [
  'town',
  'community',
  'grid',
  'category',
  'topCategory',
  'source',
  'level',
  'status',
  'day',
  'week',
  'month',
] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export const STATS_MEASURES = [
  'count',
  'closed',
  'onTimeRate',
  'avgHandlingHours',
  'satisfaction',
  'overdue',
] as const;
export type StatsMeasure = (typeof STATS_MEASURES)[number];

/** Measures that are shares (0–1), shown as percentages. */
export const STATS_RATE_MEASURES: readonly StatsMeasure[] = ['onTimeRate'];

export interface StatsQuery extends StatsRange {
  /** up to three */
  dimensions: StatsDimension[];
  measures: StatsMeasure[];
  categoryCode?: string | null;
  level?: string | null;
  source?: string | null;
  status?: string | null;
}

export interface StatsKey {
  key: string;
  name: string;
}

export interface StatsRow {
  /** one per dimension, in the order asked */
  keys: StatsKey[];
  /** a measure is null where it has no value (no closed events for a rate) */
  values: Partial<Record<StatsMeasure, number | null>>;
}

export interface StatsQueryResult {
  dimensions: StatsDimension[];
  measures: StatsMeasure[];
  rows: StatsRow[];
}

export const DASHBOARD_WIDGET_TYPES = [
  'total',
  'timeliness',
  'monthly',
  'byLevel',
  'bySource',
  'byCategory',
  'byStatus',
  'satisfaction',
  'map',
  'alerts',
  'workerRanking',
  'gridRanking',
  'screening',
] as const;
export type DashboardWidgetType = (typeof DASHBOARD_WIDGET_TYPES)[number];

/**
 * A widget on the 24-column grid: `x` 0–23, `w` 1–24 columns (inside the grid), `y` 0–500 and
 * `h` 1–40 rows; `option` up to 40 characters (the map's measure, e.g. `onTimeRate`).
 */
export interface DashboardWidget {
  type: DashboardWidgetType;
  x: number;
  y: number;
  w: number;
  h: number;
  option?: string | null;
}

export interface DashboardLayout {
  widgets: DashboardWidget[];
}

/** 重点人员排查: the area's newest campaign of the seeded form, households checked per grid. */
export interface ScreeningProgress {
  campaignId: number | null;
  campaignName: string | null;
  dueDate: string | null;
  checked: number;
  registered: number;
  grids: { gridId: number; name: string | null; checked: number; registered: number }[];
}

export const statsApi = {
  screening: (query: { regionId?: number | null; campaignId?: number | null } = {}) =>
    http
      .get<ScreeningProgress>(`${BASE}/screening`, { params: queryParams({ ...query }) })
      .then((r) => r.data),
  dashboard: (range: StatsRange = {}) =>
    http
      .get<StatsDashboard>(`${BASE}/dashboard`, { params: cleanParams({ ...range }) })
      .then((r) => r.data),
  /** 400 names every bad parameter (`dimensions`, `measures`, `from`, …). */
  query: (query: StatsQuery) =>
    http.get<StatsQueryResult>(`${BASE}/query`, { params: queryParams(query) }).then((r) => r.data),
  layout: () => http.get<DashboardLayout>(`${BASE}/dashboard-layout`).then((r) => r.data),
  /** 400 names bad widgets as `widgets[i].x` etc. */
  saveLayout: (layout: DashboardLayout) =>
    http.put<DashboardLayout>(`${BASE}/dashboard-layout`, layout).then((r) => r.data),
  /** Back to the default layout. */
  resetLayout: () => http.delete<void>(`${BASE}/dashboard-layout`).then(() => undefined),
};
