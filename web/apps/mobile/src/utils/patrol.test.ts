import type { PatrolTrackPoint } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './datetime';
import {
  formatDistance,
  formatElapsed,
  haversine,
  isoLocal,
  trackDistance,
  trustedPoints,
} from './patrol';

const at = (second: number, lon: number, accuracy: number | null = 5): PatrolTrackPoint => ({
  time: new Date(Date.UTC(2026, 10, 24, 1, 0, second)).toISOString(),
  lon,
  lat: 31.3,
  accuracy,
  speed: null,
});

/** longitude step of about 40 m at latitude 31.3 */
const STEP = 40 / (111_195 * Math.cos((31.3 * Math.PI) / 180));

describe('patrol distance (the server rule)', () => {
  it('measures great circles like the server', () => {
    expect(haversine({ lon: 120, lat: 31 }, { lon: 120, lat: 32 })).toBeCloseTo(111_195, 0);
  });

  it('adds up trusted points only: accuracy ≤ 50 m, no jump faster than 30 m/s', () => {
    const points = [
      at(0, 120.6),
      at(2, 120.6 + STEP),
      at(4, 120.6 + 2 * STEP, 80), // poor fix: left out
      at(5, 120.6 + 50 * STEP), // 2 km in 3 s: left out
      at(6, 120.6 + 3 * STEP),
    ];
    expect(trustedPoints(points).map((p) => p.time)).toEqual([
      points[0].time,
      points[1].time,
      points[4].time,
    ]);
    expect(trackDistance(points)).toBeCloseTo(120, 0);
  });

  it('orders by time and ignores a second point at the same instant', () => {
    expect(trackDistance([at(4, 120.6 + STEP), at(0, 120.6), at(4, 120.6 + 9 * STEP)])).toBeCloseTo(
      40,
      0,
    );
    expect(trackDistance([])).toBe(0);
  });
});

describe('times and formats', () => {
  it('writes instants with the local offset', () => {
    const ms = Date.UTC(2026, 10, 24, 1, 2, 3, 456);
    expect(isoLocal(ms, 480)).toBe('2026-11-24T09:02:03.456+08:00');
    expect(isoLocal(ms, 0)).toBe('2026-11-24T01:02:03.456+00:00');
    expect(isoLocal(ms, -330)).toBe('2026-11-23T19:32:03.456-05:30');
    expect(Date.parse(isoLocal(ms))).toBe(ms);
  });

  it('round-trips a datetime-local value', () => {
    const iso = fromLocalInput('2026-11-24T09:30') as string;
    expect(iso).toMatch(/^2026-11-24T09:30:00[+-]\d{2}:\d{2}$/);
    expect(toLocalInput(iso)).toBe('2026-11-24T09:30');
    expect(fromLocalInput('')).toBeNull();
  });

  it('formats elapsed time and distance', () => {
    expect(formatElapsed(59)).toBe('0:59');
    expect(formatElapsed(3909)).toBe('1:05:09');
    expect(formatDistance(849.6)).toBe('850 m');
    expect(formatDistance(1234)).toBe('1.23 km');
    expect(formatDistance(null)).toBe('–');
  });
});
