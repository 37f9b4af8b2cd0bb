/**
 * Dunning: the company's reminder sequence (`sequence.ts`), the daily run that sends it (`run.ts`)
 * and staff pausing a customer's reminders (`pause.ts`). Promises to pay and disputes pause it per
 * invoice; the promises slice resumes it when a promise is missed (`passOverSteps`, `takeDaySlot`).
 *
 * This module is the slice's entry: the rest of the server imports dunning from here only.
 */
export { pauseDunning } from './pause';
export {
  DUNNING_RUN,
  dueReminders,
  dunningRunHandler,
  passOverSteps,
  scheduleDunning,
  sendReminders,
  takeDaySlot,
} from './run';
export { dueStep, stepDay } from './sequence';
