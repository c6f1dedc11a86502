import { patrolApi, type PatrolDomain } from '@govgrid/api';
import { ref } from 'vue';
import { cached, readCache } from '../utils/cache';

const domains = ref<PatrolDomain[]>(readCache<PatrolDomain[]>('patrol.domains') ?? []);
let loading: Promise<void> | null = null;

/** The patrol domains with their checklists (the last list is kept for offline use). */
export function usePatrolDomains() {
  loading ??= cached('patrol.domains', () => patrolApi.domains())
    .then((list) => {
      domains.value = list;
    })
    .catch(() => undefined)
    .finally(() => (loading = null));
  return domains;
}
