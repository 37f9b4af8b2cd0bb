/**
 * What the customer does on a dispute's page, and the dispute as it is afterwards: a reply (appended to
 * the thread), withdrawing behind a confirm step, and asking to pay the undisputed rest. A `409
 * dispute_not_open` (staff decided it meanwhile) loads the dispute again and says why.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../../locales/catalog.js';
import { ApiError, type PorticoApi } from '../../internal/api.js';
import { getDispute, replyToDispute, withdrawDispute } from '../../internal/dispute-api.js';
import { emit } from '../../internal/events.js';
import { describeError } from '../../internal/states.js';
import type { DisputeView } from '../../internal/types.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export class DisputeActionsController implements ReactiveController {
  /** The dispute as the actions here left it; null until one ran (the loaded one stands). */
  changed: DisputeView | null = null;
  draft = '';
  /** Which action is under way. */
  busy: 'reply' | 'withdraw' | 'pay' | null = null;
  confirmingWithdraw = false;
  /** The server said the dispute is decided, even if it could not be loaded again to show how. */
  closed = false;
  /** Why the reply was not sent (under the box). */
  replyError = '';
  /** Why an action failed or no longer applies (above the actions). */
  notice: { text: string; danger: boolean } | null = null;
  /** For the element's live region. */
  announcement = '';

  constructor(
    private readonly host: Host,
    private readonly options: { client: () => PorticoApi; t: () => Catalog },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A new dispute loaded: nothing done on it yet. */
  reset(): void {
    this.changed = null;
    this.draft = '';
    this.busy = null;
    this.confirmingWithdraw = false;
    this.closed = false;
    this.replyError = '';
    this.notice = null;
    this.announcement = '';
  }

  async reply(dispute: DisputeView): Promise<void> {
    const body = this.draft.trim();
    if (this.busy) return;
    if (!body) {
      this.replyError = this.words.replyEmpty;
      return this.refocus('#reply');
    }
    this.start('reply');
    try {
      const message = await replyToDispute(this.options.client(), dispute.id, body);
      this.changed = { ...dispute, messages: [...dispute.messages, message] };
      this.draft = '';
      this.announcement = this.words.replySent;
      emit(this.host, 'ar-dispute-message', { dispute: dispute.id, message });
    } catch (error) {
      if (!(await this.closedMeanwhile(dispute, error))) {
        this.replyError = `${this.words.replyFailed} ${describeError(error, this.options.t())}`;
      }
    } finally {
      this.finish();
    }
  }

  askWithdraw(): void {
    this.confirmingWithdraw = true;
    this.notice = null;
    void this.refocus('#keep');
  }

  dismissWithdraw(): void {
    this.confirmingWithdraw = false;
    void this.refocus('#withdraw');
  }

  async withdraw(dispute: DisputeView): Promise<void> {
    if (this.busy) return;
    this.start('withdraw');
    try {
      const withdrawn = await withdrawDispute(this.options.client(), dispute.id);
      this.changed = withdrawn;
      this.confirmingWithdraw = false;
      this.announcement = this.words.withdrawDone;
      emit(this.host, 'ar-dispute-withdrawn', { dispute: withdrawn });
      void this.refocus('#heading');
    } catch (error) {
      if (!(await this.closedMeanwhile(dispute, error))) {
        this.notice = { text: `${this.words.withdrawFailed} ${describeError(error, this.options.t())}`, danger: true };
      }
    } finally {
      this.finish();
    }
  }

  /**
   * "Pay the undisputed rest": the pay view is asked for the invoice as the list and detail give it
   * (`ar-pay-request` carries invoice summaries), so it is loaded first.
   */
  async payRest(dispute: DisputeView): Promise<void> {
    if (this.busy) return;
    this.start('pay');
    try {
      const invoice = await this.options.client().getInvoice(dispute.invoice.number);
      emit(this.host, 'ar-pay-request', { invoices: [invoice] });
    } catch (error) {
      this.notice = { text: `${this.words.payFailed} ${describeError(error, this.options.t())}`, danger: true };
    } finally {
      this.finish();
    }
  }

  private get words() {
    return this.options.t().dispute;
  }

  /** A decision fell meanwhile: the dispute as it is now, and why nothing more can be done on it. */
  private async closedMeanwhile(dispute: DisputeView, error: unknown): Promise<boolean> {
    if (!(error instanceof ApiError && error.code === 'dispute_not_open')) return false;
    this.closed = true;
    this.changed = await getDispute(this.options.client(), dispute.id).catch(() => this.changed);
    this.confirmingWithdraw = false;
    this.notice = { text: this.words.notOpen, danger: false };
    this.announcement = this.words.notOpen;
    return true;
  }

  private start(action: 'reply' | 'withdraw' | 'pay'): void {
    this.busy = action;
    this.replyError = '';
    this.notice = null;
    this.announcement = '';
    this.host.requestUpdate();
  }

  private finish(): void {
    this.busy = null;
    this.host.requestUpdate();
  }

  private async refocus(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
