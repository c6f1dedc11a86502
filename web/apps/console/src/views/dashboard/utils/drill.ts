import type { StatsDrill } from '@/api';
import type { LocationQueryRaw } from 'vue-router';

/** The event list's query keys that a statistics drill may carry. */
const EVENT_LIST_KEYS = [
  'regionId',
  'from',
  'to',
  'status',
  'categoryCode',
  'level',
  'source',
  'flag',
  'overdue',
] as const;

/** A figure's `drill` (the query of `GET /api/v1/events`) as the route query of `/events`. */
export function drillRoute(drill: StatsDrill | null | undefined): {
  path: string;
  query: LocationQueryRaw;
} {
  const query: LocationQueryRaw = {};
  for (const key of EVENT_LIST_KEYS) {
    const value = drill?.[key];
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  }
  return { path: '/events', query };
}

/** Local date `2026-11-24` (Asia/Shanghai) of a `Date`. */
export function localDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** A drill for a region and a range of local days (both included), like the server builds. */
export function rangeDrill(regionId: number, from: string, to: string): StatsDrill {
  const end = new Date(`${to}T00:00:00+08:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  return {
    regionId: String(regionId),
    from: new Date(`${from}T00:00:00+08:00`).toISOString(),
    to: end.toISOString(),
  };
}
