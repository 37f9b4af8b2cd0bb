/** Accounts and invoices: what a customer owes and the money on its way to it. */
import type { InvoiceDisputeRef } from './disputes';
import type { InvoicePromiseRef } from './promises';
import type { z } from 'zod';
import type { invoiceSorts, invoiceStatusFilters } from './lists';
import type { invoiceListQuery } from './schemas/invoices';

export interface AccountSummary {
  id: string;
  name: string;
  currency: string;
  /** Sum of open invoices' balances. */
  balance: number;
  pastDue: number;
  /** What open disputes put in question (their disputed amounts; shown apart, the undisputed rest can be paid). */
  disputed: number;
  /** Unapplied credit: payments and credit notes no invoice took, usable on a later payment. */
  credit: number;
  /** Held by payments in flight (part of `balance`, not yet applied). */
  inFlight: number;
  openCount: number;
  pastDueCount: number;
  /** How many invoices each status filter shows, for the list's tabs. */
  counts: Record<InvoiceStatusFilter, number>;
}

export interface AccountList {
  items: AccountSummary[];
  /** The company the portal belongs to, for headings and emails. */
  company: { name: string; timeZone: string };
}

// ---- Invoices ---------------------------------------------------------------------------------

/** Derived: void, else paid (balance 0), else disputed (an open dispute covers it), else past due or open. */
export type InvoiceStatus = 'open' | 'past_due' | 'disputed' | 'paid' | 'void';
/** `open` is every unpaid invoice (past due and disputed included), as AR uses the word. */
export type InvoiceStatusFilter = (typeof invoiceStatusFilters)[number];
export type InvoiceSort = (typeof invoiceSorts)[number];

/** Money on its way to an invoice: payments accepted but not yet applied, failed or returned. */
export interface InFlight {
  /** Reserved by payments in flight, in minor units. */
  amount: number;
  /** When the oldest of them was accepted. */
  since: string;
  /** The oldest of them; its receipt number is what the payer was given. */
  paymentId: string;
  receiptNumber: string;
  /** `pending`: waiting on the payer (3-D Secure, PayPal); `processing`: with the bank or processor. */
  status: 'pending' | 'processing';
}

/** The detail of a `409 amount_in_flight`. */
export interface AmountInFlight {
  invoiceId: string;
  number: string;
  paymentId: string;
  receiptNumber: string;
  /** Balance minus what payments in flight hold: the most a new payment may take for this invoice. */
  payable: number;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  accountId: string;
  poNumber: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: number;
  balance: number;
  status: InvoiceStatus;
  /** Whole days past the due date of an unpaid invoice (disputed ones too), else 0. */
  daysPastDue: number;
  /** Payments in flight for this invoice; null when none. */
  inFlight: InFlight | null;
  /** What a new payment may take: balance − inFlight.amount, never below 0. */
  payable: number;
  /** The open promise to pay covering this invoice; null when none (a new promise may take it). */
  promise: InvoicePromiseRef | null;
  /**
   * The open dispute covering this invoice (open or under review); null when none. While there is one,
   * the invoice is `disputed`, and what is not in question (`balance − dispute.amount`) may still be paid.
   */
  dispute: InvoiceDisputeRef | null;
}

/** `GET /invoices` (see `invoiceListQuery` in schemas/invoices.ts). */
export type InvoiceListQuery = z.input<typeof invoiceListQuery>;

export interface InvoiceList {
  items: InvoiceSummary[];
  nextCursor: string | null;
}

export interface InvoiceLine {
  lineNo: number;
  description: string;
  sku: string | null;
  /** Decimal quantity (2.5), exact to thousandths. */
  quantity: number;
  unitPrice: number;
  amount: number;
  tax: number;
}

export interface AppliedPayment {
  paymentId: string;
  /** The receipt number the payer was given (`R-…`); how people name a payment. */
  receiptNumber: string;
  /** Calendar date the payment was applied to this invoice. */
  date: string;
  method: string;
  reference: string | null;
  amount: number;
}

export interface AppliedCredit {
  creditNoteId: string;
  number: string;
  date: string;
  amount: number;
  reason: string;
}

export interface InvoiceHistoryEntry {
  at: string;
  /** Event type, e.g. `invoice.created`, `payment.applied`, `invoice.voided`. */
  type: string;
  /** A short sentence for people. */
  label: string;
}

export interface InvoiceDetail extends InvoiceSummary {
  accountName: string;
  subtotal: number;
  taxTotal: number;
  amountPaid: number;
  amountCredited: number;
  lines: InvoiceLine[];
  payments: AppliedPayment[];
  credits: AppliedCredit[];
  history: InvoiceHistoryEntry[];
  /** Every dispute of the invoice, open or decided, newest first. */
  disputes: InvoiceDisputeRef[];
}
