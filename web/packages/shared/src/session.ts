// The sign-in paths both apps use (each under its own base: `/` and `/m/`) and the check
// that keeps a `redirect` query from sending a user off the site after login.
export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/change-password';

/** Only same-site paths are valid redirect targets after login (no open redirect). */
export function safeRedirect(target: unknown): string {
  if (typeof target === 'string' && target.startsWith('/') && !target.startsWith('//')) {
    if (!target.startsWith(LOGIN_PATH) && !target.startsWith(CHANGE_PASSWORD_PATH)) return target;
  }
  return '/';
}

/** What the router guards need to know of the session. */
export interface SessionState {
  isLoggedIn: boolean;
  mustChangePassword: boolean;
}

/**
 * Where a page that needs a session sends a user who is signed out (to sign in, then back)
 * or must first change the initial password; `null`: the page may open.
 */
export function sessionRedirect(
  to: { path: string; fullPath: string },
  auth: SessionState,
): { path: string; query?: { redirect: string } } | null {
  if (!auth.isLoggedIn) {
    return to.fullPath === '/'
      ? { path: LOGIN_PATH }
      : { path: LOGIN_PATH, query: { redirect: to.fullPath } };
  }
  if (auth.mustChangePassword && to.path !== CHANGE_PASSWORD_PATH) {
    return { path: CHANGE_PASSWORD_PATH };
  }
  return null;
}
