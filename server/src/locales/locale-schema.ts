/**
 * A locale as the API, the ERP and the settings take it: a well-formed BCP 47 tag, stored in its
 * canonical form (`fr_ca` → `fr-CA`). Apart from catalog.ts so the PDF workers load no zod.
 */
import { z } from 'zod';
import { canonicalLocale } from './catalog';

export const localeSchema = z.string().transform((value, ctx) => {
  const tag = canonicalLocale(value);
  if (tag) return tag;
  ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag such as en, fr or fr-CA' });
  return z.NEVER;
});
