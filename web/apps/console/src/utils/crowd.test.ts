import { describe, expect, it } from 'vitest';
import { QUARTER_MS, heatColour, quarterOf, stepCount, stepTime, usualRatio } from './crowd';

describe('crowd heat map', () => {
  it('steps back from the latest quarter hour', () => {
    const latest = Date.parse('2026-12-07T01:00:00Z');
    expect(quarterOf(Date.parse('2026-12-07T01:14:59Z'))).toBe(latest);
    expect(stepCount(7)).toBe(672);
    expect(stepTime(latest, 671, 672)).toBe(latest);
    expect(stepTime(latest, 670, 672)).toBe(latest - QUARTER_MS);
    expect(stepTime(latest, 0, 672)).toBe(latest - 671 * QUARTER_MS);
  });

  it('colours counts from pale to deep red and marks missing ones grey', () => {
    expect(heatColour(0, 100)).toBe('rgb(255, 247, 204)');
    expect(heatColour(100, 100)).toBe('rgb(189, 0, 38)');
    expect(heatColour(500, 100)).toBe('rgb(189, 0, 38)');
    expect(heatColour(null, 100)).toBe('#d5d9e0');
    expect(heatColour(50, 100)).not.toBe(heatColour(20, 100));
  });

  it('says how many times the usual a count is', () => {
    expect(usualRatio(900, 300)).toBe(3);
    expect(usualRatio(100, null)).toBeNull();
    expect(usualRatio(null, 3)).toBeNull();
  });
});
