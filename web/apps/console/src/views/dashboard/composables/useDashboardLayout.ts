import { statsApi, toApiError, type DashboardWidget } from '@/api';
import { useAuthStore } from '@/stores/auth';
import { ref } from 'vue';
import { arrange, DEFAULT_LAYOUT, toRequest } from '../utils/layout';

const STORAGE_PREFIX = 'govgrid.dashboard.layout.';

/** The server answers 404/405 while it has no layout endpoint (an older server). */
function endpointMissing(error: unknown): boolean {
  const status = toApiError(error).status;
  return status === 404 || status === 405 || status === 501;
}

/**
 * The caller's dashboard layout (`/api/v1/stats/dashboard-layout`). Where the server has no
 * such endpoint the layout is kept in this browser instead, and `local` says so.
 */
export function useDashboardLayout() {
  const auth = useAuthStore();
  const widgets = ref<DashboardWidget[]>(arrange(DEFAULT_LAYOUT.widgets));
  const local = ref(false);
  const key = () => `${STORAGE_PREFIX}${auth.me?.id ?? 'anonymous'}`;

  function readLocal(): DashboardWidget[] {
    try {
      const saved = localStorage.getItem(key());
      if (saved) {
        const parsed = JSON.parse(saved) as { widgets?: DashboardWidget[] };
        if (Array.isArray(parsed.widgets)) return arrange(parsed.widgets);
      }
    } catch {
      // unreadable: the default
    }
    return arrange(DEFAULT_LAYOUT.widgets);
  }

  /** Throws what is not an absent endpoint (the caller shows it). */
  async function load(): Promise<void> {
    try {
      const layout = await statsApi.layout();
      local.value = false;
      widgets.value = arrange(layout.widgets ?? []);
    } catch (error) {
      if (!endpointMissing(error)) throw error;
      local.value = true;
      widgets.value = readLocal();
    }
  }

  /** A 400 (bad widgets, named `widgets[i].x`) is thrown for the caller to show. */
  async function save(next: DashboardWidget[]): Promise<void> {
    const request = toRequest(next);
    if (!local.value) {
      try {
        const saved = await statsApi.saveLayout(request);
        widgets.value = arrange(saved?.widgets ?? request.widgets);
        return;
      } catch (error) {
        if (!endpointMissing(error)) throw error;
        local.value = true;
      }
    }
    localStorage.setItem(key(), JSON.stringify(request));
    widgets.value = arrange(request.widgets);
  }

  async function reset(): Promise<void> {
    if (!local.value) {
      try {
        await statsApi.resetLayout();
        await load();
        return;
      } catch (error) {
        if (!endpointMissing(error)) throw error;
        local.value = true;
      }
    }
    localStorage.removeItem(key());
    widgets.value = arrange(DEFAULT_LAYOUT.widgets);
  }

  return { widgets, local, load, save, reset };
}
