import type { Page } from '@/api';
import { reactive, ref, type Ref, type UnwrapRef } from 'vue';
import { showError } from '@/utils/notify';

export const PAGE_SIZES = [10, 20, 50, 100];

/** What the pager needs of a paged list (see `TablePager`). */
export interface PagedList {
  page: Ref<number>;
  size: Ref<number>;
  total: Ref<number>;
  load: (options?: { silent?: boolean }) => Promise<void>;
  search: () => Promise<void>;
}

/**
 * State for a server-paged table (`page` 1-based, `{items, total, page, size}` back).
 * `filters` is reactive: change it and call `search()` to go back to page 1.
 */
export function usePagedList<T, F extends object>(
  fetcher: (query: F & { page: number; size: number }) => Promise<Page<T>>,
  initialFilters: F,
  failureMessage: () => string,
) {
  const filters = reactive({ ...initialFilters }) as UnwrapRef<F>;
  const items = ref<T[]>([]) as Ref<T[]>;
  const total = ref(0);
  const page = ref(1);
  const size = ref(20);
  const loading = ref(false);

  /** `silent`: no spinner and no message on failure (a background refresh). */
  async function load(options: { silent?: boolean } = {}) {
    if (!options.silent) loading.value = true;
    try {
      const result = await fetcher({
        ...(filters as F),
        page: page.value,
        size: size.value,
      });
      items.value = result.items;
      total.value = result.total;
      // an emptied last page: step back once
      if (result.items.length === 0 && result.total > 0 && page.value > 1) {
        page.value = Math.max(1, Math.ceil(result.total / size.value));
        await load();
      }
    } catch (e) {
      if (!options.silent) showError(e, failureMessage());
    } finally {
      if (!options.silent) loading.value = false;
    }
  }

  function search() {
    page.value = 1;
    return load();
  }

  function reset() {
    Object.assign(filters as object, initialFilters);
    return search();
  }

  return { filters, items, total, page, size, loading, load, search, reset };
}
