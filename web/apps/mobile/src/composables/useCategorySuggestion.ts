import { suggestApi, type Suggestion } from '@govgrid/api';
import { ref, watch } from 'vue';

/** What of the report form the suggestions read and fill. */
interface SuggestedForm {
  categoryCode: string;
  description: string;
  location: { lon: number; lat: number } | null;
}

/**
 * 智能分拨 on the phone: while online, the description suggests 小类 (debounced); the best fills
 * an empty category and follows the suggestions until the worker picks one (`choose`, or
 * `pickedOwn` after the picker); `categoryFilled` runs whenever the category is set.
 */
export function useCategorySuggestion(
  form: SuggestedForm,
  online: () => boolean,
  categoryFilled: () => void,
) {
  const suggestion = ref<Suggestion | null>(null);
  let suggestedCode = '';
  let suggestTimer: ReturnType<typeof setTimeout> | null = null;
  let suggestSeq = 0;
  watch(
    () => [form.description, form.location] as const,
    ([description, point]) => {
      if (suggestTimer) clearTimeout(suggestTimer);
      const text = description.trim();
      if (text.length < 2 || !online()) {
        suggestSeq++;
        suggestion.value = null;
        return;
      }
      suggestTimer = setTimeout(async () => {
        const mine = ++suggestSeq;
        try {
          const answer = await suggestApi.suggest({
            description: text,
            lon: point?.lon ?? null,
            lat: point?.lat ?? null,
          });
          if (mine !== suggestSeq) return;
          suggestion.value = answer;
          const best = answer.categories[0]?.code;
          if (best && (!form.categoryCode || form.categoryCode === suggestedCode)) {
            form.categoryCode = best;
            suggestedCode = best;
            categoryFilled();
          }
        } catch {
          if (mine === suggestSeq) suggestion.value = null;
        }
      }, 500);
    },
    { deep: true },
  );

  /** The worker chose a category: suggestions no longer change it. */
  function pickedOwn() {
    suggestedCode = '';
  }

  function choose(code: string) {
    form.categoryCode = code;
    pickedOwn();
    categoryFilled();
  }

  return { suggestion, choose, pickedOwn };
}
