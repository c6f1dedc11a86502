import type { PartyOrganizationNode } from '@/api';
import { describe, expect, it } from 'vitest';
import {
  childTypes,
  countsByCode,
  coverageStyle,
  defaultChildType,
  findNode,
  flattenTree,
  monthSeries,
  monthsBetween,
  parentOptions,
  participationRate,
} from './party';

const node = (
  id: number,
  type: PartyOrganizationNode['type'],
  children: PartyOrganizationNode[] = [],
): PartyOrganizationNode => ({
  id,
  code: `P${id}`,
  name: `org ${id}`,
  type,
  regionId: 1,
  memberCount: id,
  children,
});

const tree = [
  node(1, 'COMMITTEE', [
    node(2, 'GENERAL_BRANCH', [node(3, 'BRANCH', [node(4, 'GROUP')])]),
    node(5, 'BRANCH'),
  ]),
  node(6, 'BRANCH'),
];

describe('party organisation tree', () => {
  it('allows only types strictly below the parent', () => {
    expect(childTypes(null)).toEqual(['COMMITTEE']);
    expect(childTypes('GENERAL_BRANCH')).toEqual(['BRANCH', 'GROUP']);
    expect(childTypes('GROUP')).toEqual([]);
    expect(defaultChildType('COMMITTEE')).toBe('GENERAL_BRANCH');
    expect(defaultChildType('GROUP')).toBe('GROUP');
  });

  it('flattens depth first with the depth of each node', () => {
    expect(flattenTree(tree).map((o) => [o.id, o.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 1],
      [6, 0],
    ]);
    expect(findNode(tree, 4)?.type).toBe('GROUP');
    expect(findNode(tree, 99)).toBeNull();
    expect(findNode(tree, null)).toBeNull();
  });

  it('offers as parents only higher types, never the node itself or its descendants', () => {
    expect(parentOptions(tree, 'BRANCH').map((o) => o.id)).toEqual([1, 2]);
    expect(parentOptions(tree, 'GROUP').map((o) => o.id)).toEqual([1, 2, 3, 5, 6]);
    expect(parentOptions(tree, 'COMMITTEE')).toEqual([]);
    // editing 2 (a general branch): neither 2 nor 3, 4 under it
    expect(parentOptions(tree, 'GROUP', 2).map((o) => o.id)).toEqual([1, 5, 6]);
    // no type chosen yet: anything but the edited subtree
    expect(parentOptions(tree, '', 1).map((o) => o.id)).toEqual([6]);
  });
});

describe('party statistics pivots', () => {
  it('lists the months of a range across a year end', () => {
    expect(monthsBetween('2026-11-05', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
  });

  it('fills the months without activities with zero', () => {
    expect(
      monthSeries(
        [
          { month: '2026-12', count: 3 },
          { month: '2026-10', count: 1 },
        ],
        '2026-10-01',
        '2026-12-31',
      ),
    ).toEqual([
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 0 },
      { month: '2026-12', count: 3 },
    ]);
    // without a range: the server's months in order
    expect(
      monthSeries(
        [
          { month: '2026-12', count: 3 },
          { month: '2026-01', count: 2 },
        ],
        null,
        null,
      ),
    ).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-12', count: 3 },
    ]);
  });

  it('counts every code, in the given order', () => {
    expect(
      countsByCode(['FULL', 'PROBATIONARY', 'CANDIDATE'], [{ code: 'CANDIDATE', count: 2 }]),
    ).toEqual([
      { code: 'FULL', count: 0 },
      { code: 'PROBATIONARY', count: 0 },
      { code: 'CANDIDATE', count: 2 },
    ]);
  });

  it('has no participation rate without members or activities', () => {
    expect(participationRate({ members: 0, activities: 2, rate: 0 })).toBeNull();
    expect(participationRate({ members: 5, activities: 0, rate: 0 })).toBeNull();
    expect(participationRate({ members: 5, activities: 2, rate: 0.4 })).toBe(0.4);
    expect(participationRate({ members: 5, activities: 2, rate: 1.3 })).toBe(1);
  });

  it('colours covered grids green and uncovered red', () => {
    expect(coverageStyle(true).fillColor).toBe('#2f9e5b');
    expect(coverageStyle(false).className).toContain('uncovered');
  });
});

describe('party charts', () => {
  it('draws the months in order with their counts', async () => {
    const { monthBarOption, doughnutOption, horizontalBarOption } = await import('./partyCharts');
    const month = monthBarOption(
      [
        { month: '2026-10', count: 1 },
        { month: '2026-11', count: 0 },
      ],
      'n',
    );
    expect(month.xAxis.data).toEqual(['2026-10', '2026-11']);
    expect(month.series[0]!.data).toEqual([1, 0]);
    expect(
      doughnutOption([
        { name: 'a', value: 0 },
        { name: 'b', value: 2 },
      ]).series[0]!.data,
    ).toEqual([{ name: 'b', value: 2 }]);
    // the first item on top: ECharts draws a category axis bottom-up
    const bars = horizontalBarOption([
      { name: 'first', value: 3 },
      { name: 'second', value: 1 },
    ]);
    expect(bars.yAxis.data).toEqual(['second', 'first']);
  });
});
