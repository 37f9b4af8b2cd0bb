/** The staff console's French words: the overview area (the keys of `en-overview.ts`). */
import type { AdminCatalog } from './en.js';

export const frOverview: Pick<AdminCatalog, 'overview'> = {
  overview: {},
};
