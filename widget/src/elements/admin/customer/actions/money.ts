/**
 * The money forms (contract `admin-money.ts`): an offline payment with its cash application, applying
 * unapplied credit, a credit note, and a promise taken by phone.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { parseAmountInput } from '../../../../internal/amount-input.js';
import { formatDate, formatMoney } from '../../../../internal/format.js';
import type {
  AdminAllocationInput,
  AdminCreditNoteBody,
  ApplyCreditBody,
  CustomerDetail,
  InvoiceSummary,
  OfflinePaymentBody,
  PhonePromiseBody,
} from '../../shared/types.js';
import { act } from '../api.js';
import type { ActionPanel } from './panel.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The browser's calendar day `days` from today, `YYYY-MM-DD`. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

/** The form's helpers for a customer. */
function kit(p: ActionPanel, detail: CustomerDetail) {
  const locale = p.ctx.locale();
  const w = p.ctx.w().customer;
  const money = (minor: number) => formatMoney(minor, detail.currency, locale);
  const label = (invoice: InvoiceSummary) =>
    `${p.ctx.t().invoices.dueOn(formatDate(invoice.dueDate, locale))} · ${w.payable(money(invoice.payable))}`;
  /** What is typed per invoice, in minor units (what does not parse counts 0). */
  const typedTotal = (invoices: readonly InvoiceSummary[]) =>
    invoices.reduce((sum, invoice) => {
      const parsed = parseAmountInput(p.typed[`a-${invoice.id}`] ?? '', detail.currency, locale);
      return sum + (parsed.ok ? parsed.minor : 0);
    }, 0);
  const allocationFields = (invoices: readonly InvoiceSummary[]) =>
    html`<ul class="alloc">
      ${invoices.map((invoice) => {
        const name = `a-${invoice.id}`;
        return html`<li>
          ${p.field(
            name,
            w.amountFor(invoice.number),
            p.input(name, { decimal: true, hint: true, value: p.typed[name] ?? '' }),
            label(invoice),
          )}
        </li>`;
      })}
    </ul>`;
  const readAllocations = (data: FormData, invoices: readonly InvoiceSummary[], errors: Record<string, string>) => {
    const allocations: AdminAllocationInput[] = [];
    for (const invoice of invoices) {
      const name = `a-${invoice.id}`;
      const typed = text(data, name);
      if (!typed) continue;
      const amount = p.amount(name, typed, errors, true);
      if (amount > invoice.payable) errors[name] = w.overPayable(money(invoice.payable));
      else if (amount > 0) allocations.push({ invoiceId: invoice.id, amount });
    }
    return allocations;
  };
  const amountField = (name = 'amount') => p.field(name, w.amount, p.input(name, { decimal: true, req: true }));
  const allocError = p.errors['alloc']
    ? html`<p class="error-text" id="f-alloc-error" role="alert">${p.errors['alloc']}</p>`
    : nothing;
  return { w, money, typedTotal, allocationFields, readAllocations, amountField, allocError, locale };
}

export function renderPaymentForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const k = kit(p, detail);
  const { w } = k;
  const typedAmount = parseAmountInput(p.typed['amount'] ?? '', detail.currency, k.locale);
  const amount = typedAmount.ok ? typedAmount.minor : 0;
  const fields = html`${p.field(
      'method',
      w.method,
      html`<select id="f-method" name="method">
        ${(['cheque', 'wire', 'cash', 'other'] as const).map(
          (method) => html`<option value=${method}>${w.methodName(method)}</option>`,
        )}
      </select>`,
    )}
    ${k.amountField()}
    ${p.field(
      'receivedOn',
      w.receivedOn,
      p.input('receivedOn', { type: 'date', req: true, max: dayFromToday(0), value: dayFromToday(0) }),
    )}
    ${p.field('reference', w.reference, p.input('reference', { hint: true }), w.referenceHint)}
    <fieldset id="f-alloc" tabindex="-1" aria-describedby=${p.errors['alloc'] ? 'f-alloc-error' : nothing}>
      <legend>${w.allocation}</legend>
      <label class="choice"
        ><input type="radio" name="mode" value="auto" ?checked=${!p.manual} /> ${w.oldestFirst}</label
      >
      <label class="choice"
        ><input type="radio" name="mode" value="manual" ?checked=${p.manual} /> ${w.chooseInvoices}</label
      >
      ${
        p.manual
          ? p.withInvoices((invoices) => {
              const total = k.typedTotal(invoices);
              return html`${k.allocationFields(invoices)}
                <p class="totals" aria-live="polite">
                  <span>${w.allocated(k.money(total))}</span>
                  <span>${w.becomesCredit(k.money(Math.max(0, amount - total)))}</span>
                </p>`;
            })
          : nothing
      }
      ${k.allocError}
    </fieldset>
    ${p.field('note', w.note, p.textarea('note'))}`;
  return p.render('payment', fields, (data) => {
    const errors: Record<string, string> = {};
    const total = p.amount('amount', text(data, 'amount'), errors);
    const receivedOn = text(data, 'receivedOn');
    if (!receivedOn) errors['receivedOn'] = w.invalidDate;
    const invoices = p.invoices.value ?? [];
    const allocations = p.manual ? k.readAllocations(data, invoices, errors) : [];
    if (allocations.reduce((sum, a) => sum + a.amount, 0) > total && total > 0) errors['alloc'] = w.overAmount;
    if (!p.valid(errors)) return;
    const body: OfflinePaymentBody = {
      method: text(data, 'method') as OfflinePaymentBody['method'],
      amount: total,
      currency: detail.currency,
      receivedOn,
      ...(text(data, 'reference') ? { reference: text(data, 'reference') } : {}),
      ...(allocations.length ? { allocations } : {}),
      ...(text(data, 'note') ? { note: text(data, 'note') } : {}),
    };
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'payments', body, p.key);
      return w.done.payment;
    });
  });
}

export function renderCreditForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const k = kit(p, detail);
  const { w } = k;
  const fields = html`<p>${w.creditAvailable(k.money(detail.credit))}</p>
    <fieldset id="f-alloc" tabindex="-1" aria-describedby=${p.errors['alloc'] ? 'f-alloc-error' : nothing}>
      <legend>${w.allocation}</legend>
      ${p.withInvoices(
        (invoices) =>
          html`${k.allocationFields(invoices)}
            <p class="totals" aria-live="polite">${w.allocated(k.money(k.typedTotal(invoices)))}</p>`,
      )}
      ${k.allocError}
    </fieldset>`;
  return p.render('credit', fields, (data) => {
    const errors: Record<string, string> = {};
    const allocations = k.readAllocations(data, p.invoices.value ?? [], errors);
    const total = allocations.reduce((sum, a) => sum + a.amount, 0);
    if (!Object.keys(errors).length) {
      if (!total) errors['alloc'] = w.nothingAllocated;
      else if (total > detail.credit) errors['alloc'] = w.overCredit;
    }
    if (!p.valid(errors)) return;
    const body: ApplyCreditBody = { currency: detail.currency, allocations };
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'credit/apply', body);
      return w.done.credit;
    });
  });
}

export function renderCreditNoteForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const k = kit(p, detail);
  const { w } = k;
  const fields = html`${p.field(
    'invoiceId',
    w.creditNoteOn,
    html`<select id="f-invoiceId" name="invoiceId">
      <option value="">${w.onAccount}</option>
      ${(p.invoices.value ?? []).map(
        (invoice) => html`<option value=${invoice.id}>${invoice.number} · ${k.money(invoice.balance)}</option>`,
      )}
    </select>`,
  )}
  ${k.amountField()} ${p.field('reason', w.reason, p.textarea('reason', true))}`;
  return p.render('creditNote', fields, (data) => {
    const errors: Record<string, string> = {};
    const amount = p.amount('amount', text(data, 'amount'), errors);
    const reason = text(data, 'reason');
    if (!reason) errors['reason'] = w.required;
    if (!p.valid(errors)) return;
    const body: AdminCreditNoteBody = {
      invoiceId: text(data, 'invoiceId') || null,
      amount,
      currency: detail.currency,
      reason,
    };
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'credit-notes', body);
      return w.done.creditNote;
    });
  });
}

export function renderPromiseForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const k = kit(p, detail);
  const { w } = k;
  const fields = html`<fieldset id="f-inv" tabindex="-1" aria-describedby=${p.errors['inv'] ? 'f-inv-error' : nothing}>
      <legend>${w.promiseInvoices}</legend>
      ${p.withInvoices((invoices) =>
        invoices.map(
          (invoice) =>
            html`<label class="choice"
              ><input type="checkbox" name="inv" value=${invoice.id} /> ${invoice.number} ·
              ${k.money(invoice.balance)}</label
            >`,
        ),
      )}
      ${p.errors['inv'] ? html`<p class="error-text" id="f-inv-error">${p.errors['inv']}</p>` : nothing}
    </fieldset>
    ${p.field(
      'promisedDate',
      w.promisedDate,
      p.input('promisedDate', { type: 'date', req: true, min: dayFromToday(1), max: dayFromToday(90) }),
    )}
    ${p.field(
      'contactId',
      w.promisedBy,
      html`<select id="f-contactId" name="contactId">
        <option value="">${w.theAccount}</option>
        ${detail.contacts.map((contact) => html`<option value=${contact.id}>${contact.name || contact.email}</option>`)}
      </select>`,
    )}
    ${p.field('note', w.note, p.textarea('note'))}`;
  return p.render('promise', fields, (data) => {
    const errors: Record<string, string> = {};
    const invoices = data.getAll('inv').map((id) => ({ invoiceId: String(id) }));
    if (!invoices.length) errors['inv'] = w.pickInvoice;
    const promisedDate = text(data, 'promisedDate');
    if (!promisedDate) errors['promisedDate'] = w.invalidDate;
    if (!p.valid(errors)) return;
    const body: PhonePromiseBody = {
      invoices,
      promisedDate,
      contactId: text(data, 'contactId') || null,
      ...(text(data, 'note') ? { note: text(data, 'note') } : {}),
    };
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'promises', body);
      return w.done.promise;
    });
  });
}
