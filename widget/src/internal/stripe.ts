/**
 * Stripe's Payment Element for `<ar-easy-pay>`, used only when the server's payment config names
 * Stripe for the chosen method. Stripe.js is loaded from js.stripe.com (as Stripe requires) the first
 * time it is needed and never otherwise, so the sandbox and PayPal cost nothing and a page without
 * Stripe makes no request to it. Card and bank details go from Stripe's iframe to Stripe; the
 * Portico server only sees the PaymentMethod id and then the PaymentIntent it creates.
 *
 * Stripe's iframe is mounted in a light-DOM child of the element, shown through a named slot: Stripe
 * Elements are not made to live inside a shadow root.
 *
 * Only the few Stripe.js calls used here are typed, instead of depending on `@stripe/stripe-js`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Catalog } from '../locales/catalog.js';

/** Where Stripe.js must be loaded from; a page's CSP must allow it in `script-src` and `frame-src`. */
export const stripeJsUrl = 'https://js.stripe.com/v3/';

/** The slot the Payment Element's container is assigned to. */
export const stripeSlot = 'stripe-payment';

interface StripeError {
  message?: string;
}

interface StripeElement {
  mount(target: HTMLElement): void;
  destroy(): void;
}

interface StripeElements {
  create(type: 'payment', options?: { layout?: 'tabs' | 'accordion' }): StripeElement;
  update(options: { amount: number }): void;
  submit(): Promise<{ error?: StripeError }>;
}

interface StripeJs {
  elements(options: {
    mode: 'payment';
    amount: number;
    currency: string;
    paymentMethodCreation: 'manual';
    paymentMethodTypes: string[];
  }): StripeElements;
  createPaymentMethod(options: {
    elements: StripeElements;
  }): Promise<{ paymentMethod?: { id: string }; error?: StripeError }>;
  confirmPayment(options: {
    elements: StripeElements;
    clientSecret: string;
    redirect: 'if_required';
    confirmParams: { return_url: string };
  }): Promise<{ error?: StripeError }>;
  handleNextAction(options: { clientSecret: string }): Promise<{ error?: StripeError }>;
}

type StripeFactory = (publishableKey: string, options?: { locale?: string }) => StripeJs;

declare global {
  interface Window {
    Stripe?: StripeFactory;
  }
}

/** Stripe's own message (it is written for payers), or ours when it sent none. */
export class StripeFormError extends Error {
  override readonly name = 'StripeFormError';
}

let loading: Promise<StripeFactory> | undefined;

/** Loads Stripe.js once per page; a failed load is forgotten so a retry can try again. */
export function loadStripeJs(): Promise<StripeFactory> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = stripeJsUrl;
    script.async = true;
    script.addEventListener('load', () =>
      window.Stripe ? resolve(window.Stripe) : reject(new StripeFormError('Stripe.js did not start.')),
    );
    script.addEventListener('error', () => {
      script.remove();
      reject(new StripeFormError('Stripe.js could not be loaded.'));
    });
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export interface StripeFormOptions {
  publishableKey: string;
  /** `ach` shows a US bank account form; the card methods a card form. */
  method: 'card' | 'debit' | 'ach';
  /** The total in minor units, which some payment methods show. */
  amount: number;
  currency: string;
}

/** A mounted Payment Element: makes the PaymentMethod before paying and confirms the intent after. */
export class StripePaymentForm {
  private constructor(
    private readonly stripe: StripeJs,
    private readonly elements: StripeElements,
    private readonly element: StripeElement,
    private readonly container: HTMLElement,
  ) {}

  static async mount(host: HTMLElement, options: StripeFormOptions): Promise<StripePaymentForm> {
    const Stripe = await loadStripeJs();
    const stripe = Stripe(options.publishableKey, { locale: 'auto' });
    const elements = stripe.elements({
      mode: 'payment',
      // Stripe refuses 0; the amount is only shown, the server's PaymentIntent is what is charged.
      amount: Math.max(1, options.amount),
      currency: options.currency.toLowerCase(),
      paymentMethodCreation: 'manual',
      paymentMethodTypes: options.method === 'ach' ? ['us_bank_account'] : ['card'],
    });
    const container = document.createElement('div');
    container.slot = stripeSlot;
    host.append(container);
    const element = elements.create('payment', { layout: 'tabs' });
    element.mount(container);
    return new StripePaymentForm(stripe, elements, element, container);
  }

  update(amount: number): void {
    this.elements.update({ amount: Math.max(1, amount) });
  }

  /** Checks the form and makes a PaymentMethod; its id is what the Portico server receives. */
  async createPaymentMethod(): Promise<string> {
    const submitted = await this.elements.submit();
    if (submitted.error) throw new StripeFormError(submitted.error.message ?? '');
    const { paymentMethod, error } = await this.stripe.createPaymentMethod({ elements: this.elements });
    if (error || !paymentMethod) throw new StripeFormError(error?.message ?? '');
    return paymentMethod.id;
  }

  /**
   * Finishes the server's PaymentIntent in the browser. A card intent was confirmed on the server with
   * our PaymentMethod, so only its next action (3-D Secure) is left: `handleNextAction`. A bank debit
   * needs the mandate the Payment Element shows, so it is confirmed here: `confirmPayment`.
   */
  async confirm(clientSecret: string, method: string): Promise<void> {
    if (method !== 'ach') {
      const { error } = await this.stripe.handleNextAction({ clientSecret });
      if (error) throw new StripeFormError(error.message ?? '');
      return;
    }
    const { error } = await this.stripe.confirmPayment({
      elements: this.elements,
      clientSecret,
      redirect: 'if_required',
      confirmParams: { return_url: location.href },
    });
    if (error) throw new StripeFormError(error.message ?? '');
  }

  destroy(): void {
    this.element.destroy();
    this.container.remove();
  }
}

export type StripeStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Keeps one Payment Element mounted in `host` while the form wants one (`sync` on every update),
 * and none otherwise: leaving a Stripe method, finishing, or leaving the page takes it down.
 */
export class StripeMount implements ReactiveController {
  status: StripeStatus = 'idle';
  form: StripePaymentForm | null = null;
  private key = '';
  private amount = -1;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  /** Called before each render with what should be mounted; null for nothing. */
  sync(wanted: StripeFormOptions | null): void {
    const key = wanted ? `${wanted.method}|${wanted.publishableKey}|${wanted.currency}` : '';
    if (key === this.key) {
      if (wanted && this.form && wanted.amount !== this.amount) this.form.update(wanted.amount);
      this.amount = wanted?.amount ?? -1;
      return;
    }
    this.destroy();
    if (!wanted) return;
    this.key = key;
    this.amount = wanted.amount;
    this.status = 'loading';
    StripePaymentForm.mount(this.host, wanted).then(
      (form) => {
        if (this.key !== key) return form.destroy();
        this.form = form;
        this.status = 'ready';
        this.host.requestUpdate();
      },
      () => {
        if (this.key !== key) return;
        this.status = 'failed';
        this.host.requestUpdate();
      },
    );
  }

  /** After a failed load: try again on the next update. */
  retry(): void {
    this.destroy();
    this.host.requestUpdate();
  }

  /** No update is asked for here: this runs before a render, or as the element leaves the page. */
  destroy(): void {
    this.form?.destroy();
    this.form = null;
    this.key = '';
    this.status = 'idle';
  }
}

/** Stripe's own form, shown through a slot (see stripe.ts), with its loading and failed states. */
export function renderStripeSlot(status: StripeStatus, retry: () => void, t: Catalog): TemplateResult {
  return html`${
      status === 'loading'
        ? html`<p class="pending" part="loading" role="status">
            <span class="spinner" aria-hidden="true"></span> ${t.pay.stripeLoading}
          </p>`
        : nothing
    }
    ${
      status === 'failed'
        ? html`<div class="notice danger" part="error" role="alert">
            <p><strong>${t.pay.stripeFailed}</strong> ${t.common.networkError}</p>
            <button class="button secondary" part="button retry-button" type="button" @click=${retry}>
              ${t.common.retry}
            </button>
          </div>`
        : nothing
    } <slot name=${stripeSlot}></slot>`;
}
