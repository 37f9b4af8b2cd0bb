import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { loadAccounts } from '../../internal/accounts.js';
import { ApiError } from '../../internal/api.js';
import { downloadDisputeAttachment, getDispute } from '../../internal/dispute-api.js';
import { DownloadController } from '../../internal/download-controller.js';
import { emit } from '../../internal/events.js';
import { formatDateTime, formatMoney } from '../../internal/format.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { renderLoadError, renderPending } from '../../internal/states.js';
import type { DisputeAttachmentView, DisputeView } from '../../internal/types.js';
import { DisputeActionsController } from './actions.js';
import { isOpenDispute, renderDisputeBadge } from './badge.js';
import { styles } from './dispute.styles.js';
import { renderDisputeLines } from './lines.js';
import { renderThread } from './thread.js';

/** A button's words: what it does, or with a spinner what it is doing. */
function busyLabel(busy: boolean, doing: string, label: string): TemplateResult | string {
  return busy ? html`<span class="spinner" aria-hidden="true"></span> ${doing}` : label;
}

/**
 * @summary One dispute of an invoice: where it stands, the disputed total and the undisputed rest (with a
 * button to pay it while the dispute is open), the lines in question with their reasons, the outcome once
 * decided (the credit note, or why it was rejected), and the thread with the company, with its files, a
 * reply box and a way to withdraw the dispute while it is open or under review.
 *
 * Inside `<ar-portal>` (route `disputes/<id>`, where dispute emails land) it shows "Back to disputes" and
 * uses the portal's session; alone on a page it uses the session of its `api` server in this tab and
 * asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr dispute - The dispute's id (`dsp_…`).
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-dispute-message - A reply was posted. `detail` is `{dispute: id, message: DisputeMessageView}`.
 * @event ar-dispute-withdrawn - The customer withdrew the dispute. `detail.dispute` is the `DisputeView` (`status: 'withdrawn'`).
 * @event ar-pay-request - "Pay the undisputed rest" was pressed; the portal opens the pay view, which
 *   offers the balance less what is disputed. `detail.invoices` is `[the invoice's InvoiceDetail]`.
 * @event ar-navigate - "Back to disputes" was pressed (inside `<ar-portal>` only). `detail.route` is `disputes`.
 *
 * @csspart base - The wrapper.
 * @csspart back-button - The "Back to disputes" button.
 * @csspart header - The heading, status badge, when it was opened and who handles it.
 * @csspart heading - The heading naming the invoice.
 * @csspart badge - The status badge (also `badge-open`, `badge-under_review`, `badge-resolved`, `badge-rejected`, `badge-withdrawn`).
 * @csspart summary - The disputed total, the undisputed rest and the invoice's balance.
 * @csspart pay-button - "Pay the undisputed rest" (open and under review, when something is undisputed).
 * @csspart lines - The lines in question.
 * @csspart outcome - The decision: the credit note, the rejection's reason, or the withdrawal.
 * @csspart thread - The messages, oldest first.
 * @csspart message - Each message (also `message-customer`, `message-staff`, `message-system`).
 * @csspart attachment-button - Each file's download button.
 * @csspart reply - The reply box and its Send button.
 * @csspart textarea - The reply's text.
 * @csspart send-button - "Send".
 * @csspart withdraw-button - "Withdraw dispute".
 * @csspart confirm - The confirm step of a withdrawal.
 * @csspart confirm-withdraw-button - "Yes, withdraw it".
 * @csspart keep-button - "Keep it".
 * @csspart notice - What an action could not do, or that the dispute was decided meanwhile.
 * @csspart error - Error messages (load, not found, download; also `not-found`, `download-error`).
 * @csspart retry-button - Retry after a failed load.
 * @csspart empty - No dispute chosen, and the signed-out state (also `signed-out`).
 * @csspart loading - The loading state.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons, links, the customer's messages and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - The rejected badge, the withdraw step and errors.
 * @cssprop --ar-color-warning - The open and under-review badges.
 * @cssprop --ar-color-success - The resolved badge and the credit note.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Labels, dates, the system's steps and the withdrawn badge.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Dividers and the reply box.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArDispute extends PorticoElement {
  static override styles = styles;

  /** The dispute's id, as dispute emails' links and the list of disputes name it. */
  @property() accessor dispute = '';

  private readonly actions = new DisputeActionsController(this, { client: () => this.client, t: () => this.t });

  /** Files being fetched, by attachment id. */
  private readonly download = new DownloadController<string>(this);

  private readonly disputeTask = new Task(this, {
    args: () => [this.client, this.session.token, this.dispute.trim()] as const,
    task: async ([client, token, id], { signal }): Promise<DisputeView | 'signed-out' | 'none'> => {
      this.actions.reset();
      if (!token) return 'signed-out';
      if (!id) return 'none';
      return getDispute(client, id, { signal });
    },
  });

  /** The company's name (staff messages without a name) and time zone (the thread's dates). */
  private readonly companyTask = new Task(this, {
    args: () => [this.client, this.session.token] as const,
    task: async ([client, token]) => (token ? (await loadAccounts(client)).company : undefined),
  });

  /** Loads the dispute again (after a payment elsewhere on the page, say). */
  refresh(): void {
    void this.disputeTask.run();
  }

  private handleDownload(dispute: DisputeView, attachment: DisputeAttachmentView): Promise<void> {
    return this.download.save(attachment.id, () => downloadDisputeAttachment(this.client, dispute.id, attachment));
  }

  private handleInput(event: Event): void {
    this.actions.draft = (event.target as HTMLTextAreaElement).value;
    if (this.actions.replyError) {
      this.actions.replyError = '';
      this.requestUpdate();
    }
  }

  private handleReply(event: Event, dispute: DisputeView): void {
    event.preventDefault();
    void this.actions.reply(dispute);
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
              @click=${() => emit(this, 'ar-navigate', { route: 'disputes' })}
            >
              <span aria-hidden="true">←</span> ${this.t.dispute.back}
            </button>`
          : nothing
      }
      ${this.disputeTask.render({
        initial: () => renderPending(this.t.dispute.loading),
        pending: () => renderPending(this.t.dispute.loading),
        complete: (loaded) =>
          loaded === 'signed-out'
            ? html`<p class="empty" part="empty signed-out">${this.t.dispute.signedOut}</p>`
            : loaded === 'none'
              ? html`<p class="empty" part="empty">${this.t.dispute.noDispute}</p>`
              : this.renderDispute(this.actions.changed ?? loaded),
        error: (error) => this.renderError(error),
      })}
      <p class="visually-hidden" role="status">${this.actions.announcement}</p>
    </div>`;
  }

  private renderError(error: unknown): TemplateResult {
    if (error instanceof ApiError && error.code === 'not_found') {
      return html`<div class="notice danger" part="error not-found" role="alert">
        <p><strong>${this.t.dispute.notFound}</strong></p>
        <p>${this.t.dispute.notFoundHint}</p>
      </div>`;
    }
    return renderLoadError(this.t.dispute.loadFailed, error, () => void this.disputeTask.run(), this.t);
  }

  private renderDispute(dispute: DisputeView): TemplateResult {
    const words = this.t.dispute;
    const locale = this.localeOrDefault;
    const company = this.companyTask.value;
    const money = (minor: number) => formatMoney(minor, dispute.currency, locale);
    const open = isOpenDispute(dispute.status) && !this.actions.closed;
    return html`<article class="dispute" aria-labelledby="heading">
      <header class="head" part="header">
        <div class="title">
          <h2 id="heading" part="heading" tabindex="-1">${this.renderHeading(dispute.invoice.number)}</h2>
          ${renderDisputeBadge(dispute.status, this.t)}
        </div>
        <p class="meta">
          ${words.opened(formatDateTime(dispute.createdAt, locale, company?.timeZone))}
          ${dispute.assignee ? html` · ${words.assignee(dispute.assignee.name)}` : nothing}
        </p>
      </header>
      ${this.renderNotice()}
      <dl class="figures summary" part="summary">
        <div class="figure disputed">
          <dt>${words.disputed}</dt>
          <dd>${money(dispute.amount)}</dd>
        </div>
        <div class="figure">
          <dt>${words.undisputed}</dt>
          <dd>${money(dispute.undisputed)}</dd>
        </div>
        <div class="figure">
          <dt>${words.balance}</dt>
          <dd>${money(dispute.invoice.balance)}</dd>
        </div>
      </dl>
      ${open && dispute.undisputed > 0 ? this.renderPayRest(dispute, money) : nothing}
      ${this.renderOutcome(dispute, money)} ${renderDisputeLines(dispute, money, locale, this.t)}
      ${renderThread(dispute, {
        locale,
        t: this.t,
        company: company?.name ?? words.companyFallback,
        timeZone: company?.timeZone,
        download: this.download,
        onDownload: (attachment) => void this.handleDownload(dispute, attachment),
      })}
      ${open ? this.renderReply(dispute) : nothing} ${open ? this.renderWithdraw(dispute) : nothing}
    </article>`;
  }

  /** The heading's words with the invoice number kept whole (a phone would break `INV-` from `1042`). */
  private renderHeading(invoice: string): TemplateResult {
    const mark = '\u{E000}';
    const [before = '', after = ''] = this.t.dispute.heading(mark).split(mark);
    return html`${before}<span class="nowrap">${invoice}</span>${after}`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.actions.notice;
    if (!notice) return nothing;
    return html`<div class="notice ${notice.danger ? 'danger' : ''}" part="notice" role="alert">
      <p>${notice.text}</p>
    </div>`;
  }

  private renderPayRest(dispute: DisputeView, money: (minor: number) => string): TemplateResult {
    const busy = this.actions.busy === 'pay';
    return html`<div class="pay-rest">
      <button
        class="button"
        part="button pay-button"
        type="button"
        ?disabled=${busy}
        aria-busy=${busy ? 'true' : 'false'}
        @click=${() => void this.actions.payRest(dispute)}
      >
        ${busyLabel(busy, this.t.dispute.preparingPay, this.t.dispute.payRest(money(dispute.undisputed)))}
      </button>
    </div>`;
  }

  private renderOutcome(dispute: DisputeView, money: (minor: number) => string): TemplateResult | typeof nothing {
    const words = this.t.dispute;
    if (dispute.status === 'resolved' && dispute.resolution) {
      const { creditNoteNumber, creditAmount, accountCredit, note } = dispute.resolution;
      return html`<div class="notice success outcome" part="outcome">
        <p><strong>${words.resolved(creditNoteNumber, money(creditAmount))}</strong></p>
        ${accountCredit > 0 ? html`<p>${words.accountCredit(money(accountCredit))}</p>` : nothing}
        ${note ? html`<p class="outcome-note">${note}</p>` : nothing}
      </div>`;
    }
    if (dispute.status === 'rejected') {
      return html`<div class="notice danger outcome" part="outcome">
        <p>
          <strong>${dispute.rejectionReason ? words.rejectedReason(dispute.rejectionReason) : words.rejected}</strong>
        </p>
      </div>`;
    }
    if (dispute.status === 'withdrawn') {
      return html`<div class="notice muted outcome" part="outcome">
        <p>${words.withdrawnNotice}</p>
      </div>`;
    }
    return nothing;
  }

  private renderReply(dispute: DisputeView): TemplateResult {
    const words = this.t.dispute;
    const busy = this.actions.busy === 'reply';
    const error = this.actions.replyError;
    return html`<form
      class="reply"
      part="reply"
      novalidate
      @submit=${(event: Event) => this.handleReply(event, dispute)}
    >
      <label class="label" for="reply">${words.reply}</label>
      <p class="hint" id="reply-hint">${words.replyHint}</p>
      <textarea
        id="reply"
        part="textarea"
        rows="4"
        maxlength="5000"
        .value=${this.actions.draft}
        aria-describedby=${error ? 'reply-hint reply-error' : 'reply-hint'}
        aria-invalid=${error ? 'true' : 'false'}
        ?disabled=${busy}
        @input=${this.handleInput}
      ></textarea>
      ${error ? html`<p id="reply-error" class="error-text" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button
          class="button"
          part="button send-button"
          type="submit"
          ?disabled=${busy}
          aria-busy=${busy ? 'true' : 'false'}
        >
          ${busyLabel(busy, words.sending, words.send)}
        </button>
      </div>
    </form>`;
  }

  private renderWithdraw(dispute: DisputeView): TemplateResult {
    const words = this.t.dispute;
    const busy = this.actions.busy === 'withdraw';
    if (!this.actions.confirmingWithdraw) {
      return html`<div class="actions withdraw">
        <button
          id="withdraw"
          class="button secondary"
          part="button withdraw-button"
          type="button"
          @click=${() => this.actions.askWithdraw()}
        >
          ${words.withdraw}
        </button>
      </div>`;
    }
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-withdraw">
      <p id="confirm-withdraw">${words.confirmWithdraw}</p>
      <div class="actions">
        <button
          class="button danger"
          part="button confirm-withdraw-button"
          type="button"
          ?disabled=${busy}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => void this.actions.withdraw(dispute)}
        >
          ${busyLabel(busy, words.withdrawing, words.confirmWithdrawYes)}
        </button>
        <button
          id="keep"
          class="button secondary"
          part="button keep-button"
          type="button"
          ?disabled=${busy}
          @click=${() => this.actions.dismissWithdraw()}
        >
          ${words.keep}
        </button>
      </div>
    </div>`;
  }
}
