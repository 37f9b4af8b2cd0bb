/**
 * Cancelling an open promise to pay, with a confirm step, wherever a promise is shown (the customer's
 * promises, the promise form's success state): which promise asks for confirmation, the call, the
 * `ar-promise-cancelled` event, and the promise as it is afterwards. A `409 promise_not_open` (a verdict
 * fell meanwhile) loads the promise again and says why it cannot be cancelled.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../locales/catalog.js';
import { ApiError, type PorticoApi } from './api.js';
import { emit } from './events.js';
import { describeError } from './states.js';
import type { PromiseView } from './types.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/** What a promise's card shows about cancelling it. */
export interface CancelState {
  confirming: boolean;
  busy: boolean;
  /** Why it was not cancelled, or that it no longer can be. */
  message: { text: string; danger: boolean } | null;
}

export class PromiseCancelController implements ReactiveController {
  private confirming: string | null = null;
  private busy: string | null = null;
  private message: { id: string; text: string; danger: boolean } | null = null;
  /** Promises as they are since a cancel here (cancelled, or found decided). */
  private readonly changed = new Map<string, PromiseView>();
  /** For the element's live region. */
  announcement = '';

  constructor(
    private readonly host: Host,
    private readonly options: { client: () => PorticoApi; t: () => Catalog },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The promise as last known: as a cancel here left it, else as loaded. */
  current(promise: PromiseView): PromiseView {
    return this.changed.get(promise.id) ?? promise;
  }

  state(id: string): CancelState {
    const message = this.message?.id === id ? this.message : null;
    return { confirming: this.confirming === id, busy: this.busy === id, message };
  }

  /** "Cancel promise": the confirm step shows, with focus on its safe choice. */
  ask(id: string): void {
    this.confirming = id;
    this.message = null;
    void this.refocus(`#keep-${CSS.escape(id)}`);
  }

  /** "Keep it": back to the Cancel button. */
  dismiss(id: string): void {
    this.confirming = null;
    void this.refocus(`#cancel-${CSS.escape(id)}`);
  }

  async confirm(promise: PromiseView): Promise<void> {
    if (this.busy) return;
    const { client, t } = { client: this.options.client(), t: this.options.t() };
    this.busy = promise.id;
    this.host.requestUpdate();
    try {
      const cancelled = await client.cancelPromise(promise.id);
      this.settle(cancelled, null, t.promises.cancelled);
      emit(this.host, 'ar-promise-cancelled', cancelled);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'promise_not_open') {
        const fresh = await client.getPromise(promise.id).catch(() => promise);
        this.settle(fresh, { text: t.promises.notOpen, danger: false }, t.promises.notOpen);
      } else {
        this.message = { id: promise.id, text: `${t.promises.cancelFailed} ${describeError(error, t)}`, danger: true };
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
    // The buttons are gone: focus goes to the promise's heading, which now reads its new state.
    void this.refocus(`#promise-${CSS.escape(promise.id)}`);
  }

  private async refocus(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
