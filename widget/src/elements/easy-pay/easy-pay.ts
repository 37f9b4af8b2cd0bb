import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../../internal/api.js';
import { DownloadController } from '../../internal/download-controller.js';
import { emit } from '../../internal/events.js';
import { formatMoney } from '../../internal/format.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { renderLoadError } from '../../internal/states.js';
import { TabListController } from '../../internal/tab-list-controller.js';
import type { PaymentConfig, PaymentMethod } from '../../internal/types.js';
import { styles } from './easy-pay.styles.js';
import { PayFormController } from './form-state.js';
import { renderMethods } from './methods.js';
import { loadPayData, type FormCheck, type PayData } from './pay-form.js';
import { PaymentFlow } from './payment-flow.js';
import { renderSandboxNote } from '../../internal/payment-fields.js';
import {
  renderActionDialog,
  renderCreditAndOverpayment,
  renderInvoiceTable,
  renderProblem,
  renderSummary,
} from './parts.js';
import { renderReceipt, renderWholeAccount } from './receipt.js';
import { StripeMount, type StripeFormOptions } from '../../internal/stripe.js';

/**
 * @summary Pays one or several invoices: an amount for each (the balance by default, partial allowed),
 * unapplied credit, an overpayment where the company takes one, a method (card, debit card, bank
 * transfer, PayPal) with its card surcharge shown apart, one Pay button, and the receipt.
 *
 * The payment is sent with an `Idempotency-Key` made for each attempt; after a network error the same
 * attempt is sent again with the same key, so a retry never charges twice. A decline keeps the form
 * filled for another try. Card and bank details never reach the Portico server: the sandbox's test
 * numbers become tokens in the browser, and with Stripe the details go to Stripe's own iframe
 * (Stripe.js is loaded only when the server's payment config names Stripe).
 *
 * An invoice with money in flight (a payment accepted and not yet applied) says so ("Payment of $X
 * processing since …") and offers only what is left (`payable`); one with nothing left cannot be
 * paid. A `409 amount_in_flight` (a payment made meanwhile, elsewhere) names the invoice and that
 * payment's receipt, and the form loads again with what is left. A `409 payment_lapsed` when the
 * 3-D Secure or PayPal step is confirmed (it took longer than the server waits, or a newer payment
 * replaced it) says the payment was cancelled and nothing was charged, and the form is ready to pay again.
 * An invoice under an open dispute offers the undisputed rest ("$X disputed — paying the undisputed rest").
 *
 * In an Easy Pay session (a pay link the company sent) the receipt says which invoices the payment
 * was for and offers to sign in to the whole account, with the session's email filled in.
 *
 * Inside `<ar-portal>` it shows "Back to invoices" and uses the portal's session; alone on a page it
 * uses the session of its `api` server in this tab and asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr invoice - One invoice to pay, by number (`INV-1042`) or id.
 * @attr account - Customer account id: whose open invoices to offer when none are named (empty: the session's first). Named invoices are paid on their own account.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-payment-succeeded - The payment went through. `detail` is the `PaymentView`.
 * @event ar-payment-processing - A bank debit was accepted and settles in a few days. `detail` is the `PaymentView`.
 * @event ar-payment-failed - Declined (`detail` is the `PaymentView`) or refused before any charge (`detail.error` is `{code, message}`).
 * @event ar-navigate - "Back to invoices" was pressed (inside `<ar-portal>` only). `detail.route` is `invoices`.
 * @event ar-login - A session for the whole account started from the receipt of an Easy Pay session (bubbles from the inner `<ar-login>`).
 *
 * @slot stripe-payment - Used by the element itself for Stripe's Payment Element; leave it empty.
 *
 * @csspart base - The wrapper.
 * @csspart back-button - "Back to invoices" (inside `<ar-portal>` only), above the form and on the receipt.
 * @csspart invoices - The table of invoices with their amounts.
 * @csspart row - Each invoice row.
 * @csspart input - Every text field (also `amount-input` for the amounts).
 * @csspart tabs - The payment method tabs.
 * @csspart tab - Each method tab (also `tab-selected`).
 * @csspart summary - The lines down to the total.
 * @csspart pay-button - The Pay button.
 * @csspart sandbox-note - The sandbox note with the test numbers.
 * @csspart dialog - The authentication or PayPal dialog.
 * @csspart receipt - The receipt.
 * @csspart allocations - The receipt's table of what the payment paid.
 * @csspart receipt-button - "Download receipt (PDF)".
 * @csspart in-flight - An invoice's "Payment of $X processing since …" note.
 * @csspart disputed - An invoice's "$X disputed — paying the undisputed rest" note (its amount leaves the open dispute out).
 * @csspart whole-account - After paying in an Easy Pay session: the offer to sign in to the whole account.
 * @csspart login - The `<ar-login>` that offer opens.
 * @csspart retry-button - Retry after a failed load.
 * @csspart notice - Informational messages.
 * @csspart error - Error messages (also `not-found`: an invoice the session cannot see).
 * @csspart loading - The loading state.
 * @csspart empty - The nothing-to-pay and signed-out states (also `signed-out`).
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons, the selected method and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Errors and declines.
 * @cssprop --ar-color-warning - The sandbox note.
 * @cssprop --ar-color-success - The receipt.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Labels and secondary text.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Fields and dividers.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArEasyPay extends PorticoElement {
  static override styles = styles;

  /** One invoice to pay (number or id), as an Easy Pay link's `pay/<invoice>` names it. */
  @property() accessor invoice = '';

  /** Invoices to pay, by number or id (e.g. those ticked in `<ar-invoice-list>`); with `invoice`, both. */
  @property({ attribute: false }) accessor invoices: readonly string[] = [];

  /** Whose open invoices to offer when none are named; named invoices are paid on their own account. */
  @property() accessor account = '';

  @state() private accessor sandboxOpen = false;
  /** Bumped to load balances and config again (after `amount_changed` or `amount_in_flight`). */
  @state() private accessor reloads = 0;
  /** An Easy Pay session's payer asked to sign in to the whole account. */
  @state() private accessor upgrading = false;

  private readonly form = new PayFormController(this);
  /** The receipt's PDF being fetched. */
  private readonly download = new DownloadController(this);
  private readonly methodTabs = new TabListController<PaymentMethod>(this, {
    tabs: () => this.form.data?.config?.methods.map((item) => item.method) ?? [],
    current: () => this.form.fields.method,
    select: (method) => this.selectMethod(method),
    tabElement: (method) => this.renderRoot.querySelector<HTMLElement>(`#method-${method}`),
  });
  private readonly stripe = new StripeMount(this);
  private readonly flow = new PaymentFlow(this, {
    client: () => this.client,
    stripe: () => this.stripe.form,
    locale: () => this.localeOrDefault,
    reload: (reset) => {
      this.form.forget(reset ?? []);
      this.reloads++;
    },
  });

  /** The invoices asked for, each once. */
  private get wanted(): string[] {
    return [...new Set([...this.invoices, this.invoice].map((item) => item.trim()).filter(Boolean))];
  }

  private readonly loadTask = new Task(this, {
    args: () => [this.client, this.session.token, this.account.trim(), this.wanted.join('\n'), this.reloads] as const,
    task: async ([client, token, account, wanted], { signal }) => {
      if (!token) return 'signed-out' as const;
      this.applyData(await loadPayData(client, account, wanted ? wanted.split('\n') : [], signal));
      return 'loaded' as const;
    },
  });

  protected override willUpdate(): void {
    this.stripe.sync(this.stripeWanted());
  }

  /** New data: a new set of invoices starts a new form; a reload keeps what the payer typed. */
  private applyData(data: PayData): void {
    if (this.form.apply(data, this.localeOrDefault)) {
      this.upgrading = false;
      this.flow.reset();
    }
  }

  private get formCheck(): FormCheck | null {
    return this.form.check(this.stripe.status === 'ready', this.localeOrDefault);
  }

  /** Stripe's Payment Element, when the chosen method is Stripe's and the form is showing. */
  private stripeWanted(): StripeFormOptions | null {
    const config = this.form.data?.config;
    const method = this.form.fields.method;
    const provider = config?.methods.find((item) => item.method === method)?.provider;
    if (this.flow.result || !config?.stripe || provider !== 'stripe') return null;
    if (method !== 'card' && method !== 'debit' && method !== 'ach') return null;
    const amount = this.formCheck?.totals.total ?? 0;
    return { publishableKey: config.stripe.publishableKey, method, amount, currency: config.currency };
  }

  // ---- Editing -----------------------------------------------------------------------------------

  private selectMethod(method: PaymentMethod): void {
    this.form.set({ method });
    this.flow.clearProblem();
  }

  private errorFor = (id: string): string | undefined => {
    if (!this.form.showsError(id)) return undefined;
    return this.formCheck?.errors.get(id);
  };

  // ---- Paying and after ------------------------------------------------------------------------

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    // Nothing awaits before the flow is busy: a second press finds it so and does nothing.
    if (this.flow.busy) return;
    const check = this.formCheck;
    const { data } = this.form;
    const { method } = this.form.fields;
    if (!check || !data || !method) return;
    if (check.errors.size === 0) {
      void this.flow.submit(check, data, method);
      return;
    }
    this.form.revealErrors();
    if (check.errors.has('card-number') && check.sandboxHelp) this.sandboxOpen = true;
    const first = [...check.errors.keys()][0]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(first)}`)?.focus());
  }

  private handleBack(): void {
    emit(this, 'ar-navigate', { route: 'invoices' });
  }

  private handleDownload(): Promise<void> {
    const payment = this.flow.result;
    if (!payment) return Promise.resolve();
    return this.download.save(true, () => this.client.downloadReceiptPdf(payment, { locale: this.locale }));
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    const inPortal = Boolean(this.inPortal);
    return html`<div class="base" part="base">
      ${
        inPortal && !this.flow.result
          ? html`<button class="button link back" part="button back-button" type="button" @click=${this.handleBack}>
              <span aria-hidden="true">←</span> ${this.t.pay.back}
            </button>`
          : nothing
      }
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.flow.announcement}</p>
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (!this.session.token) return html`<p class="empty" part="empty signed-out">${this.t.pay.signedOut}</p>`;
    const status = this.loadTask.status;
    if (status === TaskStatus.ERROR) return this.renderLoadError(this.loadTask.error);
    const data = this.form.data;
    // A reload (after `amount_changed`) keeps the form on screen, marked busy.
    if (!data || (status !== TaskStatus.COMPLETE && !data.config)) {
      return html`<p class="pending" part="loading" role="status">
        <span class="spinner" aria-hidden="true"></span> ${this.t.pay.loading}
      </p>`;
    }
    if (this.flow.result) {
      return html`${renderReceipt(
        this.flow.result,
        {
          locale: this.localeOrDefault,
          email: this.client.session.info?.user.email ?? null,
          downloading: this.download.busy(),
          downloadError: this.download.error?.error,
          onDownload: () => void this.handleDownload(),
          onBack: this.inPortal ? () => this.handleBack() : null,
        },
        this.t,
      )}
      ${renderWholeAccount(this.flow.result, this.client.session.info, {
        api: this.api,
        locale: this.locale,
        upgrading: this.upgrading,
        upgrade: () => (this.upgrading = true),
        t: this.t,
      })}`;
    }
    if (data.invoices.length === 0) {
      return html`<div class="empty" part="empty" role="status">
        <span class="empty-icon" aria-hidden="true">✓</span>
        <p>${data.requested ? this.t.pay.nothingToPay : this.t.pay.nothingOpen}</p>
      </div>`;
    }
    if (!data.config) return this.renderNothingPayable(data);
    return this.renderForm(data);
  }

  /** Every invoice asked for is held whole by payments in flight: shown with them, nothing to pay. */
  private renderNothingPayable(data: PayData): TemplateResult {
    return html`<section class="pay-form" aria-labelledby="pay-heading">
      <h2 id="pay-heading">${this.t.pay.heading(data.invoices.map((invoice) => invoice.number))}</h2>
      ${renderInvoiceTable(data.invoices, this.form.amounts, this.errorFor, this.localeOrDefault, () => undefined, this.t)}
      <p class="notice" part="notice" role="status">${this.t.pay.nothingPayable}</p>
    </section>`;
  }

  /** Standalone in an Easy Pay session, the form says what the link covers (the portal does it above). */
  private renderScope(data: PayData): TemplateResult | typeof nothing {
    if (this.inPortal || !this.client.session.info?.scope) return nothing;
    return html`<p class="notice scope" part="notice">
      ${this.t.pay.scopeFor(data.invoices.map((invoice) => invoice.number))}
    </p>`;
  }

  private renderLoadError(error: unknown): TemplateResult {
    if (error instanceof ApiError && error.code === 'not_found') {
      return html`<div class="notice danger" part="error not-found" role="alert">
        <p><strong>${this.t.pay.notFound(this.wanted.join(', '))}</strong></p>
        <p>${this.t.invoice.notFoundHint}</p>
      </div>`;
    }
    return renderLoadError(this.t.pay.loadFailed, error, () => void this.loadTask.run(), this.t);
  }

  private renderForm(data: PayData): TemplateResult {
    const check = this.formCheck!;
    const config = data.config!;
    const locale = this.localeOrDefault;
    const reloading = this.loadTask.status === TaskStatus.PENDING;
    const busy = this.flow.busy;
    const action = this.flow.action;
    return html`<form
        class="pay-form"
        novalidate
        aria-labelledby="pay-heading"
        aria-busy=${reloading ? 'true' : 'false'}
        @submit=${this.handleSubmit}
        @focusout=${(event: FocusEvent) => this.form.touch(event)}
      >
        <h2 id="pay-heading">${this.t.pay.heading(data.invoices.map((invoice) => invoice.number))}</h2>
        ${this.renderScope(data)}
        ${renderInvoiceTable(
          data.invoices,
          this.form.amounts,
          this.errorFor,
          locale,
          (invoice, text) => this.form.editAmount(invoice.id, text),
          this.t,
        )}
        ${renderCreditAndOverpayment(
          {
            currency: data.currency,
            locale,
            credit: config.credit,
            useCredit: this.form.fields.useCredit,
            creditError: this.errorFor('use-credit'),
            overpayment: config.allowOverpayment ? this.form.fields.overpayment : null,
            overpaymentError: this.errorFor('overpayment'),
          },
          {
            useCredit: (useCredit) => this.form.set({ useCredit }),
            overpayment: (overpayment) => this.form.set({ overpayment }),
          },
          this.t,
        )}
        ${check.sandboxHelp ? renderSandboxNote(this.sandboxOpen, (open) => (this.sandboxOpen = open), this.t) : nothing}
        ${config.methods.length ? this.renderMethods(config) : html`<p class="notice" part="notice">${this.t.pay.noMethods}</p>`}
        ${renderSummary(check.totals, this.form.fields.method === 'card' ? config.surcharge : null, data.currency, locale, this.t)}
        ${renderProblem(this.flow.problem, this.t, locale)}
        <button
          class="button pay"
          part="button pay-button"
          type="submit"
          ?disabled=${busy || reloading || config.methods.length === 0}
          aria-busy=${busy ? 'true' : 'false'}
        >
          ${
            busy
              ? html`<span class="spinner" aria-hidden="true"></span> ${this.t.pay.paying}`
              : this.t.pay.pay(formatMoney(check.totals.total, data.currency, locale))
          }
        </button>
      </form>
      ${
        action
          ? renderActionDialog(
              action,
              locale,
              {
                answer: (outcome) => this.flow.answer(outcome),
                openPaypal: (url) => void window.open(url, 'portico-paypal', 'popup,width=480,height=680'),
              },
              this.t,
            )
          : nothing
      }`;
  }

  private renderMethods(config: PaymentConfig): TemplateResult {
    const stripe = this.stripeWanted() ? { status: this.stripe.status, retry: () => this.stripe.retry() } : null;
    return renderMethods(
      { config, fields: this.form.fields, errorFor: this.errorFor, stripe, locale: this.localeOrDefault, t: this.t },
      {
        select: (method) => this.selectMethod(method),
        keydown: (event) => void this.methodTabs.handleKeydown(event),
        card: (card) => this.form.setCard(card),
        bank: (bank) => this.form.setBank(bank),
      },
    );
  }
}
