/** The staff console's English words: the customer area. `fr-customer.ts` has the same keys. */
export const enCustomer = {
  customer: {},
};
