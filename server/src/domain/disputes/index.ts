/**
 * Disputes: a customer questions lines of an invoice (`open.ts`), writes with the company in a thread
 * with files (`attachments.ts`), and may pay the undisputed rest meanwhile; staff take it up, reply, and
 * resolve it with a credit note or reject it (`steps.ts`). The customer is emailed at every step, the
 * routing addresses and the collector when it is opened (`notify.ts`). The disputed amount is what
 * reminders leave out and what the invoice's status and totals show apart (`ledger/disputes.ts`).
 *
 * This module is the slice's entry: the rest of the server imports disputes from here only.
 */
export { addAttachment, readAttachment, sniffAttachmentType } from './attachments';
export { type DisputeDeps } from './deps';
export { openDispute } from './open';
export { disputeView, listDisputes, listStaffDisputes, staffDispute, visibleDispute } from './read';
export {
  assignDispute,
  customerMessage,
  rejectDispute,
  resolveDispute,
  reviewDispute,
  staffMessage,
  withdrawDispute,
} from './steps';
