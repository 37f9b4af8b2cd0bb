/**
 * What `<ar-dispute-editor>` asks of the customer and its check, apart from the element so they read as
 * plain functions: which lines are ticked, each one's reason, quantity, amount and note, the message,
 * then each field's error, the disputed total against the balance, and the request.
 */
import { amountInputError } from '../../internal/amount-input.js';
import { formatAmountInput, parseAmountInput } from '../../internal/amount-input.js';
import { formatMoney, formatQuantity } from '../../internal/format.js';
import type { DisputeReason, DisputeRequestBody, InvoiceDetail, InvoiceLine } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';

/** The most of a line that may be disputed: its amount with its tax (the server's rule too). */
export const lineMost = (line: Pick<InvoiceLine, 'amount' | 'tax'>): number => line.amount + line.tax;

/** What the customer types for one line of the invoice. */
export interface LineFields {
  ticked: boolean;
  reason: DisputeReason | '';
  quantity: string;
  amount: string;
  note: string;
}

/** The lines' fields by `lineNo`, and the message to the company. */
export interface DisputeFields {
  lines: Readonly<Record<number, LineFields>>;
  message: string;
}

export const emptyFields: DisputeFields = { lines: {}, message: '' };

export const fieldIds = {
  lines: 'dispute-lines',
  message: 'dispute-message',
  total: 'dispute-total',
  line: (lineNo: number, field: 'ticked' | 'reason' | 'quantity' | 'amount' | 'note') => `line-${lineNo}-${field}`,
};

/** Why an invoice cannot be disputed here: nothing owed, void, or already under an open dispute. */
export function blockedBy(invoice: InvoiceDetail): 'paid' | 'void' | 'disputed' | null {
  if (invoice.status === 'void') return 'void';
  if (invoice.status === 'paid' || invoice.balance <= 0) return 'paid';
  return invoice.dispute && ['open', 'under_review'].includes(invoice.dispute.status) ? 'disputed' : null;
}

/**
 * A line just ticked: its whole amount in question, but no more than what the balance leaves beside
 * the lines already ticked (an invoice partly paid owes less than its lines); the whole line when the
 * balance is used up, so the total's error says why.
 */
export function tickLine(
  line: InvoiceLine,
  invoice: InvoiceDetail,
  fields: DisputeFields,
  locale: string | undefined,
): LineFields {
  const left = invoice.balance - disputedTotal(invoice, fields, locale);
  const amount = left > 0 ? Math.min(lineMost(line), left) : lineMost(line);
  const before = fields.lines[line.lineNo];
  return {
    reason: '',
    quantity: '',
    note: '',
    ...before,
    ticked: true,
    amount: before?.amount || formatAmountInput(amount, invoice.currency, locale),
  };
}

/** The sum of the ticked lines' amounts that read as amounts (for the live total, errors or not). */
export function disputedTotal(invoice: InvoiceDetail, fields: DisputeFields, locale: string | undefined): number {
  let total = 0;
  for (const line of invoice.lines) {
    const typed = fields.lines[line.lineNo];
    if (!typed?.ticked) continue;
    const parsed = parseAmountInput(typed.amount, invoice.currency, locale);
    if (parsed.ok) total += parsed.minor;
  }
  return total;
}

/**
 * A quantity as typed ("2.5", "2,5" in French), in thousandths: read the way an amount with three
 * decimals is, since quantities are exact to thousandths. Null for nothing typed, NaN for not one.
 */
function parseQuantity(text: string, locale: string | undefined): number | null {
  if (!text.trim()) return null;
  const parsed = parseAmountInput(text, 'KWD', locale);
  return parsed.ok && parsed.minor > 0 ? parsed.minor : NaN;
}

export interface DisputeCheck {
  /** Field id → message; empty when the dispute can be sent. */
  errors: Map<string, string>;
  /** What the ticked lines put in question, and what is left to pay meanwhile. */
  total: number;
  rest: number;
  request: DisputeRequestBody | null;
}

export function checkDispute(
  invoice: InvoiceDetail,
  fields: DisputeFields,
  locale: string | undefined,
  t: Catalog,
): DisputeCheck {
  const words = t.disputeEditor;
  const errors = new Map<string, string>();
  const lines: DisputeRequestBody['lines'] = [];
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  for (const line of invoice.lines) {
    const typed = fields.lines[line.lineNo];
    if (!typed?.ticked) continue;
    const id = (field: Parameters<typeof fieldIds.line>[1]) => fieldIds.line(line.lineNo, field);
    if (!typed.reason) errors.set(id('reason'), words.reasonEmpty);

    const quantity = parseQuantity(typed.quantity, locale);
    if (Number.isNaN(quantity)) errors.set(id('quantity'), words.quantityInvalid);
    else if (quantity !== null && quantity > Math.round(line.quantity * 1000)) {
      errors.set(id('quantity'), words.quantityTooHigh(formatQuantity(line.quantity, locale)));
    }

    const amount = parseAmountInput(typed.amount, invoice.currency, locale);
    if (!amount.ok) errors.set(id('amount'), amountInputError(amount.error, invoice.currency, locale, t));
    else if (amount.minor <= 0) errors.set(id('amount'), t.pay.amountZero);
    else if (amount.minor > lineMost(line)) errors.set(id('amount'), words.amountTooHigh(money(lineMost(line))));

    const note = typed.note.trim();
    if (typed.reason && amount.ok) {
      lines.push({
        line: line.lineNo,
        reason: typed.reason,
        ...(quantity ? { quantity: quantity / 1000 } : {}),
        amount: amount.minor,
        ...(note ? { note } : {}),
      });
    }
  }
  if (!invoice.lines.some((line) => fields.lines[line.lineNo]?.ticked)) errors.set(fieldIds.lines, words.noLines);

  const total = disputedTotal(invoice, fields, locale);
  if (total > invoice.balance) errors.set(fieldIds.total, words.overBalance(money(invoice.balance)));
  const message = fields.message.trim();
  if (!message) errors.set(fieldIds.message, words.messageEmpty);

  return {
    errors,
    total,
    rest: Math.max(0, invoice.balance - total),
    request: errors.size === 0 ? { invoice: invoice.id, lines, message } : null,
  };
}
