/** The requests of the staff console's customer actions (issue 13): notes, dunning, collector, contacts, links, statements. */
import { z } from 'zod';
import { isCalendarDate } from '../dates';
import { staffInviteBody, staffUserId } from './admin-staff';
import { localeSchema } from './locale';

const calendarDate = z.string().refine(isCalendarDate, 'must be a real date as YYYY-MM-DD');
const id = z.string().min(1).max(100);

/** `POST /admin/customers/:id/notes`: a staff note on the account (a `customer.note_added` event). */
export const customerNoteBody = z.strictObject({ body: z.string().trim().min(1, 'must not be empty').max(5000) });

/** `POST /admin/customers/:id/dunning/pause`: reminders wait until this date (inclusive); null: until resumed. */
export const dunningPauseBody = z.strictObject({ until: calendarDate.nullable() });

/** `POST /admin/customers/:id/collector`: an active admin or collector, or null for every collector. */
/** `me`: the staff member acting (a collector cannot read the staff list to learn their own id). */
export const collectorAssignBody = z.strictObject({ staffUserId: z.union([staffUserId, z.literal('me')]).nullable() });

/** `POST /admin/customers/:id/contacts`: a new contact (the email normalised as staff invitations are). */
export const contactCreateBody = z.strictObject({
  email: staffInviteBody.shape.email,
  name: z.string().trim().max(200).optional(),
  locale: localeSchema.nullable().optional(),
});

/** `POST /admin/customers/:id/links`: a sign-in link, or an Easy Pay link for open invoices (all when none named). */
export const customerLinkBody = z.strictObject({
  contactId: id,
  kind: z.enum(['sign_in', 'easy_pay']),
  invoices: z.array(id).min(1).max(100).optional(),
});

/** `POST /admin/customers/:id/statement/send`: to one contact (default: every contact), for a period (default: the last 90 days). */
export const statementSendBody = z
  .strictObject({ contactId: id.optional(), from: calendarDate.optional(), to: calendarDate.optional() })
  .refine((b) => !b.from || !b.to || b.from <= b.to, '`from` must be on or before `to`');
