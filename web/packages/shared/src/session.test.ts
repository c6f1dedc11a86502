import { describe, expect, it } from 'vitest';
import { safeRedirect, sessionRedirect } from './session';

describe('safeRedirect', () => {
  it('keeps a path of the site', () => {
    expect(safeRedirect('/events/7?tab=flow')).toBe('/events/7?tab=flow');
  });

  it('refuses other sites, protocol-relative paths and non-strings', () => {
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(['/events'])).toBe('/');
  });

  it('never sends back to the sign-in pages', () => {
    expect(safeRedirect('/login?redirect=/x')).toBe('/');
    expect(safeRedirect('/change-password')).toBe('/');
  });
});

describe('sessionRedirect', () => {
  const page = { path: '/events/7', fullPath: '/events/7?tab=flow' };

  it('sends a signed-out user to sign in and back', () => {
    expect(sessionRedirect(page, { isLoggedIn: false, mustChangePassword: false })).toEqual({
      path: '/login',
      query: { redirect: '/events/7?tab=flow' },
    });
    expect(
      sessionRedirect(
        { path: '/', fullPath: '/' },
        { isLoggedIn: false, mustChangePassword: false },
      ),
    ).toEqual({ path: '/login' });
  });

  it('holds a user with the initial password on the change page', () => {
    const auth = { isLoggedIn: true, mustChangePassword: true };
    expect(sessionRedirect(page, auth)).toEqual({ path: '/change-password' });
    expect(
      sessionRedirect({ path: '/change-password', fullPath: '/change-password' }, auth),
    ).toBeNull();
  });

  it('lets a signed-in user through', () => {
    expect(sessionRedirect(page, { isLoggedIn: true, mustChangePassword: false })).toBeNull();
  });
});
