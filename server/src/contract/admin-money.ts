/**
 * The staff console's money actions (issue 13): a payment received outside the portal (a cheque, a
 * wire) with its cash application, applying a customer's unapplied credit to invoices, a credit note
 * staff issue, a promise taken by phone, the payments and promises queues, and a refund through the
 * provider. Money is integer minor units of `currency`; each action is one transaction with its event.
 *
 * Request bodies are written here as plain types; the zod schemas (`schemas/admin-money.ts`) must
 * accept exactly these shapes.
 */
import type { CustomerSummaryRow } from './admin-customers';
import type { PaymentStatus, PaymentView } from './payments';
import type { PromiseStatus, PromiseView } from './promises';

/** How money that did not come through the portal arrived. */
export type OfflinePaymentMethod = 'cheque' | 'wire' | 'cash' | 'other';

/** One invoice and what to apply to it. */
export interface AdminAllocationInput {
  invoiceId: string;
  amount: number;
}

/**
 * `POST /admin/customers/:id/payments` (with an `Idempotency-Key` header: the same key records it once).
 * `allocations` empty or absent: cash application puts it on the oldest undisputed invoices, as for a
 * payment from the portal; what no invoice takes becomes unapplied credit. `receivedOn` is the day the
 * money arrived (company time zone; not in the future). Answered `201` with the `AdminPaymentRow`
 * (`200` and the same payment for a repeated key and body; `409 idempotency_conflict` for another body).
 */
export interface OfflinePaymentBody {
  method: OfflinePaymentMethod;
  amount: number;
  currency: string;
  receivedOn: string;
  /** The cheque number or the bank's reference, shown to staff and sent to the ERP. */
  reference?: string;
  allocations?: AdminAllocationInput[];
  note?: string;
}

/**
 * `POST /admin/customers/:id/credit/apply`: uses the customer's unapplied credit (from payments and
 * credit notes, oldest first) on these invoices. `409 credit_insufficient` when the credit is less than
 * the total; `422 allocation_exceeds_balance` when an amount is more than an invoice's payable balance.
 */
export interface ApplyCreditBody {
  currency: string;
  allocations: AdminAllocationInput[];
}

export interface ApplyCreditResult {
  /** What was applied, by invoice. */
  applied: AdminAllocationInput[];
  /** The customer's unapplied credit left in `currency`. */
  creditLeft: number;
  currency: string;
}

/**
 * `POST /admin/customers/:id/credit-notes`: a credit note on one invoice (lowers its balance; at most
 * what it still owes less what payments in flight hold) or, with `invoiceId` null, on the account (new
 * unapplied credit).
 */
export interface AdminCreditNoteBody {
  invoiceId: string | null;
  amount: number;
  currency: string;
  reason: string;
}

export interface CreditNoteView {
  id: string;
  number: string;
  customerId: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  amount: number;
  currency: string;
  reason: string;
  issueDate: string;
  /** What no invoice has taken of it yet. */
  unapplied: number;
  disputeId: string | null;
  createdAt: string;
}

/**
 * `POST /admin/customers/:id/promises`: a promise the customer made by phone, recorded by staff. Same
 * rules as the customer's own (`PromiseRequestBody`: date within the horizon, one open promise per
 * invoice), without automatic payment; `contactId` names who promised (null: the account).
 */
export interface PhonePromiseBody {
  invoices: { invoiceId: string; amount?: number }[];
  promisedDate: string;
  contactId?: string | null;
  note?: string;
}

/** A payment as the payments queue shows it: the customer's view of it, plus who paid and how it came in. */
export interface AdminPaymentRow extends Omit<PaymentView, 'method' | 'provider'> {
  method: PaymentView['method'] | OfflinePaymentMethod;
  provider: PaymentView['provider'] | 'offline';
  customer: Pick<CustomerSummaryRow, 'id' | 'name'>;
  /** Cheque number or bank reference of an offline payment; null otherwise. */
  reference: string | null;
  /** Who recorded an offline payment (staff user's name); null for the portal's. */
  recordedBy: string | null;
  /**
   * What staff may refund through its provider now, in minor units (its card surcharge goes back in
   * proportion): the payment's `amount` while it is succeeded, provider-backed and never refunded; else 0.
   * A payment is refunded once (in full or in part): a processor takes one refund per payment.
   */
  refundable: number;
}

/** `GET /admin/payments?status=&method=&customer=&q=&cursor=&limit=`: newest first. */
export interface AdminPaymentListQuery {
  status?: PaymentStatus;
  customer?: string;
  /** Receipt number, reference or customer name. */
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface AdminPaymentPage {
  items: AdminPaymentRow[];
  nextCursor: string | null;
}

/**
 * `POST /admin/payments/:id/refund`: gives back `amount` (default: all that is refundable) through the
 * payment's provider. The cash is taken off the invoices it paid (newest allocation first), which owe
 * it again; reminders follow as usual. `409 payment_not_refundable` for an offline payment, one not
 * succeeded, or nothing left to refund; `422 refund_too_large` over what is refundable.
 */
export interface AdminRefundBody {
  amount?: number;
  reason: string;
}

/** A promise in the staff queue: the customer's view plus the customer and who took it. */
export interface AdminPromiseRow extends PromiseView {
  customer: Pick<CustomerSummaryRow, 'id' | 'name'>;
  /** `customer` (the portal) or `staff` (by phone: the staff user's name in `takenBy`). */
  source: 'customer' | 'staff';
  takenBy: string | null;
}

/** `GET /admin/promises?status=&due=&customer=&cursor=&limit=`: `due=this_week` keeps open promises due in the next 7 days. */
export interface AdminPromiseListQuery {
  status?: PromiseStatus;
  due?: 'this_week' | 'overdue';
  customer?: string;
  cursor?: string;
  limit?: number;
}

export interface AdminPromisePage {
  items: AdminPromiseRow[];
  nextCursor: string | null;
}
