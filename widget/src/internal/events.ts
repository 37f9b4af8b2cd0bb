/**
 * The widget's DOM events: names, detail types, and their place in `HTMLElementEventMap`, declared
 * once for every element that fires them. All bubble and are composed, so a page can listen on
 * `document` as well as on the element.
 */
import type { ApiErrorCode } from './api.js';
import type { SessionEndReason } from './session-store.js';
import type {
  AccountSummary,
  DisputeMessageView,
  DisputeView,
  InvoiceSort,
  InvoiceStatusFilter,
  InvoiceSummary,
  PaymentView,
  PromiseView,
  SessionInfo,
} from './types.js';

/** `ar-login`: a session started (a link or code was exchanged). Never carries the token. */
export type ArLoginDetail = SessionInfo;

/** `ar-logout`: the session ended, by the person's choice or because the server ended it. */
export interface ArLogoutDetail {
  reason: SessionEndReason;
}

/** `ar-account-change`: the person switched to another of their customer accounts. */
export interface ArAccountChangeDetail {
  account: AccountSummary;
}

/** `ar-invoice-select`: an invoice row was activated by click, Enter or Space. */
export interface ArInvoiceSelectDetail {
  invoice: InvoiceSummary;
}

/** `ar-filter-change`: the invoice list's status tab, search or sort changed. */
export interface ArFilterChangeDetail {
  status: InvoiceStatusFilter;
  /** The search as sent to the server; empty for none. */
  q: string;
  sort: InvoiceSort;
}

/**
 * `ar-selection-change`, `ar-pay-request`, `ar-promise-request`, `ar-dispute-request`: the invoices
 * ticked in the list (in the order they were ticked), and what the person asked to do with them
 * (`ar-promise-request` and `ar-dispute-request` also from an invoice's detail, with that one invoice;
 * `ar-pay-request` also from a dispute just opened, to pay the undisputed rest).
 */
export interface ArInvoicesDetail {
  invoices: InvoiceSummary[];
}

/** `ar-navigate`: an element asks the portal to go to a route, e.g. `invoices` or `statement`. */
export interface ArNavigateDetail {
  route: string;
}

/** `ar-payment-succeeded`: the payment went through; the receipt is shown. */
export type ArPaymentSucceededDetail = PaymentView;

/** `ar-payment-processing`: a bank debit was accepted and settles in a few days; invoices update then. */
export type ArPaymentProcessingDetail = PaymentView;

/**
 * `ar-payment-failed`: the payment was declined (the `PaymentView`, with `failure.code` and `.message`),
 * or refused before any charge, in the API's error shape (`{error: {code, message}}`, e.g.
 * `amount_changed`, `provider_error`). Tell the two apart with `'error' in detail`. Not fired for a
 * network error, where the outcome is unknown and the form offers to send the same attempt again.
 */
export type ArPaymentFailedDetail = PaymentView | { error: { code: ApiErrorCode; message: string } };

/** `ar-promise-created`: a promise to pay was recorded; reminders for its invoices pause. */
export type ArPromiseCreatedDetail = PromiseView;

/** `ar-promise-cancelled`: an open promise was cancelled (`status: 'cancelled'`); reminders resume. */
export type ArPromiseCancelledDetail = PromiseView;

/** `ar-dispute-opened`: a dispute was opened (its files, if any, are attached after this). */
export interface ArDisputeOpenedDetail {
  dispute: DisputeView;
}

/** `ar-dispute-message`: the customer replied in a dispute's thread. `dispute` is its id. */
export interface ArDisputeMessageDetail {
  dispute: string;
  message: DisputeMessageView;
}

/** `ar-dispute-withdrawn`: the customer withdrew a dispute (`status: 'withdrawn'`). */
export interface ArDisputeWithdrawnDetail {
  dispute: DisputeView;
}

/** `ar-dispute-view-request`: the person asked to see a dispute's page; the portal goes to `disputes/<id>`. */
export interface ArDisputeViewRequestDetail {
  /** The dispute's id (`dsp_…`). */
  dispute: string;
}

export function emit<K extends keyof PorticoEventDetails>(
  target: EventTarget,
  type: K,
  detail: PorticoEventDetails[K],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

export interface PorticoEventDetails {
  'ar-login': ArLoginDetail;
  'ar-logout': ArLogoutDetail;
  'ar-account-change': ArAccountChangeDetail;
  'ar-invoice-select': ArInvoiceSelectDetail;
  'ar-filter-change': ArFilterChangeDetail;
  'ar-selection-change': ArInvoicesDetail;
  'ar-pay-request': ArInvoicesDetail;
  'ar-promise-request': ArInvoicesDetail;
  'ar-dispute-request': ArInvoicesDetail;
  'ar-navigate': ArNavigateDetail;
  'ar-payment-succeeded': ArPaymentSucceededDetail;
  'ar-payment-processing': ArPaymentProcessingDetail;
  'ar-payment-failed': ArPaymentFailedDetail;
  'ar-promise-created': ArPromiseCreatedDetail;
  'ar-promise-cancelled': ArPromiseCancelledDetail;
  'ar-dispute-opened': ArDisputeOpenedDetail;
  'ar-dispute-message': ArDisputeMessageDetail;
  'ar-dispute-withdrawn': ArDisputeWithdrawnDetail;
  'ar-dispute-view-request': ArDisputeViewRequestDetail;
}

declare global {
  interface HTMLElementEventMap {
    'ar-login': CustomEvent<ArLoginDetail>;
    'ar-logout': CustomEvent<ArLogoutDetail>;
    'ar-account-change': CustomEvent<ArAccountChangeDetail>;
    'ar-invoice-select': CustomEvent<ArInvoiceSelectDetail>;
    'ar-filter-change': CustomEvent<ArFilterChangeDetail>;
    'ar-selection-change': CustomEvent<ArInvoicesDetail>;
    'ar-pay-request': CustomEvent<ArInvoicesDetail>;
    'ar-promise-request': CustomEvent<ArInvoicesDetail>;
    'ar-dispute-request': CustomEvent<ArInvoicesDetail>;
    'ar-navigate': CustomEvent<ArNavigateDetail>;
    'ar-payment-succeeded': CustomEvent<ArPaymentSucceededDetail>;
    'ar-payment-processing': CustomEvent<ArPaymentProcessingDetail>;
    'ar-payment-failed': CustomEvent<ArPaymentFailedDetail>;
    'ar-promise-created': CustomEvent<ArPromiseCreatedDetail>;
    'ar-promise-cancelled': CustomEvent<ArPromiseCancelledDetail>;
    'ar-dispute-opened': CustomEvent<ArDisputeOpenedDetail>;
    'ar-dispute-message': CustomEvent<ArDisputeMessageDetail>;
    'ar-dispute-withdrawn': CustomEvent<ArDisputeWithdrawnDetail>;
    'ar-dispute-view-request': CustomEvent<ArDisputeViewRequestDetail>;
  }
}
