/**
 * The closed lists the API, the database and the widget all name: written once here, the types in
 * the other contract modules derive from them, and the request schemas, the schema's column enums and the
 * widget's tabs use them. Runtime-neutral (see money.ts).
 */

/** Methods a payer can choose in the portal. `debit` is a debit card; `ach` a US bank debit; `eft` a Canadian one. */
export const paymentMethods = ['card', 'debit', 'ach', 'eft', 'paypal'] as const;

/** Every method a payment may carry: the portal's, and what the ERP or staff record (cheques, wires, cash, other). */
export const recordedPaymentMethods = [...paymentMethods, 'check', 'wire', 'cash', 'other'] as const;

/** Where a payment stands (see PaymentStatus in payments.ts). */
export const paymentStatuses = ['pending', 'processing', 'succeeded', 'failed', 'refunded', 'returned'] as const;

/** The invoice list's filters, in the order its tabs show them. `open` is every unpaid invoice. */
export const invoiceStatusFilters = ['open', 'past_due', 'paid', 'disputed', 'all'] as const;

/** The invoice list's orders: a field, descending with a leading `-`; `priority` by status group (past due first), then due date. */
export const invoiceSorts = [
  'priority',
  'dueDate',
  '-dueDate',
  'issueDate',
  '-issueDate',
  'number',
  '-number',
  'total',
  '-total',
  'balance',
  '-balance',
] as const;

/** What a statement is answered as: JSON for the element, or a CSV or PDF download. */
export const statementFormats = ['json', 'csv', 'pdf'] as const;

/** Where a promise to pay stands (see PromiseStatus in promises.ts). */
export const promiseStatuses = ['open', 'kept', 'partially_kept', 'broken', 'cancelled'] as const;

/** Where a dispute stands (see DisputeStatus in disputes.ts). */
export const disputeStatuses = ['open', 'under_review', 'resolved', 'rejected', 'withdrawn'] as const;

/** Why a customer disputes an invoice line. */
export const disputeReasons = ['pricing', 'quantity', 'damaged', 'not_received', 'duplicate', 'tax', 'other'] as const;

/** The events an ERP webhook endpoint may subscribe to. */
export const ERP_WEBHOOK_EVENT_TYPES = [
  'payment.succeeded',
  'payment.applied',
  'payment.failed',
  'payment.reversed',
  'promise.created',
  'promise.kept',
  'promise.partially_kept',
  'promise.broken',
  'promise.cancelled',
  'promise.reopened',
  'dispute.opened',
  'dispute.resolved',
  'dispute.rejected',
  'dispute.withdrawn',
  'credit_note.created',
] as const;
