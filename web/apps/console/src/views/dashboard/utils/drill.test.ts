import { describe, expect, it } from 'vitest';
import { filtersFromQuery } from '@/utils/event';
import { drillRoute, rangeDrill } from './drill';

describe('drilling from a figure to the event list', () => {
  it('keeps the keys the list reads and drops the rest', () => {
    const route = drillRoute({
      regionId: '7',
      from: '2025-12-31T16:00:00Z',
      to: '2026-11-25T16:00:00Z',
      level: 'MAJOR',
      page: '3',
    });
    expect(route).toEqual({
      path: '/events',
      query: {
        regionId: '7',
        from: '2025-12-31T16:00:00Z',
        to: '2026-11-25T16:00:00Z',
        level: 'MAJOR',
      },
    });
  });

  it('the list reads the drill back as its filters', () => {
    const link = filtersFromQuery({
      regionId: '7',
      from: '2025-12-31T16:00:00Z',
      to: '2026-11-25T16:00:00Z',
      level: 'MAJOR',
      source: 'HOTLINE_12345',
      status: 'REPORTED,CLOSED,NOPE',
      categoryCode: 'CSGL',
      overdue: 'true',
    });
    expect(link.regionId).toBe(7);
    expect(link.filters).toEqual({
      level: 'MAJOR',
      source: 'HOTLINE_12345',
      status: ['REPORTED', 'CLOSED'],
      categoryCode: 'CSGL',
      overdue: true,
    });
    expect(link.range?.map((d) => d.toISOString())).toEqual([
      '2025-12-31T16:00:00.000Z',
      '2026-11-25T16:00:00.000Z',
    ]);
  });

  it('ignores bad values', () => {
    const link = filtersFromQuery({ regionId: 'x', level: 'HUGE', from: 'yesterday' });
    expect(link).toEqual({ filters: {}, range: null, regionId: null });
  });

  it('builds a range drill like the server: local days, the end day included', () => {
    expect(rangeDrill(12, '2026-01-01', '2026-11-25')).toEqual({
      regionId: '12',
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-11-25T16:00:00.000Z',
    });
  });
});
