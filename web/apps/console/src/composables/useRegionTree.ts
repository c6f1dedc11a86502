import { regionApi, type RegionNode } from '@/api';
import { ref } from 'vue';

const tree = ref<RegionNode[]>([]);
const loaded = ref(false);
let pending: Promise<RegionNode[]> | null = null;

/** The caller's region tree (roots = scope), loaded once and shared by every page. */
export function useRegionTree() {
  async function load(force = false): Promise<RegionNode[]> {
    if (loaded.value && !force) return tree.value;
    if (!pending || force) {
      pending = regionApi
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

export function findNode(nodes: readonly RegionNode[], id: number): RegionNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children ?? [], id);
    if (found) return found;
  }
  return null;
}

export function countByLevel(nodes: readonly RegionNode[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (list: readonly RegionNode[]) => {
    for (const node of list) {
      counts[node.level] = (counts[node.level] ?? 0) + 1;
      walk(node.children ?? []);
    }
  };
  walk(nodes);
  return counts;
}
