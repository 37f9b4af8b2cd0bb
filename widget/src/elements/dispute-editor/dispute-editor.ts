import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadAccounts } from '../../internal/accounts.js';
import { ApiError } from '../../internal/api.js';
import { openDispute } from '../../internal/dispute-api.js';
import { emit } from '../../internal/events.js';
import { formatMoney } from '../../internal/format.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { renderLoadError, renderPending } from '../../internal/states.js';
import type { DisputeView, InvoiceDetail, InvoiceLine, InvoiceSummary } from '../../internal/types.js';
import {
  blockedBy,
  checkDispute,
  emptyFields,
  fieldIds,
  tickLine,
  type DisputeFields,
  type LineFields,
} from './dispute-data.js';
import { styles } from './dispute-editor.styles.js';
import { addFiles } from './files.js';
import { renderOpened, renderProblem } from './outcome.js';
import { renderFiles, renderLines, renderMessage, renderTotals, type FormBinding } from './parts.js';
import { DisputeUploadsController } from './uploads.js';

/** Refusals that may mean the invoice changed since the form loaded: it loads again. */
const stale = ['dispute_amount_too_large', 'invoice_disputed', 'invoice_not_disputable', 'dispute_line_invalid'];

/**
 * @summary Disputes lines of one invoice: each line with "Dispute this line" and, once ticked, a reason
 * (wrong price or quantity, damaged, not received, billed twice, wrong tax, other), the
 * quantity in question (optional, at most the line's) and the amount in question (the line's by
 * default, at most the line's), and a note; a message to the company; up to five photos or PDFs of at
 * most 10 MB each. It keeps "Disputed: $X · Undisputed rest: $Y" up to date and refuses a total above
 * the balance.
 *
 * The dispute opens, then its files go up one by one; one the server refuses is named with why, with
 * Try again and Skip (the dispute is open by then). Once open it says what was disputed and that the
 * company was told, and offers to pay the undisputed rest at once (`ar-pay-request`) and to see the
 * dispute (`ar-dispute-view-request`). An invoice already under dispute offers the way to that dispute;
 * a paid or void one says there is nothing to dispute. Every refusal of the server is said in words,
 * and the invoice loads again when it may have changed.
 *
 * Inside `<ar-portal>` it shows "Back to invoices", and the portal follows its requests; it uses the
 * portal's session. Alone on a page it uses the session of its `api` server in this tab and asks to
 * sign in when there is none; the page handles its events.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr invoice - The invoice to dispute, by number (`INV-1042`) or id.
 * @attr account - Customer account id (unused: the invoice says whose it is); accepted like the other elements'.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-dispute-opened - The dispute was opened (its files follow). `detail.dispute` is the `DisputeView`.
 * @event ar-pay-request - "Pay the undisputed $Y now". `detail.invoices` is the invoice (an `InvoiceSummary`, now with its `dispute`).
 * @event ar-dispute-view-request - "See the dispute" (after opening one, or for the invoice's open dispute). `detail.dispute` is its id.
 * @event ar-navigate - "Back to invoices" was pressed (inside `<ar-portal>` only). `detail.route` is `invoices`.
 *
 * @csspart base - The wrapper.
 * @csspart back-button - "Back to invoices" (inside `<ar-portal>` only).
 * @csspart one-at-a-time - With several invoices asked for: disputes are one invoice at a time.
 * @csspart line - Each invoice line (also `line-ticked`).
 * @csspart input - Every field (also `reason-input`, `quantity-input`, `amount-input`, `note-input`, `message-input`, `file-input`).
 * @csspart files - The files chosen; `file` is each, `remove-file-button` its Remove.
 * @csspart file-error - Why files were not added (type, size, count).
 * @csspart totals - "Disputed: $X · Undisputed rest: $Y".
 * @csspart submit-button - The button that opens the dispute.
 * @csspart created - The dispute once open; `disputed-lines` its lines.
 * @csspart uploading - "Attaching file 1 of 2…"; `attached` what became of the files.
 * @csspart upload-error - A file the server refused, with `retry-upload-button` and `skip-upload-button`.
 * @csspart pay-rest-button - "Pay the undisputed $Y now".
 * @csspart dispute-button - "See the dispute".
 * @csspart disputed - The invoice is already under dispute.
 * @csspart retry-button - Retry after a failed load.
 * @csspart error - Error messages (also `not-found`: an invoice the session cannot see).
 * @csspart loading - The loading state.
 * @csspart empty - Nothing to dispute, and the signed-out state (also `signed-out`).
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons, ticked lines and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Errors and a total over the balance.
 * @cssprop --ar-color-warning - The already-disputed note.
 * @cssprop --ar-color-success - The dispute opened.
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
export class ArDisputeEditor extends PorticoElement {
  static override styles = styles;

  /** The invoice to dispute (number or id), as an invoice's "Dispute" names it. */
  @property() accessor invoice = '';

  /** Invoices asked for together (ticked in a list): the first is disputed, the rest are named for later. */
  @property({ attribute: false }) accessor invoices: readonly string[] = [];

  /** Accepted like the other elements' `account`; the invoice says whose it is. */
  @property() accessor account = '';

  @state() private accessor fields: DisputeFields = emptyFields;
  @state() private accessor files: readonly File[] = [];
  /** Why files picked last were not added. */
  @state() private accessor fileProblems: readonly string[] = [];
  /** Fields left (their errors show from then on); all of them once the dispute is asked for. */
  @state() private accessor shown = new Set<string>();
  @state() private accessor submitted = false;
  @state() private accessor busy = false;
  @state() private accessor problem: unknown = null;
  @state() private accessor opened: DisputeView | null = null;
  /** Bumped to load the invoice again (after a refusal that may mean it changed). */
  @state() private accessor reloads = 0;

  private data: { key: string; invoice: InvoiceDetail; company: string | null } | null = null;

  private readonly uploads = new DisputeUploadsController(this, {
    client: () => this.client,
    failed: () =>
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#upload-problem')?.focus()),
  });

  /** The invoices asked for, each once; the first is the one disputed. */
  private get wanted(): string[] {
    return [...new Set([this.invoice, ...this.invoices].map((item) => item.trim()).filter(Boolean))];
  }

  private readonly loadTask = new Task(this, {
    args: () => [this.client, this.session.token, this.wanted[0] ?? '', this.reloads] as const,
    task: async ([client, token, wanted], { signal }) => {
      if (!token || !wanted) return;
      // The company's name, for "Your message to …": the portal has it already; never a reason to fail.
      const accounts = loadAccounts(client).catch(() => null);
      const invoice = await client.getInvoice(wanted, { signal });
      const company = (await accounts)?.company.name ?? null;
      if (this.data?.key !== wanted) this.reset();
      this.data = { key: wanted, invoice, company };
    },
  });

  /** Another invoice starts a new form; a reload of the same one keeps what was typed. */
  private reset(): void {
    this.fields = emptyFields;
    this.files = [];
    this.fileProblems = [];
    this.shown = new Set();
    this.submitted = false;
    this.problem = null;
    this.opened = null;
    this.uploads.reset();
  }

  private get check() {
    return this.data ? checkDispute(this.data.invoice, this.fields, this.localeOrDefault, this.t) : null;
  }

  private readonly errorFor = (id: string): string | undefined =>
    this.submitted || this.shown.has(id) ? this.check?.errors.get(id) : undefined;

  private setLine(line: InvoiceLine, fields: LineFields): void {
    this.fields = { ...this.fields, lines: { ...this.fields.lines, [line.lineNo]: fields } };
  }

  private readonly form: Omit<FormBinding, 'lines'> = {
    errorFor: this.errorFor,
    tick: (line, ticked) => {
      const invoice = this.data?.invoice;
      if (!invoice) return;
      const before = this.fields.lines[line.lineNo];
      if (ticked) this.setLine(line, tickLine(line, invoice, this.fields, this.localeOrDefault));
      else if (before) this.setLine(line, { ...before, ticked: false });
      // The total changed: its error shows at once, as the live total does.
      this.shown = new Set(this.shown).add(fieldIds.total);
    },
    edit: (line, field, value) => {
      const before = this.fields.lines[line.lineNo];
      if (before) this.setLine(line, { ...before, [field]: value });
      if (field === 'amount' || field === 'reason') this.shown = new Set(this.shown).add(fieldIds.total);
    },
  };

  private handleFocusOut(event: FocusEvent): void {
    const id = (event.target as Element | null)?.id;
    if (id && !this.shown.has(id)) this.shown = new Set(this.shown).add(id);
  }

  private handleAddFiles(picked: FileList): void {
    const added = addFiles(this.files, picked, this.localeOrDefault, this.t);
    this.files = added.files;
    this.fileProblems = added.problems;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const check = this.check;
    if (this.busy || !check || !this.data) return;
    if (!check.request) {
      this.submitted = true;
      await this.updateComplete;
      const first = [...check.errors.keys()][0]!;
      const target = first === fieldIds.lines ? fieldIds.line(this.data.invoice.lines[0]!.lineNo, 'ticked') : first;
      this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
      return;
    }
    this.busy = true;
    this.problem = null;
    try {
      const dispute = await openDispute(this.client, check.request);
      this.opened = dispute;
      emit(this, 'ar-dispute-opened', { dispute });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#created-heading')?.focus();
      await this.uploads.start(dispute.id, this.files);
    } catch (error) {
      this.problem = error;
      if (error instanceof ApiError && stale.includes(error.code)) this.reloads++;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#problem')?.focus();
    } finally {
      this.busy = false;
    }
  }

  /** "Pay the undisputed rest": the invoice as it stands now, under its dispute. */
  private handlePayRest(): void {
    const { invoice } = this.data ?? {};
    const dispute = this.opened;
    if (!invoice || !dispute) return;
    const summary: InvoiceSummary = {
      ...invoice,
      status: 'disputed',
      dispute: { id: dispute.id, status: dispute.status, amount: dispute.amount },
    };
    emit(this, 'ar-pay-request', { invoices: [summary] });
  }

  private handleViewDispute(id: string): void {
    emit(this, 'ar-dispute-view-request', { dispute: id });
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class="base" part="base">
      ${
        this.inPortal
          ? html`<button
              class="button link back"
              part="button back-button"
              type="button"
              @click=${() => emit(this, 'ar-navigate', { route: 'invoices' })}
            >
              <span aria-hidden="true">←</span> ${this.t.pay.back}
            </button>`
          : nothing
      }
      ${this.renderBody()}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const words = this.t.disputeEditor;
    if (!this.session.token) return html`<p class="empty" part="empty signed-out">${words.signedOut}</p>`;
    const wanted = this.wanted[0];
    if (!wanted) return html`<p class="empty" part="empty">${words.noInvoice}</p>`;
    const status = this.loadTask.status;
    if (status === TaskStatus.ERROR) return this.renderLoadError(this.loadTask.error, wanted);
    const data = this.data?.key === wanted ? this.data : null;
    // A reload (after a refusal) keeps the form on screen, marked busy.
    if (!data) return renderPending(words.loading(wanted));
    const { invoice } = data;
    const locale = this.localeOrDefault;
    const company = data.company ?? words.theCompany;
    if (this.opened) {
      return renderOpened(
        this.opened,
        {
          locale,
          company,
          uploads: this.uploads.state,
          retry: () => void this.uploads.retry(),
          skip: () => void this.uploads.skip(),
          pay: () => this.handlePayRest(),
          view: () => this.handleViewDispute(this.opened!.id),
        },
        this.t,
      );
    }
    const blocked = blockedBy(invoice);
    if (blocked === 'disputed') {
      const dispute = invoice.dispute!;
      return html`<div class="notice warning" part="disputed" role="status">
        <p>
          <strong
            >${words.alreadyDisputed(invoice.number, formatMoney(dispute.amount, invoice.currency, locale))}</strong
          >
        </p>
        <p>${words.alreadyHint}</p>
        <button
          class="button"
          part="button dispute-button"
          type="button"
          @click=${() => this.handleViewDispute(dispute.id)}
        >
          ${words.seeDispute}
        </button>
      </div>`;
    }
    if (blocked) {
      return html`<div class="empty" part="empty" role="status">
        <span class="empty-icon" aria-hidden="true">✓</span>
        <p>${words.nothingToDispute(invoice.number, blocked)}</p>
      </div>`;
    }
    if (!invoice.lines.length) return html`<p class="empty" part="empty">${words.noLinesOnInvoice}</p>`;
    return this.renderForm(invoice, company);
  }

  private renderLoadError(error: unknown, wanted: string): TemplateResult {
    if (error instanceof ApiError && error.code === 'not_found') {
      return html`<div class="notice danger" part="error not-found" role="alert">
        <p><strong>${this.t.invoice.notFound(wanted)}</strong></p>
        <p>${this.t.invoice.notFoundHint}</p>
      </div>`;
    }
    return renderLoadError(this.t.disputeEditor.loadFailed, error, () => void this.loadTask.run(), this.t);
  }

  private renderForm(invoice: InvoiceDetail, company: string): TemplateResult {
    const words = this.t.disputeEditor;
    const locale = this.localeOrDefault;
    const check = this.check!;
    const reloading = this.loadTask.status === TaskStatus.PENDING;
    const others = this.wanted.slice(1);
    return html`<form
      class="dispute-form"
      novalidate
      aria-labelledby="dispute-heading"
      aria-busy=${reloading ? 'true' : 'false'}
      @submit=${this.handleSubmit}
      @focusout=${this.handleFocusOut}
    >
      <div class="form-head">
        <h2 id="dispute-heading">${words.heading(invoice.number)}</h2>
        <p class="subtle">${words.balance(formatMoney(invoice.balance, invoice.currency, locale))}</p>
      </div>
      ${others.length ? html`<p class="notice" part="one-at-a-time">${words.oneAtATime(invoice.number, others)}</p>` : nothing}
      <p class="intro">${words.intro}</p>
      ${renderLines(invoice, { ...this.form, lines: this.fields.lines }, locale, this.t)}
      ${renderTotals(invoice, check, this.errorFor(fieldIds.total), locale, this.t)}
      ${renderMessage(
        this.fields.message,
        company,
        this.errorFor(fieldIds.message),
        (message) => (this.fields = { ...this.fields, message }),
        this.t,
      )}
      ${renderFiles(
        this.files,
        this.fileProblems,
        {
          add: (files) => this.handleAddFiles(files),
          remove: (file) => (this.files = this.files.filter((item) => item !== file)),
        },
        locale,
        this.t,
      )}
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
            ? html`<span class="spinner" aria-hidden="true"></span> ${words.submitting}`
            : words.submit(formatMoney(check.total, invoice.currency, locale))
        }
      </button>
    </form>`;
  }
}
