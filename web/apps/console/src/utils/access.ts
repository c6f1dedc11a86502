/** A permission requirement: one code, or a list of codes of which any one suffices. */
export type AccessRequirement = string | readonly string[] | null | undefined;

/**
 * True when the granted permissions satisfy the requirement. No requirement (undefined, null,
 * '' or []) means "open to every signed-in user"; an array means any-of.
 */
export function hasAccess(
  granted: readonly string[] | ReadonlySet<string> | null | undefined,
  required: AccessRequirement,
): boolean {
  if (required == null || required === '') return true;
  const codes = typeof required === 'string' ? [required] : required;
  if (codes.length === 0) return true;
  if (!granted) return false;
  const set: ReadonlySet<string> = granted instanceof Set ? granted : new Set(granted);
  return codes.some((code) => set.has(code));
}
