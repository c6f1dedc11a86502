import {
  PARTY_ORGANIZATION_TYPES,
  type PartyOrganizationNode,
  type PartyOrganizationType,
  type PartyStats,
} from '@/api';

// The party pages' logic: the organisation tree (which parents a type may have) and the
// statistics pivots (months without activities, rates).

/** 党委 0 → 党总支 1 → 党支部 2 → 党小组 3. */
export function typeRank(type: PartyOrganizationType): number {
  return PARTY_ORGANIZATION_TYPES.indexOf(type);
}

/** The types a child of `parent` may have (strictly below it); only a 党委 has no parent. */
export function childTypes(parent: PartyOrganizationType | null): PartyOrganizationType[] {
  if (!parent) return ['COMMITTEE'];
  return PARTY_ORGANIZATION_TYPES.filter((type) => typeRank(type) > typeRank(parent));
}

/** The type a new child of `parent` gets first (党支部 under a 党总支...). */
export function defaultChildType(parent: PartyOrganizationType | null): PartyOrganizationType {
  return childTypes(parent)[0] ?? 'GROUP';
}

export interface FlatOrganization {
  id: number;
  name: string;
  type: PartyOrganizationType;
  depth: number;
  memberCount: number;
}

/** The tree depth first, each node with its depth (for a select that shows the indent). */
export function flattenTree(
  nodes: readonly PartyOrganizationNode[],
  depth = 0,
): FlatOrganization[] {
  return nodes.flatMap((node) => [
    { id: node.id, name: node.name, type: node.type, depth, memberCount: node.memberCount },
    ...flattenTree(node.children ?? [], depth + 1),
  ]);
}

export function findNode(
  nodes: readonly PartyOrganizationNode[],
  id: number | null | undefined,
): PartyOrganizationNode | null {
  if (id == null) return null;
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children ?? [], id);
    if (found) return found;
  }
  return null;
}

/** The ids of a node and everything under it (none may be its own parent). */
export function subtreeIds(node: PartyOrganizationNode | null): Set<number> {
  const ids = new Set<number>();
  const walk = (n: PartyOrganizationNode) => {
    ids.add(n.id);
    (n.children ?? []).forEach(walk);
  };
  if (node) walk(node);
  return ids;
}

/**
 * The organisations that may be the parent of one of `type`: above it in rank, and not the
 * organisation being edited (`selfId`) nor anything under it.
 */
export function parentOptions(
  tree: readonly PartyOrganizationNode[],
  type: PartyOrganizationType | '',
  selfId: number | null = null,
): FlatOrganization[] {
  const excluded = subtreeIds(findNode(tree, selfId));
  const rank = type ? typeRank(type) : PARTY_ORGANIZATION_TYPES.length;
  return flattenTree(tree).filter((o) => !excluded.has(o.id) && typeRank(o.type) < rank);
}

/** The months from `from` to `to` (yyyy-MM-dd or yyyy-MM) as yyyy-MM, at most 60. */
export function monthsBetween(from: string, to: string): string[] {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const months: string[] = [];
  let y = fy!;
  let m = fm!;
  while ((y < ty! || (y === ty && m <= tm!)) && months.length < 60) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** Activities per month over the range, months the server left out counted as 0. */
export function monthSeries(
  byMonth: PartyStats['byMonth'],
  from: string | null,
  to: string | null,
): { month: string; count: number }[] {
  const counts = new Map(byMonth.map((m) => [m.month, m.count]));
  const months =
    from && to ? monthsBetween(from, to) : [...counts.keys()].sort((a, b) => a.localeCompare(b));
  for (const month of counts.keys()) if (!months.includes(month)) months.push(month);
  months.sort((a, b) => a.localeCompare(b));
  return months.map((month) => ({ month, count: counts.get(month) ?? 0 }));
}

/** The counts of every code in `codes` order (a code the server did not name counts 0). */
export function countsByCode<C extends string>(
  codes: readonly C[],
  rows: readonly { code: string; count: number }[],
): { code: C; count: number }[] {
  const counts = new Map(rows.map((r) => [r.code, r.count]));
  return codes.map((code) => ({ code, count: counts.get(code) ?? 0 }));
}

/** Participation as the server gives it (0..1), clamped; null when there was nothing to attend. */
export function participationRate(row: { members: number; activities: number; rate: number }) {
  if (!row.members || !row.activities || !Number.isFinite(row.rate)) return null;
  return Math.max(0, Math.min(1, row.rate));
}

/** A grid's fill on the coverage map: green with an organisation placed in it, red without. */
export const COVERAGE_COLOURS = { covered: '#2f9e5b', uncovered: '#d64545' } as const;

export function coverageStyle(covered: boolean) {
  const colour = covered ? COVERAGE_COLOURS.covered : COVERAGE_COLOURS.uncovered;
  return {
    color: colour,
    weight: 1,
    opacity: 0.9,
    fillColor: colour,
    fillOpacity: covered ? 0.28 : 0.18,
    className: covered ? 'party-grid covered' : 'party-grid uncovered',
  };
}
