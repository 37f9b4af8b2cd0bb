/**
 * Stateless pieces of `<ar-easy-pay>`: the invoices with their amount fields, the method tabs, the
 * summary down to the total, the next-action dialog (sandbox 3-D Secure and PayPal, PayPal's popup),
 * and the receipt.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderStatusBadge } from '../../internal/badge.js';
import { describeError } from '../../internal/states.js';
import { formatDate, formatDateTime, formatMoney } from '../../internal/format.js';
import { strings } from '../../internal/strings.js';
import type { InvoiceSummary, PaymentMethod, PaymentView } from '../../internal/types.js';
import type { Problem } from './payment-flow.js';
import { formatRate, type PaymentTotals, type SurchargePolicy } from './payment-totals.js';
import { stripeSlot, type StripeStatus } from './stripe.js';

const s = strings.pay;

type ErrorFor = (id: string) => string | undefined;

export function renderInvoiceTable(
  invoices: readonly InvoiceSummary[],
  amounts: ReadonlyMap<string, string>,
  errorFor: ErrorFor,
  locale: string | undefined,
  onAmount: (invoice: InvoiceSummary, text: string) => void,
): TemplateResult {
  return html`<div class="table-scroll">
    <table class="invoices" part="invoices">
      <caption class="visually-hidden">
        ${s.invoicesCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.invoice}</th>
          <th scope="col" class="col-due">${s.due}</th>
          <th scope="col" class="num col-balance">${s.balance}</th>
          <th scope="col" class="num col-amount">${s.amount}</th>
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
              ${invoice.status === 'past_due' || invoice.status === 'disputed' ? renderStatusBadge(invoice) : nothing}
              <span class="subtle due-inline">${strings.invoices.dueOn(formatDate(invoice.dueDate, locale))}</span>
              <span class="subtle balance-inline">${s.balanceOf(money(invoice.balance))}</span>
              ${
                flight
                  ? html`<span class="in-flight" part="in-flight" id="${id}-in-flight">
                      <span class="in-flight-icon" aria-hidden="true">…</span>
                      ${strings.inFlight.notice(money(flight.amount), formatDateTime(flight.since, locale), flight.status)}
                      <span class="subtle">(${strings.payments.receipt(flight.receiptNumber)})</span>
                    </span>`
                  : nothing
              }
            </th>
            <td class="col-due">${formatDate(invoice.dueDate, locale)}</td>
            <td class="num col-balance">${money(invoice.balance)}</td>
            <td class="col-amount">
              ${invoice.payable <= 0 ? html`<p class="not-payable">${s.notPayable}</p>` : renderAmountInput(invoice, id, error, amounts, onAmount, flight ? strings.inFlight.leftToPay(money(invoice.payable)) : '')}
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
  /** "$X left to pay" when a payment in flight holds part of the balance. */
  left: string,
): TemplateResult {
  const described = [left ? `${id}-in-flight ${id}-left` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html` <label class="visually-hidden" for=${id}>${s.amountLabel(invoice.number)}</label>
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
            ${s.useCredit(formatMoney(state.credit, state.currency, state.locale))}
          </label>
          ${creditError ? html`<p class="error-text" id="use-credit-error">${creditError}</p>` : nothing}
        </div>`
      : nothing;
  if (state.overpayment === null) return html`${credit}`;
  return html`${credit}
    <div class="field overpayment">
      <label for="overpayment">${s.overpaymentLabel}</label>
      <p class="hint" id="overpayment-hint">${s.overpaymentHint}</p>
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

/** The ARIA tabs pattern with automatic activation; the element moves focus on arrow keys. */
export function renderMethodTabs(
  methods: readonly PaymentMethod[],
  current: PaymentMethod,
  on: { select: (method: PaymentMethod) => void; keydown: (event: KeyboardEvent) => void },
): TemplateResult {
  return html`<div class="method-tabs" part="tabs" role="tablist" aria-label=${s.methodsLabel} @keydown=${on.keydown}>
    ${methods.map((method) => {
      const selected = method === current;
      return html`<button
        id="method-${method}"
        part=${selected ? 'tab tab-selected' : 'tab'}
        role="tab"
        type="button"
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls="method-panel"
        tabindex=${selected ? '0' : '-1'}
        @click=${() => on.select(method)}
      >
        ${s.method(method)}
      </button>`;
    })}
  </div>`;
}

export function renderSummary(
  totals: PaymentTotals,
  surcharge: SurchargePolicy | null,
  currency: string,
  locale: string | undefined,
): TemplateResult {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const line = (label: string, amount: string, className = '') =>
    html`<div class=${className}>
      <dt>${label}</dt>
      <dd>${amount}</dd>
    </div>`;
  return html`<dl class="summary" part="summary" aria-label=${s.summaryLabel}>
    ${line(s.invoicesTotal, money(totals.allocated))}
    ${totals.credit ? line(s.creditApplied, money(-totals.credit), 'credit') : nothing}
    ${totals.overpayment ? line(s.overpayment, money(totals.overpayment)) : nothing}
    ${totals.surcharge && surcharge ? line(s.surcharge(formatRate(surcharge.rateBp, locale)), money(totals.surcharge), 'surcharge') : nothing}
    ${line(s.total, money(totals.total), 'total')}
  </dl>`;
}

/** What went wrong with the last attempt: focusable, so focus can go to it. */
export function renderProblem(problem: Problem | null, locale?: string): TemplateResult | typeof nothing {
  if (!problem) return nothing;
  if (problem.kind === 'in_flight') {
    const { number, receiptNumber, payable, currency } = problem;
    return html`<div id="problem" class="notice danger" part="error" role="alert" tabindex="-1">
      <p><strong>${s.amountInFlight(number, receiptNumber)}</strong></p>
      <p>${payable > 0 ? s.amountInFlightLeft(formatMoney(payable, currency, locale)) : s.amountInFlightNone}</p>
    </div>`;
  }
  const [title, message] =
    problem.kind === 'declined'
      ? [s.declined, problem.message]
      : problem.kind === 'network'
        ? [strings.common.networkError, s.networkError]
        : problem.kind === 'amount_changed'
          ? [s.amountChanged, '']
          : problem.kind === 'lapsed'
            ? [s.lapsed, s.lapsedHint]
            : [s.failed, problem.message];
  return html`<div id="problem" class="notice danger" part="error" role="alert" tabindex="-1">
    <p><strong>${title}</strong></p>
    ${message ? html`<p>${message}</p>` : nothing}
  </div>`;
}

/** Stripe's own form, shown through a slot (see stripe.ts), with its loading and failed states. */
export function renderStripeSlot(status: StripeStatus, retry: () => void): TemplateResult {
  return html`${
      status === 'loading'
        ? html`<p class="pending" part="loading" role="status">
            <span class="spinner" aria-hidden="true"></span> ${s.stripeLoading}
          </p>`
        : nothing
    }
    ${
      status === 'failed'
        ? html`<div class="notice danger" part="error" role="alert">
            <p><strong>${s.stripeFailed}</strong> ${strings.common.networkError}</p>
            <button class="button secondary" part="button retry-button" type="button" @click=${retry}>
              ${strings.common.retry}
            </button>
          </div>`
        : nothing
    } <slot name=${stripeSlot}></slot>`;
}

/** What the payer must do before the payment can finish; null when nothing. */
export interface ActionState {
  payment: PaymentView;
  confirming: boolean;
  error: string;
}

export function renderActionDialog(
  state: ActionState,
  locale: string | undefined,
  on: { answer: (outcome: 'complete' | 'cancel') => void; openPaypal: (url: string) => void },
): TemplateResult {
  const { payment, confirming, error } = state;
  const action = payment.nextAction;
  const amount = formatMoney(payment.total, payment.currency, locale);
  let heading = s.paypalHeading;
  let flag: string | null = s.paypalSandbox;
  let text = s.paypalText(amount);
  let complete = s.approve;
  let cancel = s.cancel;
  let extra: TemplateResult | typeof nothing = nothing;
  if (action?.type === 'sandbox_authenticate') {
    [heading, flag, text, complete, cancel] = [
      s.authHeading,
      s.authSandbox,
      s.authText(amount),
      s.completeAuth,
      s.failAuth,
    ];
  } else if (action?.type === 'paypal_approve') {
    [flag, text, complete] = [null, s.paypalPopupText, s.paypalApproved];
    const url = action.approveUrl;
    extra = url
      ? html`<button class="button secondary" part="button" type="button" @click=${() => on.openPaypal(url)}>
          ${s.openPaypal}
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
    ${confirming ? html`<p class="pending" role="status"><span class="spinner" aria-hidden="true"></span> ${s.confirming}</p>` : nothing}
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

export function renderReceipt(payment: PaymentView, options: ReceiptOptions): TemplateResult {
  const { locale } = options;
  const money = (minor: number) => formatMoney(minor, payment.currency, locale);
  const processing = payment.status !== 'succeeded';
  return html`<section class="receipt" part="receipt" aria-labelledby="result-heading">
    <div class="receipt-head">
      <span class="receipt-icon ${processing ? 'processing' : ''}" aria-hidden="true">${processing ? '…' : '✓'}</span>
      <h2 id="result-heading" tabindex="-1">${processing ? s.processingHeading : s.receiptHeading}</h2>
    </div>
    <p class=${processing ? 'notice' : 'lead'} part=${processing ? 'notice' : nothing}>
      ${processing ? s.processing : s.thanks}
    </p>
    <dl class="receipt-meta">
      <div>
        <dt>${s.receiptNumber}</dt>
        <dd class="receipt-number">${payment.receiptNumber}</dd>
      </div>
      <div>
        <dt>${s.date}</dt>
        <dd>${formatDateTime(payment.succeededAt ?? payment.createdAt, locale)}</dd>
      </div>
      <div>
        <dt>${s.paidWith}</dt>
        <dd>${s.method(payment.method)}</dd>
      </div>
    </dl>
    <div class="table-scroll">
      <table class="allocations" part="allocations">
        <caption>
          ${s.appliedTo}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.invoice}</th>
            <th scope="col" class="num">${s.appliedAmount}</th>
          </tr>
        </thead>
        <tbody>
          ${payment.allocations.map(
            (allocation) =>
              html`<tr>
                <th scope="row">
                  ${allocation.number}
                  ${allocation.source === 'credit' ? html`<span class="subtle">(${s.fromCredit})</span>` : nothing}
                </th>
                <td class="num">${money(allocation.amount)}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          ${payment.credit ? receiptLine(s.creditApplied, money(-payment.credit)) : nothing}
          ${payment.unapplied ? receiptLine(s.keptAsCredit, money(payment.unapplied)) : nothing}
          ${payment.surcharge ? receiptLine(s.receiptSurcharge, money(payment.surcharge)) : nothing}
          ${receiptLine(processing ? s.total : s.totalCharged, money(payment.total), 'total')}
        </tfoot>
      </table>
    </div>
    ${options.email ? html`<p class="email-sent">${s.emailSent(options.email)}</p>` : nothing}
    ${
      options.downloadError
        ? html`<p class="notice danger" part="error" role="alert">
            <strong>${s.downloadFailed}</strong> ${describeError(options.downloadError)}
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
        ${options.downloading ? html`<span class="spinner" aria-hidden="true"></span> ${s.downloadingReceipt}` : s.downloadReceipt}
      </button>
      ${
        options.onBack
          ? html`<button class="button" part="button back-button" type="button" @click=${options.onBack}>
              ${s.back}
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
