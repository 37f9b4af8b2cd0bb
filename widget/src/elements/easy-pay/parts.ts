/**
 * Stateless pieces of `<ar-easy-pay>`: the invoices with their amount fields, the method tabs, the
 * summary down to the total, the next-action dialog (sandbox 3-D Secure and PayPal, PayPal's popup),
 * and the receipt.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderStatusBadge } from '../../internal/badge.js';
import { formatDate, formatDateTime, formatMoney } from '../../internal/format.js';
import type { Catalog } from '../../locales/catalog.js';
import type { InvoiceSummary } from '../../internal/types.js';
import type { ActionState, Problem } from './payment-flow.js';
import { formatRate, type PaymentTotals, type SurchargePolicy } from './payment-totals.js';

type ErrorFor = (id: string) => string | undefined;

export function renderInvoiceTable(
  invoices: readonly InvoiceSummary[],
  amounts: ReadonlyMap<string, string>,
  errorFor: ErrorFor,
  locale: string | undefined,
  onAmount: (invoice: InvoiceSummary, text: string) => void,
  t: Catalog,
): TemplateResult {
  return html`<div class="table-scroll">
    <table class="invoices" part="invoices">
      <caption class="visually-hidden">
        ${t.pay.invoicesCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.pay.invoice}</th>
          <th scope="col" class="col-due">${t.pay.due}</th>
          <th scope="col" class="num col-balance">${t.pay.balance}</th>
          <th scope="col" class="num col-amount">${t.pay.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${invoices.map((invoice) => {
          const id = `amount-${invoice.id}`;
          const error = errorFor(id);
          const flight = invoice.inFlight;
          const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
          return html`<tr part="row">
            <th scope="row">
              <span class="invoice-number">${invoice.number}</span>
              ${invoice.status === 'past_due' || invoice.status === 'disputed' ? renderStatusBadge(invoice, t) : nothing}
              <span class="subtle due-inline">${t.invoices.dueOn(formatDate(invoice.dueDate, locale))}</span>
              <span class="subtle balance-inline">${t.pay.balanceOf(money(invoice.balance))}</span>
              ${
                flight
                  ? html`<span class="in-flight" part="in-flight" id="${id}-in-flight">
                      <span class="in-flight-icon" aria-hidden="true">…</span>
                      ${t.inFlight.notice(money(flight.amount), formatDateTime(flight.since, locale), flight.status)}
                      <span class="subtle">(${t.payments.receipt(flight.receiptNumber)})</span>
                    </span>`
                  : nothing
              }
            </th>
            <td class="col-due">${formatDate(invoice.dueDate, locale)}</td>
            <td class="num col-balance">${money(invoice.balance)}</td>
            <td class="col-amount">
              ${invoice.payable <= 0 ? html`<p class="not-payable">${t.pay.notPayable}</p>` : renderAmountInput(invoice, id, error, amounts, onAmount, { left: flight ? t.inFlight.leftToPay(money(invoice.payable)) : '', disputed: invoice.dispute ? t.disputeEditor.payingRest(money(invoice.dispute.amount)) : '' }, t)}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

function renderAmountInput(
  invoice: InvoiceSummary,
  id: string,
  error: string | undefined,
  amounts: ReadonlyMap<string, string>,
  onAmount: (invoice: InvoiceSummary, text: string) => void,
  notes: {
    /** "$X left to pay" when a payment in flight holds part of the balance. */
    left: string;
    /** "$D disputed — paying the undisputed rest" while a dispute is open (the amount leaves it out). */
    disputed: string;
  },
  t: Catalog,
): TemplateResult {
  const { left, disputed } = notes;
  const described = [
    left ? `${id}-in-flight ${id}-left` : '',
    disputed ? `${id}-disputed` : '',
    error ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html` <label class="visually-hidden" for=${id}>${t.pay.amountLabel(invoice.number)}</label>
    <span class="money-input">
      <input
        id=${id}
        part="input amount-input"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${live(amounts.get(invoice.id) ?? '')}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(event: InputEvent) => onAmount(invoice, (event.target as HTMLInputElement).value)}
      />
      <span class="currency" aria-hidden="true">${invoice.currency}</span>
    </span>
    ${left ? html`<p class="hint left-to-pay" id="${id}-left">${left}</p>` : nothing}
    ${disputed ? html`<p class="hint disputed" part="disputed" id="${id}-disputed">${disputed}</p>` : nothing}
    ${error ? html`<p class="error-text" id="${id}-error">${error}</p>` : nothing}`;
}

export interface ExtrasState {
  currency: string;
  locale: string | undefined;
  /** Credit available; the control shows only when there is some. */
  credit: number;
  useCredit: boolean;
  creditError: string | undefined;
  /** Null when the company takes no overpayment. */
  overpayment: string | null;
  overpaymentError: string | undefined;
}

/** "Use my unapplied credit" and the optional overpayment, each only when the account has it. */
export function renderCreditAndOverpayment(
  state: ExtrasState,
  on: { useCredit: (use: boolean) => void; overpayment: (text: string) => void },
  t: Catalog,
): TemplateResult {
  const { creditError, overpaymentError } = state;
  const credit =
    state.credit > 0
      ? html`<div class="credit">
          <label class="check">
            <input
              id="use-credit"
              type="checkbox"
              .checked=${state.useCredit}
              aria-invalid=${creditError ? 'true' : 'false'}
              aria-describedby=${creditError ? 'use-credit-error' : nothing}
              @change=${(event: Event) => on.useCredit((event.target as HTMLInputElement).checked)}
            />
            ${t.pay.useCredit(formatMoney(state.credit, state.currency, state.locale))}
          </label>
          ${creditError ? html`<p class="error-text" id="use-credit-error">${creditError}</p>` : nothing}
        </div>`
      : nothing;
  if (state.overpayment === null) return html`${credit}`;
  return html`${credit}
    <div class="field overpayment">
      <label for="overpayment">${t.pay.overpaymentLabel}</label>
      <p class="hint" id="overpayment-hint">${t.pay.overpaymentHint}</p>
      <span class="money-input">
        <input
          id="overpayment"
          part="input"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${live(state.overpayment)}
          aria-invalid=${overpaymentError ? 'true' : 'false'}
          aria-describedby=${overpaymentError ? 'overpayment-hint overpayment-error' : 'overpayment-hint'}
          @input=${(event: InputEvent) => on.overpayment((event.target as HTMLInputElement).value)}
        />
        <span class="currency" aria-hidden="true">${state.currency}</span>
      </span>
      ${overpaymentError ? html`<p class="error-text" id="overpayment-error">${overpaymentError}</p>` : nothing}
    </div>`;
}

export function renderSummary(
  totals: PaymentTotals,
  surcharge: SurchargePolicy | null,
  currency: string,
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const line = (label: string, amount: string, className = '') =>
    html`<div class=${className}>
      <dt>${label}</dt>
      <dd>${amount}</dd>
    </div>`;
  return html`<dl class="summary" part="summary" aria-label=${t.pay.summaryLabel}>
    ${line(t.pay.invoicesTotal, money(totals.allocated))}
    ${totals.credit ? line(t.pay.creditApplied, money(-totals.credit), 'credit') : nothing}
    ${totals.overpayment ? line(t.pay.overpayment, money(totals.overpayment)) : nothing}
    ${totals.surcharge && surcharge ? line(t.pay.surcharge(formatRate(surcharge.rateBp, locale)), money(totals.surcharge), 'surcharge') : nothing}
    ${line(t.pay.total, money(totals.total), 'total')}
  </dl>`;
}

/** What went wrong with the last attempt: focusable, so focus can go to it. */
export function renderProblem(problem: Problem | null, t: Catalog, locale?: string): TemplateResult | typeof nothing {
  if (!problem) return nothing;
  if (problem.kind === 'in_flight') {
    const { number, receiptNumber, payable, currency } = problem;
    return html`<div id="problem" class="notice danger" part="error" role="alert" tabindex="-1">
      <p><strong>${t.pay.amountInFlight(number, receiptNumber)}</strong></p>
      <p>
        ${payable > 0 ? t.pay.amountInFlightLeft(formatMoney(payable, currency, locale)) : t.pay.amountInFlightNone}
      </p>
    </div>`;
  }
  const [title, message] =
    problem.kind === 'declined'
      ? [t.pay.declined, problem.message]
      : problem.kind === 'network'
        ? [t.common.networkError, t.pay.networkError]
        : problem.kind === 'amount_changed'
          ? [t.pay.amountChanged, '']
          : problem.kind === 'lapsed'
            ? [t.pay.lapsed, t.pay.lapsedHint]
            : [t.pay.failed, problem.message];
  return html`<div id="problem" class="notice danger" part="error" role="alert" tabindex="-1">
    <p><strong>${title}</strong></p>
    ${message ? html`<p>${message}</p>` : nothing}
  </div>`;
}

export function renderActionDialog(
  state: ActionState,
  locale: string | undefined,
  on: { answer: (outcome: 'complete' | 'cancel') => void; openPaypal: (url: string) => void },
  t: Catalog,
): TemplateResult {
  const { payment, confirming, error } = state;
  const action = payment.nextAction;
  const amount = formatMoney(payment.total, payment.currency, locale);
  let heading = t.pay.paypalHeading;
  let flag: string | null = t.pay.paypalSandbox;
  let text = t.pay.paypalText(amount);
  let complete = t.pay.approve;
  let cancel = t.pay.cancel;
  let extra: TemplateResult | typeof nothing = nothing;
  if (action?.type === 'sandbox_authenticate') {
    [heading, flag, text, complete, cancel] = [
      t.pay.authHeading,
      t.pay.authSandbox,
      t.pay.authText(amount),
      t.pay.completeAuth,
      t.pay.failAuth,
    ];
  } else if (action?.type === 'paypal_approve') {
    [flag, text, complete] = [null, t.pay.paypalPopupText, t.pay.paypalApproved];
    const url = action.approveUrl;
    extra = url
      ? html`<button class="button secondary" part="button" type="button" @click=${() => on.openPaypal(url)}>
          ${t.pay.openPaypal}
        </button>`
      : nothing;
  }
  return html`<dialog
    id="action-dialog"
    part="dialog"
    aria-labelledby="action-heading"
    aria-describedby="action-text"
    @cancel=${(event: Event) => {
      event.preventDefault();
      if (!confirming) on.answer('cancel');
    }}
  >
    ${flag ? html`<p class="dialog-flag">${flag}</p>` : nothing}
    <h2 id="action-heading">${heading}</h2>
    <p id="action-text">${text}</p>
    ${confirming ? html`<p class="pending" role="status"><span class="spinner" aria-hidden="true"></span> ${t.pay.confirming}</p>` : nothing}
    ${error ? html`<p class="error-text" role="alert">${error}</p>` : nothing}
    <div class="dialog-actions">
      ${extra}
      <button class="button" part="button" type="button" ?disabled=${confirming} @click=${() => on.answer('complete')}>
        ${complete}
      </button>
      <button
        class="button secondary"
        part="button"
        type="button"
        ?disabled=${confirming}
        @click=${() => on.answer('cancel')}
      >
        ${cancel}
      </button>
    </div>
  </dialog>`;
}
