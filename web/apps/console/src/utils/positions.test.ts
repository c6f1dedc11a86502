import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatAge, formatDistance, throttled } from './positions';

const t = (key: string, values: Record<string, unknown>) => `${key}:${JSON.stringify(values)}`;

describe('worker positions', () => {
  afterEach(() => vi.useRealTimers());

  it('shows metres below a kilometre and kilometres above', () => {
    expect(formatDistance(84.6, t)).toBe('positions.distance:{"m":85}');
    expect(formatDistance(1234, t)).toBe('positions.distanceKm:{"km":"1.2"}');
    expect(formatDistance(null, t)).toBe('');
  });

  it('counts the age from the server’s figure on', () => {
    expect(formatAge({ ageSeconds: 20 }, 5, t)).toBe('positions.ago:{"n":25}');
    expect(formatAge({ ageSeconds: 100 }, 30, t)).toBe('positions.minutesAgo:{"n":2}');
  });

  it('runs a burst once at once and once at the end of the gap', () => {
    vi.useFakeTimers();
    const task = vi.fn();
    const fetch = throttled(task, 3000);
    fetch.run();
    fetch.run();
    fetch.run();
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2999);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
