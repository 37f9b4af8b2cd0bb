/** The staff console's French words: the audit area (the keys of `en-audit.ts`). */
import type { AdminCatalog } from './en.js';

export const frAudit: Pick<AdminCatalog, 'audit'> = {
  audit: {},
};
