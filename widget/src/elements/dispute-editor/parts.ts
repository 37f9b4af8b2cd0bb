/**
 * Stateless pieces of `<ar-dispute-editor>`'s form: the invoice's lines, each with "Dispute this line"
 * and, once ticked, its reason, quantity, amount and note; the message; the files; the live total.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { disputeReasons } from '../../../../server/src/contract/lists.js';
import { formatMoney, formatQuantity } from '../../internal/format.js';
import type { InvoiceDetail, InvoiceLine } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';
import { fieldIds, lineMost, type DisputeCheck, type LineFields } from './dispute-data.js';
import { acceptedFiles, formatFileSize } from './files.js';

/** Where the element keeps what is typed, and which errors show. */
export interface FormBinding {
  lines: Readonly<Record<number, LineFields>>;
  errorFor: (id: string) => string | undefined;
  tick: (line: InvoiceLine, ticked: boolean) => void;
  edit: (line: InvoiceLine, field: Exclude<keyof LineFields, 'ticked'>, value: string) => void;
}

/** "<p class=error-text id=…-error>" when the field has an error, and its `aria-describedby` ids. */
function describe(id: string, error: string | undefined, ...more: string[]) {
  return {
    described: [...more, error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing,
    invalid: error ? 'true' : 'false',
    message: error ? html`<p class="error-text" id="${id}-error">${error}</p>` : nothing,
  };
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

export function renderLines(
  invoice: InvoiceDetail,
  form: FormBinding,
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const error = form.errorFor(fieldIds.lines);
  return html`<fieldset class="lines" aria-describedby=${error ? `${fieldIds.lines}-error` : nothing}>
    <legend>${t.disputeEditor.linesLegend}</legend>
    ${error ? html`<p class="error-text" id="${fieldIds.lines}-error">${error}</p>` : nothing}
    <ul class="line-list">
      ${invoice.lines.map((line) => renderLine(line, invoice.currency, form, locale, t))}
    </ul>
  </fieldset>`;
}

function renderLine(
  line: InvoiceLine,
  currency: string,
  form: FormBinding,
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const words = t.disputeEditor;
  const typed = form.lines[line.lineNo];
  const ticked = Boolean(typed?.ticked);
  const id = (field: Parameters<typeof fieldIds.line>[1]) => fieldIds.line(line.lineNo, field);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const quantity = formatQuantity(line.quantity, locale);
  return html`<li class=${ticked ? 'line ticked' : 'line'} part=${ticked ? 'line line-ticked' : 'line'}>
    <div class="line-head">
      <input
        id=${id('ticked')}
        type="checkbox"
        .checked=${live(ticked)}
        aria-describedby="${id('ticked')}-what"
        @change=${(event: Event) => form.tick(line, (event.target as HTMLInputElement).checked)}
      />
      <label for=${id('ticked')}>${words.disputeLine}</label>
      <span class="line-what" id="${id('ticked')}-what">
        <span class="line-description">${line.description}</span>
        <span class="subtle">${words.lineOf(quantity, money(line.unitPrice), money(line.amount))}</span>
      </span>
    </div>
    ${ticked && typed ? renderLineFields(line, typed, form, { currency, quantity, amount: money(lineMost(line)) }, t) : nothing}
  </li>`;
}

function renderLineFields(
  line: InvoiceLine,
  typed: LineFields,
  form: FormBinding,
  most: { currency: string; quantity: string; amount: string },
  t: Catalog,
): TemplateResult {
  const { currency } = most;
  const words = t.disputeEditor;
  const id = (field: Parameters<typeof fieldIds.line>[1]) => fieldIds.line(line.lineNo, field);
  const reason = describe(id('reason'), form.errorFor(id('reason')), `${id('ticked')}-what`);
  const quantity = describe(id('quantity'), form.errorFor(id('quantity')), `${id('quantity')}-hint`);
  const amount = describe(id('amount'), form.errorFor(id('amount')), `${id('amount')}-hint`);
  return html`<div class="line-fields">
    <div class="field">
      <label for=${id('reason')}>${words.reasonLabel}</label>
      <select
        id=${id('reason')}
        part="input reason-input"
        aria-invalid=${reason.invalid}
        aria-describedby=${reason.described}
        @change=${(event: Event) => form.edit(line, 'reason', valueOf(event))}
      >
        <option value="" ?selected=${!typed.reason}>${words.reasonChoose}</option>
        ${disputeReasons.map(
          (item) =>
            html`<option value=${item} ?selected=${typed.reason === item}>${t.disputeEditor.reason(item)}</option>`,
        )}
      </select>
      ${reason.message}
    </div>
    <div class="field">
      <label for=${id('quantity')}>${words.quantityLabel}</label>
      <input
        id=${id('quantity')}
        part="input quantity-input"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${live(typed.quantity)}
        aria-invalid=${quantity.invalid}
        aria-describedby=${quantity.described}
        @input=${(event: Event) => form.edit(line, 'quantity', valueOf(event))}
      />
      <p class="hint" id="${id('quantity')}-hint">${words.quantityHint(most.quantity)}</p>
      ${quantity.message}
    </div>
    <div class="field">
      <label for=${id('amount')}>${words.amountLabel}</label>
      <span class="money-input">
        <input
          id=${id('amount')}
          part="input amount-input"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${live(typed.amount)}
          aria-invalid=${amount.invalid}
          aria-describedby=${amount.described}
          @input=${(event: Event) => form.edit(line, 'amount', valueOf(event))}
        />
        <span class="currency" aria-hidden="true">${currency}</span>
      </span>
      <p class="hint" id="${id('amount')}-hint">${words.amountHint(most.amount)}</p>
      ${amount.message}
    </div>
    <div class="field note">
      <label for=${id('note')}>${words.noteLabel}</label>
      <input
        id=${id('note')}
        part="input note-input"
        type="text"
        maxlength="1000"
        .value=${live(typed.note)}
        @input=${(event: Event) => form.edit(line, 'note', valueOf(event))}
      />
    </div>
  </div>`;
}

/** "Disputed: $X · Undisputed rest: $Y", and why the total is too much when it is. */
export function renderTotals(
  invoice: InvoiceDetail,
  check: DisputeCheck,
  error: string | undefined,
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  return html`<div class=${error ? 'totals over' : 'totals'} part="totals" id=${fieldIds.total} tabindex="-1">
    <p>
      <strong class="figure">${t.disputeEditor.disputed(money(check.total))}</strong>
      <span aria-hidden="true"> · </span>
      <span class="figure">${t.disputeEditor.rest(money(check.rest))}</span>
    </p>
    ${error ? html`<p class="error-text" role="alert">${error}</p>` : nothing}
  </div>`;
}

export function renderMessage(
  value: string,
  company: string,
  error: string | undefined,
  onInput: (value: string) => void,
  t: Catalog,
): TemplateResult {
  const id = fieldIds.message;
  const state = describe(id, error, `${id}-hint`);
  return html`<div class="field">
    <label for=${id}>${t.disputeEditor.messageLabel(company)}</label>
    <p class="hint" id="${id}-hint">${t.disputeEditor.messageHint}</p>
    <textarea
      id=${id}
      part="input message-input"
      rows="4"
      maxlength="5000"
      required
      .value=${live(value)}
      aria-invalid=${state.invalid}
      aria-describedby=${state.described}
      @input=${(event: Event) => onInput(valueOf(event))}
    ></textarea>
    ${state.message}
  </div>`;
}

/** The file picker, the files chosen (each with its size and Remove), and why some were not added. */
export function renderFiles(
  files: readonly File[],
  problems: readonly string[],
  on: { add: (files: FileList) => void; remove: (file: File) => void },
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const words = t.disputeEditor;
  return html`<div class="field files">
    <label for="dispute-files">${words.filesLabel}</label>
    <p class="hint" id="dispute-files-hint">${words.filesHint}</p>
    <input
      id="dispute-files"
      part="input file-input"
      type="file"
      multiple
      accept=${acceptedFiles}
      aria-describedby=${problems.length ? 'dispute-files-hint dispute-files-error' : 'dispute-files-hint'}
      @change=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        if (input.files) on.add(input.files);
        // The same file may be picked again after it is removed.
        input.value = '';
      }}
    />
    ${
      problems.length
        ? html`<div class="error-text" id="dispute-files-error" part="file-error" role="alert">
            ${problems.map((problem) => html`<p>${problem}</p>`)}
          </div>`
        : nothing
    }
    ${
      files.length
        ? html`<ul class="file-list" part="files" aria-label=${words.filesCaption}>
            ${files.map(
              (file) =>
                html`<li part="file">
                  <span class="file-name">${file.name}</span>
                  <span class="subtle">${formatFileSize(file.size, locale)}</span>
                  <button
                    class="button link"
                    part="button remove-file-button"
                    type="button"
                    aria-label=${words.removeFile(file.name)}
                    @click=${() => on.remove(file)}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </div>`;
}
