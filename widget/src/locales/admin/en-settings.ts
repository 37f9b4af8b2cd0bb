/** The staff console's English words: the settings area. `fr-settings.ts` has the same keys. */
export const enSettings = {
  settings: {},
};
