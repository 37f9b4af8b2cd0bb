/** The staff console's English words: the overview area. `fr-overview.ts` has the same keys. */
export const enOverview = {
  overview: {},
};
