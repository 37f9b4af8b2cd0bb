/**
 * Locales as the API, the ERP, the settings and the elements take them: BCP 47 language tags, in their
 * canonical form. Runtime-neutral (see money.ts).
 */

/**
 * `raw` as a canonical BCP 47 tag (`fr_ca` → `fr-CA`, as people and some systems write it), or null
 * when it is not one. Any well-formed tag is kept, shipped or not: its words fall back by language,
 * and its money and dates are still its own.
 */
export function canonicalLocale(raw: string): string | null {
  const tag = raw.trim().replace(/_/g, '-');
  if (tag === '' || tag.length > 64) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
