/**
 * Ledger: the money rules over invoice balances. Invoices and credit notes as the ERP or the seed
 * writes them, cash application (a success applied, a return reversed), reservations (what a payment
 * in flight holds of each invoice) and the dispute predicate they share.
 *
 * This module is the slice's entry: the rest of the server imports the ledger from here only.
 */
export { applySucceededPayment, cardSurcharge, reversePayment } from './cash-application';
export { disputedAmount, disputeRef, openDisputeColumns, standingDisputes, underDispute } from './disputes';
export {
  decidePromise,
  openPromiseColumns,
  PROMISE_VERDICT,
  promiseOutcome,
  type PromiseStanding,
  promiseStanding,
  type PromiseVerdict,
} from './promise-verdicts';
export { createInvoice, type InvoiceLineInput, issueCreditNote, recordSettledPayment } from './ledger';
export { inFlightByAccount, inFlightFor, payableOf, receiptNumber, release, reserve } from './reservations';
export { surchargeOnRefund } from './cash-application';
export {
  applyStaffCredit,
  checkStaffAllocations,
  type CreditUse,
  creditSources,
  type StaffAllocation,
  takeBackPayment,
} from './staff-cash';
