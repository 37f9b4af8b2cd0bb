/**
 * The ERP API's requests (`/api/v1/erp/...`). A row (customer, invoice) is checked on its own, by the
 * HTTP API and the CSV import alike (which turns file rows into the same objects), so each problem is
 * reported against its row with a stable code (`ErpRowErrorCode`). Parsing also derives what the ledger
 * stores: quantities in thousandths, line amounts and taxes, totals; every number is checked to stay a
 * safe integer, so nothing a client sends overflows into a 500.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates';
import { normalizeEmail } from '../email';
import type { ErpRowError, ErpRowErrorCode } from '../erp-row-errors';
import { ERP_WEBHOOK_EVENT_TYPES } from '../lists';
import { canonicalLocale } from '../locale';
import { lineAmount, lineTax } from '../money';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const MAX_QUANTITY_MILLI = 1_000_000_000_000;

function custom(ctx: z.RefinementCtx, code: ErpRowErrorCode, message: string, path: (string | number)[] = []) {
  ctx.addIssue({ code: 'custom', message, path, params: { code } });
}

/** One line of text: no control characters (names, numbers, ids). Checks, not transforms: cheaper. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const oneLine = (max: number) =>
  z.string().trim().min(1).max(max).regex(ONE_LINE, { message: 'must be one line of text' });
const optionalLine = (max: number) =>
  z.string().trim().max(max).regex(ONE_LINE, { message: 'must be one line of text' }).nullish();

const calendarDate = z.string().refine(isCalendarDate, {
  message: 'must be a real date as YYYY-MM-DD',
  params: { code: 'invalid_date' },
});

const currency = z.string().refine((c) => CURRENCIES.has(c), {
  message: 'must be an ISO 4217 currency code such as USD',
  params: { code: 'invalid_currency' },
});

/** Integer minor units: JSON numbers only, never strings or fractions. */
const minorUnits = z.number().int().min(0);

/** `2`, `2.5`, `"0.125"` → thousandths, or NaN: at most 3 decimals, more than 0. */
function quantityMilli(value: number | string): number {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d{1,10})(?:\.(\d{1,3}))?$/.exec(text);
  const milli = match ? Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0')) : NaN;
  return milli > 0 && milli <= MAX_QUANTITY_MILLI ? milli : NaN;
}

const quantity = z.union([z.number(), z.string()]);

/** One customer of `PUT /erp/customers`, its full state (`ErpCustomerInput`). */
export const erpCustomerRow = z
  .strictObject({
    externalId: oneLine(128),
    name: oneLine(200),
    /** ISO 4217; cannot change once the customer has invoices. */
    currency,
    paymentTermsDays: z.number().int().min(0).max(365).default(30),
    billingAddress: z.string().trim().max(1000).nullish(),
    contacts: z
      .array(
        z.strictObject({
          email: z.string().max(254),
          name: z.string().trim().max(200).default(''),
          /**
           * BCP 47 language tag (`fr-FR`, `en`, `fr-CA`): the words, money and dates of the emails and PDFs
           * sent to this contact. Stored in canonical form; left out or null, the company's `locale` setting.
           * Words are written in English and French (any `fr-*` reads French, other languages English); money
           * and dates follow the whole tag.
           */
          locale: z.string().max(64).nullish(),
        }),
      )
      .max(100),
  })
  .transform((row, ctx) => {
    const seen = new Set<string>();
    const contacts = row.contacts.map((c, i) => {
      const email = normalizeEmail(c.email);
      if (!email) {
        custom(ctx, 'invalid_email', 'must be one email address', ['contacts', i, 'email']);
      } else if (seen.has(email)) {
        custom(ctx, 'duplicate_email', `${email} is listed twice`, ['contacts', i, 'email']);
      } else {
        seen.add(email);
      }
      const locale = c.locale ? canonicalLocale(c.locale) : null;
      if (c.locale && !locale) {
        custom(ctx, 'invalid_locale', 'must be a BCP 47 language tag such as en, fr or fr-CA', [
          'contacts',
          i,
          'locale',
        ]);
      }
      return { email: email ?? '', name: c.name, locale };
    });
    return { ...row, billingAddress: row.billingAddress || null, contacts };
  });

export type ErpCustomerRow = z.output<typeof erpCustomerRow>;

const lineRow = z.strictObject({
  description: z.string().trim().min(1).max(1000),
  sku: optionalLine(100),
  /** A decimal with at most 3 places, as a number (2.5) or a string ("2.5"); more than 0. */
  quantity,
  /** Integer minor units, 0 or more. */
  unitPrice: minorUnits,
  /** When given it must equal quantity × unitPrice rounded half up, else `amount_mismatch`. */
  amount: minorUnits.optional(),
  /** Tax rate in basis points (825 = 8.25 %), the tax rounded half up per line. */
  taxRateBp: z.number().int().min(0).max(10_000).optional(),
  /** The line's tax in minor units, as the ERP computed it; with taxRateBp it must agree. */
  tax: minorUnits.optional(),
});

/** One invoice of `PUT /erp/invoices`, its full state (`ErpInvoiceInput`). */
export const erpInvoiceRow = z
  .strictObject({
    externalId: oneLine(128),
    number: oneLine(64),
    customerExternalId: oneLine(128),
    issueDate: calendarDate,
    /** On or after issueDate. */
    dueDate: calendarDate,
    /** Must be the customer's currency. */
    currency,
    poNumber: optionalLine(100),
    lines: z.array(lineRow).min(1).max(1000),
    void: z.boolean().optional(),
    /**
     * Email the invoice (with its PDF and an Easy Pay link) to every contact of its customer once the
     * import has committed; ignored for a void or fully paid invoice.
     */
    send: z.boolean().optional(),
  })
  .transform((row, ctx) => {
    if (row.dueDate < row.issueDate) custom(ctx, 'due_before_issue', 'must be on or after issueDate', ['dueDate']);
    let subtotal = 0;
    let taxTotal = 0;
    const lines = row.lines.map((l, i) => {
      const quantity = quantityMilli(l.quantity);
      if (Number.isNaN(quantity)) {
        custom(ctx, 'invalid_quantity', 'must be a number more than 0 with at most 3 decimals', [
          'lines',
          i,
          'quantity',
        ]);
        return null;
      }
      const product = quantity * l.unitPrice;
      if (!Number.isSafeInteger(product)) {
        custom(ctx, 'too_large', 'quantity × unitPrice is too large', ['lines', i, 'unitPrice']);
        return null;
      }
      const amount = lineAmount(quantity, l.unitPrice);
      if (l.amount !== undefined && l.amount !== amount) {
        custom(ctx, 'amount_mismatch', `is ${l.amount} but quantity × unitPrice is ${amount}`, ['lines', i, 'amount']);
      }
      const computedTax = l.taxRateBp === undefined ? null : lineTax(amount, l.taxRateBp);
      if (l.tax !== undefined && computedTax !== null && l.tax !== computedTax) {
        custom(ctx, 'tax_mismatch', `is ${l.tax} but amount × taxRateBp is ${computedTax}`, ['lines', i, 'tax']);
      }
      const tax = l.tax ?? computedTax ?? 0;
      subtotal += amount;
      taxTotal += tax;
      return {
        description: l.description,
        sku: l.sku || null,
        quantityMilli: quantity,
        unitPrice: l.unitPrice,
        amount,
        tax,
      };
    });
    const total = subtotal + taxTotal;
    if (!Number.isSafeInteger(total)) custom(ctx, 'too_large', 'the invoice total is too large', ['lines']);
    return {
      externalId: row.externalId,
      number: row.number,
      customerExternalId: row.customerExternalId,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      currency: row.currency,
      poNumber: row.poNumber || null,
      void: row.void === true,
      send: row.send === true,
      lines: lines as NonNullable<(typeof lines)[number]>[],
      subtotal,
      taxTotal,
      total,
    };
  });

export type ErpInvoiceRow = z.output<typeof erpInvoiceRow>;
export type ErpInvoiceLine = ErpInvoiceRow['lines'][number];

/**
 * The bodies of `PUT /erp/customers` and `PUT /erp/invoices`: an array of rows, each checked on its own
 * (`parseRow`) so every problem is reported against its row.
 */
export const erpCustomersBody = z.strictObject({ customers: z.array(z.unknown()) });
export const erpInvoicesBody = z.strictObject({ invoices: z.array(z.unknown()) });

/** `GET /erp/invoices`: the reconciliation feed. */
export const erpInvoiceFeedQuery = z.object({
  /** Only invoices changed at or after this instant. */
  updatedSince: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number<string | number>().int().min(1).max(1000).default(100),
});

/** `GET /erp/payments`: the payments feed. */
export const erpPaymentFeedQuery = z.object({
  /** The `nextCursor` of the previous page or poll; absent to start from the beginning. */
  since: z.string().max(20).optional(),
  limit: z.coerce.number<string | number>().int().min(1).max(1000).default(100),
});

/** `POST /erp/webhooks`, before its URL is checked (`erpWebhookEndpointBody`). */
export const erpWebhookEndpointInput = z.strictObject({
  /** https (http only for localhost, or outside production). */
  url: z.string().trim().min(1).max(2048),
  /** Absent or empty: every type. */
  events: z
    .array(z.enum(ERP_WEBHOOK_EVENT_TYPES))
    .max(ERP_WEBHOOK_EVENT_TYPES.length * 2)
    .optional(),
  description: z.string().trim().max(500).optional(),
});

/**
 * `POST /erp/webhooks`: `urlProblem` says what is wrong with the URL for this server (the server's rule,
 * which depends on its configuration), or null when nothing is.
 */
export function erpWebhookEndpointBody(urlProblem: (url: string) => string | null) {
  return erpWebhookEndpointInput.superRefine((body, ctx) => {
    const problem = urlProblem(body.url);
    if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
  });
}

/** `GET /erp/webhooks/:id/deliveries`. */
export const erpWebhookDeliveriesQuery = z.object({
  limit: z.coerce.number<string | number>().int().min(1).max(200).default(50),
});

/** A zod issue as a row error with a stable code and a message that names what was expected. */
function rowError(index: number, issue: z.core.$ZodIssue): ErpRowError[] {
  const field = issue.path.join('.');
  const error = (code: ErpRowErrorCode, message: string, at = field): ErpRowError => ({
    index,
    field: at,
    code,
    message: `${at || 'row'}: ${message}`,
  });
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: ErpRowErrorCode } | undefined)?.code ?? 'invalid_value';
      return [error(code, issue.message)];
    }
    case 'invalid_type':
      if (issue.input === undefined) return [error('required', 'is required')];
      if (issue.expected === 'int') return [error('not_integer', 'must be a whole number (money in minor units)')];
      return [
        error('invalid_type', `must be ${issue.expected === 'number' ? 'a number' : `of type ${issue.expected}`}`),
      ];
    case 'too_small':
      return [
        error('too_small', issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`),
      ];
    case 'too_big':
      return [
        error(
          'too_large',
          issue.origin === 'string'
            ? `must be at most ${issue.maximum} characters`
            : issue.origin === 'array'
              ? `must have at most ${issue.maximum} items`
              : `must be at most ${issue.maximum}`,
        ),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => error('unknown_field', 'is not a known field', field ? `${field}.${key}` : key));
    case 'invalid_union':
      return [error('invalid_type', 'must be a number or a decimal string')];
    case 'invalid_format':
      return [error('invalid_format', issue.message)];
    default:
      return [error('invalid_value', issue.message)];
  }
}

export type RowParse<T> = { ok: true; value: T } | { ok: false; errors: ErpRowError[] };

export function parseRow<S extends z.ZodType>(schema: S, row: unknown, index: number): RowParse<z.output<S>> {
  const result = schema.safeParse(row, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.flatMap((issue) => rowError(index, issue)) };
}
