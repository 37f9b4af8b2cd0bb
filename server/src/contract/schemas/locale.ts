/**
 * A locale as the API, the ERP and the settings take it: a well-formed BCP 47 tag, stored in its
 * canonical form (`fr_ca` → `fr-CA`, contract/locale.ts).
 */
import { z } from 'zod';
import { canonicalLocale } from '../locale';

export const localeSchema = z.string().transform((value, ctx) => {
  const tag = canonicalLocale(value);
  if (tag) return tag;
  ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag such as en, fr or fr-CA' });
  return z.NEVER;
});

/** `?locale=` on a download: the words, money and dates of the PDF or CSV. */
export const localeQuery = z.object({ locale: localeSchema.optional() });
