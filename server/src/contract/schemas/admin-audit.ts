/** The staff console's audit log: the list's query and the export's (the same filters). */
import { z } from 'zod';
import { isCalendarDate } from '../dates';

const calendarDate = z.string().refine(isCalendarDate, 'must be a real date as YYYY-MM-DD');
const id = z.string().trim().min(1).max(320);

const auditFilters = z.object({
  /** One event type exactly (`payment.succeeded`). */
  type: z.string().trim().min(1).max(100).optional(),
  /** Types that begin with this (`payment.`, `dispute`). */
  typePrefix: z.string().trim().min(1).max(100).optional(),
  /** The actor's id: a staff id, an email (any case) or an ERP key id. */
  actor: id.optional(),
  /** A customer id (`cus_…`). */
  customer: id.optional(),
  /** A subject's id (`inv_…`, `pay_…`, `dsp_…`). */
  subject: id.optional(),
  /** Text found in the type, the actor's id or name, the subject's id or the customer's name. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Calendar dates in the company's time zone, both days included. */
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

type Filters = z.output<typeof auditFilters>;
const fromBeforeTo = (f: Filters) => !f.from || !f.to || f.from <= f.to;
const fromBeforeToIssue = { message: 'must be on or before `to`', path: ['from'] };

/** `GET /admin/events`. */
export const auditEventListQuery = auditFilters
  .extend({
    /** The `nextCursor` of the page before. */
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,14}$/, 'must be the nextCursor of a previous page')
      .transform(Number)
      .optional(),
    limit: z.coerce.number<string | number>().int().min(1).max(200).default(50),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);

/** `GET /admin/events/export.csv`. */
export const auditExportQuery = auditFilters.refine(fromBeforeTo, fromBeforeToIssue);
