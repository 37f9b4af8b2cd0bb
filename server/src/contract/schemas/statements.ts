/** Statements of account: the period and the format. */
import { z } from 'zod';
import { isCalendarDate } from '../dates';
import { statementFormats } from '../lists';
import { accountQuery } from './invoices';

const calendarDate = z.string().refine(isCalendarDate, 'must be a real date as YYYY-MM-DD');

/** `GET /statement`. Without `from` and `to`, the last 90 days; ten years at most, `from` on or before `to`. */
export const statementQuery = accountQuery.extend({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  format: z.enum(statementFormats).default('json'),
});
