/**
 * Promises to pay: what a customer commits to (invoices, an amount, a date), how it is judged, and what
 * the promise form reads first. Request bodies are the input types of their zod schemas
 * (schemas/promises.ts).
 */
import type { z } from 'zod';
import type { promiseStatuses } from './lists';
import type { PaymentMethod } from './payments';
import type { promiseListQuery, promiseRequestBody } from './schemas/promises';

/**
 * `open` until its verdict; then `kept` (the cash applied to its invoices since it was made reached its
 * amount, or nothing is left owing on them), `partially_kept` (some), `broken` (none), or `cancelled`
 * by the customer while open. A payment returned later reopens a verdict.
 */
export type PromiseStatus = (typeof promiseStatuses)[number];

/** `POST /promises`; see schemas/promises.ts. */
export type PromiseRequestBody = z.input<typeof promiseRequestBody>;

/** `GET /promises?account=&status=`. */
export type PromiseListQuery = z.input<typeof promiseListQuery>;

export interface PromiseInvoiceView {
  id: string;
  number: string;
  dueDate: string;
  /** The invoice's balance now. */
  balance: number;
}

export interface PromiseView {
  id: string;
  accountId: string;
  status: PromiseStatus;
  /** What was promised, in minor units of `currency`. */
  amount: number;
  currency: string;
  /** The day the customer said they would pay (`YYYY-MM-DD`, the company's time zone). */
  promisedDate: string;
  /**
   * The last day of grace: the promised date plus the company's tolerance days. The verdict falls at
   * the end of this day in the company's time zone; reminders for the invoices stop until then.
   */
  deadlineDate: string;
  /** The instant of the verdict (UTC ISO-8601): the end of `deadlineDate` in the company's time zone. */
  deadline: string;
  /** The day the customer is reminded first (the day before the promised date). */
  reminderDate: string;
  note: string | null;
  invoices: PromiseInvoiceView[];
  /** Cash applied to the promise's invoices since it was made. */
  paid: number;
  /** What is left of the promise: `amount − paid`, never below 0. */
  remaining: number;
  /** Who made it: the contact's email (or the staff member's, for a promise taken by phone). */
  createdBy: string | null;
  createdAt: string;
  /** When the verdict was given (kept, partially kept, broken); null while open or when cancelled. */
  decidedAt: string | null;
  cancelledAt: string | null;
  /** Paying automatically on the promised date; null when not asked for. */
  autopay: PromiseAutopayView | null;
}

/**
 * Paying automatically on the promised date with a saved card or bank account: `scheduled` until the
 * date; then `charged` (a payment was made: see `paymentId`), `failed` (declined: the customer is
 * reminded to pay), `skipped` (nothing was left to pay), or `cancelled` by the customer before.
 */
export interface PromiseAutopayView {
  method: PaymentMethod;
  status: 'scheduled' | 'charged' | 'failed' | 'cancelled' | 'skipped';
  paymentId: string | null;
}

export interface PromiseList {
  items: PromiseView[];
}

/** `GET /promises/config?account=`: what the promise form may offer this account today. */
export interface PromiseConfig {
  accountId: string;
  currency: string;
  /** Today in the company's time zone. */
  today: string;
  /** The earliest date a promise may name (tomorrow). */
  minDate: string;
  /** The latest date a promise may name (today + the company's horizon). */
  maxDate: string;
  /** Days of grace after the promised date before the verdict. */
  toleranceDays: number;
  timeZone: string;
  /** The methods a promise may pay automatically with on its date (a saved card or bank account); empty when none. */
  autopayMethods: PaymentMethod[];
}

/** The open promise covering an invoice, as the invoice list and detail show it. */
export interface InvoicePromiseRef {
  id: string;
  promisedDate: string;
}
