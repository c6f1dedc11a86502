import { rankingPeriod } from '@/api';
import { describe, expect, it } from 'vitest';

describe('ranking periods', () => {
  it('labels a month, its quarter and its year as the server reads them', () => {
    const november = new Date(2026, 10, 25);
    expect(rankingPeriod('month', november)).toBe('2026-11');
    expect(rankingPeriod('quarter', november)).toBe('2026-Q4');
    expect(rankingPeriod('year', november)).toBe('2026');
    expect(rankingPeriod('quarter', new Date(2026, 0, 1))).toBe('2026-Q1');
    expect(rankingPeriod('month', new Date(2026, 2, 3))).toBe('2026-03');
  });
});
