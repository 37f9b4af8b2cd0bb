/**
 * Shared setup for the payments tests (payments*.test.ts): one server per file with the sandbox provider, a session
 * for Northwind, and the helpers that pay, count and read balances.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { PaymentView } from '../src/contract';
import { testConfig } from '../src/config';
import { newLinkSecrets, issueMagicLink } from '../src/domain/auth';
import { type allocations, type payments, events, invoices } from '../src/db/schema';
import { putSettings } from '../src/domain/settings';
import { linkFrom } from '../../test/support/smtp-capture';
import { startTestServer, type TestServer } from './helpers';

export let t: TestServer;
export let northwind: string;

export const balanceOf = async (id: string) =>
  (await t.db.select({ balance: invoices.balance }).from(invoices).where(eq(invoices.id, id)).get())!.balance;
export const count = async (table: typeof payments | typeof allocations) =>
  (await t.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(table)
    .get())!.n;
export const eventsOf = (type: string, paymentId: string) =>
  t.db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.subjectId, paymentId)))
    .all();

export async function pay(body: Record<string, unknown>, options: { token?: string; key?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID();
  return t.call('POST', '/payments', { token: options.token ?? northwind, body, headers });
}

export async function payOk(body: Record<string, unknown>, token?: string): Promise<PaymentView> {
  const res = await pay(body, { token });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as PaymentView;
}

export const card = (allocs: [string, number][], extra: Record<string, unknown> = {}) => ({
  account: 'cus_northwind',
  allocations: allocs.map(([invoiceId, amount]) => ({ invoiceId, amount })),
  method: 'card',
  paymentMethod: 'tok_visa',
  ...extra,
});

/** A session opened from an Easy Pay link for one invoice, as the invoice email carries. */
export async function easyPaySession(email: string, invoiceId: string, number: string): Promise<string> {
  const config = testConfig({ PUBLIC_URL: 'https://ar.shop.test', ALLOWED_ORIGINS: 'https://shop.test' });
  await t.deliver();
  const sent = t.mail.to(email).length;
  await issueMagicLink(
    t.db,
    config,
    {
      email,
      audience: 'customer',
      returnTo: 'https://shop.test/portal',
      target: `pay/${number}`,
      nonceHash: null,
      scopeInvoiceIds: [invoiceId],
      ttlMinutes: 30 * 1440,
      maxUses: 20,
    },
    await newLinkSecrets(),
    t.clock.now(),
  );
  await t.deliver();
  const mail = await t.mail.waitFor(email, { subject: /sign-in link/, after: sent });
  const session = await t.call('POST', '/auth/sessions', { body: { token: linkFrom(mail).token } });
  return ((await session.json()) as { token: string }).token;
}

/** One server for the file, signed in as Northwind, with the company settings reset before each test. */
export function usePaymentsServer(): void {
  before(async () => {
    t = await startTestServer({ env: { SANDBOX_SETTLE_SECONDS: '60', PAYMENT_ATTEMPTS_PER_HOUR: '1000' } });
    northwind = await t.signIn('ap@northwind.test');
  });
  after(() => t.close());
  beforeEach(() =>
    putSettings(t.db, { surchargeRateBp: 0, surchargeCap: null, allowOverpayment: false }, t.clock.now()),
  );
}
