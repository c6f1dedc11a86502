import { describe, expect, it } from 'vitest';
import { filtersFromQuery, type EventFilters } from './event';
import {
  ALERT_LIST_KEYS,
  EVENT_LIST_KEYS,
  alertFiltersFromQuery,
  alertListQuery,
  eventListQuery,
  sameQuery,
  withFilters,
} from './listQuery';

const none: EventFilters = {
  status: [],
  categoryCode: null,
  level: '',
  source: '',
  flag: '',
  overdue: false,
  mine: false,
  keyword: '',
};

describe('withFilters', () => {
  it('replaces the filter keys, drops empty ones and keeps the rest', () => {
    expect(
      withFilters({ id: '7', level: 'RED', status: 'NEW' }, ALERT_LIST_KEYS, {
        level: 'BLUE',
        status: undefined,
        regionId: '',
      }),
    ).toEqual({ id: '7', level: 'BLUE' });
  });

  it('ignores values of keys that are not filters', () => {
    expect(withFilters({}, ['level'], { level: 'RED', page: '3' })).toEqual({ level: 'RED' });
  });
});

describe('sameQuery', () => {
  it('compares values, not the order of keys', () => {
    expect(sameQuery({ a: '1', b: ['x'] }, { b: ['x'], a: '1' })).toBe(true);
    expect(sameQuery({ a: '1' }, { a: '1', b: '2' })).toBe(false);
  });
});

describe('the event list in its address', () => {
  it('reads back what it writes', () => {
    const filters: EventFilters = {
      ...none,
      status: ['REPORTED', 'DISPATCHED'],
      categoryCode: 'CSGL-01',
      level: 'MAJOR',
      source: 'HOTLINE_12345',
      flag: 'RED',
      overdue: true,
      mine: true,
      keyword: ' 占道 ',
    };
    const range: [Date, Date] = [
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-11-30T16:00:00Z'),
    ];
    const query = withFilters({}, EVENT_LIST_KEYS, eventListQuery(filters, range, 12));
    expect(query.status).toBe('REPORTED,DISPATCHED');
    expect(query.keyword).toBe('占道');
    const link = filtersFromQuery(query);
    expect(link.filters).toEqual({ ...filters, keyword: '占道' });
    expect(link.range).toEqual(range);
    expect(link.regionId).toBe(12);
  });

  it('writes nothing for no filters', () => {
    expect(withFilters({}, EVENT_LIST_KEYS, eventListQuery(none, null, null))).toEqual({});
  });
});

describe('the alerts in their address', () => {
  it('reads back what it writes', () => {
    const filters = {
      status: ['NEW' as const, 'ACKNOWLEDGED' as const],
      level: 'RED' as const,
      regionId: 5,
    };
    expect(
      alertFiltersFromQuery(withFilters({}, ALERT_LIST_KEYS, alertListQuery(filters))),
    ).toEqual(filters);
  });

  it('leaves out unknown codes and bad numbers', () => {
    expect(alertFiltersFromQuery({ status: 'NEW,BOGUS', level: 'PURPLE', regionId: '5x' })).toEqual(
      {
        status: ['NEW'],
      },
    );
  });
});
