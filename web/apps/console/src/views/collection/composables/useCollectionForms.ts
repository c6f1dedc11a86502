import { collectionApi, type CollectionForm } from '@/api';
import { ref } from 'vue';

const forms = ref<CollectionForm[]>([]);
let pending: Promise<CollectionForm[]> | null = null;

/**
 * The form templates (at their current version), loaded once and shared by the collection pages
 * for their form filters and to render answers; `load(true)` after a publish.
 */
export function useCollectionForms() {
  function load(force = false): Promise<CollectionForm[]> {
    if (!pending || force) {
      pending = collectionApi
        .forms()
        .then((list) => (forms.value = list))
        .catch((e: unknown) => {
          pending = null;
          throw e;
        });
    }
    return pending;
  }

  const find = (id: number | null | undefined) => forms.value.find((f) => f.id === id) ?? null;

  return { forms, load, find };
}
