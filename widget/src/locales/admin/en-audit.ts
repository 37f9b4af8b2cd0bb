/** The staff console's English words: the audit area. `fr-audit.ts` has the same keys. */
export const enAudit = {
  audit: {},
};
