/**
 * Disputes: a customer questions lines of an invoice (a reason, a quantity and an amount per line), writes
 * to the company in a thread with attachments, and may pay the undisputed rest meanwhile; staff review,
 * reply, and resolve with a credit note or reject. Request bodies are the input types of their zod
 * schemas (schemas/disputes.ts).
 */
import type { z } from 'zod';
import type { disputeReasons, disputeStatuses } from './lists';
import type {
  adminDisputeListQuery,
  disputeAssignBody,
  disputeListQuery,
  disputeMessageBody,
  disputeRejectBody,
  disputeRequestBody,
  disputeResolveBody,
  staffDisputeMessageBody,
} from './schemas/disputes';

/**
 * `open` when made; `under_review` once staff take it up; then `resolved` (a credit note for all or part
 * of the disputed amount) or `rejected` (with a reason); or `withdrawn` by the customer while open or
 * under review. Open and under review are the open states: the invoice is `disputed`, and reminders ask
 * only for the undisputed rest.
 */
export type DisputeStatus = (typeof disputeStatuses)[number];
export type DisputeReason = (typeof disputeReasons)[number];

/** `POST /disputes`. */
export type DisputeRequestBody = z.input<typeof disputeRequestBody>;
/** `GET /disputes?account=&status=`. */
export type DisputeListQuery = z.input<typeof disputeListQuery>;
/** `POST /disputes/:id/messages`. */
export type DisputeMessageBody = z.input<typeof disputeMessageBody>;
/** `GET /admin/disputes?status=&assignee=&account=`. */
export type AdminDisputeListQuery = z.input<typeof adminDisputeListQuery>;
/** `POST /admin/disputes/:id/assign`. */
export type DisputeAssignBody = z.input<typeof disputeAssignBody>;
/** `POST /admin/disputes/:id/messages`. */
export type StaffDisputeMessageBody = z.input<typeof staffDisputeMessageBody>;
/** `POST /admin/disputes/:id/resolve`. */
export type DisputeResolveBody = z.input<typeof disputeResolveBody>;
/** `POST /admin/disputes/:id/reject`. */
export type DisputeRejectBody = z.input<typeof disputeRejectBody>;

/** Attachments: images and PDFs, judged by their bytes; at most this many per dispute, each at most this size. */
export const DISPUTE_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
export type DisputeAttachmentType = (typeof DISPUTE_ATTACHMENT_TYPES)[number];
export const DISPUTE_MAX_ATTACHMENTS = 5;
export const DISPUTE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** One disputed line of the invoice. */
export interface DisputeLineView {
  /** The invoice line's `lineNo`. */
  line: number;
  description: string;
  /** The invoice line's own quantity, and its amount with its tax: the most that may be disputed of it. */
  lineQuantity: number;
  lineAmount: number;
  reason: DisputeReason;
  /** The quantity in question (decimal, like the line's); null when only an amount is disputed. */
  quantity: number | null;
  /** The amount in question, in minor units: at most the line's amount with its tax (`lineAmount`). */
  amount: number;
  note: string | null;
}

export interface DisputeAttachmentView {
  id: string;
  /** The file's name as uploaded (shown; never used to decide its type). */
  name: string;
  type: DisputeAttachmentType;
  /** Bytes. */
  size: number;
  /** The message it came with; null when it came with the dispute itself. */
  messageId: string | null;
  uploadedBy: 'customer' | 'staff';
  createdAt: string;
}

export interface DisputeMessageView {
  id: string;
  /** `system`: a step of the dispute told in the thread (under review, resolved, rejected, withdrawn). */
  author: { type: 'customer' | 'staff' | 'system'; name: string | null };
  /**
   * What was written. For a `system` message it is the step, as a code the reader puts in their own
   * words: `under_review`, `resolved`, `rejected` or `withdrawn` (the details are on the dispute).
   */
  body: string;
  /** A staff note the customer never sees (only in `/admin` answers). */
  internal: boolean;
  createdAt: string;
}

export interface DisputeInvoiceRef {
  id: string;
  number: string;
  currency: string;
  total: number;
  /** The invoice's balance now. */
  balance: number;
  dueDate: string;
}

export interface DisputeView {
  id: string;
  accountId: string;
  /** The account's (customer's) name. */
  accountName: string;
  invoice: DisputeInvoiceRef;
  status: DisputeStatus;
  /** The disputed total: the sum of the lines' amounts, in minor units of `currency`. */
  amount: number;
  currency: string;
  /**
   * What may be paid without waiting for the dispute: the invoice's balance less the disputed amount
   * while the dispute is open or under review (never below 0); the whole balance once it is decided.
   */
  undisputed: number;
  lines: DisputeLineView[];
  messages: DisputeMessageView[];
  attachments: DisputeAttachmentView[];
  /** The staff member working it; null when nobody is assigned. */
  assignee: { id: string; name: string } | null;
  /**
   * When resolved: the credit given (`creditAmount`) and its credit note. What the invoice no longer
   * owed when it was resolved (the customer had paid into the disputed part) is credit on the account,
   * `accountCredit` of it, on a second credit note.
   */
  resolution: {
    creditNoteId: string;
    creditNoteNumber: string;
    creditAmount: number;
    accountCredit: number;
    note: string;
  } | null;
  /** When rejected: why. */
  rejectionReason: string | null;
  /** The contact who opened it. */
  openedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** When it was resolved, rejected or withdrawn; null while open. */
  closedAt: string | null;
}

/** A dispute in a list: its view without the thread. */
export type DisputeSummary = Omit<DisputeView, 'messages' | 'attachments'> & {
  /** Messages in the thread the reader may see. */
  messageCount: number;
  attachmentCount: number;
};

export interface DisputeList {
  items: DisputeSummary[];
}

/** The open dispute covering an invoice, as the invoice list and detail show it. */
export interface InvoiceDisputeRef {
  id: string;
  status: DisputeStatus;
  /** The disputed amount. */
  amount: number;
}
