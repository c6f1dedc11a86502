import {
  PARTY_ORGANIZATION_TYPES,
  type PartyActivityReport,
  type PartyOrganization,
} from '@govgrid/api';

/**
 * The organisations a worker may report for, the branches and groups first (those are who
 * hold activities in a grid), then by code.
 */
export function organizationOptions(
  organizations: readonly Pick<PartyOrganization, 'id' | 'name' | 'type' | 'code'>[],
): { id: number; name: string }[] {
  const rank = (type: PartyOrganization['type']) => -PARTY_ORGANIZATION_TYPES.indexOf(type);
  return [...organizations]
    .sort((a, b) => rank(a.type) - rank(b.type) || a.code.localeCompare(b.code))
    .map((o) => ({ id: o.id, name: o.name }));
}

/** The outbox line of an activity: "主题党日：title". */
export function activityLabel(typeName: string, title: string): string {
  const text = title.trim();
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return typeName ? `${typeName}：${short}` : short;
}

/** What the form must have before it goes into the outbox (field → message key). */
export function activityProblems(
  activity: Pick<PartyActivityReport, 'organizationId' | 'type' | 'title' | 'heldAt'>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (activity.organizationId == null) problems.organizationId = 'party.organizationRequired';
  if (!activity.type) problems.type = 'party.typeRequired';
  if (!activity.title.trim()) problems.title = 'party.titleRequired';
  if (!activity.heldAt) problems.heldAt = 'party.heldAtRequired';
  return problems;
}
