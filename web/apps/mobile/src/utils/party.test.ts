import type { PartyOrganizationNode } from '@govgrid/api';
import { describe, expect, it } from 'vitest';
import { activityLabel, activityProblems, organizationOptions } from './party';

const node = (id: number, children: PartyOrganizationNode[] = []): PartyOrganizationNode => ({
  id,
  code: `P${id}`,
  name: `org ${id}`,
  type: 'BRANCH',
  regionId: 1,
  memberCount: 0,
  children,
});

describe('party helpers of the phone', () => {
  it('lists the organisations depth first', () => {
    expect(organizationOptions([node(1, [node(2, [node(3)])]), node(4)])).toEqual([
      { id: 1, name: 'org 1', depth: 0 },
      { id: 2, name: 'org 2', depth: 1 },
      { id: 3, name: 'org 3', depth: 2 },
      { id: 4, name: 'org 4', depth: 0 },
    ]);
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
