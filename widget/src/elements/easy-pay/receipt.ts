/**
 * After paying with `<ar-easy-pay>`: the receipt (what the payment paid, its PDF) and, in an Easy Pay
 * session, the offer to sign in to the whole account.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatMoney } from '../../internal/format.js';
import { describeError } from '../../internal/states.js';
import type { PaymentView, SessionInfo } from '../../internal/types.js';
import { renderWholeAccountLogin } from '../../internal/whole-account.js';
import type { Catalog } from '../../locales/catalog.js';

export interface ReceiptOptions {
  locale: string | undefined;
  /** Where the receipt email went: the signed-in person. */
  email: string | null;
  downloading: boolean;
  downloadError: unknown;
  onDownload: () => void;
  /** Inside `<ar-portal>`: the way back to the list. */
  onBack: (() => void) | null;
}

export function renderReceipt(payment: PaymentView, options: ReceiptOptions, t: Catalog): TemplateResult {
  const { locale } = options;
  const money = (minor: number) => formatMoney(minor, payment.currency, locale);
  const processing = payment.status !== 'succeeded';
  return html`<section class="receipt" part="receipt" aria-labelledby="result-heading">
    <div class="outcome-head">
      <span class="outcome-icon ${processing ? 'processing' : ''}" aria-hidden="true">${processing ? '…' : '✓'}</span>
      <h2 id="result-heading" tabindex="-1">${processing ? t.pay.processingHeading : t.pay.receiptHeading}</h2>
    </div>
    <p class=${processing ? 'notice' : 'lead'} part=${processing ? 'notice' : nothing}>
      ${processing ? t.pay.processing : t.pay.thanks}
    </p>
    <dl class="receipt-meta">
      <div>
        <dt>${t.pay.receiptNumber}</dt>
        <dd class="receipt-number">${payment.receiptNumber}</dd>
      </div>
      <div>
        <dt>${t.pay.date}</dt>
        <dd>${formatDateTime(payment.succeededAt ?? payment.createdAt, locale)}</dd>
      </div>
      <div>
        <dt>${t.pay.paidWith}</dt>
        <dd>${t.pay.method(payment.method)}</dd>
      </div>
    </dl>
    <div class="table-scroll">
      <table class="allocations" part="allocations">
        <caption>
          ${t.pay.appliedTo}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.pay.invoice}</th>
            <th scope="col" class="num">${t.pay.appliedAmount}</th>
          </tr>
        </thead>
        <tbody>
          ${payment.allocations.map(
            (allocation) =>
              html`<tr>
                <th scope="row">
                  ${allocation.number}
                  ${allocation.source === 'credit' ? html`<span class="subtle">(${t.pay.fromCredit})</span>` : nothing}
                </th>
                <td class="num">${money(allocation.amount)}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          ${payment.credit ? receiptLine(t.pay.creditApplied, money(-payment.credit)) : nothing}
          ${payment.unapplied ? receiptLine(t.pay.keptAsCredit, money(payment.unapplied)) : nothing}
          ${payment.surcharge ? receiptLine(t.pay.receiptSurcharge, money(payment.surcharge)) : nothing}
          ${receiptLine(processing ? t.pay.total : t.pay.totalCharged, money(payment.total), 'total')}
        </tfoot>
      </table>
    </div>
    ${options.email ? html`<p class="email-sent">${t.pay.emailSent(options.email)}</p>` : nothing}
    ${
      options.downloadError
        ? html`<p class="notice danger" part="error" role="alert">
            <strong>${t.pay.downloadFailed}</strong> ${describeError(options.downloadError, t)}
          </p>`
        : nothing
    }
    <div class="receipt-actions">
      <button
        class="button secondary"
        part="button receipt-button"
        type="button"
        ?disabled=${options.downloading}
        @click=${options.onDownload}
      >
        ${options.downloading ? html`<span class="spinner" aria-hidden="true"></span> ${t.pay.downloadingReceipt}` : t.pay.downloadReceipt}
      </button>
      ${
        options.onBack
          ? html`<button class="button" part="button back-button" type="button" @click=${options.onBack}>
              ${t.pay.back}
            </button>`
          : nothing
      }
    </div>
  </section>`;
}

function receiptLine(label: string, amount: string, className = ''): TemplateResult {
  return html`<tr class=${className}>
    <th scope="row">${label}</th>
    <td class="num">${amount}</td>
  </tr>`;
}

export interface WholeAccountView {
  api: string;
  locale: string;
  /** The payer asked to sign in: the form shows instead of the button. */
  upgrading: boolean;
  upgrade: () => void;
  t: Catalog;
}

/** An Easy Pay session saw one invoice of the account: after paying, the way to all of it. */
export function renderWholeAccount(
  payment: PaymentView,
  info: SessionInfo | null,
  view: WholeAccountView,
): TemplateResult | typeof nothing {
  if (!info?.scope) return nothing;
  const { t } = view;
  const numbers = [...new Set(payment.allocations.map((allocation) => allocation.number))];
  return html`<section class="whole-account" part="whole-account" aria-labelledby="whole-account-heading">
    <h3 id="whole-account-heading">${t.pay.wholeAccountHeading}</h3>
    <p>${t.pay.wholeAccount(numbers)}</p>
    ${
      view.upgrading
        ? renderWholeAccountLogin({ api: view.api, locale: view.locale, email: info.user.email })
        : html`<button class="button" part="button whole-account-button" type="button" @click=${view.upgrade}>
            ${t.pay.wholeAccountSignIn}
          </button>`
    }
  </section>`;
}
