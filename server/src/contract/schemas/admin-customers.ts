/** The requests of the staff console's customer page, its reads (issue 13). */
import { z } from 'zod';

/** `GET /admin/customers`. */
export const adminCustomerListQuery = z.object({
  /** Text found in the customer's name or external id, in any case. */
  q: z.string().trim().max(100).optional(),
  /** The `nextCursor` of the page before. */
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number<string | number>().int().min(1).max(200).default(50),
});

/** A customer id (`cus_…`) in a path; anything else is no customer (404). */
export const customerIdParam = z.string().regex(/^cus_[A-Za-z0-9_-]{1,60}$/);
