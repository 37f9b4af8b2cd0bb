/**
 * "Pay automatically on that date" in `<ar-promise-to-pay>`: whether it is ticked, the method among the
 * account's `autopayMethods`, and the card or bank account entered the way the pay form takes them for
 * the provider in use (`GET /payments/config`, loaded once the box is ticked): the sandbox's fields,
 * turned into a `tok_…`/`btok_…` token here, or Stripe's Payment Element, which makes a `pm_…`. Only
 * the token reaches the Portico server, in the promise's `autopay`.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PorticoApi } from '../../internal/api.js';
import {
  checkSandboxFields,
  emptyBank,
  emptyCard,
  renderSandboxFields,
  renderSandboxNote,
  type BankFields,
  type CardFields,
  type FieldErrors,
} from '../../internal/payment-fields.js';
import { renderStripeSlot, StripeMount, type StripeFormOptions } from '../../internal/stripe.js';
import type { PaymentConfig, PaymentMethod, PromiseRequestBody } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';

export type AutopayMethod = NonNullable<PromiseRequestBody['autopay']>['method'];
export type AutopayRequest = NonNullable<PromiseRequestBody['autopay']>;

/** The checkbox's id: its errors (the ways to pay still loading, or not loaded) show under it. */
export const autopayId = 'promise-autopay';

const autopayable = (method: PaymentMethod): method is AutopayMethod => method !== 'paypal';

interface AutopayOptions {
  client: () => PorticoApi;
  /** The promise's account, once known. */
  account: () => string | null;
  /** What the promise config allows (`autopayMethods`). */
  methods: () => readonly PaymentMethod[];
  /** The promise's amount, which Stripe's form shows. */
  amount: () => number;
  /** The form is on screen (Stripe's form comes down once the promise is made). */
  active: () => boolean;
}

export class AutopayController implements ReactiveController {
  ticked = false;
  private chosen: AutopayMethod | null = null;
  card: CardFields = emptyCard;
  bank: BankFields = emptyBank;
  private sandboxOpen = false;
  private readonly stripe: StripeMount;

  /** The account's payment config: which provider takes each method, and Stripe's key. */
  private readonly config: Task<readonly [PorticoApi | null, string | null], PaymentConfig | null>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AutopayOptions,
  ) {
    host.addController(this);
    this.stripe = new StripeMount(host);
    this.config = new Task(host, {
      // Nothing to load (nor to run again) until the box is ticked.
      args: () => (this.ticked ? ([options.client(), options.account()] as const) : ([null, null] as const)),
      task: ([client, account], { signal }) =>
        client && account ? client.getPaymentConfig(account, { signal }) : Promise.resolve(null),
    });
  }

  /** Stripe's form follows what is chosen, before each render. */
  hostUpdate(): void {
    this.stripe.sync(this.stripeWanted());
  }

  /** The methods offered: those of `autopayMethods` a promise can take (never PayPal). */
  get methods(): AutopayMethod[] {
    return this.options.methods().filter(autopayable);
  }

  get method(): AutopayMethod | null {
    const methods = this.methods;
    return this.chosen && methods.includes(this.chosen) ? this.chosen : (methods[0] ?? null);
  }

  /** Other invoices: a new form. */
  reset(): void {
    this.ticked = false;
    this.chosen = null;
    this.card = emptyCard;
    this.bank = emptyBank;
  }

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private get provider(): 'stripe' | 'sandbox' | null {
    const config = this.config.value;
    if (!config) return null;
    const provider = config.methods.find((item) => item.method === this.method)?.provider;
    return provider === 'stripe' && config.stripe ? 'stripe' : 'sandbox';
  }

  private stripeWanted(): StripeFormOptions | null {
    const method = this.method;
    const config = this.config.value;
    if (!this.ticked || !this.options.active() || !method || method === 'eft' || this.provider !== 'stripe')
      return null;
    return {
      publishableKey: config!.stripe!.publishableKey,
      method,
      amount: this.options.amount(),
      currency: config!.currency,
    };
  }

  /** Field id → message for what is missing or wrong; the sandbox's token when it is complete. */
  check(t: Catalog): { errors: FieldErrors; token: string | null } {
    const errors: FieldErrors = new Map();
    const method = this.method;
    if (!this.ticked || !method) return { errors, token: null };
    const status = this.config.status;
    if (status === TaskStatus.ERROR) errors.set(autopayId, t.promise.autopayLoadFailed);
    else if (status !== TaskStatus.COMPLETE) errors.set(autopayId, t.promise.autopayLoading);
    else if (this.provider === 'stripe') {
      if (this.stripe.status !== 'ready') errors.set(autopayId, t.pay.stripeLoading);
    } else {
      const fields = checkSandboxFields(method, this.card, this.bank, t)!;
      for (const [id, message] of fields.errors) errors.set(id, message);
      return { errors, token: fields.token };
    }
    return { errors, token: null };
  }

  /** The body's `autopay`, once `check` found nothing wrong: Stripe makes its PaymentMethod here. */
  async request(t: Catalog): Promise<AutopayRequest | undefined> {
    const method = this.method;
    if (!this.ticked || !method) return undefined;
    const paymentMethod =
      this.provider === 'stripe' ? await this.stripe.form!.createPaymentMethod() : this.check(t).token!;
    return { method, paymentMethod };
  }

  render(
    errorFor: (id: string) => string | undefined,
    submitted: boolean,
    t: Catalog,
  ): TemplateResult | typeof nothing {
    const methods = this.methods;
    const method = this.method;
    if (!method) return nothing;
    // The ways to pay still loading (or not loaded) show below as they are; said here too once the promise was asked for.
    const error = submitted ? errorFor(autopayId) : undefined;
    return html`<section class="autopay-choice" part="autopay-choice" aria-labelledby="${autopayId}-label">
      <label class="check" id="${autopayId}-label">
        <input
          id=${autopayId}
          part="autopay-checkbox"
          type="checkbox"
          .checked=${this.ticked}
          aria-describedby="${autopayId}-hint${error ? ` ${autopayId}-error` : ''}"
          @change=${(event: Event) => this.set(() => (this.ticked = (event.target as HTMLInputElement).checked))}
        />
        ${t.promise.autopayLabel}
      </label>
      <p class="hint" id="${autopayId}-hint">${t.promise.autopayHint}</p>
      ${error ? html`<p class="error-text" id="${autopayId}-error">${error}</p>` : nothing}
      ${this.ticked ? html`${methods.length > 1 ? this.renderMethods(methods, method, t) : nothing} ${this.renderDetails(method, errorFor, t)}` : nothing}
    </section>`;
  }

  private renderMethods(methods: AutopayMethod[], current: AutopayMethod, t: Catalog): TemplateResult {
    return html`<fieldset class="autopay-methods">
      <legend>${t.promise.autopayMethod}</legend>
      ${methods.map(
        (method) =>
          html`<label class="check">
            <input
              type="radio"
              name="autopay-method"
              part="autopay-method"
              value=${method}
              .checked=${method === current}
              @change=${() => this.set(() => (this.chosen = method))}
            />
            ${t.pay.method(method)}
          </label>`,
      )}
    </fieldset>`;
  }

  private renderDetails(method: AutopayMethod, errorFor: (id: string) => string | undefined, t: Catalog) {
    const status = this.config.status;
    if (status === TaskStatus.ERROR) {
      return html`<div class="notice danger" part="error" role="alert">
        <p><strong>${t.promise.autopayLoadFailed}</strong></p>
        <button
          class="button secondary"
          part="button retry-button"
          type="button"
          @click=${() => void this.config.run()}
        >
          ${t.common.retry}
        </button>
      </div>`;
    }
    if (status !== TaskStatus.COMPLETE) {
      return html`<p class="pending" part="loading" role="status">
        <span class="spinner" aria-hidden="true"></span> ${t.promise.autopayLoading}
      </p>`;
    }
    if (this.provider === 'stripe') return renderStripeSlot(this.stripe.status, () => this.stripe.retry(), t);
    const on = {
      card: (fields: Partial<CardFields>) => this.set(() => (this.card = { ...this.card, ...fields })),
      bank: (fields: Partial<BankFields>) => this.set(() => (this.bank = { ...this.bank, ...fields })),
    };
    return html`${renderSandboxFields(method, this, errorFor, on, t)}
    ${renderSandboxNote(this.sandboxOpen, (open) => (this.sandboxOpen = open), t)}`;
  }
}
