/**
 * The requests of the staff console's money actions (issue 13): an offline payment, applying credit, a
 * credit note, a phone promise, a refund, and the payments and promises queues. The types they accept are
 * written out in `../admin-money.ts`; `contract-schemas.test.ts` holds the two together.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates';
import { paymentStatuses, promiseStatuses } from '../lists';
import { MAX_PAYMENT } from '../money';

const minor = z.number().int().positive().max(MAX_PAYMENT);
const invoiceId = z.string().min(1).max(64);
const calendarDate = z.string().refine(isCalendarDate, 'must be a real date as YYYY-MM-DD');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');

/** One invoice and what to apply to it. */
export const adminAllocationInput = z.strictObject({ invoiceId, amount: minor });

/** Each invoice at most once. */
const allocationList = z
  .array(adminAllocationInput)
  .max(200)
  .refine((list) => new Set(list.map((a) => a.invoiceId)).size === list.length, 'an invoice is listed twice');

/** `POST /admin/customers/:id/payments` (with an `Idempotency-Key` header). */
export const offlinePaymentBody = z.strictObject({
  method: z.enum(['cheque', 'wire', 'cash', 'other']),
  amount: minor,
  currency,
  receivedOn: calendarDate,
  reference: z.string().trim().max(100).optional(),
  allocations: allocationList.optional(),
  note: z.string().trim().max(1000).optional(),
});

/** `POST /admin/customers/:id/credit/apply`. */
export const applyCreditBody = z.strictObject({
  currency,
  allocations: allocationList.refine((list) => list.length > 0, 'name at least one invoice'),
});

/** `POST /admin/customers/:id/credit-notes`. */
export const adminCreditNoteBody = z.strictObject({
  invoiceId: invoiceId.nullable(),
  amount: minor,
  currency,
  reason: z.string().trim().min(1, 'must not be empty').max(500),
});

/** `POST /admin/customers/:id/promises`. */
export const phonePromiseBody = z.strictObject({
  invoices: z
    .array(z.strictObject({ invoiceId, amount: minor.optional() }))
    .min(1)
    .max(200)
    .refine((list) => new Set(list.map((a) => a.invoiceId)).size === list.length, 'an invoice is listed twice'),
  promisedDate: calendarDate,
  contactId: z.string().min(1).max(100).nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});

/** `POST /admin/payments/:id/refund`. */
export const adminRefundBody = z.strictObject({
  amount: minor.optional(),
  reason: z.string().trim().min(1, 'must not be empty').max(500),
});

const listCursor = z.string().max(512).optional();
const listLimit = z.coerce.number<string | number>().int().min(1).max(200).default(50);
const customerFilter = z.string().regex(/^cus_[A-Za-z0-9_-]{1,60}$/, 'must be a customer id');

/** `GET /admin/payments`. */
export const adminPaymentListQuery = z.object({
  status: z.enum(paymentStatuses).optional(),
  customer: customerFilter.optional(),
  /** Receipt number, reference or customer name, in any case. */
  q: z.string().trim().max(100).optional(),
  cursor: listCursor,
  limit: listLimit,
});

/** `GET /admin/promises`. */
export const adminPromiseListQuery = z.object({
  status: z.enum(promiseStatuses).optional(),
  due: z.enum(['this_week', 'overdue']).optional(),
  customer: customerFilter.optional(),
  cursor: listCursor,
  limit: listLimit,
});
