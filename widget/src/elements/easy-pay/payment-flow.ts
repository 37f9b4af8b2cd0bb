/**
 * The payments `<ar-easy-pay>` sends, one attempt after another, as a controller of the element:
 * the request with its `Idempotency-Key`, the answer (done, processing, declined), the next action
 * the payer must take (sandbox 3-D Secure, PayPal, Stripe's confirmation) and its confirmation, and
 * what went wrong.
 *
 * Keys: each attempt gets a fresh random key. When an attempt gets no answer (a network error), its
 * key is kept with what it sent; pressing Pay again with nothing changed sends the same body with
 * the same key, so the server answers the first attempt instead of charging twice. Any answer ends
 * the attempt: after a decline, the next press is a new attempt with a new key.
 */
import type { LitElement, ReactiveController } from 'lit';
import { ApiError, type PorticoApi } from '../../internal/api.js';
import { emit } from '../../internal/events.js';
import { formatMoney } from '../../internal/format.js';
import { describeError } from '../../internal/states.js';
import { catalogFor, type Catalog } from '../../locales/catalog.js';
import type { PaymentMethod, PaymentRequestBody, PaymentView } from '../../internal/types.js';
import type { FormCheck, PayData } from './pay-form.js';
import { StripeFormError, type StripePaymentForm } from '../../internal/stripe.js';

/** What went wrong with the last attempt, shown above the Pay button. */
/** What the payer must do before the payment can finish; null when nothing. */
export interface ActionState {
  payment: PaymentView;
  confirming: boolean;
  error: string;
}

export type Problem =
  | { kind: 'declined'; message: string }
  | { kind: 'network' }
  | { kind: 'amount_changed' }
  /** `409 amount_in_flight`: a payment in flight holds part of this invoice; `payable` is what is left. */
  | { kind: 'in_flight'; number: string; receiptNumber: string; payable: number; currency: string }
  /** `409 payment_lapsed`: the payer's step (3-D Secure, PayPal) took too long or a newer payment replaced it. */
  | { kind: 'lapsed' }
  | { kind: 'error'; message: string };

interface Attempt {
  key: string;
  /** What the attempt sent, to know whether pressing Pay again is the same attempt. */
  signature: string;
  /** Stripe's PaymentMethod, made once per attempt. */
  paymentMethod: string | undefined;
}

export interface PaymentFlowOptions {
  client: () => PorticoApi;
  stripe: () => StripePaymentForm | null;
  locale: () => string | undefined;
  /**
   * The server says the total changed, or that money is in flight: load the balances again. The
   * invoices in `reset` take their new payable amount even if the payer typed one.
   */
  reload: (reset?: readonly string[]) => void;
}

export class PaymentFlow implements ReactiveController {
  /** A payment is on its way: the Pay button is disabled and says so. */
  busy = false;
  problem: Problem | null = null;
  /** The dialog the payer must answer, if any. */
  action: ActionState | null = null;
  /** The payment once it succeeded or is processing: the receipt shows it. */
  result: PaymentView | null = null;
  /** For the element's live region. */
  announcement = '';

  private attempt: Attempt | null = null;
  private answerAction: ((outcome: 'complete' | 'cancel') => void) | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly options: PaymentFlowOptions,
  ) {
    host.addController(this);
  }

  /** The words for the element's locale now, so a message follows a change of `locale`. */
  private get t(): Catalog {
    return catalogFor(this.options.locale());
  }

  hostDisconnected(): void {
    this.answerAction?.('cancel');
  }

  /** A new form: forgets the last attempt, its problem and its result. */
  reset(): void {
    this.set({ problem: null, result: null });
    this.attempt = null;
  }

  clearProblem(): void {
    if (this.problem) this.set({ problem: null });
  }

  /** Sends the payment the form describes. Busy from the first line, so a second press does nothing. */
  async submit(check: FormCheck, data: PayData, method: PaymentMethod): Promise<void> {
    if (this.busy) return;
    this.set({ busy: true, problem: null, announcement: '' });
    try {
      await this.pay(check, data, method);
    } finally {
      this.set({ busy: false });
    }
  }

  /** The payer answered the dialog. */
  answer(outcome: 'complete' | 'cancel'): void {
    this.answerAction?.(outcome);
  }

  private set(changes: Partial<Pick<PaymentFlow, 'busy' | 'problem' | 'action' | 'result' | 'announcement'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** Moves focus once the next render is on screen. */
  private focusSoon(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** The currency of the payment being made, for messages about it. */
  private currency = 'USD';

  private async pay(check: FormCheck, data: PayData, method: PaymentMethod): Promise<void> {
    this.currency = data.currency;
    const body: PaymentRequestBody = {
      account: data.account,
      allocations: check.allocations,
      method,
      ...(check.totals.credit ? { credit: check.totals.credit } : {}),
      ...(check.totals.overpayment ? { overpayment: check.totals.overpayment } : {}),
      expectedTotal: check.totals.total,
    };
    const signature = JSON.stringify([body, check.token]);
    const retry = this.attempt?.signature === signature ? this.attempt : null;
    let paymentMethod = retry ? retry.paymentMethod : (check.token ?? undefined);
    if (!retry && check.provider === 'stripe') {
      try {
        paymentMethod = await this.options.stripe()!.createPaymentMethod();
      } catch (error) {
        return this.showProblem({ kind: 'error', message: stripeMessage(error, this.t) });
      }
    }
    const attempt: Attempt = retry ?? { key: crypto.randomUUID(), signature, paymentMethod };
    this.attempt = attempt;
    let payment: PaymentView;
    try {
      const sent = { ...body, ...(paymentMethod ? { paymentMethod } : {}) };
      payment = await this.options.client().createPayment(sent, attempt.key);
    } catch (error) {
      if (isNetworkError(error)) return this.showProblem({ kind: 'network' });
      this.attempt = null;
      return this.refused(error);
    }
    this.attempt = null;
    await this.settle(payment);
  }

  /** What the server said about the payment: done, processing, declined, or waiting on the payer. */
  private async settle(payment: PaymentView): Promise<void> {
    if (payment.status === 'pending' && payment.nextAction) return this.runNextAction(payment);
    if (payment.status === 'failed' || payment.status === 'returned' || payment.status === 'refunded') {
      emit(this.host, 'ar-payment-failed', payment);
      return this.showProblem({ kind: 'declined', message: payment.failure?.message ?? this.t.pay.declined });
    }
    const total = formatMoney(payment.total, payment.currency, this.options.locale());
    const succeeded = payment.status === 'succeeded';
    this.set({ result: payment, announcement: succeeded ? this.t.pay.paid(total) : this.t.pay.submitted(total) });
    emit(this.host, succeeded ? 'ar-payment-succeeded' : 'ar-payment-processing', payment);
    this.focusSoon('#result-heading');
  }

  /** An error answer: nothing was charged. */
  private refused(error: unknown): void {
    // The session ended: the element shows the way to sign in again.
    if (error instanceof ApiError && error.status === 401) return;
    const code = error instanceof ApiError ? error.code : 'internal_error';
    const message = error instanceof ApiError ? error.message : describeError(error, this.t);
    emit(this.host, 'ar-payment-failed', { error: { code, message } });
    if (code === 'amount_changed') {
      this.options.reload();
      return this.showProblem({ kind: 'amount_changed' });
    }
    if (code === 'amount_in_flight' && error instanceof ApiError && error.inFlight) {
      const { invoiceId, number, receiptNumber, payable } = error.inFlight;
      this.options.reload([invoiceId]);
      return this.showProblem({ kind: 'in_flight', number, receiptNumber, payable, currency: this.currency });
    }
    if (code === 'payment_lapsed') {
      // Cancelled, never charged, and what it held is free again: the form reloads what is left to pay.
      this.options.reload();
      return this.showProblem({ kind: 'lapsed' });
    }
    this.showProblem({
      kind: 'error',
      message: code === 'provider_error' ? this.t.pay.providerError : describeError(error, this.t),
    });
  }

  private showProblem(problem: Problem): void {
    this.set({ problem });
    this.focusSoon('#problem');
  }

  private async runNextAction(payment: PaymentView): Promise<void> {
    const action = payment.nextAction!;
    if (action.type === 'stripe_confirm') return this.confirmWithStripe(payment, action.clientSecret);
    // The sandbox's dialogs and PayPal's popup: wait for the payer's answer, then tell the server.
    this.set({ action: { payment, confirming: false, error: '' } });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLDialogElement>('#action-dialog')?.showModal();
    for (;;) {
      const outcome = await new Promise<'complete' | 'cancel'>((resolve) => (this.answerAction = resolve));
      this.answerAction = null;
      if (!this.host.isConnected) return;
      this.set({ action: { payment, confirming: true, error: '' } });
      try {
        const confirmed = await this.options.client().confirmPayment(payment.id, { outcome });
        this.set({ action: null });
        return this.settle(confirmed);
      } catch (error) {
        if (!isNetworkError(error)) {
          this.set({ action: null });
          return this.refused(error);
        }
        // The dialog stays: the payer answers again and the answer is sent again.
        this.set({ action: { payment, confirming: false, error: this.t.pay.confirmFailed } });
      }
    }
  }

  /** Stripe confirms the PaymentIntent in the browser (3-D Secure included); the server is told how it went. */
  private async confirmWithStripe(payment: PaymentView, clientSecret: string): Promise<void> {
    let stripeError: unknown = null;
    try {
      await this.options.stripe()!.confirm(clientSecret, payment.method);
    } catch (error) {
      stripeError = error;
    }
    let confirmed: PaymentView;
    try {
      confirmed = await this.options
        .client()
        .confirmPayment(payment.id, { outcome: stripeError ? 'cancel' : 'complete' });
    } catch (error) {
      if (isNetworkError(error)) return this.showProblem({ kind: 'error', message: this.t.pay.confirmFailed });
      return this.refused(error);
    }
    if (!stripeError) return this.settle(confirmed);
    emit(this.host, 'ar-payment-failed', confirmed);
    this.showProblem({ kind: 'declined', message: stripeMessage(stripeError, this.t) });
  }
}

function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'network_error';
}

function stripeMessage(error: unknown, t: Catalog): string {
  return error instanceof StripeFormError && error.message ? error.message : t.pay.failed;
}
