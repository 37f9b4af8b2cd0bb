/**
 * Keyboard movement in an ARIA tab list (automatic activation): Left and Right step, wrapping at the
 * ends; Home and End jump. Shared by the invoice list's status tabs and the pay form's method tabs.
 */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | undefined {
  const at = tabs.indexOf(current);
  const last = tabs.length - 1;
  const next = ({ ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last } as Record<string, number>)[key];
  if (next === undefined || tabs.length === 0) return undefined;
  return tabs[(next + last + 1) % (last + 1)];
}
