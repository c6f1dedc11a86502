import type { PartyActivityReport, PartyOrganizationNode } from '@govgrid/api';

/** The organisations of a tree depth first, named with their place ("一支部 · 党小组"). */
export function organizationOptions(
  nodes: readonly PartyOrganizationNode[],
  depth = 0,
): { id: number; name: string; depth: number }[] {
  return nodes.flatMap((n) => [
    { id: n.id, name: n.name, depth },
    ...organizationOptions(n.children ?? [], depth + 1),
  ]);
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
