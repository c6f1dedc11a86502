import { authApi, type LoginRequest, type Me } from '@govgrid/api';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { readCache, writeCache } from '../utils/cache';

/**
 * The signed-in worker (`GET /api/v1/auth/me`). The last answer is kept on the phone so that the
 * app opens without a network; the server still decides on every request.
 */
export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);

  const isLoggedIn = computed(() => me.value !== null);
  const mustChangePassword = computed(() => me.value?.mustChangePassword === true);

  function set(value: Me | null) {
    me.value = value;
    loaded.value = true;
    writeCache('me', value);
  }

  async function fetchMe(): Promise<Me | null> {
    try {
      set(await authApi.me(true));
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 0) {
        // no network: carry on as the last signed-in worker
        me.value = readCache<Me>('me');
        loaded.value = true;
      } else {
        set(null);
        if (status !== 401) throw error;
      }
    }
    return me.value;
  }

  async function login(request: LoginRequest): Promise<Me> {
    const result = await authApi.login(request);
    set(result);
    return result;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      set(null);
    }
  }

  function clear(): void {
    set(null);
  }

  function markPasswordChangeRequired(): void {
    if (me.value) set({ ...me.value, mustChangePassword: true });
  }

  return {
    me,
    loaded,
    isLoggedIn,
    mustChangePassword,
    fetchMe,
    login,
    logout,
    clear,
    markPasswordChangeRequired,
  };
});
