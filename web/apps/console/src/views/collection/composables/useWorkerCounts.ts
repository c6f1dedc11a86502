import { collectionApi, type CollectionRecord } from '@/api';
import { countByWorker, type WorkerCount } from '@/utils/collection';
import { ref } from 'vue';

/** The server pages by at most 200; the counts read this many pages of the newest records. */
const PAGE = 200;
const PAGES = 5;

/**
 * Records per collector (and status) in the caller's area, for one form or all. The API has no
 * per-collector totals, so they are counted over the newest {@link PAGE}×{@link PAGES} records;
 * `scanned` < `total` says the counts are partial.
 */
export function useWorkerCounts() {
  const counts = ref<WorkerCount[]>([]);
  const scanned = ref(0);
  const total = ref(0);
  const loading = ref(false);
  let seq = 0;

  async function load(formId: number | null) {
    const mine = ++seq;
    loading.value = true;
    try {
      const records: CollectionRecord[] = [];
      let all = 0;
      for (let page = 1; page <= PAGES; page++) {
        const result = await collectionApi.records({ formId, page, size: PAGE });
        all = result.total;
        records.push(...result.items);
        if (records.length >= all || result.items.length < PAGE) break;
      }
      if (mine !== seq) return;
      counts.value = countByWorker(records);
      scanned.value = records.length;
      total.value = all;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  return { counts, scanned, total, loading, load, max: PAGE * PAGES };
}
