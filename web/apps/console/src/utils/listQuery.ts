// A list page's filters in its address (`?status=A,B&level=…`): written on every load, read
// when the page opens, so a reload, the back button or a shared link shows the same list.
import { ALERT_LEVELS, ALERT_STATUSES, type AlertLevel, type AlertStatus } from '@/api';
import type { EventFilters } from './event';

export type FilterQuery = Record<string, string | undefined>;

/**
 * The route query with the filter `keys` replaced by `next` (empty values dropped) and every
 * other key (an open item's `id`, say) kept as it was.
 */
export function withFilters(
  current: Record<string, unknown>,
  keys: readonly string[],
  next: FilterQuery,
): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    if (!keys.includes(key)) query[key] = value;
  }
  for (const [key, value] of Object.entries(next)) {
    if (keys.includes(key) && value) query[key] = value;
  }
  return query;
}

/** Whether two route queries say the same (order of keys aside). */
export function sameQuery(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

export const EVENT_LIST_KEYS = [
  'status',
  'categoryCode',
  'level',
  'source',
  'flag',
  'overdue',
  'mine',
  'keyword',
  'regionId',
  'from',
  'to',
] as const;

/** The event list's filters as `filtersFromQuery` reads them back. */
export function eventListQuery(
  filters: EventFilters,
  range: readonly [Date, Date] | null,
  regionId: number | null,
): FilterQuery {
  return {
    status: filters.status.length ? filters.status.join(',') : undefined,
    categoryCode: filters.categoryCode || undefined,
    level: filters.level || undefined,
    source: filters.source || undefined,
    flag: filters.flag || undefined,
    overdue: filters.overdue ? 'true' : undefined,
    mine: filters.mine ? 'true' : undefined,
    keyword: filters.keyword.trim() || undefined,
    regionId: regionId != null ? String(regionId) : undefined,
    from: range?.[0]?.toISOString(),
    to: range?.[1]?.toISOString(),
  };
}

export interface AlertFilters {
  status: AlertStatus[];
  level: AlertLevel | '';
  regionId: number | null;
}

export const ALERT_LIST_KEYS = ['status', 'level', 'regionId'] as const;

export function alertListQuery(filters: AlertFilters): FilterQuery {
  return {
    status: filters.status.length ? filters.status.join(',') : undefined,
    level: filters.level || undefined,
    regionId: filters.regionId != null ? String(filters.regionId) : undefined,
  };
}

/** Reads `?status=A,B&level=&regionId=`: unknown codes and bad values are left out. */
export function alertFiltersFromQuery(query: Record<string, unknown>): Partial<AlertFilters> {
  const one = (key: string): string => {
    const value = query[key];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  const filters: Partial<AlertFilters> = {};
  const statuses = one('status')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is AlertStatus => (ALERT_STATUSES as readonly string[]).includes(s));
  if (statuses.length) filters.status = statuses;
  const level = one('level');
  if ((ALERT_LEVELS as readonly string[]).includes(level)) filters.level = level as AlertLevel;
  if (/^\d+$/.test(one('regionId'))) filters.regionId = Number(one('regionId'));
  return filters;
}
