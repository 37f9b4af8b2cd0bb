/** The requests of the staff console's overview (issue 13). */
import { z } from 'zod';
import { isCalendarDate } from '../dates';

/**
 * `GET /admin/overview`. `asOf`: the day the figures are as of (today in the company's time zone when
 * absent; never after today). `currency`: the ISO 4217 code whose invoices are measured (the company's
 * `currency` setting when absent); invoices in other currencies are left out.
 */
export const adminOverviewQuery = z.strictObject({
  asOf: z.string().refine(isCalendarDate, 'must be a real date as YYYY-MM-DD').optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .optional(),
});
