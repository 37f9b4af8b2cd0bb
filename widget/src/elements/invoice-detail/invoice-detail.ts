import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiError } from '../../internal/api.js';
import { renderStatusBadge } from '../../internal/badge.js';
import { DownloadController } from '../../internal/download-controller.js';
import { emit } from '../../internal/events.js';
import { formatDate, formatDateTime, formatMoney, formatQuantity } from '../../internal/format.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { describeError, renderLoadError } from '../../internal/states.js';
import type { InvoiceDetail } from '../../internal/types.js';
import { renderDisputeButton, renderOpenDispute, renderPastDisputes } from './disputes.js';
import { styles } from './invoice-detail.styles.js';

/** Something is owed on it, and no open promise covers it yet. */
function promisable(detail: InvoiceDetail): boolean {
  return detail.balance > 0 && detail.status !== 'void' && detail.status !== 'paid' && !detail.promise;
}

/**
 * @summary One invoice in full: its status, dates and PO, the lines with tax, the totals down to the
 * balance due (and, while a payment is on its way, what it holds and what is left to pay), the payments
 * (by receipt number) and credit notes applied to it, its history, its PDF, the open promise to pay it
 * (or a button to make one), and its disputes: the open one's amount and status, or a button to open one.
 *
 * Inside `<ar-portal>` it shows a "Back to invoices" button and uses the portal's session; alone on a
 * page it uses the session of its `api` server in this tab and asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr invoice - The invoice's number (`INV-1042`) or id (`inv_…`).
 * @attr locale - BCP 47 locale for money, quantities and dates. Defaults to the browser's.
 *
 * @event ar-navigate - "Back to invoices" was pressed (inside `<ar-portal>` only). `detail.route` is `invoices`.
 * @event ar-promise-request - "Promise to pay" was pressed (an invoice with a balance and no open promise); the portal
 *   opens the promise form. `detail.invoices` is `[the InvoiceDetail]`.
 * @event ar-dispute-request - "Dispute" was pressed (a balance, not void, no open dispute). `detail.invoices` is `[the InvoiceDetail]`.
 * @event ar-dispute-view-request - "See the dispute", or a past dispute, was pressed. `detail.dispute` is its id.
 *
 * @csspart base - The wrapper.
 * @csspart back-button - The "Back to invoices" button.
 * @csspart header - Number, status badge and the PDF button.
 * @csspart heading - The invoice number heading.
 * @csspart badge - The status badge (also `badge-<status>`).
 * @csspart meta - Account, dates and PO.
 * @csspart lines - The lines table.
 * @csspart totals - Subtotal to balance due.
 * @csspart payments - The payments applied.
 * @csspart credits - The credit notes applied.
 * @csspart history - The status history timeline.
 * @csspart pdf-button - The "Download PDF" button.
 * @csspart promise-button - The "Promise to pay" button.
 * @csspart dispute-button - The "Dispute" button.
 * @csspart notice - The open dispute's notice (also `dispute`) and the open promise's (also `promised`).
 * @csspart see-dispute-button - "See the dispute", in the open dispute's notice.
 * @csspart past-disputes - The decided disputes, each a `past-dispute-button`.
 * @csspart in-flight - "Payment of $X processing since …" and what is left to pay, while a payment is on its way.
 * @csspart error - Error messages (load, not found, download; also `not-found`, `download-error`).
 * @csspart retry-button - Retry after a failed load.
 * @csspart empty - No invoice chosen, and the signed-out state (also `signed-out`).
 * @csspart loading - The loading skeleton.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons, links and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Past-due badge and errors.
 * @cssprop --ar-color-warning - Disputed badge and the dispute notice.
 * @cssprop --ar-color-success - Paid badge and applied amounts.
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
export class ArInvoiceDetail extends PorticoElement {
  static override styles = styles;

  /** Invoice number or id; the number is what customers see and links carry. */
  @property() accessor invoice = '';

  /** The invoice's PDF being fetched. */
  private readonly download = new DownloadController(this);

  private readonly detailTask = new Task(this, {
    args: () => [this.client, this.session.token, this.invoice.trim()] as const,
    task: async ([client, token, invoice], { signal }): Promise<InvoiceDetail | 'signed-out' | 'none'> => {
      this.download.clearError();
      if (!token) return 'signed-out';
      if (!invoice) return 'none';
      return client.getInvoice(invoice, { signal });
    },
  });

  private handleBack(): void {
    emit(this, 'ar-navigate', { route: 'invoices' });
  }

  private handleDownload(detail: InvoiceDetail): Promise<void> {
    return this.download.save(true, () => this.client.downloadInvoicePdf(detail.number, { locale: this.locale }));
  }

  override render(): TemplateResult {
    return html`<div class="base" part="base">
      ${
        this.inPortal
          ? html`<button class="button link back" part="button back-button" type="button" @click=${this.handleBack}>
              <span aria-hidden="true">←</span> ${this.t.invoice.back}
            </button>`
          : nothing
      }
      ${this.detailTask.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderSkeleton(),
        complete: (detail) =>
          detail === 'signed-out'
            ? html`<p class="empty" part="empty signed-out">${this.t.invoice.signedOut}</p>`
            : detail === 'none'
              ? html`<p class="empty" part="empty">${this.t.invoice.noInvoice}</p>`
              : this.renderDetail(detail),
        error: (error) => this.renderError(error),
      })}
    </div>`;
  }

  private renderError(error: unknown): TemplateResult {
    if (error instanceof ApiError && error.code === 'not_found') {
      return html`<div class="notice danger" part="error not-found" role="alert">
        <p><strong>${this.t.invoice.notFound(this.invoice)}</strong></p>
        <p>${this.t.invoice.notFoundHint}</p>
      </div>`;
    }
    return renderLoadError(this.t.invoice.loadFailed(this.invoice), error, () => void this.detailTask.run(), this.t);
  }

  private renderDetail(detail: InvoiceDetail): TemplateResult {
    const locale = this.localeOrDefault;
    const money = (minor: number) => formatMoney(minor, detail.currency, locale);
    return html`<article class="invoice" aria-labelledby="heading">
      <header class="head" part="header">
        <div class="title">
          <h2 id="heading" part="heading">${this.t.invoice.heading(detail.number)}</h2>
          ${renderStatusBadge(detail, this.t)}
        </div>
        <div class="actions">
          ${renderDisputeButton(this, detail, this.t)}
          ${
            promisable(detail)
              ? html`<button
                  class="button secondary"
                  part="button promise-button"
                  type="button"
                  @click=${() => emit(this, 'ar-promise-request', { invoices: [detail] })}
                >
                  ${this.t.invoice.promiseToPay}
                </button>`
              : nothing
          }
          <button
            class="button secondary"
            part="button pdf-button"
            type="button"
            ?disabled=${this.download.busy()}
            aria-describedby=${this.download.error ? 'download-error' : nothing}
            @click=${() => this.handleDownload(detail)}
          >
            ${this.download.busy() ? html`<span class="spinner" aria-hidden="true"></span> ${this.t.invoice.downloadingPdf}` : this.t.invoice.downloadPdf}
          </button>
        </div>
      </header>
      ${
        this.download.error
          ? html`<div id="download-error" class="notice danger" part="error download-error" role="alert">
              <p>
                <strong>${this.t.invoice.downloadFailed}</strong> ${describeError(this.download.error.error, this.t)}
              </p>
            </div>`
          : nothing
      }
      ${renderOpenDispute(this, detail, money, this.t)}
      ${
        detail.promise
          ? html`<p class="notice" part="notice promised">
              ${this.t.invoice.promised(formatDate(detail.promise.promisedDate, this.localeOrDefault))}
            </p>`
          : nothing
      }
      ${this.renderInFlight(detail, money)}
      <dl class="meta" part="meta">
        <div>
          <dt>${this.t.invoice.account}</dt>
          <dd>${detail.accountName}</dd>
        </div>
        <div>
          <dt>${this.t.invoice.issued}</dt>
          <dd>${formatDate(detail.issueDate, locale)}</dd>
        </div>
        <div>
          <dt>${this.t.invoice.due}</dt>
          <dd>
            ${formatDate(detail.dueDate, locale)}
            ${detail.daysPastDue > 0 ? html`<span class="overdue">(${this.t.invoice.daysPastDue(detail.daysPastDue)})</span>` : nothing}
          </dd>
        </div>
        ${
          detail.poNumber
            ? html`<div>
                <dt>${this.t.invoice.po}</dt>
                <dd>${detail.poNumber}</dd>
              </div>`
            : nothing
        }
      </dl>
      <div class="body">
        <section class="lines-section">
          <h3 id="lines-heading">${this.t.invoice.lines}</h3>
          ${this.renderLines(detail, money)}
        </section>
        <section class="totals-section">
          <h3 id="totals-heading" class="visually-hidden">${this.t.invoice.totals}</h3>
          <dl class="sum" part="totals">
            <div>
              <dt>${this.t.invoice.subtotal}</dt>
              <dd>${money(detail.subtotal)}</dd>
            </div>
            <div>
              <dt>${this.t.invoice.tax}</dt>
              <dd>${money(detail.taxTotal)}</dd>
            </div>
            <div class="total">
              <dt>${this.t.invoice.total}</dt>
              <dd>${money(detail.total)}</dd>
            </div>
            <div>
              <dt>${this.t.invoice.paid}</dt>
              <dd>${money(-detail.amountPaid)}</dd>
            </div>
            <div>
              <dt>${this.t.invoice.credited}</dt>
              <dd>${money(-detail.amountCredited)}</dd>
            </div>
            <div class="balance-due">
              <dt>${this.t.invoice.balanceDue}</dt>
              <dd>${money(detail.balance)}</dd>
            </div>
            ${
              detail.inFlight
                ? html`<div class="in-flight-amount">
                      <dt>${this.t.invoice.processing}</dt>
                      <dd>${money(-detail.inFlight.amount)}</dd>
                    </div>
                    <div class="left-to-pay">
                      <dt>${this.t.invoice.leftToPay}</dt>
                      <dd>${money(detail.payable)}</dd>
                    </div>`
                : nothing
            }
          </dl>
        </section>
      </div>
      <div class="applied">${this.renderPayments(detail, money)} ${this.renderCredits(detail, money)}</div>
      ${this.renderHistory(detail)} ${renderPastDisputes(this, detail, money, this.t)}
    </article>`;
  }

  /** "Payment of $X processing since …", and what is left to pay, while a payment is on its way. */
  private renderInFlight(detail: InvoiceDetail, money: (minor: number) => string): TemplateResult | typeof nothing {
    const flight = detail.inFlight;
    if (!flight) return nothing;
    const since = formatDateTime(flight.since, this.localeOrDefault);
    return html`<div class="notice in-flight" part="in-flight">
      <p>
        <strong>${this.t.inFlight.notice(money(flight.amount), since, flight.status)}.</strong>
        ${detail.payable > 0 ? this.t.inFlight.leftToPay(money(detail.payable)) : this.t.inFlight.nothingLeft}
      </p>
    </div>`;
  }

  private renderLines(detail: InvoiceDetail, money: (minor: number) => string): TemplateResult {
    if (detail.lines.length === 0) return html`<p class="none">${this.t.invoice.noLines}</p>`;
    const locale = this.localeOrDefault;
    // Focusable so keyboard users can scroll it sideways on a narrow screen.
    return html`<div class="table-scroll" role="region" aria-labelledby="lines-heading" tabindex="0">
      <table class="lines" part="lines" aria-labelledby="lines-heading">
        <thead>
          <tr>
            <th scope="col">${this.t.invoice.description}</th>
            <th scope="col" class="sku">${this.t.invoice.sku}</th>
            <th scope="col" class="num">${this.t.invoice.quantity}</th>
            <th scope="col" class="num col-unit">${this.t.invoice.unitPrice}</th>
            <th scope="col" class="num col-tax">${this.t.invoice.tax}</th>
            <th scope="col" class="num">${this.t.invoice.amount}</th>
          </tr>
        </thead>
        <tbody>
          ${detail.lines.map(
            (line) =>
              html`<tr>
                <td class="description">
                  ${line.description}
                  <span class="line-inline" aria-hidden="true"
                    >${this.t.invoice.lineInline(formatQuantity(line.quantity, locale), money(line.unitPrice), money(line.tax))}</span
                  >
                </td>
                <td class="sku">${line.sku ?? html`<span aria-hidden="true">—</span>`}</td>
                <td class="num">${formatQuantity(line.quantity, locale)}</td>
                <td class="num col-unit">${money(line.unitPrice)}</td>
                <td class="num col-tax">${money(line.tax)}</td>
                <td class="num amount">${money(line.amount)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderPayments(detail: InvoiceDetail, money: (minor: number) => string): TemplateResult {
    const locale = this.localeOrDefault;
    return html`<section class="card" part="payments">
      <h3 id="payments-heading">${this.t.invoice.payments}</h3>
      ${
        detail.payments.length === 0
          ? html`<p class="none">${this.t.invoice.noPayments}</p>`
          : html`<ul class="entries">
              ${detail.payments.map(
                (payment) =>
                  html`<li>
                    <span class="entry-main">
                      <span>${formatDate(payment.date, locale)} · ${payment.method}</span>
                      <span class="secondary">${this.t.invoice.receipt(payment.receiptNumber)}</span>
                    </span>
                    <span class="entry-amount">${money(payment.amount)}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderCredits(detail: InvoiceDetail, money: (minor: number) => string): TemplateResult {
    const locale = this.localeOrDefault;
    return html`<section class="card" part="credits">
      <h3 id="credits-heading">${this.t.invoice.credits}</h3>
      ${
        detail.credits.length === 0
          ? html`<p class="none">${this.t.invoice.noCredits}</p>`
          : html`<ul class="entries">
              ${detail.credits.map(
                (credit) =>
                  html`<li>
                    <span class="entry-main">
                      <span>${formatDate(credit.date, locale)} · ${this.t.invoice.creditNote} ${credit.number}</span>
                      <span class="secondary">${credit.reason}</span>
                    </span>
                    <span class="entry-amount">${money(credit.amount)}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderHistory(detail: InvoiceDetail): TemplateResult {
    const locale = this.localeOrDefault;
    return html`<section class="history-section">
      <h3 id="history-heading">${this.t.invoice.history}</h3>
      ${
        detail.history.length === 0
          ? html`<p class="none">${this.t.invoice.noHistory}</p>`
          : html`<ol class="timeline" part="history">
              ${detail.history.map(
                (entry) =>
                  html`<li class=${entry.type.replace(/[^a-z]+/gi, '-')}>
                    <time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>
                    <span>${entry.label}</span>
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }

  private renderSkeleton(): TemplateResult {
    const bone = (width: string) => html`<span class="bone" style="width: ${width}"></span>`;
    return html`<p class="visually-hidden" part="loading" role="status">${this.t.invoice.loading(this.invoice)}</p>
      <div class="skeleton" aria-hidden="true">
        <div class="head">${bone('14rem')} ${bone('9rem')}</div>
        <div class="meta">${[1, 2, 3, 4].map(() => html`<div>${bone('5rem')} ${bone('7rem')}</div>`)}</div>
        ${[1, 2, 3, 4].map(() => html`<div class="skeleton-line">${bone('60%')} ${bone('6rem')}</div>`)}
      </div>`;
  }
}
