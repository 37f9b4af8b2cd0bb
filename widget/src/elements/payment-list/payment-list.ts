import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { renderCardListHeader, renderCardsLoading, switcherAccounts } from '../../internal/card-list.js';
import { DownloadController } from '../../internal/download-controller.js';
import { emit } from '../../internal/events.js';
import { formatDateTime, formatMoney } from '../../internal/format.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { describeError, renderLoadError } from '../../internal/states.js';
import type { AccountSummary, PaymentStatus, PaymentView } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';
import { styles } from './payment-list.styles.js';

const icons: Record<PaymentStatus, string> = {
  pending: '…',
  processing: '…',
  succeeded: '✓',
  failed: '✕',
  returned: '↩',
  refunded: '↩',
};

/** A payment that never took money has no receipt to download. */
function hasReceipt(payment: PaymentView): boolean {
  return payment.status !== 'failed' && payment.status !== 'pending';
}

/** The state in words: a failed payment the payer gave up on, or that waited too long, says so. */
function statusLabel(payment: PaymentView, t: Catalog): string {
  if (payment.status === 'failed' && payment.failure?.code === 'cancelled') return t.payments.cancelled;
  if (payment.status === 'failed' && payment.failure?.code === 'lapsed') return t.payments.lapsed;
  return t.payments.status(payment.status);
}

/**
 * @summary The account's payments, newest first: each with its receipt number, date, method, amount,
 * state (awaiting confirmation, processing, succeeded, failed, returned, refunded, with any partial
 * refund), the invoices it paid, and its receipt PDF.
 *
 * Inside `<ar-portal>` it uses the portal's session; alone on a page it uses the session of its
 * `api` server in this tab and asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr account - Customer account id. Empty means the session's default account.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-account-change - The person picked another account (several accounts only). `detail.account` is the `AccountSummary`.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading and the account.
 * @csspart account-select - The account switcher (several accounts only).
 * @csspart list - The list of payments.
 * @csspart payment - Each payment.
 * @csspart state - Each payment's state (also `state-<status>`).
 * @csspart receipt-button - Each "Receipt (PDF)" button.
 * @csspart empty - No payments yet, and the signed-out state (also `signed-out`).
 * @csspart error - Error messages.
 * @csspart retry-button - Retry after a failed load.
 * @csspart loading - The loading state.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons and focus.
 * @cssprop --ar-color-danger - Failed and returned payments, errors.
 * @cssprop --ar-color-warning - Refunds.
 * @cssprop --ar-color-success - Succeeded payments.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Labels and secondary text.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Dividers.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArPaymentList extends PorticoElement {
  static override styles = styles;

  /** Customer account id; a bookkeeper's session spans several. */
  @property() accessor account = '';

  /** Receipts being fetched, by payment id. */
  private readonly downloads = new DownloadController<string>(this);

  private readonly paymentsTask = new Task(this, {
    args: () => [this.client, this.session.token, this.account] as const,
    task: async ([client, token, account], { signal }) => {
      if (!token) return 'signed-out' as const;
      return (await client.listPayments(account || undefined, { signal })).items;
    },
  });

  /** Only a session with several accounts needs the list, for the switcher. */
  private readonly accountsTask = switcherAccounts(
    this,
    () => this.client,
    () => (this.session.store.info?.accounts.length ?? 0) > 1,
  );

  /** Loads the payments again (after a payment elsewhere on the page). */
  refresh(): void {
    void this.paymentsTask.run();
  }

  private handleAccountChange(account: AccountSummary): void {
    this.account = account.id;
    emit(this, 'ar-account-change', { account });
  }

  private handleDownload(payment: PaymentView): Promise<void> {
    return this.downloads.save(payment.id, () => this.client.downloadReceiptPdf(payment, { locale: this.locale }));
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    if (!this.session.token) {
      return html`<div class="base" part="base">
        <p class="empty" part="empty signed-out">${this.t.payments.signedOut}</p>
      </div>`;
    }
    return html`<div class="base" part="base">
      ${renderCardListHeader(this.t.payments.heading, this.accountsTask.value, this.account, (next) => this.handleAccountChange(next), this.t)}
      ${this.paymentsTask.render({
        initial: () => renderCardsLoading(this.t.payments.loading, 3),
        pending: () => renderCardsLoading(this.t.payments.loading, 3),
        error: (error) =>
          renderLoadError(this.t.payments.loadFailed, error, () => void this.paymentsTask.run(), this.t),
        complete: (payments) => (payments === 'signed-out' ? nothing : this.renderPayments(payments)),
      })}
    </div>`;
  }

  private renderPayments(payments: readonly PaymentView[]): TemplateResult {
    if (payments.length === 0) {
      return html`<div class="empty" part="empty" role="status"><p>${this.t.payments.empty}</p></div>`;
    }
    return html`<ul class="cards" part="list" aria-label=${this.t.payments.listLabel}>
      ${payments.map((payment) => this.renderPayment(payment))}
    </ul>`;
  }

  private renderPayment(payment: PaymentView): TemplateResult {
    const locale = this.localeOrDefault;
    const money = (minor: number) => formatMoney(minor, payment.currency, locale);
    const headingId = `payment-${payment.id}`;
    const settled = payment.status === 'succeeded' || payment.status === 'refunded' || payment.status === 'returned';
    const busy = this.downloads.busy(payment.id);
    const failed = this.downloads.error;
    const failedDownload = failed?.key === payment.id ? failed.error : undefined;
    return html`<li class="card ${payment.status}" part="payment">
      <article aria-labelledby=${headingId}>
        <div class="card-head">
          <h3 id=${headingId} class="card-title receipt-number">${this.t.payments.receipt(payment.receiptNumber)}</h3>
          <span class="state ${payment.status}" part="state state-${payment.status}"
            ><span class="state-icon" aria-hidden="true">${icons[payment.status]}</span>
            ${statusLabel(payment, this.t)}</span
          >
        </div>
        <dl class="facts">
          <div>
            <dt>${this.t.payments.date}</dt>
            <dd>${formatDateTime(payment.succeededAt ?? payment.createdAt, locale)}</dd>
          </div>
          <div>
            <dt>${this.t.payments.method}</dt>
            <dd>${this.t.pay.method(payment.method)}</dd>
          </div>
          <div class="amount">
            <dt>${this.t.payments.amount}</dt>
            <dd>
              <strong>${money(payment.total)}</strong>
              ${payment.surcharge ? html`<span class="subtle">${this.t.payments.surcharge(money(payment.surcharge))}</span>` : nothing}
            </dd>
          </div>
        </dl>
        ${this.renderNotes(payment, money)}
        ${
          payment.allocations.length
            ? html`<div class="applied">
                <h4>${settled ? this.t.payments.appliedTo : this.t.payments.requestedFor}</h4>
                <ul>
                  ${payment.allocations.map(
                    (allocation) =>
                      html`<li>
                        <span class="invoice">${allocation.number}</span>
                        ${allocation.source === 'credit' ? html`<span class="subtle">(${this.t.payments.fromCredit})</span>` : nothing}
                        <span class="num">${money(allocation.amount)}</span>
                      </li>`,
                  )}
                </ul>
              </div>`
            : nothing
        }
        ${
          failedDownload !== undefined
            ? html`<p class="notice danger" part="error" role="alert">
                <strong>${this.t.payments.downloadFailed(payment.receiptNumber)}</strong>
                ${describeError(failedDownload, this.t)}
              </p>`
            : nothing
        }
        ${
          hasReceipt(payment)
            ? html`<div class="actions">
                <button
                  class="button secondary"
                  part="button receipt-button"
                  type="button"
                  aria-label=${this.t.payments.downloadReceiptLabel(payment.receiptNumber)}
                  ?disabled=${busy}
                  aria-busy=${busy ? 'true' : 'false'}
                  @click=${() => void this.handleDownload(payment)}
                >
                  ${busy ? html`<span class="spinner" aria-hidden="true"></span> ${this.t.payments.downloading}` : this.t.payments.downloadReceipt}
                </button>
              </div>`
            : nothing
        }
      </article>
    </li>`;
  }

  private renderNotes(payment: PaymentView, money: (minor: number) => string): TemplateResult | typeof nothing {
    const notes: TemplateResult[] = [];
    if (payment.status === 'pending') notes.push(html`<p>${this.t.payments.pendingNote}</p>`);
    if (payment.status === 'processing') notes.push(html`<p>${this.t.payments.processingNote}</p>`);
    if (payment.status === 'returned') notes.push(html`<p class="danger-text">${this.t.payments.returnedNote}</p>`);
    if (payment.status === 'failed' && payment.failure) notes.push(html`<p>${payment.failure.message}</p>`);
    if (payment.refunded > 0) {
      notes.push(
        html`<p class="refund">${this.t.payments.refunded(money(payment.refunded), payment.refundStatus)}</p>`,
      );
    }
    if (payment.unapplied > 0 && payment.status === 'succeeded') {
      notes.push(html`<p>${this.t.payments.keptAsCredit(money(payment.unapplied))}</p>`);
    }
    return notes.length ? html`<div class="notes">${notes}</div>` : nothing;
  }
}
