import { setApiHandlers } from '@/api';
import { t } from '@/locales';
import { useAuthStore } from '@/stores/auth';
import { hasAccess } from '@/utils/access';
import { ElMessage } from 'element-plus';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, safeRedirect, sessionRedirect } from '@govgrid/shared';
import { createRouter, createWebHistory } from 'vue-router';
import { routes } from './routes';
import './types';

export const router = createRouter({
  // History mode: the server forwards unknown non-API paths to index.html.
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

export { CHANGE_PASSWORD_PATH, LOGIN_PATH, safeRedirect } from '@govgrid/shared';

/** The single sign-on's authorization request, answered by the server, not by the console. */
export function isSsoRequest(target: unknown): target is string {
  return typeof target === 'string' && target.startsWith('/oauth2/authorize?');
}

/**
 * Goes on to where the user was headed after signing in (and changing the password): a
 * console page, or the relying party's pending authorization request, which needs a full
 * page load so that the server sends the browser back to the application.
 */
export async function continueTo(target: unknown): Promise<void> {
  const path = safeRedirect(target);
  if (isSsoRequest(path)) {
    window.location.assign(path);
    return;
  }
  await router.replace(path);
}

router.beforeEach(async (to) => {
  const auth = useAuthStore();
  if (!auth.loaded) {
    try {
      await auth.fetchMe();
    } catch {
      // server unreachable: treated as signed out; the login page reports the failure
    }
  }
  if (to.meta.public) {
    if (to.path === LOGIN_PATH && auth.isLoggedIn) {
      if (auth.mustChangePassword) {
        return { path: CHANGE_PASSWORD_PATH, query: { redirect: to.query.redirect } };
      }
      const target = safeRedirect(to.query.redirect);
      if (isSsoRequest(target)) {
        window.location.assign(target);
        return false;
      }
      return target;
    }
    return true;
  }
  const signIn = sessionRedirect(to, auth);
  if (signIn) return signIn;
  const denied = to.matched.some((record) => !hasAccess(auth.permissions, record.meta.permission));
  if (denied) {
    return { name: 'Forbidden' };
  }
  return true;
});

router.afterEach((to) => {
  const title = to.meta.title ? t(to.meta.title) : '';
  const app = t('app.name');
  document.title = title ? `${title} - ${app}` : app;
});

let redirectingToLogin = false;

setApiHandlers({
  onUnauthorized() {
    const auth = useAuthStore();
    const current = router.currentRoute.value;
    auth.clear();
    if (current.meta.public || redirectingToLogin) return;
    redirectingToLogin = true;
    ElMessage.warning(t('common.sessionExpired'));
    router
      .push({ path: LOGIN_PATH, query: { redirect: current.fullPath } })
      .finally(() => (redirectingToLogin = false));
  },
  onPasswordChangeRequired() {
    const auth = useAuthStore();
    auth.markPasswordChangeRequired();
    if (router.currentRoute.value.path !== CHANGE_PASSWORD_PATH) {
      void router.push(CHANGE_PASSWORD_PATH);
    }
  },
});
