import { authApi, type LoginRequest, type Me } from '@/api';
import { hasAccess, type AccessRequirement } from '@/utils/access';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

/** The signed-in user as the server sees it (`GET /api/v1/auth/me`). */
export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null);
  /** true once we asked the server who we are (answer may be "nobody"). */
  const loaded = ref(false);

  const permissions = computed(() => new Set(me.value?.permissions ?? []));
  const isLoggedIn = computed(() => me.value !== null);
  const mustChangePassword = computed(() => me.value?.mustChangePassword === true);

  function can(required: AccessRequirement): boolean {
    return hasAccess(permissions.value, required);
  }

  /** Asks the server; a 401 is an answer, not an error. */
  async function fetchMe(): Promise<Me | null> {
    try {
      me.value = await authApi.me(true);
    } catch (error) {
      me.value = null;
      if ((error as { status?: number }).status !== 401) {
        loaded.value = true;
        throw error;
      }
    }
    loaded.value = true;
    return me.value;
  }

  async function login(request: LoginRequest): Promise<Me> {
    const result = await authApi.login(request);
    me.value = result;
    loaded.value = true;
    return result;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clear();
    }
  }

  function clear(): void {
    me.value = null;
    loaded.value = true;
  }

  function markPasswordChangeRequired(): void {
    if (me.value) me.value = { ...me.value, mustChangePassword: true };
  }

  return {
    me,
    loaded,
    permissions,
    isLoggedIn,
    mustChangePassword,
    can,
    fetchMe,
    login,
    logout,
    clear,
    markPasswordChangeRequired,
  };
});
