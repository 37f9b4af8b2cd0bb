/** The staff console's French words: the customer area (the keys of `en-customer.ts`). */
import type { AdminCatalog } from './en.js';

export const frCustomer: Pick<AdminCatalog, 'customer'> = {
  customer: {},
};
