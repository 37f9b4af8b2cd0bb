/** The staff console's English words: the worklist area. `fr-worklist.ts` has the same keys. */
export const enWorklist = {
  worklist: {},
};
