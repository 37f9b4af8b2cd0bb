/**
 * The widget's DOM events: names, detail types, and their place in `HTMLElementEventMap`, declared
 * once for every element that fires them. All bubble and are composed, so a page can listen on
 * `document` as well as on the element.
 */
import type { AccountSummary, InvoiceSummary, SessionInfo } from './types.js';
import type { SessionEndReason } from './session-store.js';

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
}

declare global {
  interface HTMLElementEventMap {
    'ar-login': CustomEvent<ArLoginDetail>;
    'ar-logout': CustomEvent<ArLogoutDetail>;
    'ar-account-change': CustomEvent<ArAccountChangeDetail>;
    'ar-invoice-select': CustomEvent<ArInvoiceSelectDetail>;
  }
}
