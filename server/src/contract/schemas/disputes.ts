/** Disputes: the requests that open, discuss and decide one, the lists' queries, and the ids in paths. */
import { z } from 'zod';
import { disputeReasons, disputeStatuses } from '../lists';
import { MAX_PAYMENT } from '../money';

const minor = z.number().int().positive().max(MAX_PAYMENT);
const text = (max: number) => z.string().trim().max(max);

/** One disputed line: the invoice line's `lineNo`, why, and how much of it. */
export const disputeLineInput = z.strictObject({
  line: z.number().int().min(1).max(100_000),
  reason: z.enum(disputeReasons),
  /** The quantity in question (decimal, exact to thousandths); at most the line's quantity. */
  quantity: z
    .number()
    .positive()
    .max(1_000_000_000)
    .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'must have at most three decimals')
    .optional(),
  /** Minor units: at most the line's amount with its tax. */
  amount: minor,
  note: text(1000).optional(),
});

/** `POST /disputes`. */
export const disputeRequestBody = z.strictObject({
  /** The invoice id (`inv_…`): unpaid, not void, and under no open dispute. */
  invoice: z.string().min(1).max(64),
  lines: z.array(disputeLineInput).min(1).max(500),
  /** To the company: what is wrong, in the customer's words. */
  message: text(5000).min(1, 'must not be empty'),
});

/** `GET /disputes`. */
export const disputeListQuery = z.object({
  account: z.string().min(1).max(64).optional(),
  status: z.enum(disputeStatuses).optional(),
  /** Only the disputes of this invoice (`inv_…`). */
  invoice: z.string().min(1).max(64).optional(),
});

/** `POST /disputes/:id/messages`. */
export const disputeMessageBody = z.strictObject({
  body: text(5000).min(1, 'must not be empty'),
});

/** `GET /admin/disputes`. */
export const adminDisputeListQuery = z.object({
  status: z.enum(disputeStatuses).optional(),
  /** A staff user id, or `me` for the reader's own. */
  assignee: z.string().min(1).max(64).optional(),
  account: z.string().min(1).max(64).optional(),
});

/** `POST /admin/disputes/:id/assign`: a staff user id (an active admin or collector), or null for nobody. */
export const disputeAssignBody = z.strictObject({
  staffUserId: z.string().min(1).max(64).nullable(),
});

/** `POST /admin/disputes/:id/messages`: to the customer, or (internal) a note only staff see. */
export const staffDisputeMessageBody = z.strictObject({
  body: text(5000).min(1, 'must not be empty'),
  internal: z.boolean().optional(),
});

/** `POST /admin/disputes/:id/resolve`: a credit note of all or part of the disputed amount. */
export const disputeResolveBody = z.strictObject({
  creditAmount: minor,
  note: text(2000).min(1, 'must not be empty'),
});

/** `POST /admin/disputes/:id/reject`: why, told to the customer. */
export const disputeRejectBody = z.strictObject({
  reason: text(2000).min(1, 'must not be empty'),
});

/** A dispute id (`dsp_…`) in a path. */
export const disputeId = z.string().regex(/^dsp_[A-Za-z0-9]{1,60}$/);
/** An attachment id (`att_…`) in a path. */
export const attachmentId = z.string().regex(/^att_[A-Za-z0-9]{1,60}$/);

/** The fields beside the file of `POST /disputes/:id/attachments`: the message (`dmsg_…`) it belongs to, if any. */
export const disputeAttachmentFields = z.strictObject({
  message: z
    .string()
    .regex(/^dmsg_[A-Za-z0-9]{1,60}$/)
    .optional(),
});
