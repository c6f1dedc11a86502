import { eventCategoryApi, type EventCategory } from '@/api';
import { ref } from 'vue';

const tree = ref<EventCategory[]>([]);
const loaded = ref(false);
let pending: Promise<EventCategory[]> | null = null;

/** The category tree (大类 → 小类), loaded once and shared; `load(true)` after an edit. */
export function useEventCategories() {
  async function load(force = false): Promise<EventCategory[]> {
    if (loaded.value && !force) return tree.value;
    if (!pending || force) {
      pending = eventCategoryApi
        .tree()
        .then((nodes) => {
          tree.value = nodes;
          loaded.value = true;
          return nodes;
        })
        .finally(() => {
          pending = null;
        });
    }
    return pending;
  }

  return { tree, loaded, load };
}

export function findCategory(
  nodes: readonly EventCategory[],
  code: string | null | undefined,
): EventCategory | null {
  if (!code) return null;
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = findCategory(node.children ?? [], code);
    if (found) return found;
  }
  return null;
}

/** `城市管理 / 占道经营` for a 小类, the name alone for a 大类. */
export function categoryPath(nodes: readonly EventCategory[], code: string | null | undefined) {
  if (!code) return '';
  for (const root of nodes) {
    if (root.code === code) return root.name;
    const child = (root.children ?? []).find((c) => c.code === code);
    if (child) return `${root.name} / ${child.name}`;
  }
  return code;
}
