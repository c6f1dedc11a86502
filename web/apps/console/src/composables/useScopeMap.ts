import {
  configApi,
  regionApi,
  type GridFeatureCollection,
  type PublicConfig,
  type Region,
} from '@/api';
import { useAuthStore } from '@/stores/auth';
import { ref } from 'vue';

const grids = ref<GridFeatureCollection | null>(null);
const region = ref<Region | null>(null);
const config = ref<PublicConfig | null>(null);
let pending: Promise<void> | null = null;
let loadedFor: number | null = null;

/**
 * The caller's area for a map: its region (boundary), its grids and the tile settings, loaded
 * once per signed-in scope and shared (the forms' location pickers, the panoramic map).
 */
export function useScopeMap() {
  const auth = useAuthStore();

  function load(): Promise<void> {
    const scopeId = auth.me?.scope?.regionId ?? null;
    if (scopeId === null) return Promise.resolve();
    if (loadedFor === scopeId && pending) return pending;
    loadedFor = scopeId;
    pending = Promise.all([
      regionApi.get(scopeId).catch(() => null),
      regionApi.grids(scopeId).catch(() => null),
      configApi.getPublic().catch(() => null),
    ]).then(([r, g, c]) => {
      region.value = r;
      grids.value = g;
      config.value = c;
    });
    return pending;
  }

  return { grids, region, config, load };
}
