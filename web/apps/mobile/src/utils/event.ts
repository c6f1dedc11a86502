import type { EventCategory, EventItem, EventStatus } from '@govgrid/api';

/** Vant tag types of the statuses. */
export const STATUS_TAG: Record<
  EventStatus,
  'primary' | 'success' | 'warning' | 'danger' | 'default'
> = {
  REPORTED: 'warning',
  DISPATCHED: 'primary',
  IN_PROGRESS: 'primary',
  RESOLVED: 'success',
  CLOSED: 'default',
  REJECTED: 'default',
};

export const OPEN_STATUSES: EventStatus[] = ['REPORTED', 'DISPATCHED', 'IN_PROGRESS'];

export interface CascaderOption {
  text: string;
  value: string;
  children?: CascaderOption[];
}

/** The two-level category tree as Vant Cascader options (disabled ones left out). */
export function categoryOptions(tree: EventCategory[]): CascaderOption[] {
  return tree
    .filter((c) => c.enabled !== false)
    .map((c) => {
      const children = (c.children ?? []).filter((k) => k.enabled !== false);
      return children.length
        ? { text: c.name, value: c.code, children: categoryOptions(children) }
        : { text: c.name, value: c.code };
    });
}

/** "大类 / 小类" of a code, or null. */
export function categoryPath(tree: EventCategory[], code: string | null): string | null {
  if (!code) return null;
  for (const parent of tree) {
    if (parent.code === code) return parent.name;
    const child = (parent.children ?? []).find((c) => c.code === code);
    if (child) return `${parent.name} / ${child.name}`;
  }
  return null;
}

/** Events waiting for my verification: resolved, reported by me. */
export function toVerify(items: EventItem[], me: { displayName: string } | null): EventItem[] {
  return items.filter(
    (e) => e.status === 'RESOLVED' && (!me || !e.reporterName || e.reporterName === me.displayName),
  );
}

/** "MM-DD HH:mm" in local time. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A queue label: the category and the start of the description. */
export function queueLabel(category: string | null, description: string): string {
  const text = description.trim().replace(/\s+/g, ' ');
  const short = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return category ? `${category}：${short}` : short;
}
