/**
 * Promises to pay: a customer commits to pay some invoices an amount by a date (`create.ts`); the
 * promise pauses dunning for them until its deadline, reminds the customer the day before and on the
 * date, and is judged at the deadline (`jobs.ts`; the rule and the moment cash keeps it early are the
 * ledger's, `ledger/promise-verdicts.ts`).
 *
 * This module is the slice's entry: the rest of the server imports promises from here only.
 */
export { promiseAutopayHandler } from './autopay';
export {
  cancelAutopay,
  cancelPromise,
  createPromise,
  PROMISE_AUTOPAY,
  PROMISE_REMIND,
  promiseConfig,
  promiseDeadline,
} from './create';
export { type PromiseDeps } from './deps';
export { promiseRemindHandler, promiseVerdictHandler } from './jobs';
export { listPromises, promiseView, visiblePromise } from './read';
export { PROMISE_VERDICT } from '../ledger';
