/**
 * Never charge twice: money in flight is reserved against each invoice's balance, decided inside the
 * write transaction, across concurrent requests and across server processes sharing one database (a
 * SQLite file, or PostgreSQL). What cannot be applied when money arrives is refunded through the
 * provider, never spread over invoices the payer did not choose.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ApiErrorBody, InvoiceDetail, PaymentView } from '../src/contract';
import { testConfig } from '../src/config';
import type { AsyncDatabase } from '../src/db/async';
import { openDb } from '../src/db/client';
import { allocations, events, invoices, payments, reservations } from '../src/db/schema';
import { systemActor } from '../src/domain/events';
import { installationSecret } from '../src/domain/installation';
import { recordSettledPayment } from '../src/domain/ledger/ledger';
import { createSession } from '../src/domain/auth/sessions';
import { putSettings } from '../src/domain/settings';
import { signPayload } from '../src/crypto';
import { startPortico, type PorticoProcess } from '../../test/support/portico-process';
import { errorCode, ORIGIN, startTestServer, type TestServer } from './helpers';
import { createTestDatabase, testEngine } from './postgres-support';

const ach = (invoiceId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  account: 'cus_northwind',
  allocations: [{ invoiceId, amount }],
  method: 'ach',
  paymentMethod: 'btok_settles',
  ...extra,
});

describe('two server processes on one database', () => {
  let one: PorticoProcess;
  let two: PorticoProcess;
  let token: string;
  let database: AsyncDatabase;
  let postgres: Awaited<ReturnType<typeof createTestDatabase>> | null = null;

  before(async () => {
    // One SQLite file both processes open, or one PostgreSQL database both connect to.
    postgres = testEngine === 'postgres' ? await createTestDatabase() : null;
    const shared: Record<string, string> = postgres ? { DATABASE_URL: postgres.url } : {};
    const env = {
      ALLOWED_ORIGINS: ORIGIN,
      SANDBOX_SETTLE_SECONDS: '15',
      PAYMENT_ATTEMPTS_PER_HOUR: '1000',
      ...shared,
    };
    one = await startPortico(env);
    two = await startPortico({ ...env, DATABASE_PATH: one.databasePath });
    const config = testConfig({ DATABASE_PATH: one.databasePath, ...shared });
    database = await openDb(config);
    token = (
      await createSession(
        database.db,
        config,
        { audience: 'customer', email: 'ap@northwind.test', staffUserId: null, scopeInvoiceIds: null, linkId: null },
        new Date(),
      )
    ).token;
  });
  after(async () => {
    await database?.close();
    await two?.stop();
    await one?.stop();
    await postgres?.drop();
  });

  const call = (server: PorticoProcess, method: string, path: string, body?: unknown, key?: string) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('ten ACH debits for one full balance (two in a row, eight at once over both processes) charge it once', async () => {
    const detail = (await (await call(one, 'GET', '/invoices/INV-1023')).json()) as InvoiceDetail;
    const balance = detail.balance;
    assert.ok(balance > 0);
    const creditBefore = (await (await call(one, 'GET', '/payments/config?account=cus_northwind')).json()) as {
      credit: number;
    };

    const first = await call(one, 'POST', '/payments', ach(detail.id, balance), randomUUID());
    assert.equal(first.status, 201, await first.clone().text());
    const accepted = (await first.json()) as PaymentView;
    assert.equal(accepted.status, 'processing');

    const second = await call(two, 'POST', '/payments', ach(detail.id, balance), randomUUID());
    assert.equal(second.status, 409);
    const refused = (await second.json()) as ApiErrorBody;
    assert.equal(refused.error.code, 'amount_in_flight');
    assert.deepEqual(refused.error.inFlight, {
      invoiceId: detail.id,
      number: 'INV-1023',
      paymentId: accepted.id,
      receiptNumber: accepted.receiptNumber,
      payable: 0,
    });

    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(i % 2 ? one : two, 'POST', '/payments', ach(detail.id, balance), randomUUID()),
      ),
    );
    assert.deepEqual(
      burst.map((r) => r.status),
      Array(8).fill(409),
    );

    // The invoice says what is in flight and offers nothing more.
    const held = (await (await call(two, 'GET', '/invoices/INV-1023')).json()) as InvoiceDetail;
    assert.equal(held.inFlight?.amount, balance);
    assert.equal(held.inFlight?.receiptNumber, accepted.receiptNumber);
    assert.equal(held.inFlight?.status, 'processing');
    assert.equal(held.payable, 0);

    // Settlement (a job, on whichever process claims it) applies it to INV-1023 alone.
    let settled: PaymentView | null = null;
    // Long enough that the burst meets the debit still processing on a loaded machine; polled, not slept.
    for (let i = 0; i < 300 && settled?.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      settled = (await (await call(one, 'GET', `/payments/${accepted.id}`)).json()) as PaymentView;
    }
    assert.equal(settled?.status, 'succeeded');
    assert.deepEqual(
      settled!.allocations.map((a) => [a.number, a.amount]),
      [['INV-1023', balance]],
    );
    const open = (
      await database.db
        .select({ status: payments.status, amount: payments.amount })
        .from(payments)
        .where(and(eq(payments.customerId, 'cus_northwind'), inArray(payments.status, ['processing', 'succeeded'])))
        .all()
    ).filter((p) => p.amount === balance);
    assert.equal(open.length, 1, 'one payment took the money');
    const after = (await (await call(one, 'GET', '/invoices/INV-1023')).json()) as InvoiceDetail;
    assert.equal(after.balance, 0);
    assert.equal(after.inFlight, null);
    const creditAfter = (await (await call(two, 'GET', '/payments/config?account=cus_northwind')).json()) as {
      credit: number;
    };
    assert.equal(creditAfter.credit, creditBefore.credit, 'no surplus became credit');
  });
});

describe('one process, injected clock', () => {
  let t: TestServer;
  let northwind: string;
  const balanceOf = async (id: string) =>
    (await t.db.select({ balance: invoices.balance }).from(invoices).where(eq(invoices.id, id)).get())!.balance;
  const pay = (body: unknown) =>
    t.call('POST', '/payments', { token: northwind, body, headers: { 'idempotency-key': randomUUID() } });
  const view = async (id: string) =>
    (await (await t.call('GET', `/payments/${id}`, { token: northwind })).json()) as PaymentView;
  const eventTypes = async (paymentId: string) =>
    (
      await t.db
        .select({ type: events.type })
        .from(events)
        .where(eq(events.subjectId, paymentId))
        .orderBy(events.id)
        .all()
    ).map((e) => e.type);

  before(async () => {
    t = await startTestServer({ env: { SANDBOX_SETTLE_SECONDS: '60', PAYMENT_ATTEMPTS_PER_HOUR: '1000' } });
    northwind = await t.signIn('ap@northwind.test');
  });
  after(() => t.close());
  beforeEach(() =>
    putSettings(t.db, { allowOverpayment: false, surchargeRateBp: 0, surchargeCap: null }, t.clock.now()),
  );

  it('a card payment while a 3-D Secure payment for the same balance waits: the waiting one is cancelled first, never completes', async () => {
    const invoice = 'inv_inv1024';
    const balance = await balanceOf(invoice);
    const threeDs = await pay({
      ...ach(invoice, balance),
      method: 'card',
      paymentMethod: 'tok_authentication_required',
    });
    const waiting = (await threeDs.json()) as PaymentView;
    assert.equal(waiting.nextAction?.type, 'sandbox_authenticate');

    const cardRes = await pay({ ...ach(invoice, balance), method: 'card', paymentMethod: 'tok_visa' });
    assert.equal(cardRes.status, 201);
    assert.equal(((await cardRes.json()) as PaymentView).status, 'succeeded');
    assert.equal(await balanceOf(invoice), 0);

    const late = await t.call('POST', `/payments/${waiting.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    assert.equal(late.status, 409);
    assert.equal(await errorCode(late), 'payment_lapsed');
    const cancelled = await view(waiting.id);
    assert.equal(cancelled.status, 'failed');
    assert.equal(cancelled.failure?.code, 'cancelled');
    assert.equal(await balanceOf(invoice), 0);
    assert.deepEqual(await eventTypes(waiting.id), ['payment.created', 'payment.action_required', 'payment.failed']);
  });

  it('money the processor takes anyway for a cancelled payment is refunded whole, with an event and an email', async () => {
    const invoice = 'inv_inv1025';
    const balance = await balanceOf(invoice);
    const waiting = (await (
      await pay({ ...ach(invoice, balance), method: 'card', paymentMethod: 'tok_authentication_required' })
    ).json()) as PaymentView;
    const replacing = await pay({ ...ach(invoice, balance), method: 'card', paymentMethod: 'tok_visa' });
    assert.equal(replacing.status, 201);
    const ref = (await t.db.select().from(payments).where(eq(payments.id, waiting.id)).get())!.providerRef!;
    const secret = await installationSecret(t.db, 'sandbox_webhook_secret', t.clock.now());
    const body = JSON.stringify({ id: `evt_${randomUUID()}`, ref, outcome: 'succeeded' });
    const hook = await t.call('POST', '/webhooks/sandbox', {
      raw: body,
      origin: null,
      headers: { 'portico-signature': signPayload(secret, body, t.clock.now()) },
    });
    assert.equal(hook.status, 200);
    assert.equal(await balanceOf(invoice), 0, 'applied once, by the replacing payment');
    let refunded = await view(waiting.id);
    assert.equal(refunded.status, 'refunded');
    assert.equal(refunded.refunded, balance);
    assert.equal(refunded.refundStatus, 'pending');
    assert.deepEqual(refunded.allocations, []);
    await t.worker.runDue();
    refunded = await view(waiting.id);
    assert.equal(refunded.refundStatus, 'succeeded');
    await t.deliver();
    const mail = await t.mail.waitFor('ap@northwind.test', { subject: /We refunded/ });
    assert.match(mail.text ?? '', new RegExp(refunded.receiptNumber));
    assert.ok((await eventTypes(waiting.id)).includes('payment.refunded'));
    // The processor then reports the capture refunded (PayPal's PAYMENT.CAPTURE.REFUNDED): our own refund, not a return.
    const echo = JSON.stringify({ id: `evt_${randomUUID()}`, ref, outcome: 'returned' });
    const echoed = await t.call('POST', '/webhooks/sandbox', {
      raw: echo,
      origin: null,
      headers: { 'portico-signature': signPayload(secret, echo, t.clock.now()) },
    });
    assert.equal(echoed.status, 200);
    assert.equal((await view(waiting.id)).status, 'refunded');
    assert.ok(!(await eventTypes(waiting.id)).includes('payment.reversed'));
  });

  it('when the ERP records a payment meanwhile, what the chosen invoice cannot take is refunded, not spread', async () => {
    const invoice = 'inv_inv1026';
    const balance = await balanceOf(invoice);
    const others = await t.db
      .select({ id: invoices.id, balance: invoices.balance })
      .from(invoices)
      .where(and(eq(invoices.customerId, 'cus_northwind'), sql`${invoices.id} <> ${invoice}`))
      .all();
    const res = await pay(ach(invoice, balance));
    const debit = (await res.json()) as PaymentView;
    assert.equal(debit.status, 'processing');
    // A cheque for 1,000.00 arrives at the ERP while the debit is with the bank.
    await t.db.transaction((tx) =>
      recordSettledPayment(
        tx,
        {
          customerId: 'cus_northwind',
          currency: 'USD',
          amount: 100_000,
          method: 'check',
          provider: 'erp',
          allocations: [{ invoiceId: invoice, amount: 100_000 }],
        },
        systemActor,
        t.clock.now(),
      ),
    );
    t.clock.advance(61_000);
    await t.worker.runDue();
    const settled = await view(debit.id);
    assert.equal(settled.status, 'succeeded');
    assert.deepEqual(
      settled.allocations.map((a) => [a.invoiceId, a.amount]),
      [[invoice, balance - 100_000]],
    );
    assert.equal(settled.refunded, 100_000);
    assert.equal(settled.unapplied, 0);
    assert.equal(await balanceOf(invoice), 0);
    for (const o of others) assert.equal(await balanceOf(o.id), o.balance, `${o.id} untouched`);
    await t.worker.runDue();
    assert.equal((await view(debit.id)).refundStatus, 'succeeded');
  });

  it('asked to apply the rest to the oldest invoices, what the chosen invoice cannot take goes there, not back', async () => {
    const invoice = 'inv_inv1028';
    const balance = await balanceOf(invoice);
    const res = await pay(ach(invoice, balance, { applyRestToOldest: true }));
    assert.equal(res.status, 201, await res.clone().text());
    const debit = (await res.json()) as PaymentView;
    await t.db.transaction((tx) =>
      recordSettledPayment(
        tx,
        {
          customerId: 'cus_northwind',
          currency: 'USD',
          amount: 5_000,
          method: 'check',
          provider: 'erp',
          allocations: [{ invoiceId: invoice, amount: 5_000 }],
        },
        systemActor,
        t.clock.now(),
      ),
    );
    t.clock.advance(61_000);
    await t.worker.runDue();
    const settled = await view(debit.id);
    assert.equal(settled.status, 'succeeded');
    assert.equal(settled.refunded, 0);
    const applied = settled.allocations.reduce((s, a) => s + a.amount, 0);
    assert.equal(applied + settled.unapplied, balance, 'every cent applied');
    assert.ok(
      settled.allocations.some((a) => a.invoiceId !== invoice && a.amount > 0),
      'the rest went to another invoice',
    );
  });

  it('an Easy Pay or portal payment above what is left is refused with the amount left; up to it is taken', async () => {
    const invoice = 'inv_inv1027';
    const balance = await balanceOf(invoice);
    const part = Math.floor(balance / 3);
    assert.equal((await pay(ach(invoice, part))).status, 201);
    const over = await pay(ach(invoice, balance - part + 1));
    assert.equal(over.status, 409);
    assert.equal(((await over.json()) as ApiErrorBody).error.inFlight?.payable, balance - part);
    const rest = await pay(ach(invoice, balance - part));
    assert.equal(rest.status, 201);
    const held = (await t.db
      .select({ n: sql<number>`sum(${reservations.amount})`.mapWith(Number) })
      .from(reservations)
      .where(eq(reservations.invoiceId, invoice))
      .get())!.n;
    assert.equal(held, balance);
    t.clock.advance(61_000);
    await t.worker.runDue();
    assert.equal(await balanceOf(invoice), 0);
    const applied = (await t.db
      .select({ n: sql<number>`sum(${allocations.amount})`.mapWith(Number) })
      .from(allocations)
      .where(eq(allocations.invoiceId, invoice))
      .get())!.n;
    assert.ok(applied >= balance);
  });
});
