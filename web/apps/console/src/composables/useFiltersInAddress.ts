import { sameQuery, withFilters, type FilterQuery } from '@/utils/listQuery';
import type { LocationQueryRaw } from 'vue-router';
import { useRoute, useRouter } from 'vue-router';

/**
 * Keeps a list page's filters in its address: call the returned function when the list loads
 * (it replaces the history entry, so the back button leaves the page rather than each search).
 */
export function useFiltersInAddress(keys: readonly string[], current: () => FilterQuery) {
  const route = useRoute();
  const router = useRouter();
  return function keep(): void {
    const query = withFilters(route.query, keys, current());
    if (sameQuery(query, route.query)) return;
    void router.replace({ query: query as LocationQueryRaw });
  };
}
