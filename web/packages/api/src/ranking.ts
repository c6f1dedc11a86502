import { cleanParams, http } from './http';
import type { PageQuery } from './types';

// 积分排名 (the performance module): worker and grid rankings for a month, quarter or year and a
// worker's points ledger. Permission `performance:ranking:read`.

const V1 = '/api/v1';

export const RANKING_PERMISSIONS = {
  RANKING_READ: 'performance:ranking:read',
  RULE_WRITE: 'performance:rule:write',
} as const;

export type RankingPeriodKind = 'month' | 'quarter' | 'year';

/**
 * `2026-11` (month), `2026-Q4` (quarter) or `2026` (year); the server's default is this month.
 */
export type RankingPeriod = string;

export interface RankingQuery extends PageQuery {
  period?: RankingPeriod;
  regionId?: number | null;
}

interface Ranked {
  rank: number;
  /** last period's rank, null when not ranked then */
  previousRank: number | null;
  /** places gained since the previous period (positive = up, negative = down), null when new */
  rankChange: number | null;
  /** @deprecated the earlier name of `rankChange` */
  change?: number | null;
}

export interface WorkerRankItem extends Ranked {
  userId: number;
  name: string;
  gridId: number | null;
  gridName: string | null;
  points: number;
}

export interface GridRankItem extends Ranked {
  gridId: number;
  gridName: string;
  points: number;
  workerPoints: number | null;
  /** 0–1, null when nothing closed */
  onTimeRate: number | null;
  satisfaction: number | null;
  closedEvents?: number;
}

export interface Ranking<T> {
  period: RankingPeriod;
  from: string;
  to: string;
  regionId?: number;
  regionName?: string;
  items: T[];
  total?: number;
  page?: number;
  size?: number;
}

export interface PointsEntry {
  id?: number;
  occurredAt: string;
  ruleCode: string;
  ruleName?: string | null;
  points: number;
  reason: string | null;
  sourceType: string | null;
  sourceId: number | null;
  gridName?: string | null;
}

export interface PointsLedger {
  userId?: number;
  name?: string;
  period?: RankingPeriod;
  from?: string;
  to?: string;
  points?: number;
  items: PointsEntry[];
  total: number;
  page?: number;
  size?: number;
}

/** The period label the server takes for a date: `2026-11`, `2026-Q4`, `2026`. */
export function rankingPeriod(kind: RankingPeriodKind, date: Date): RankingPeriod {
  const year = date.getFullYear();
  if (kind === 'year') return `${year}`;
  if (kind === 'quarter') return `${year}-Q${Math.floor(date.getMonth() / 3) + 1}`;
  return `${year}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** `GET /api/v1/points/me`: this month's points and rank among the community's grid workers. */
export interface MyPoints {
  period: string;
  from: string;
  to: string;
  userId: number;
  name: string;
  gridId: number | null;
  gridName: string | null;
  points: number;
  /** null: not a grid worker (one without points this month is ranked last, tied) */
  rank: number | null;
  rankedWorkers: number;
  areaId: number | null;
  areaName: string | null;
  recent: PointsEntry[];
}

/** One version of a point rule (积分规则); `effectiveTo` null while open-ended. */
export interface PointRuleVersion {
  id: number;
  code: string;
  name: string;
  trigger: string;
  points: number;
  /** the most entries earning points per user and day; null = no cap */
  dailyCap: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** `GET /api/v1/point-rules`: a rule as it stands now, with every version, newest first. */
export interface PointRule {
  code: string;
  name: string;
  trigger: string;
  points: number;
  dailyCap: number | null;
  versionId: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  versions: PointRuleVersion[];
}

/** `PUT /api/v1/point-rules/{code}`: a new version; a missing `dailyCap` means no cap. */
export interface PointRuleChange {
  points: number;
  dailyCap?: number | null;
  /** ISO-8601 with an offset; missing = now */
  effectiveFrom?: string | null;
}

export const rankingApi = {
  rules: () => http.get<PointRule[]>(`${V1}/point-rules`).then((r) => r.data),
  changeRule: (code: string, change: PointRuleChange) =>
    http
      .put<PointRule>(`${V1}/point-rules/${encodeURIComponent(code)}`, change)
      .then((r) => r.data),
  me: () => http.get<MyPoints>(`${V1}/points/me`).then((r) => r.data),
  workers: (query: RankingQuery = {}) =>
    http
      .get<Ranking<WorkerRankItem>>(`${V1}/rankings/workers`, { params: cleanParams({ ...query }) })
      .then((r) => r.data),
  grids: (query: RankingQuery = {}) =>
    http
      .get<Ranking<GridRankItem>>(`${V1}/rankings/grids`, { params: cleanParams({ ...query }) })
      .then((r) => r.data),
  ledger: (userId: number, query: { period?: RankingPeriod } & PageQuery = {}) =>
    http
      .get<PointsLedger>(`${V1}/points/${userId}`, { params: cleanParams({ ...query }) })
      .then((r) => r.data),
};
