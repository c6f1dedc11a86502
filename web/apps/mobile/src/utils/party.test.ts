import { describe, expect, it } from 'vitest';
import { activityLabel, activityProblems, organizationOptions } from './party';

describe('party helpers of the phone', () => {
  it('lists the branches and groups first, then by code', () => {
    expect(
      organizationOptions([
        { id: 1, name: '党委', type: 'COMMITTEE', code: 'A1' },
        { id: 2, name: '二支部', type: 'BRANCH', code: 'B2' },
        { id: 3, name: '一支部', type: 'BRANCH', code: 'B1' },
        { id: 4, name: '小组', type: 'GROUP', code: 'C1' },
      ]).map((o) => o.id),
    ).toEqual([4, 3, 2, 1]);
  });

  it('labels a queued activity by type and a short title', () => {
    expect(activityLabel('主题党日', ' 12月主题党日 ')).toBe('主题党日：12月主题党日');
    expect(activityLabel('', 'x'.repeat(45))).toBe(`${'x'.repeat(40)}…`);
  });

  it('names every missing required field', () => {
    expect(activityProblems({ organizationId: null, type: '', title: ' ', heldAt: '' })).toEqual({
      organizationId: 'party.organizationRequired',
      type: 'party.typeRequired',
      title: 'party.titleRequired',
      heldAt: 'party.heldAtRequired',
    });
    expect(
      activityProblems({ organizationId: 1, type: 'THEME_DAY', title: 'a', heldAt: '2026-12-01' }),
    ).toEqual({});
  });
});
