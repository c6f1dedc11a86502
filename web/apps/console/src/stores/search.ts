import { searchApi, type SearchResult } from '@/api';
import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * The last full search (the results page shows it). The words live here, not in the URL: an ID
 * number or phone typed into the box must not end up in the address bar, history or logs.
 */
export const useSearchStore = defineStore('search', () => {
  const q = ref('');
  const result = ref<SearchResult | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let controller: AbortController | null = null;

  async function run(words: string, size = 20) {
    q.value = words.trim();
    controller?.abort();
    if (!q.value) {
      result.value = null;
      return;
    }
    controller = new AbortController();
    loading.value = true;
    error.value = null;
    try {
      result.value = await searchApi.search({ q: q.value, size }, controller.signal);
    } catch (e) {
      if ((e as { name?: string }).name === 'CanceledError') return;
      error.value = e;
      result.value = null;
    } finally {
      loading.value = false;
    }
  }

  return { q, result, loading, error, run };
});
