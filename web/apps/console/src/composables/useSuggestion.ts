import { suggestApi, type Suggestion } from '@/api';
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

/** Debounce of the suggestion while typing (ms). */
export const SUGGEST_DELAY = 400;

/** Shortest description worth asking about. */
const MIN_LENGTH = 2;

/**
 * 智能分拨 while a report is typed: asks `POST /api/v1/events/suggest` once the description has
 * rested for {@link SUGGEST_DELAY} ms; only the latest answer is kept, and a failure just leaves
 * no suggestion (the report never depends on it).
 */
export function useSuggestion(
  input: () => { description: string; title: string; point: { lon: number; lat: number } | null },
): { suggestion: Ref<Suggestion | null>; loading: Ref<boolean>; clear: () => void } {
  const suggestion = ref<Suggestion | null>(null);
  const loading = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;

  function cancel() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function clear() {
    cancel();
    seq++;
    suggestion.value = null;
    loading.value = false;
  }

  watch(
    input,
    (value) => {
      cancel();
      const description = value.description.trim();
      if (description.length < MIN_LENGTH) {
        clear();
        return;
      }
      timer = setTimeout(async () => {
        const mine = ++seq;
        loading.value = true;
        try {
          const answer = await suggestApi.suggest({
            description,
            title: value.title.trim() || null,
            lon: value.point?.lon ?? null,
            lat: value.point?.lat ?? null,
          });
          if (mine === seq) suggestion.value = answer;
        } catch {
          if (mine === seq) suggestion.value = null;
        } finally {
          if (mine === seq) loading.value = false;
        }
      }, SUGGEST_DELAY);
    },
    { deep: true },
  );

  onBeforeUnmount(cancel);
  return { suggestion, loading, clear };
}
