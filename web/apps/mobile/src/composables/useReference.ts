import {
  eventCategoryApi,
  regionApi,
  type BoundaryGeometry,
  type EventCategory,
  type GridFeatureCollection,
} from '@govgrid/api';
import { ref } from 'vue';
import { useAuthStore } from '../stores/auth';
import { cached, readCache } from '../utils/cache';

const categories = ref<EventCategory[]>(readCache<EventCategory[]>('categories') ?? []);
let categoriesLoading: Promise<void> | null = null;

/** The reportable categories (the last list is kept for offline use). */
export function useCategories() {
  categoriesLoading ??= cached('categories', () => eventCategoryApi.tree())
    .then((tree) => {
      categories.value = tree;
    })
    .catch(() => undefined)
    .finally(() => (categoriesLoading = null));
  return categories;
}

/** The worker's scope (their grid): its boundary and grid polygons, kept for offline use. */
export function useScopeMap() {
  const auth = useAuthStore();
  const boundary = ref<BoundaryGeometry | null>(null);
  const grids = ref<GridFeatureCollection | null>(null);
  const regionId = auth.me?.scope?.regionId;
  if (regionId) {
    cached(`scope.${regionId}`, async () => {
      const [region, collection] = await Promise.all([
        regionApi.get(regionId),
        regionApi.grids(regionId),
      ]);
      return { boundary: region.boundary, grids: collection };
    })
      .then((value) => {
        boundary.value = value.boundary;
        grids.value = value.grids;
      })
      .catch(() => undefined);
  }
  return { boundary, grids };
}
