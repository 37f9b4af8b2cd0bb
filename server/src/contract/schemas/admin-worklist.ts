/** The staff console's worklist (issue 13): `GET /admin/worklist`'s query. */
import { z } from 'zod';
import { MAX_PAYMENT } from '../money';

/** `GET /admin/worklist`. */
export const adminWorklistQuery = z.object({
  /** `me` (the reader's accounts), `unassigned` (no collector), or a staff user id. */
  collector: z.string().min(1).max(64).optional(),
  /** Text found in the customer's name or external id, in any case. */
  q: z.string().trim().max(100).optional(),
  /** Only customers with at least this much past due, in minor units of their currency. */
  minPastDue: z.coerce.number<string | number>().int().min(0).max(MAX_PAYMENT).optional(),
  /** Customers with an open promise, with broken promises on their unpaid invoices, or with no open promise. */
  promise: z.enum(['open', 'broken', 'none']).optional(),
  /** Customers with a standing dispute on an unpaid invoice, or with none. */
  dispute: z.enum(['open', 'none']).optional(),
  /** The `nextCursor` of the page before. */
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number<string | number>().int().min(1).max(200).default(50),
});

/** The worklist's cursor, once decoded: the instant its first page was ranked at (ms), the last row's score and id. */
export const worklistCursor = z.tuple([
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  z.string().min(1).max(64),
]);
