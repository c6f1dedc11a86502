/** Pure helpers of the patrol pages (巡查记录, 巡查回放). */

/** `1:05` for 3900 s (h:mm, minutes rounded down), `0:00` for under a minute, `—` for nothing. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `1.23` (kilometres, two decimals) for 1234 m, `—` for nothing. */
export function formatKm(meters: number | null | undefined): string {
  if (meters == null || !Number.isFinite(meters) || meters < 0) return '—';
  return (meters / 1000).toFixed(2);
}

/** `HH:mm:ss` of an instant in Asia/Shanghai (the slider's label). */
export function formatClock(value: number | string | null | undefined): string {
  if (value == null || value === '') return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return clockFormat.format(date);
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface TrackPosition {
  lon: number;
  lat: number;
  /** The index of the last track point at or before the time. */
  index: number;
}

/**
 * Where the worker was at `time` (epoch ms): interpolated linearly between the two track points
 * around it, clamped to the first and last point. `times` are epoch ms in the coordinates' order
 * (non-decreasing); null for an empty track.
 */
export function positionAt(
  coordinates: readonly (readonly [number, number])[],
  times: readonly number[],
  time: number,
): TrackPosition | null {
  const n = Math.min(coordinates.length, times.length);
  if (n === 0) return null;
  const at = (i: number, f = 0): TrackPosition => {
    const [lon, lat] = coordinates[i];
    if (f <= 0 || i + 1 >= n) return { lon, lat, index: i };
    const [lon2, lat2] = coordinates[i + 1];
    return { lon: lon + (lon2 - lon) * f, lat: lat + (lat2 - lat) * f, index: i };
  };
  if (!(time > times[0])) return at(0);
  if (time >= times[n - 1]) return at(n - 1);
  // the last point at or before the time (binary search)
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= time) lo = mid;
    else hi = mid;
  }
  const span = times[lo + 1] - times[lo];
  return at(lo, span > 0 ? (time - times[lo]) / span : 0);
}

/** ISO instants to epoch ms (unparsable ones take the previous point's time). */
export function toEpochs(isoTimes: readonly string[]): number[] {
  const out: number[] = [];
  for (const iso of isoTimes) {
    const ms = Date.parse(iso);
    out.push(Number.isNaN(ms) ? (out.length ? out[out.length - 1] : 0) : ms);
  }
  return out;
}
