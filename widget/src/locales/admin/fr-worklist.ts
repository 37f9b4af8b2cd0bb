/** The staff console's French words: the worklist area (the keys of `en-worklist.ts`). */
import type { AdminCatalog } from './en.js';

export const frWorklist: Pick<AdminCatalog, 'worklist'> = {
  worklist: {},
};
