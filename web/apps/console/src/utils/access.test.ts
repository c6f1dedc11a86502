import { describe, expect, it } from 'vitest';
import { hasAccess } from './access';

const auditor = ['audit:log:read', 'audit:chain:verify'];

describe('hasAccess', () => {
  it('grants a single permission the user holds', () => {
    expect(hasAccess(auditor, 'audit:log:read')).toBe(true);
  });

  it('denies a permission the user lacks', () => {
    expect(hasAccess(auditor, 'identity:user:write')).toBe(false);
  });

  it('treats an array as any-of', () => {
    expect(hasAccess(auditor, ['identity:user:read', 'audit:chain:verify'])).toBe(true);
    expect(hasAccess(auditor, ['identity:user:read', 'identity:role:read'])).toBe(false);
  });

  it('lets everybody through when nothing is required', () => {
    expect(hasAccess([], undefined)).toBe(true);
    expect(hasAccess(null, null)).toBe(true);
    expect(hasAccess([], [])).toBe(true);
    expect(hasAccess([], '')).toBe(true);
  });

  it('denies a requirement when nobody is signed in', () => {
    expect(hasAccess(null, 'region:area:read')).toBe(false);
    expect(hasAccess(undefined, ['region:area:read'])).toBe(false);
  });

  it('accepts a Set of granted permissions and does not match by prefix', () => {
    const granted = new Set(['identity:user:read']);
    expect(hasAccess(granted, 'identity:user:read')).toBe(true);
    expect(hasAccess(granted, 'identity:user')).toBe(false);
    expect(hasAccess(['identity:user'], 'identity:user:read')).toBe(false);
  });
});
