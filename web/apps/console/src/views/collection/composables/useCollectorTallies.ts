import { collectionApi, type CollectorTally, type CollectorTallyQuery } from '@/api';
import { ref } from 'vue';

/** 网格员采集记录: records per collector (and status) in the caller's area, for a form or campaign. */
export function useCollectorTallies() {
  const tallies = ref<CollectorTally[]>([]);
  const loading = ref(false);
  let seq = 0;

  async function load(query: CollectorTallyQuery) {
    const mine = ++seq;
    loading.value = true;
    try {
      const result = await collectionApi.collectors(query);
      if (mine === seq) tallies.value = result;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  return { tallies, loading, load };
}
