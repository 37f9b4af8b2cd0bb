/**
 * An action on a promise to pay behind a confirm step, wherever a promise is shown (the customer's
 * promises, the promise form's success state): which promise asks for confirmation, the call, and
 * the promise as it is afterwards. A `409 promise_not_open` (a verdict fell, or the automatic payment
 * ran, meanwhile) loads the promise again and says why. Stopping an automatic payment is one
 * (`stopAutopay`); cancelling a promise (`promise-cancel.ts`) works the same way.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../locales/catalog.js';
import { ApiError, type PorticoApi } from './api.js';
import { describeError } from './states.js';
import type { PromiseView } from './types.js';

export type PromiseActionHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/** What a promise's card shows about an action on it. */
export interface ActionState {
  confirming: boolean;
  busy: boolean;
  /** Why it was not done, or that it no longer can be. */
  message: { text: string; danger: boolean } | null;
}

export interface PromiseAction {
  /** The call, answering the promise as it is afterwards. */
  run: (client: PorticoApi, id: string) => Promise<PromiseView>;
  /** What is said once done, when it no longer applies, and before the error when it failed. */
  words: (t: Catalog) => { done: string; notOpen: string; failed: string };
  /** Id prefixes of the button that asks and of the confirm step's safe choice (focus goes between them). */
  ids: { ask: string; safe: string };
  /** After the call succeeded (an event, say). */
  onDone?: (promise: PromiseView) => void;
}

/** Stops a promise's scheduled automatic payment; the promise stays open. */
export const stopAutopay: PromiseAction = {
  run: (client, id) => client.cancelPromiseAutopay(id),
  words: (t) => ({ done: t.promises.stopped, notOpen: t.promises.notScheduled, failed: t.promises.stopFailed }),
  ids: { ask: 'stop-autopay', safe: 'keep-autopay' },
};

export class PromiseActionController implements ReactiveController {
  private confirming: string | null = null;
  private busy: string | null = null;
  private message: { id: string; text: string; danger: boolean } | null = null;
  /** Promises as they are since the action here. */
  private readonly changed = new Map<string, PromiseView>();
  /** For the element's live region. */
  announcement = '';

  constructor(
    private readonly host: PromiseActionHost,
    private readonly options: { client: () => PorticoApi; t: () => Catalog; action: PromiseAction },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The promise as the action here left it, or null when it did not run on it. */
  changedOf(id: string): PromiseView | null {
    return this.changed.get(id) ?? null;
  }

  state(id: string): ActionState {
    const message = this.message?.id === id ? this.message : null;
    return { confirming: this.confirming === id, busy: this.busy === id, message };
  }

  /** The confirm step shows, with focus on its safe choice. */
  ask(id: string): void {
    this.confirming = id;
    this.message = null;
    void this.refocus(`#${this.options.action.ids.safe}-${CSS.escape(id)}`);
  }

  dismiss(id: string): void {
    this.confirming = null;
    void this.refocus(`#${this.options.action.ids.ask}-${CSS.escape(id)}`);
  }

  async confirm(promise: PromiseView): Promise<void> {
    if (this.busy) return;
    const { action } = this.options;
    const client = this.options.client();
    const words = action.words(this.options.t());
    this.busy = promise.id;
    this.host.requestUpdate();
    try {
      const done = await action.run(client, promise.id);
      this.settle(done, null, words.done);
      action.onDone?.(done);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'promise_not_open') {
        const fresh = await client.getPromise(promise.id).catch(() => promise);
        this.settle(fresh, { text: words.notOpen, danger: false }, words.notOpen);
      } else {
        const text = `${words.failed} ${describeError(error, this.options.t())}`;
        this.message = { id: promise.id, text, danger: true };
      }
    } finally {
      this.busy = null;
      this.host.requestUpdate();
    }
  }

  private settle(promise: PromiseView, message: { text: string; danger: boolean } | null, announce: string): void {
    this.changed.set(promise.id, promise);
    this.confirming = null;
    this.message = message && { id: promise.id, ...message };
    this.announcement = announce;
    // The buttons are gone: focus goes to the promise's heading, and the card reads its new state.
    void this.refocus(`#promise-${CSS.escape(promise.id)}`);
  }

  private async refocus(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
