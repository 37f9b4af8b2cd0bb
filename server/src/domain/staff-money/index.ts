/**
 * Staff money actions (issue 13): what admins and collectors do with a customer's money in the staff
 * console, and the payments and promises queues they read. A payment received outside the portal with
 * its cash application (`offline-payment.ts`), applying unapplied credit and issuing credit notes
 * (`credit.ts`), a promise taken by phone (`phone-promise.ts`), a refund through the provider
 * (`refund.ts`); the queues (`payment-queue.ts`, `promise-queue.ts`). Each action is one transaction
 * with its event; the money moves through the ledger (`ledger/staff-cash.ts` and `allocate.ts`).
 *
 * This module is the slice's entry: the rest of the server imports staff money from here only.
 */
export { applyCredit, creditNoteView, issueStaffCreditNote } from './credit';
export { type MoneyActing, type MoneyDeps } from './core';
export { type OfflinePaymentResult, recordOfflinePayment } from './offline-payment';
export { adminPaymentRow, type AdminPaymentListInput, listAdminPayments } from './payment-queue';
export { recordPhonePromise } from './phone-promise';
export { type AdminPromiseListInput, listAdminPromises } from './promise-queue';
export { refundPayment } from './refund';
