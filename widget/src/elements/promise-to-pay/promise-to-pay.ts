import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../../internal/api.js';
import { emit } from '../../internal/events.js';
import { formatAmountInput } from '../../internal/amount-input.js';
import { formatMoney } from '../../internal/format.js';
import { PromiseActionController, stopAutopay } from '../../internal/promise-action.js';
import { PromiseCancelController } from '../../internal/promise-cancel.js';
import { renderPromiseCard } from '../../internal/promise-card.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { renderLoadError, renderPending } from '../../internal/states.js';
import type { PromiseView } from '../../internal/types.js';
import { AutopayController } from './autopay.js';
import {
  renderAmountField,
  renderCreated,
  renderDateField,
  renderExcluded,
  renderInvoices,
  renderNoteField,
  renderProblem,
  renderWhatHappens,
} from './parts.js';
import { checkPromise, fieldIds, loadPromiseData, type PromiseData, type PromiseFields } from './promise-data.js';
import { styles } from './promise-to-pay.styles.js';

/**
 * @summary Promises to pay one or several invoices by a date: the invoices (and, of those named, which
 * cannot be promised and why: paid, void or already promised), an amount (their balance by default;
 * less makes a partial promise), the date (from tomorrow to the company's horizon), an optional note,
 * and, before confirming, what happens: "Reminders for these invoices stop until Dec 16, 2026; we will
 * remind you on Dec 13, 2026." Then the promise, with its status, and a way to cancel it.
 *
 * When the account may pay automatically (`autopayMethods` of `GET /promises/config`), "Pay
 * automatically on that date" takes a card or bank account the way `<ar-easy-pay>` does for the
 * provider in use (the sandbox's test numbers become a token in the browser; Stripe's own form makes a
 * PaymentMethod), and what is left of the promise is charged on its date. The promise then says how
 * its automatic payment stands, and offers to stop it while it is scheduled.
 *
 * Dates are calendar dates in the company's time zone, as the server gives them (`GET
 * /promises/config`). Every refusal of the server is said in words: a date no longer allowed, an amount
 * over what the invoices owe, an invoice paid, voided or promised meanwhile (the invoices load again).
 *
 * Inside `<ar-portal>` it shows "Back to invoices" and, once the promise is made, the way to the
 * customer's promises; it uses the portal's session. Alone on a page it uses the session of its `api`
 * server in this tab and asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr invoice - One invoice to promise, by number (`INV-1042`) or id.
 * @attr account - Customer account id: whose open invoices to offer when none are named (empty: the session's first). Named invoices are promised on their own account.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-promise-created - The promise was recorded. `detail` is the `PromiseView`.
 * @event ar-promise-cancelled - The promise just made was cancelled. `detail` is the `PromiseView` (`status: 'cancelled'`).
 * @slot stripe-payment - Used by the element itself for Stripe's Payment Element (paying automatically with Stripe); leave it empty.
 *
 * @event ar-navigate - "Back to invoices" or "See your promises" was pressed (inside `<ar-portal>` only). `detail.route` is `invoices` or `promises`.
 *
 * @csspart base - The wrapper.
 * @csspart back-button - "Back to invoices" (inside `<ar-portal>` only), above the form and after the promise is made.
 * @csspart invoices - The table of the invoices promised.
 * @csspart row - Each invoice row.
 * @csspart excluded - The named invoices that cannot be promised, with why.
 * @csspart input - Every field (also `amount-input`, `date-input`, `note-input`).
 * @csspart partial - "This is a partial promise: …".
 * @csspart what-happens - What the promise does to reminders (and `autopay-note`: what paying automatically will charge).
 * @csspart autopay-choice - "Pay automatically on that date", with its method and payment details; `autopay-checkbox` and `autopay-method` are its inputs.
 * @csspart sandbox-note - The sandbox's test card and bank numbers (sandbox only).
 * @csspart submit-button - The button that makes the promise.
 * @csspart created - The promise once made.
 * @csspart promise - The promise's card.
 * @csspart badge - The promise's status badge (also `badge-<status>`).
 * @csspart cancel-button - "Cancel promise"; `confirm`, `confirm-cancel-button` and `keep-button` are its confirm step.
 * @csspart autopay - How the promise's automatic payment stands.
 * @csspart stop-autopay-button - "Stop automatic payment"; `confirm`, `confirm-stop-autopay-button` and `keep-autopay-button` are its confirm step.
 * @csspart promises-button - "See your promises" (inside `<ar-portal>` only).
 * @csspart retry-button - Retry after a failed load.
 * @csspart error - Error messages (also `not-found`: an invoice the session cannot see).
 * @csspart loading - The loading state.
 * @csspart empty - The nothing-to-promise and signed-out states (also `signed-out`).
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons, the open badge and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Errors, the broken badge and the cancel step.
 * @cssprop --ar-color-warning - The partial-promise note and the partially-kept badge.
 * @cssprop --ar-color-success - The promise made and the kept badge.
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
export class ArPromiseToPay extends PorticoElement {
  static override styles = styles;

  /** One invoice to promise (number or id), as an invoice's "Promise to pay" names it. */
  @property() accessor invoice = '';

  /** Invoices to promise, by number or id (e.g. those ticked in `<ar-invoice-list>`); with `invoice`, both. */
  @property({ attribute: false }) accessor invoices: readonly string[] = [];

  /** Whose open invoices to offer when none are named; named invoices are promised on their own account. */
  @property() accessor account = '';

  @state() private accessor fields: PromiseFields = { amount: '', date: '', note: '' };
  /** Fields left (their errors show from then on); all of them once the promise is asked for. */
  @state() private accessor shown = new Set<string>();
  @state() private accessor submitted = false;
  @state() private accessor busy = false;
  /** Why the last attempt was refused (an `ApiError`, or what was thrown). */
  @state() private accessor problem: unknown = null;
  @state() private accessor created: PromiseView | null = null;
  /** Bumped to load invoices and config again (after a refusal that may mean they changed). */
  @state() private accessor reloads = 0;

  private data: PromiseData | null = null;
  /** The amount was typed, so a reload keeps it rather than following the balance. */
  private amountEdited = false;

  private readonly cancel = new PromiseCancelController(this, { client: () => this.client, t: () => this.t });
  private readonly stopAutopay = new PromiseActionController(this, {
    client: () => this.client,
    t: () => this.t,
    action: stopAutopay,
  });
  private readonly autopay = new AutopayController(this, {
    client: () => this.client,
    account: () => this.data?.account ?? null,
    methods: () => this.data?.config?.autopayMethods ?? [],
    amount: () => this.check?.amount ?? this.data?.total ?? 0,
    active: () => !this.created,
  });

  /** The invoices asked for, each once. */
  private get wanted(): string[] {
    return [...new Set([...this.invoices, this.invoice].map((item) => item.trim()).filter(Boolean))];
  }

  private readonly loadTask = new Task(this, {
    args: () => [this.client, this.session.token, this.account.trim(), this.wanted.join('\n'), this.reloads] as const,
    task: async ([client, token, account, wanted], { signal }) => {
      if (!token) return 'signed-out' as const;
      this.apply(await loadPromiseData(client, account, wanted ? wanted.split('\n') : [], signal));
      return 'loaded' as const;
    },
  });

  /** New data: other invoices start a new form; a reload keeps what was typed. */
  private apply(data: PromiseData): void {
    const same = this.data?.key === data.key;
    if (!same) {
      this.amountEdited = false;
      this.fields = { amount: '', date: '', note: '' };
      this.shown = new Set();
      this.submitted = false;
      this.problem = null;
      this.created = null;
      this.autopay.reset();
    }
    if (!this.amountEdited) {
      this.fields = { ...this.fields, amount: formatAmountInput(data.total, data.currency, this.localeOrDefault) };
    }
    this.data = data;
  }

  private get check() {
    return this.data?.config ? checkPromise(this.data, this.fields, this.localeOrDefault, this.t) : null;
  }

  /** Every error of the form, the promise's fields first, and the automatic payment's `autopay` when it is complete. */
  private get checked() {
    const check = this.check;
    if (!check) return null;
    const autopay = this.autopay.check(this.t);
    return { ...check, errors: new Map([...check.errors, ...autopay.errors]) };
  }

  private readonly errorFor = (id: string): string | undefined =>
    this.submitted || this.shown.has(id) ? this.checked?.errors.get(id) : undefined;

  private field(id: string, key: keyof PromiseFields) {
    return {
      value: this.fields[key],
      error: this.errorFor(id),
      onInput: (value: string) => {
        if (key === 'amount') this.amountEdited = true;
        this.fields = { ...this.fields, [key]: value };
      },
    };
  }

  private handleFocusOut(event: FocusEvent): void {
    const id = (event.target as Element | null)?.id;
    if (id && !this.shown.has(id)) this.shown = new Set(this.shown).add(id);
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const check = this.checked;
    if (!check?.request || check.errors.size > 0) {
      this.submitted = true;
      const first = [...(check?.errors.keys() ?? [])][0];
      await this.updateComplete;
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    this.busy = true;
    this.problem = null;
    try {
      const autopay = await this.autopay.request(this.t);
      this.created = await this.client.createPromise({ ...check.request, ...(autopay ? { autopay } : {}) });
      emit(this, 'ar-promise-created', this.created);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#created-heading')?.focus();
    } catch (error) {
      this.problem = error;
      // The invoices or the day may have changed since the form loaded: load them again.
      const stale = ['promise_date_out_of_range', 'invoice_not_promisable', 'invoice_promised'];
      if (error instanceof ApiError && stale.includes(error.code)) this.reloads++;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#problem')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private handleNavigate(route: 'invoices' | 'promises'): void {
    emit(this, 'ar-navigate', { route });
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class="base" part="base">
      ${
        this.inPortal && !this.created
          ? html`<button
              class="button link back"
              part="button back-button"
              type="button"
              @click=${() => this.handleNavigate('invoices')}
            >
              <span aria-hidden="true">←</span> ${this.t.pay.back}
            </button>`
          : nothing
      }
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.cancel.announcement || this.stopAutopay.announcement}</p>
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (!this.session.token) return html`<p class="empty" part="empty signed-out">${this.t.promise.signedOut}</p>`;
    const status = this.loadTask.status;
    if (status === TaskStatus.ERROR) return this.renderLoadError(this.loadTask.error);
    const data = this.data;
    // A reload (after a refusal) keeps the form on screen, marked busy.
    if (!data || (status !== TaskStatus.COMPLETE && !data.config)) return renderPending(this.t.promise.loading);
    const locale = this.localeOrDefault;
    if (this.created) {
      const card = renderPromiseCard(this.created, {
        locale,
        t: this.t,
        level: 3,
        cancel: this.cancel,
        autopay: this.stopAutopay,
      });
      const navigate = this.inPortal ? (route: 'invoices' | 'promises') => this.handleNavigate(route) : null;
      return renderCreated(this.created, { locale, card, navigate }, this.t);
    }
    if (!data.config) {
      return html`<div class="empty" part="empty" role="status">
          <span class="empty-icon" aria-hidden="true">✓</span>
          <p>${data.requested ? this.t.promise.nothingToPromise : this.t.promise.nothingOpen}</p>
        </div>
        ${renderExcluded(data, locale, this.t)}`;
    }
    return this.renderForm(data, data.config);
  }

  private renderLoadError(error: unknown): TemplateResult {
    if (error instanceof ApiError && error.code === 'not_found') {
      return html`<div class="notice danger" part="error not-found" role="alert">
        <p><strong>${this.t.pay.notFound(this.wanted.join(', '))}</strong></p>
        <p>${this.t.invoice.notFoundHint}</p>
      </div>`;
    }
    return renderLoadError(this.t.promise.loadFailed, error, () => void this.loadTask.run(), this.t);
  }

  private renderForm(data: PromiseData, config: NonNullable<PromiseData['config']>): TemplateResult {
    const locale = this.localeOrDefault;
    const check = this.check!;
    const reloading = this.loadTask.status === TaskStatus.PENDING;
    const date = check.errors.has(fieldIds.date) ? null : this.fields.date.trim();
    const amount = check.amount ?? data.total;
    return html`<form
      class="promise-form"
      novalidate
      aria-labelledby="promise-heading"
      aria-busy=${reloading ? 'true' : 'false'}
      @submit=${this.handleSubmit}
      @focusout=${this.handleFocusOut}
    >
      <h2 id="promise-heading">${this.t.promise.heading(data.invoices.map((invoice) => invoice.number))}</h2>
      <p class="intro">${this.t.promise.intro}</p>
      ${renderInvoices(data, locale, this.t)} ${renderExcluded(data, locale, this.t)}
      <div class="promise-fields">
        ${renderAmountField(this.field(fieldIds.amount, 'amount'), data, check.amount, locale, this.t)}
        ${renderDateField(this.field(fieldIds.date, 'date'), config, locale, this.t)}
      </div>
      ${renderNoteField(this.field(fieldIds.note, 'note'), this.t)}
      ${this.autopay.render(this.errorFor, this.submitted, this.t)}
      ${renderWhatHappens(date, config, this.autopay.ticked ? this.autopay.method : null, locale, this.t)}
      ${renderProblem(this.problem, this.t)}
      <button
        class="button submit"
        part="button submit-button"
        type="submit"
        ?disabled=${this.busy || reloading}
        aria-busy=${this.busy ? 'true' : 'false'}
      >
        ${
          this.busy
            ? html`<span class="spinner" aria-hidden="true"></span> ${this.t.promise.submitting}`
            : this.t.promise.submit(formatMoney(amount, data.currency, locale))
        }
      </button>
    </form>`;
  }
}
