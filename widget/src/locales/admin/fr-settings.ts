/** The staff console's French words: the settings area (the keys of `en-settings.ts`). */
import type { AdminCatalog } from './en.js';

export const frSettings: Pick<AdminCatalog, 'settings'> = {
  settings: {},
};
