/**
 * Stateless pieces of `<ar-promise-to-pay>`: the invoices it takes and those it cannot (with why), the
 * amount, date and note fields, the sentence that says what happens, the last attempt's problem, and
 * the promise once made.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ApiError } from '../../internal/api.js';
import { renderStatusBadge } from '../../internal/badge.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { pauseDates } from '../../internal/promise-card.js';
import { describeError } from '../../internal/states.js';
import { StripeFormError } from '../../internal/stripe.js';
import type { PaymentMethod, PromiseConfig, PromiseView } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';
import { fieldIds, type PromiseData } from './promise-data.js';

export function renderInvoices(data: PromiseData, locale: string | undefined, t: Catalog): TemplateResult {
  const money = (minor: number) => formatMoney(minor, data.currency, locale);
  return html`<div class="table-scroll">
    <table class="invoices" part="invoices">
      <caption class="visually-hidden">
        ${t.promise.invoicesCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.pay.invoice}</th>
          <th scope="col" class="col-due">${t.pay.due}</th>
          <th scope="col" class="num">${t.pay.balance}</th>
        </tr>
      </thead>
      <tbody>
        ${data.invoices.map(
          (invoice) =>
            html`<tr part="row">
              <th scope="row">
                <span class="invoice-number">${invoice.number}</span>
                ${invoice.status === 'past_due' || invoice.status === 'disputed' ? renderStatusBadge(invoice, t) : nothing}
                <span class="subtle due-inline">${t.invoices.dueOn(formatDate(invoice.dueDate, locale))}</span>
              </th>
              <td class="col-due">${formatDate(invoice.dueDate, locale)}</td>
              <td class="num">${money(invoice.balance)}</td>
            </tr>`,
        )}
      </tbody>
      ${
        data.invoices.length > 1
          ? html`<tfoot>
              <tr class="total">
                <th scope="row">${t.promise.owed}</th>
                <td class="col-due"></td>
                <td class="num">${money(data.total)}</td>
              </tr>
            </tfoot>`
          : nothing
      }
    </table>
  </div>`;
}

/** Named invoices the promise cannot take: paid, void, or already promised (with the date). */
export function renderExcluded(data: PromiseData, locale: string | undefined, t: Catalog) {
  if (data.excluded.length === 0) return nothing;
  return html`<section class="excluded" part="excluded" aria-labelledby="excluded-heading">
    <h3 id="excluded-heading">${t.promise.excludedHeading}</h3>
    <ul>
      ${data.excluded.map(
        ({ invoice, reason }) =>
          html`<li>
            <span class="invoice-number">${invoice.number}</span>
            <span class="subtle"
              >${t.promise.excluded(reason, invoice.promise ? formatDate(invoice.promise.promisedDate, locale) : '')}</span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

export interface FieldView {
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

export function renderAmountField(
  field: FieldView,
  data: PromiseData,
  amount: number | null,
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const id = fieldIds.amount;
  const partial = amount !== null && amount < data.total;
  const described = [`${id}-hint`, partial ? `${id}-partial` : '', field.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const money = (minor: number) => formatMoney(minor, data.currency, locale);
  return html`<div class="field">
    <label for=${id}>${t.promise.amountLabel}</label>
    <p class="hint" id="${id}-hint">${t.promise.amountHint}</p>
    <span class="money-input">
      <input
        id=${id}
        part="input amount-input"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${live(field.value)}
        aria-invalid=${field.error ? 'true' : 'false'}
        aria-describedby=${described}
        @input=${(event: InputEvent) => field.onInput((event.target as HTMLInputElement).value)}
      />
      <span class="currency" aria-hidden="true">${data.currency}</span>
    </span>
    ${partial ? html`<p class="partial" part="partial" id="${id}-partial">${t.promise.partial(money(amount), money(data.total))}</p>` : nothing}
    ${field.error ? html`<p class="error-text" id="${id}-error">${field.error}</p>` : nothing}
  </div>`;
}

export function renderDateField(field: FieldView, config: PromiseConfig, locale: string | undefined, t: Catalog) {
  const id = fieldIds.date;
  const described = field.error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return html`<div class="field">
    <label for=${id}>${t.promise.dateLabel}</label>
    <p class="hint" id="${id}-hint">
      ${t.promise.dateHint(formatDate(config.minDate, locale), formatDate(config.maxDate, locale))}
    </p>
    <input
      id=${id}
      class="date"
      part="input date-input"
      type="date"
      min=${config.minDate}
      max=${config.maxDate}
      .value=${live(field.value)}
      aria-invalid=${field.error ? 'true' : 'false'}
      aria-describedby=${described}
      @input=${(event: InputEvent) => field.onInput((event.target as HTMLInputElement).value)}
    />
    ${field.error ? html`<p class="error-text" id="${id}-error">${field.error}</p>` : nothing}
  </div>`;
}

export function renderNoteField(field: FieldView, t: Catalog): TemplateResult {
  const id = fieldIds.note;
  return html`<div class="field">
    <label for=${id}>${t.promise.noteLabel}</label>
    <p class="hint" id="${id}-hint">${t.promise.noteHint}</p>
    <textarea
      id=${id}
      part="input note-input"
      rows="3"
      maxlength="1000"
      aria-describedby="${id}-hint"
      .value=${live(field.value)}
      @input=${(event: InputEvent) => field.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

/** "Reminders for these invoices stop until …; we will remind you on …", for the date chosen (when it is one). */
export function renderWhatHappens(
  date: string | null,
  config: PromiseConfig,
  autopay: PaymentMethod | null,
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const dates = date ? pauseDates(date, config.toleranceDays) : null;
  const charge =
    date && autopay ? t.promise.whatHappensAutopay(t.promises.autopayMeans(autopay), formatDate(date, locale)) : null;
  return html`<section class="what-happens" part="what-happens" aria-labelledby="what-heading">
    <h3 id="what-heading">${t.promise.whatHappensHeading}</h3>
    <p aria-live="polite">
      ${dates ? t.promise.whatHappens(formatDate(dates.until, locale), formatDate(dates.remind, locale)) : t.promise.pickDate}
    </p>
    ${charge ? html`<p class="charge" part="autopay-note">${charge}</p>` : nothing}
    ${dates ? html`<p>${t.promise.whatHappensLater}</p>` : nothing}
  </section>`;
}

/** What the server said no to, in the customer's words; focusable, so focus can go to it. */
export function renderProblem(error: unknown, t: Catalog): TemplateResult | typeof nothing {
  if (error === null || error === undefined) return nothing;
  const code = error instanceof ApiError ? error.code : null;
  const known: Partial<Record<string, string>> = {
    promise_date_out_of_range: t.promise.dateTaken,
    promise_amount_too_large: t.promise.amountTooLarge,
    invoice_not_promisable: t.promise.notPromisable,
    invoice_promised: t.promise.alreadyPromised,
    not_found: t.promise.invoiceNotFound,
    invalid_request: t.promise.invalid,
    network_error: t.promise.networkError,
  };
  // Stripe's own words for a card or account it refused (they are written for payers).
  const stripe = error instanceof StripeFormError ? error.message || t.promise.autopayDetailsFailed : null;
  const message = (code && known[code]) || stripe || describeError(error, t);
  return html`<div id="problem" class="notice danger" part="error" role="alert" tabindex="-1">
    <p><strong>${t.promise.failed}</strong></p>
    <p>${message}</p>
  </div>`;
}

export interface CreatedOptions {
  locale: string | undefined;
  card: TemplateResult;
  /** Inside `<ar-portal>`: the ways on, to the promises and back to the invoices. */
  navigate: ((route: 'promises' | 'invoices') => void) | null;
}

export function renderCreated(promise: PromiseView, options: CreatedOptions, t: Catalog): TemplateResult {
  const { locale, navigate } = options;
  const amount = formatMoney(promise.amount, promise.currency, locale);
  return html`<section class="created" part="created" aria-labelledby="created-heading">
    <div class="outcome-head">
      <span class="outcome-icon" aria-hidden="true">✓</span>
      <h2 id="created-heading" tabindex="-1">${t.promise.createdHeading}</h2>
    </div>
    <p class="lead">${t.promise.created(amount, formatDate(promise.promisedDate, locale))}</p>
    ${options.card}
    ${
      navigate
        ? html`<div class="created-actions">
            <button class="button" part="button promises-button" type="button" @click=${() => navigate('promises')}>
              ${t.promise.seePromises}
            </button>
            <button
              class="button secondary"
              part="button back-button"
              type="button"
              @click=${() => navigate('invoices')}
            >
              ${t.pay.back}
            </button>
          </div>`
        : nothing
    }
  </section>`;
}
