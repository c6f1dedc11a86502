import {
  configApi,
  regionApi,
  type BoundaryGeometry,
  type GridFeatureCollection,
  type PublicConfig,
} from '@/api';
import { useAuthStore } from '@/stores/auth';
import { ref, watch } from 'vue';

/**
 * The report dialog's map: the user's scope with its grids (loaded once, at the first opening)
 * and the grid the chosen point lies in, or that it lies outside the scope. `onPoint` runs for
 * every new point (the form validates its location field).
 */
export function useReportMap(
  point: () => { lon: number; lat: number } | null,
  onPoint: () => void,
) {
  const auth = useAuthStore();
  const config = ref<PublicConfig | null>(null);
  const scopeBoundary = ref<BoundaryGeometry | null>(null);
  const scopeGrids = ref<GridFeatureCollection | null>(null);
  const locatedGrid = ref<{ name: string } | null>(null);
  const outside = ref(false);
  let scopeLoaded = false;

  async function loadScope() {
    if (scopeLoaded) return;
    configApi
      .getPublic()
      .then((c) => (config.value = c))
      .catch(() => undefined);
    const regionId = auth.me?.scope?.regionId;
    if (!regionId) return;
    try {
      const [region, grids] = await Promise.all([
        regionApi.get(regionId),
        regionApi.grids(regionId),
      ]);
      scopeBoundary.value = region.boundary;
      scopeGrids.value = grids;
      scopeLoaded = true;
    } catch {
      // no region permission or offline: the map still takes a click
    }
  }

  function clearLocated() {
    locatedGrid.value = null;
    outside.value = false;
  }

  let locateSeq = 0;
  watch(point, async (p) => {
    clearLocated();
    if (!p) return;
    onPoint();
    const seq = ++locateSeq;
    try {
      const region = await regionApi.locate(p.lon, p.lat);
      if (seq === locateSeq) locatedGrid.value = region;
    } catch {
      if (seq === locateSeq) outside.value = true;
    }
  });

  return { config, scopeBoundary, scopeGrids, locatedGrid, outside, loadScope, clearLocated };
}
