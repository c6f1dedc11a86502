import { ref } from 'vue';
import { collectionApi, type CollectionCampaign, type CollectionForm } from '@govgrid/api';
import { cached, readCache, writeCache } from '../utils/cache';

const forms = ref<CollectionForm[]>(readCache<CollectionForm[]>('collect.forms') ?? []);
const campaigns = ref<CollectionCampaign[]>(
  readCache<CollectionCampaign[]>('collect.campaigns') ?? [],
);
const loaded = ref(false);

/**
 * The forms (with their fields) and campaigns, kept in localStorage like the categories so a
 * form can be filled without a network.
 */
export function useCollectionLists() {
  async function load() {
    const [f, c] = await Promise.allSettled([
      cached('collect.forms', () => collectionApi.forms()),
      cached('collect.campaigns', () => collectionApi.campaigns()),
    ]);
    if (f.status === 'fulfilled') forms.value = f.value;
    if (c.status === 'fulfilled') campaigns.value = c.value;
    loaded.value = true;
  }
  return { forms, campaigns, loaded, load };
}

/** One form's current definition: from the server when it answers, else the kept copy. */
export async function loadForm(id: number): Promise<CollectionForm | null> {
  try {
    const form = await collectionApi.form(id);
    forms.value = forms.value.some((f) => f.id === id)
      ? forms.value.map((f) => (f.id === id ? form : f))
      : [...forms.value, form];
    writeCache('collect.forms', forms.value);
    return form;
  } catch (error) {
    const kept = forms.value.find((f) => f.id === id) ?? null;
    if (kept && (error as { status?: number }).status === 0) return kept;
    if ((error as { status?: number }).status === 0) return null;
    throw error;
  }
}
