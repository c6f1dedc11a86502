import { describe, expect, it } from 'vitest';
import { asPage, queryParams } from './http';

describe('queryParams', () => {
  it('joins lists with commas and drops empty values and false', () => {
    expect(
      queryParams({
        status: ['REPORTED', 'DISPATCHED'],
        source: '',
        level: undefined,
        regionId: null,
        overdue: false,
        mine: true,
        page: 2,
        keyword: '井盖',
      }),
    ).toEqual({ status: 'REPORTED,DISPATCHED', mine: true, page: 2, keyword: '井盖' });
  });

  it('leaves out an empty list', () => {
    expect(queryParams({ status: [], size: 20 })).toEqual({ size: 20 });
  });
});

describe('asPage', () => {
  it('keeps a page as it is', () => {
    const page = { items: [1, 2], total: 12, page: 2, size: 2 };
    expect(asPage(page)).toEqual(page);
  });

  it('wraps a bare array', () => {
    expect(asPage(['a', 'b'])).toEqual({ items: ['a', 'b'], total: 2, page: 1, size: 2 });
  });
});
