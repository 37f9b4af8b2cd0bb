/**
 * The data behind `<ar-easy-pay>` and the check of what the payer typed, apart from the element so
 * they read as plain functions: which invoices to pay and what the account's config offers, then
 * every field's error, the allocations, the totals and the sandbox token.
 */
import type { PorticoApi } from '../../internal/api.js';
import { amountInputError } from '../../internal/amount-input.js';
import { accountOf, findInvoices } from '../../internal/find-invoices.js';
import { parseAmountInput } from '../../internal/amount-input.js';
import { formatMoney } from '../../internal/format.js';
import { catalogFor } from '../../locales/catalog.js';
import type {
  InvoiceSummary,
  PaymentAllocationInput,
  PaymentConfig,
  PaymentMethod,
  PaymentProviderName,
} from '../../internal/types.js';
import {
  checkSandboxFields,
  type BankFields,
  type CardFields,
  type FieldErrors,
} from '../../internal/payment-fields.js';
import { paymentTotals, type PaymentTotals } from './payment-totals.js';

export interface PayData {
  /** What was asked for (account and invoices): the same key on a reload keeps the form as typed. */
  key: string;
  account: string;
  currency: string;
  /**
   * The invoices with a balance left, in the order asked for. One whose whole balance is held by a
   * payment in flight (`payable` 0) is shown, with that payment, but cannot be paid.
   */
  invoices: InvoiceSummary[];
  /** Null when there is nothing to pay (no need to ask). */
  config: PaymentConfig | null;
  /** Whether invoices were named (so "nothing to pay" means they are paid), or the account's open ones. */
  requested: boolean;
}

export function payDataKey(account: string, wanted: readonly string[]): string {
  return `${account}|${wanted.join(',')}`;
}

export async function loadPayData(
  client: PorticoApi,
  account: string,
  wanted: readonly string[],
  signal: AbortSignal,
): Promise<PayData> {
  // With the account known, its config loads beside the invoices.
  const early = account ? client.getPaymentConfig(account, { signal }) : null;
  early?.catch(() => undefined);
  const invoices = await findInvoices(client, account, wanted, signal);
  // Named invoices say whose they are (a bookkeeper's pay link may name another account than the one
  // on screen); several from different accounts cannot be one payment, so the first one's account wins.
  const accountId = accountOf(invoices, account, wanted.length > 0);
  const payable = invoices.filter(
    (invoice) => invoice.accountId === accountId && invoice.balance > 0 && invoice.status !== 'void',
  );
  const config = payable.some((invoice) => invoice.payable > 0)
    ? await (early && accountId === account ? early : client.getPaymentConfig(accountId, { signal }))
    : null;
  return {
    key: payDataKey(account, wanted),
    account: accountId,
    currency: config?.currency ?? payable[0]?.currency ?? 'USD',
    invoices: payable,
    config,
    requested: wanted.length > 0,
  };
}

export interface FormInput {
  data: PayData;
  amounts: ReadonlyMap<string, string>;
  useCredit: boolean;
  overpayment: string;
  method: PaymentMethod | null;
  card: CardFields;
  bank: BankFields;
  /** Stripe's Payment Element is mounted (only matters when the method is Stripe's). */
  stripeReady: boolean;
  locale: string | undefined;
}

export interface FormCheck {
  /** Field id → message; empty when the payment can be sent. */
  errors: FieldErrors;
  allocations: PaymentAllocationInput[];
  totals: PaymentTotals;
  /** The sandbox token for the card or bank account typed. */
  token: string | null;
  provider: PaymentProviderName | undefined;
  /** The sandbox is in use: show its note with the test numbers. */
  sandboxHelp: boolean;
}

export function checkForm(input: FormInput): FormCheck {
  const { data, locale, method } = input;
  const t = catalogFor(locale);
  const config = data.config!;
  const errors: FieldErrors = new Map();
  const allocations: PaymentAllocationInput[] = [];
  let allocated = 0;
  for (const invoice of data.invoices) {
    // Held whole by a payment in flight: shown, not payable.
    if (invoice.payable <= 0) continue;
    const id = `amount-${invoice.id}`;
    const parsed = parseAmountInput(input.amounts.get(invoice.id) ?? '', data.currency, locale);
    if (!parsed.ok) errors.set(id, amountInputError(parsed.error, data.currency, locale, t));
    else if (parsed.minor <= 0) errors.set(id, t.pay.amountZero);
    else if (parsed.minor > invoice.payable) {
      const most = formatMoney(invoice.payable, invoice.currency, locale);
      errors.set(id, invoice.inFlight ? t.pay.amountTooHighInFlight(most) : t.pay.amountTooHigh(most));
    } else {
      allocations.push({ invoiceId: invoice.id, amount: parsed.minor });
      allocated += parsed.minor;
    }
  }

  let overpayment = 0;
  if (config.allowOverpayment && input.overpayment.trim()) {
    const parsed = parseAmountInput(input.overpayment, data.currency, locale);
    if (parsed.ok) overpayment = parsed.minor;
    else errors.set('overpayment', amountInputError(parsed.error, data.currency, locale, t));
  }

  const totals = paymentTotals({
    allocated,
    creditAvailable: config.credit,
    useCredit: input.useCredit,
    overpayment,
    method,
    surcharge: config.surcharge,
  });
  // The server charges something or nothing at all: credit alone is applied by the company.
  if (totals.allocated > 0 && totals.amount <= 0) errors.set('use-credit', t.pay.creditCoversAll);
  const provider = config.methods.find((item) => item.method === method)?.provider;
  let token: string | null = null;
  if (totals.amount > 0 && method) {
    const fields = provider === 'sandbox' ? checkSandboxFields(method, input.card, input.bank, t) : null;
    if (fields) {
      token = fields.token;
      for (const [id, message] of fields.errors) errors.set(id, message);
    }
    if (provider === 'stripe' && !input.stripeReady) errors.set(`method-${method}`, t.pay.stripeLoading);
  }
  return {
    errors,
    allocations,
    totals,
    token,
    provider,
    sandboxHelp: config.methods.some((item) => item.provider === 'sandbox'),
  };
}
