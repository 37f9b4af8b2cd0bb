/** Promises to pay: the request that makes one, the list's query, and the id in paths. */
import { z } from 'zod';
import { isCalendarDate } from '../dates';
import { promiseStatuses } from '../lists';
import { MAX_PAYMENT } from '../money';
import { providerToken } from './payments';

/** A real calendar date, `YYYY-MM-DD` (`2026-02-30` is not one). */
const calendarDate = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date written YYYY-MM-DD, such as 2027-01-14');

/** `POST /promises`. */
export const promiseRequestBody = z.strictObject({
  account: z.string().min(1).max(64),
  /** Invoice ids (`inv_…`), each open, unpaid and under no open promise. */
  invoices: z.array(z.string().min(1).max(64)).min(1).max(200),
  /** Minor units; at most what the invoices owe (less what is disputed). Less is a partial promise. */
  amount: z.number().int().positive().max(MAX_PAYMENT),
  /** From tomorrow up to the company's horizon (30 days by default), in the company's time zone. */
  promisedDate: calendarDate,
  note: z.string().trim().max(1000).optional(),
  /**
   * Pay automatically on the promised date with a saved card or bank account: the method and the
   * provider's token made in the browser (as for `POST /payments`; never card or bank numbers).
   */
  autopay: z
    .strictObject({
      method: z.enum(['card', 'debit', 'ach', 'eft']),
      paymentMethod: providerToken,
    })
    .optional(),
});

/** `GET /promises`. */
export const promiseListQuery = z.object({
  account: z.string().min(1).max(64).optional(),
  status: z.enum(promiseStatuses).optional(),
});

/** A promise id (`ptp_…`) in a path. */
export const promiseId = z.string().regex(/^ptp_[A-Za-z0-9]{1,60}$/);
