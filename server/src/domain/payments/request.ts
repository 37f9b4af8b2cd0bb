/** What a payer may ask for: the pay form's configuration, and every check made before anything is written or charged. */
import { eq, inArray } from 'drizzle-orm';
import type { PaymentConfig, PaymentRequestBody } from '../../contract';
import { MAX_PAYMENT } from '../../contract/money';
import { sha256 } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { customers, invoices } from '../../db/schema';
import { DomainError, notFound } from '../errors';
import type { PaymentProvider } from '../../payments/provider';
import { unappliedCredit, accountFor } from '../invoices';
import { cardSurcharge } from '../ledger';
import type { AuthSession } from '../auth';
import type { PaymentDeps } from './deps';

const refuse = (message: string) => new DomainError('invalid_request', message);

export async function paymentConfig(
  deps: PaymentDeps,
  session: AuthSession,
  account: string | undefined,
): Promise<PaymentConfig> {
  const accountId = accountFor(session, account);
  const customer = (await deps.db.select().from(customers).where(eq(customers.id, accountId)).get())!;
  const settings = await deps.settings.get(deps.db);
  return {
    accountId,
    currency: customer.currency,
    methods: deps.providers.methodsFor(customer.currency),
    surcharge: settings.surchargeRateBp > 0 ? { rateBp: settings.surchargeRateBp, cap: settings.surchargeCap } : null,
    allowOverpayment: settings.allowOverpayment,
    credit: (await unappliedCredit(deps.db, [accountId])).get(accountId) ?? 0,
    stripe: deps.config.PAYMENT_PROVIDER === 'stripe' ? { publishableKey: deps.config.STRIPE_PUBLISHABLE_KEY! } : null,
    paypal: deps.config.PAYPAL_CLIENT_ID ? { clientId: deps.config.PAYPAL_CLIENT_ID } : null,
  };
}

interface CheckedRequest {
  customer: typeof customers.$inferSelect;
  provider: PaymentProvider;
  amount: number;
  surcharge: number;
  allowOverpayment: boolean;
}

/** Everything a payer must not ask for is refused here, before anything is written or charged. */
export async function checkRequest(
  db: DbOrTx,
  { providers, settings: reader }: Pick<PaymentDeps, 'providers' | 'settings'>,
  session: AuthSession,
  body: PaymentRequestBody,
): Promise<CheckedRequest> {
  const accountId = accountFor(session, body.account);
  const customer = await db.select().from(customers).where(eq(customers.id, accountId)).get();
  if (!customer) throw notFound('No such account.');
  const settings = await reader.get(db);
  const seen = new Set<string>();
  const rows = body.allocations.length
    ? await db
        .select()
        .from(invoices)
        .where(
          inArray(
            invoices.id,
            body.allocations.map((a) => a.invoiceId),
          ),
        )
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  let allocated = 0;
  for (const a of body.allocations) {
    const invoice = byId.get(a.invoiceId);
    // Another customer's invoice, or one outside an Easy Pay link, looks exactly like no invoice.
    const inScope =
      invoice &&
      invoice.customerId === accountId &&
      (session.scopeInvoiceIds === null || session.scopeInvoiceIds.includes(invoice.id));
    if (!inScope) throw notFound(`No invoice ${a.invoiceId} on this account.`);
    if (seen.has(invoice.id)) throw refuse(`Invoice ${invoice.number} is listed twice.`);
    seen.add(invoice.id);
    if (invoice.currency !== customer.currency)
      throw refuse(`Invoice ${invoice.number} is in ${invoice.currency}, not ${customer.currency}.`);
    if (invoice.voidedAt) throw refuse(`Invoice ${invoice.number} is void.`);
    if (invoice.balance <= 0) throw refuse(`Invoice ${invoice.number} is already paid.`);
    if (a.amount > invoice.balance)
      throw refuse(`Invoice ${invoice.number} has only ${invoice.balance} left to pay; pay at most that.`);
    allocated += a.amount;
  }
  const credit = body.credit ?? 0;
  const overpayment = body.overpayment ?? 0;
  if (credit > allocated) throw refuse('The credit used cannot be more than the amounts paid.');
  if (credit > 0) {
    const available = (await unappliedCredit(db, [accountId])).get(accountId) ?? 0;
    if (credit > available) throw refuse(`Only ${available} of credit is available on this account.`);
  }
  if (overpayment > 0 && !settings.allowOverpayment)
    throw refuse('Paying more than is owed is not taken here; lower the amount.');
  if (overpayment > 0 && session.scopeInvoiceIds !== null)
    throw refuse('An Easy Pay link pays its invoices; sign in to the portal to pay more.');
  const amount = allocated - credit + overpayment;
  if (amount <= 0)
    throw refuse('There is nothing to charge: the credit covers it all. Use less credit, or ask us to apply it.');
  if (amount > MAX_PAYMENT) throw refuse('That amount is too large to take in one payment.');
  const provider = providers.forMethod(body.method, customer.currency);
  if (!provider)
    throw new DomainError('method_unavailable', `Paying by ${body.method} is not offered for ${customer.currency}.`);
  const surcharge = cardSurcharge(
    body.method,
    amount,
    settings.surchargeRateBp > 0 ? { rateBp: settings.surchargeRateBp, cap: settings.surchargeCap } : null,
  );
  if (body.expectedTotal !== undefined && body.expectedTotal !== amount + surcharge) {
    throw new DomainError(
      'amount_changed',
      `The total is now ${amount + surcharge}, not ${body.expectedTotal}. Check the amounts and pay again.`,
    );
  }
  return {
    customer,
    provider,
    amount,
    surcharge,
    allowOverpayment: settings.allowOverpayment,
  };
}

/** A stable hash of what was asked: the same key with a different body is a 409. */
export function requestHash(body: PaymentRequestBody): string {
  const canonical = {
    account: body.account,
    allocations: body.allocations.map((a) => [a.invoiceId, a.amount]),
    credit: body.credit ?? 0,
    overpayment: body.overpayment ?? 0,
    method: body.method,
    paymentMethod: body.paymentMethod ?? null,
    expectedTotal: body.expectedTotal ?? null,
    applyRestToOldest: body.applyRestToOldest ?? false,
  };
  return sha256(JSON.stringify(canonical));
}
