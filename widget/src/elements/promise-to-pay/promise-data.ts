/**
 * The data behind `<ar-promise-to-pay>` and the check of what the customer typed, apart from the
 * element so they read as plain functions: which invoices a promise may take (and why the others
 * cannot), what the account's promise config allows today, then each field's error and the request.
 */
import { amountInputError } from '../../internal/amount-input.js';
import type { PorticoApi } from '../../internal/api.js';
import { isCalendarDate } from '../../internal/calendar.js';
import { accountOf, findInvoices } from '../../internal/find-invoices.js';
import { parseAmountInput } from '../../internal/amount-input.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import type { InvoiceSummary, PromiseConfig, PromiseRequestBody } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';

/** Why a named invoice is not in the promise: paid, void, or already under an open promise. */
export type Exclusion = 'paid' | 'void' | 'promised';

export function exclusionOf(invoice: InvoiceSummary): Exclusion | null {
  if (invoice.status === 'void') return 'void';
  if (invoice.status === 'paid' || invoice.balance <= 0) return 'paid';
  return invoice.promise ? 'promised' : null;
}

export interface PromiseData {
  /** What was asked for: a reload of the same key keeps what was typed. */
  key: string;
  account: string;
  currency: string;
  /** The invoices the promise takes, in the order asked for. */
  invoices: InvoiceSummary[];
  /** Named invoices it cannot take, with why. */
  excluded: { invoice: InvoiceSummary; reason: Exclusion }[];
  /** What the invoices owe together: the default amount, and the most a promise may be. */
  total: number;
  /** Null when there is nothing to promise (no need to ask). */
  config: PromiseConfig | null;
  /** Whether invoices were named, or the account's open ones were taken. */
  requested: boolean;
}

export async function loadPromiseData(
  client: PorticoApi,
  account: string,
  wanted: readonly string[],
  signal: AbortSignal,
): Promise<PromiseData> {
  // With the account known, its config loads beside the invoices.
  const early = account ? client.promiseConfig(account, { signal }) : null;
  early?.catch(() => undefined);
  const found = await findInvoices(client, account, wanted, signal);
  // A promise is for one account: the first named invoice's (see `accountOf`).
  const accountId = accountOf(found, account, wanted.length > 0);
  const own = found.filter((invoice) => invoice.accountId === accountId);
  const invoices = own.filter((invoice) => !exclusionOf(invoice));
  const excluded = own.flatMap((invoice) => {
    const reason = exclusionOf(invoice);
    return reason && wanted.length ? [{ invoice, reason }] : [];
  });
  const config = invoices.length
    ? await (early && accountId === account ? early : client.promiseConfig(accountId, { signal }))
    : null;
  return {
    key: `${account}|${wanted.join(',')}`,
    account: accountId,
    currency: config?.currency ?? invoices[0]?.currency ?? 'USD',
    invoices,
    excluded,
    total: invoices.reduce((sum, invoice) => sum + invoice.balance, 0),
    config,
    requested: wanted.length > 0,
  };
}

/** What the customer types. */
export interface PromiseFields {
  amount: string;
  date: string;
  note: string;
}

export interface PromiseCheck {
  /** Field id → message; empty when the promise can be sent. */
  errors: Map<string, string>;
  /** The amount read, when it is one (also with other errors, for the partial-promise note). */
  amount: number | null;
  request: PromiseRequestBody | null;
}

export const fieldIds = { amount: 'promise-amount', date: 'promise-date', note: 'promise-note' } as const;

export function checkPromise(
  data: PromiseData,
  fields: PromiseFields,
  locale: string | undefined,
  t: Catalog,
): PromiseCheck {
  const config = data.config!;
  const errors = new Map<string, string>();
  let amount: number | null = null;
  const parsed = parseAmountInput(fields.amount, data.currency, locale);
  if (!parsed.ok) errors.set(fieldIds.amount, amountInputError(parsed.error, data.currency, locale, t));
  else if (parsed.minor <= 0) errors.set(fieldIds.amount, t.pay.amountZero);
  else if (parsed.minor > data.total) {
    errors.set(fieldIds.amount, t.pay.amountTooHigh(formatMoney(data.total, data.currency, locale)));
  } else amount = parsed.minor;

  const date = fields.date.trim();
  if (!date) errors.set(fieldIds.date, t.promise.dateEmpty);
  else if (!isCalendarDate(date) || date < config.minDate || date > config.maxDate) {
    errors.set(
      fieldIds.date,
      t.promise.dateOutOfRange(formatDate(config.minDate, locale), formatDate(config.maxDate, locale)),
    );
  }

  const note = fields.note.trim();
  const request: PromiseRequestBody | null =
    errors.size === 0 && amount !== null
      ? {
          account: data.account,
          invoices: data.invoices.map((invoice) => invoice.id),
          amount,
          promisedDate: date,
          ...(note ? { note } : {}),
        }
      : null;
  return { errors, amount, request };
}
