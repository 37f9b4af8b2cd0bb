/**
 * Cancelling an open promise to pay, with a confirm step, wherever a promise is shown (the customer's
 * promises, the promise form's success state): the generic confirm-then-call of `promise-action.ts`
 * with the cancel call, its words, and the `ar-promise-cancelled` event. A `409 promise_not_open` (a
 * verdict fell meanwhile) loads the promise again and says why it cannot be cancelled.
 */
import type { PorticoApi } from './api.js';
import type { Catalog } from '../locales/catalog.js';
import { emit } from './events.js';
import { PromiseActionController, type PromiseActionHost } from './promise-action.js';
import type { PromiseView } from './types.js';

export type { ActionState as CancelState } from './promise-action.js';

export class PromiseCancelController extends PromiseActionController {
  constructor(host: PromiseActionHost, options: { client: () => PorticoApi; t: () => Catalog }) {
    super(host, {
      ...options,
      action: {
        run: (client, id) => client.cancelPromise(id),
        words: (t) => ({ done: t.promises.cancelled, notOpen: t.promises.notOpen, failed: t.promises.cancelFailed }),
        ids: { ask: 'cancel', safe: 'keep' },
        onDone: (promise) => emit(host, 'ar-promise-cancelled', promise),
      },
    });
  }

  /** The promise as last known: as a cancel here left it, else as loaded. */
  current(promise: PromiseView): PromiseView {
    return this.changedOf(promise.id) ?? promise;
  }
}
