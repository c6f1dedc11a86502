import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatKm, positionAt, toEpochs } from './patrol';

describe('formatDuration', () => {
  it('shows hours and zero-padded minutes, seconds dropped', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59)).toBe('0:00');
    expect(formatDuration(300)).toBe('0:05');
    expect(formatDuration(3900)).toBe('1:05');
    expect(formatDuration(10 * 3600 + 59 * 60 + 59)).toBe('10:59');
  });

  it('shows a dash for nothing or nonsense', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatKm', () => {
  it('shows kilometres with two decimals', () => {
    expect(formatKm(0)).toBe('0.00');
    expect(formatKm(1234)).toBe('1.23');
    expect(formatKm(1235.1)).toBe('1.24');
    expect(formatKm(15)).toBe('0.01');
  });

  it('shows a dash for nothing', () => {
    expect(formatKm(null)).toBe('—');
    expect(formatKm(undefined)).toBe('—');
  });
});

describe('formatClock', () => {
  it('shows the time of day in Asia/Shanghai', () => {
    expect(formatClock('2026-11-24T01:02:03Z')).toBe('09:02:03');
    expect(formatClock(Date.parse('2026-11-24T16:00:00Z'))).toBe('00:00:00');
    expect(formatClock(null)).toBe('—');
  });
});

describe('positionAt', () => {
  const coords: [number, number][] = [
    [120, 31],
    [120.001, 31],
    [120.001, 31.002],
  ];
  const times = [1000, 11000, 21000];

  it('is null for an empty track', () => {
    expect(positionAt([], [], 5)).toBeNull();
  });

  it('clamps to the first and last points', () => {
    expect(positionAt(coords, times, 0)).toEqual({ lon: 120, lat: 31, index: 0 });
    expect(positionAt(coords, times, 1000)).toEqual({ lon: 120, lat: 31, index: 0 });
    expect(positionAt(coords, times, 99999)).toEqual({ lon: 120.001, lat: 31.002, index: 2 });
  });

  it('lands exactly on a point at its time', () => {
    expect(positionAt(coords, times, 11000)).toEqual({ lon: 120.001, lat: 31, index: 1 });
  });

  it('interpolates between the points around the time', () => {
    const half = positionAt(coords, times, 6000)!;
    expect(half.index).toBe(0);
    expect(half.lon).toBeCloseTo(120.0005, 9);
    expect(half.lat).toBeCloseTo(31, 9);
    const quarter = positionAt(coords, times, 13500)!;
    expect(quarter.index).toBe(1);
    expect(quarter.lon).toBeCloseTo(120.001, 9);
    expect(quarter.lat).toBeCloseTo(31.0005, 9);
  });

  it('takes the later point of two at the same time without dividing by zero', () => {
    const four: [number, number][] = [...coords, [120.002, 31.002]];
    const p = positionAt(four, [0, 1000, 1000, 2000], 1000)!;
    expect(p).toEqual({ lon: 120.001, lat: 31.002, index: 2 });
  });

  it('handles a single point', () => {
    expect(positionAt([[120, 31]], [5], 100)).toEqual({ lon: 120, lat: 31, index: 0 });
  });
});

describe('toEpochs', () => {
  it('parses ISO instants, carrying the previous time over a bad one', () => {
    expect(toEpochs(['1970-01-01T00:00:01Z', 'nonsense', '1970-01-01T00:00:03.5Z'])).toEqual([
      1000, 1000, 3500,
    ]);
  });
});
