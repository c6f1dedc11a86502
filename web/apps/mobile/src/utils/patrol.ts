import type { PatrolTrackPoint } from '@govgrid/api';

/** The server's rules for a trusted point (`Track.java`): a fix within 50 m … */
export const MAX_ACCURACY_METERS = 50;
/** … reached from the last trusted one at no more than 30 m/s. */
export const MAX_SPEED_MPS = 30;

const EARTH_RADIUS = 6_371_000;

/** Great-circle distance in metres (haversine, as the server computes it). */
export function haversine(
  a: { lon: number; lat: number },
  b: { lon: number; lat: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(h));
}

/**
 * The points that count, in time order: a poor fix (accuracy over 50 m) and a jump that would
 * need more than 30 m/s from the last good point are left out — the server's rule, so that the
 * phone shows the distance the summary will show.
 */
export function trustedPoints(points: readonly PatrolTrackPoint[]): PatrolTrackPoint[] {
  const sorted = [...points].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const kept: PatrolTrackPoint[] = [];
  for (const point of sorted) {
    if (point.accuracy != null && point.accuracy > MAX_ACCURACY_METERS) continue;
    const last = kept[kept.length - 1];
    if (last) {
      const seconds = (Date.parse(point.time) - Date.parse(last.time)) / 1000;
      if (seconds <= 0 || haversine(last, point) / seconds > MAX_SPEED_MPS) continue;
    }
    kept.push(point);
  }
  return kept;
}

/** Metres walked over the trusted points, to 0.1 m like the server. */
export function trackDistance(points: readonly PatrolTrackPoint[]): number {
  const kept = trustedPoints(points);
  let total = 0;
  for (let i = 1; i < kept.length; i++) total += haversine(kept[i - 1], kept[i]);
  return Math.round(total * 10) / 10;
}

/**
 * An instant as ISO-8601 with the phone's own offset, to the millisecond,
 * e.g. `2026-11-24T09:00:00.250+08:00` (the server wants an offset; whole seconds would make
 * fixes a second apart look twice as fast as they were).
 */
export function isoLocal(ms: number, offsetMinutes = -new Date(ms).getTimezoneOffset()): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())}` +
    `T${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())}` +
    `.${p(local.getUTCMilliseconds(), 3)}${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`
  );
}

/** `1:05:09` / `5:09` for an elapsed time in seconds. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const p = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${p(m)}:${p(s % 60)}` : `${m}:${p(s % 60)}`;
}

/** `850 m` under a kilometre, `1.23 km` from one on. */
export function formatDistance(meters: number | null | undefined): string {
  if (meters == null || !Number.isFinite(meters)) return '–';
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(2)} km`;
}
