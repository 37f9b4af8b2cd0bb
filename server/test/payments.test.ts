/**
 * Payments over real HTTP on a real SQLite file with the sandbox provider: idempotency, the state
 * machine, declines, bank settlement and returns, surcharges, credit, tampering and provider webhooks.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { AccountList, InvoiceDetail, PaymentConfig, PaymentView, Statement } from '../src/contract';
import { testConfig } from '../src/config';
import { newLinkSecrets, issueMagicLink } from '../src/domain/auth';
import { signPayload } from '../src/crypto';
import { allocations, creditNotes, events, invoices, payments } from '../src/db/schema';
import { createInvoice } from '../src/domain/ledger/ledger';
import { systemActor } from '../src/domain/events';
import { installationSecret } from '../src/domain/installation';
import { putSettings } from '../src/domain/settings';
import { linkFrom } from '../../test/support/smtp-capture';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let northwind: string;

const balanceOf = (id: string) =>
  t.db.select({ balance: invoices.balance }).from(invoices).where(eq(invoices.id, id)).get()!.balance;
const count = (table: typeof payments | typeof allocations) =>
  t.db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;
const eventsOf = (type: string, paymentId: string) =>
  t.db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.subjectId, paymentId)))
    .all();

async function pay(body: Record<string, unknown>, options: { token?: string; key?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID();
  return t.call('POST', '/payments', { token: options.token ?? northwind, body, headers });
}

async function payOk(body: Record<string, unknown>, token?: string): Promise<PaymentView> {
  const res = await pay(body, { token });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as PaymentView;
}

const card = (allocs: [string, number][], extra: Record<string, unknown> = {}) => ({
  account: 'cus_northwind',
  allocations: allocs.map(([invoiceId, amount]) => ({ invoiceId, amount })),
  method: 'card',
  paymentMethod: 'tok_visa',
  ...extra,
});

/** A session opened from an Easy Pay link for one invoice, as the invoice email carries. */
async function easyPaySession(email: string, invoiceId: string, number: string): Promise<string> {
  const config = testConfig({ PUBLIC_URL: 'https://ar.shop.test', ALLOWED_ORIGINS: 'https://shop.test' });
  await t.deliver();
  const sent = t.mail.to(email).length;
  issueMagicLink(
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

before(async () => {
  t = await startTestServer({ env: { SANDBOX_SETTLE_SECONDS: '60', PAYMENT_ATTEMPTS_PER_HOUR: '1000' } });
  northwind = await t.signIn('ap@northwind.test');
});
after(() => t.close());
beforeEach(() => putSettings(t.db, { surchargeRateBp: 0, surchargeCap: null, allowOverpayment: false }, t.clock.now()));

describe('POST /payments: a card that succeeds', () => {
  it('charges, applies the chosen amounts, records events and emails a receipt', async () => {
    const [a, b] = ['inv_inv1021', 'inv_inv1022'];
    const [balA, balB] = [balanceOf(a), balanceOf(b)];
    const view = await payOk(
      card([
        [a, balA],
        [b, 1234],
      ]),
    );
    assert.equal(view.status, 'succeeded');
    assert.equal(view.amount, balA + 1234);
    assert.equal(view.total, balA + 1234);
    assert.equal(view.surcharge, 0);
    assert.deepEqual(
      view.allocations.map((x) => [x.invoiceId, x.amount, x.source]),
      [
        [a, balA, 'payment'],
        [b, 1234, 'payment'],
      ],
    );
    assert.equal(balanceOf(a), 0);
    assert.equal(balanceOf(b), balB - 1234);
    assert.match(view.receiptNumber, /^R-[A-Z0-9]+$/);
    for (const type of ['payment.created', 'payment.succeeded', 'payment.applied']) {
      assert.equal(eventsOf(type, view.id).length, 1, type);
    }
    await t.deliver();
    const receipt = await t.mail.waitFor('ap@northwind.test', { subject: /Receipt R-/ });
    assert.match(receipt.text, /INV-1021/);
    const [file] = receipt.attachments;
    assert.equal(file?.contentType, 'application/pdf');
    assert.match(file!.filename, /^Receipt-R-[A-Z0-9]+\.pdf$/);
    assert.equal(file!.content.subarray(0, 5).toString(), '%PDF-');

    const again = await t.call('GET', `/payments/${view.id}`, { token: northwind });
    assert.equal(((await again.json()) as PaymentView).status, 'succeeded');
    const pdf = await t.call('GET', `/payments/${view.id}/receipt.pdf`, { token: northwind });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
  });

  it('lists the account’s payments, newest first', async () => {
    const res = await t.call('GET', '/payments?account=cus_northwind', { token: northwind });
    const { items } = (await res.json()) as { items: PaymentView[] };
    assert.ok(items.length >= 1);
    assert.ok(items.every((p) => p.accountId === 'cus_northwind'));
  });
});

describe('Idempotency-Key', () => {
  it('50 concurrent requests with one key make one payment and one charge', async () => {
    const invoice = 'inv_inv1022';
    const before = balanceOf(invoice);
    const key = randomUUID();
    const body = card([[invoice, 500]]);
    const paymentsBefore = count(payments);
    const responses = await Promise.all(Array.from({ length: 50 }, () => pay(body, { key })));
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 200).length, 49);
    const views = (await Promise.all(responses.map((r) => r.json()))) as PaymentView[];
    assert.equal(new Set(views.map((v) => v.id)).size, 1);
    assert.ok(views.every((v) => v.status === 'succeeded'));
    assert.equal(count(payments), paymentsBefore + 1);
    assert.equal(balanceOf(invoice), before - 500, 'applied once');
    assert.equal(eventsOf('payment.succeeded', views[0]!.id).length, 1, 'charged once');
  });

  it('the same key with a different body is a 409 and charges nothing', async () => {
    const key = randomUUID();
    const first = await pay(card([['inv_inv1023', 100]]), { key });
    assert.equal(first.status, 201);
    const before = count(payments);
    const res = await pay(card([['inv_inv1023', 200]]), { key });
    assert.equal(res.status, 409);
    assert.equal(await errorCode(res), 'idempotency_conflict');
    assert.equal(count(payments), before);
  });

  it('is required, and must look like a key', async () => {
    const res = await pay(card([['inv_inv1023', 100]]), { key: null });
    assert.equal(res.status, 400);
    const short = await pay(card([['inv_inv1023', 100]]), { key: 'abc' });
    assert.equal(short.status, 400);
  });
});

describe('declines and failures leave balances exactly as they were', () => {
  for (const [token, code] of [
    ['tok_insufficient_funds', 'insufficient_funds'],
    ['tok_expired_card', 'expired_card'],
    ['tok_stolen_card', 'card_declined'],
  ] as const) {
    it(`${token} → failed (${code})`, async () => {
      const invoice = 'inv_inv1024';
      const before = balanceOf(invoice);
      const allocationsBefore = count(allocations);
      const view = await payOk(card([[invoice, before]], { paymentMethod: token }));
      assert.equal(view.status, 'failed');
      assert.equal(view.failure?.code, code);
      assert.ok(view.failure!.message.length > 10);
      assert.equal(balanceOf(invoice), before);
      assert.equal(count(allocations), allocationsBefore);
      assert.equal(eventsOf('payment.failed', view.id).length, 1);
    });
  }

  it('a card that asks for authentication waits, then succeeds once authenticated', async () => {
    const invoice = 'inv_inv1025';
    const before = balanceOf(invoice);
    const view = await payOk(card([[invoice, 700]], { paymentMethod: 'tok_authentication_required' }));
    assert.equal(view.status, 'pending');
    assert.deepEqual(view.nextAction, { type: 'sandbox_authenticate' });
    assert.equal(balanceOf(invoice), before);
    const done = await t.call('POST', `/payments/${view.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    const confirmed = (await done.json()) as PaymentView;
    assert.equal(confirmed.status, 'succeeded');
    assert.equal(balanceOf(invoice), before - 700);
    // A second confirm (a double click) changes nothing.
    const twice = await t.call('POST', `/payments/${view.id}/confirm`, {
      token: northwind,
      body: { outcome: 'cancel' },
    });
    assert.equal(((await twice.json()) as PaymentView).status, 'succeeded');
    assert.equal(balanceOf(invoice), before - 700);
  });

  it('failed authentication and a cancelled PayPal approval charge nothing', async () => {
    const invoice = 'inv_inv1026';
    const before = balanceOf(invoice);
    for (const body of [
      card([[invoice, 300]], { paymentMethod: 'tok_authentication_required' }),
      { ...card([[invoice, 300]]), method: 'paypal' as const, paymentMethod: undefined },
    ]) {
      const waiting = await payOk(body);
      assert.ok(waiting.nextAction);
      const res = await t.call('POST', `/payments/${waiting.id}/confirm`, {
        token: northwind,
        body: { outcome: 'cancel' },
      });
      const view = (await res.json()) as PaymentView;
      assert.equal(view.status, 'failed');
    }
    assert.equal(balanceOf(invoice), before);
  });

  it('a new payment for the same invoice cancels one waiting on the payer, which can then never complete', async () => {
    const invoice = 'inv_inv1026';
    const before = balanceOf(invoice);
    const threeDs = await payOk(card([[invoice, 300]], { paymentMethod: 'tok_authentication_required' }));
    assert.equal(threeDs.nextAction?.type, 'sandbox_authenticate');
    assert.ok(threeDs.expiresAt, 'a waiting payment says when it lapses');
    const paypal = await payOk({ ...card([[invoice, 300]]), method: 'paypal', paymentMethod: undefined });
    assert.equal(paypal.nextAction?.type, 'sandbox_paypal_approve');
    const replaced = (await (
      await t.call('GET', `/payments/${threeDs.id}`, { token: northwind })
    ).json()) as PaymentView;
    assert.equal(replaced.status, 'failed');
    assert.equal(replaced.failure?.code, 'cancelled');
    const late = await t.call('POST', `/payments/${threeDs.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    assert.equal(late.status, 409);
    assert.equal(await errorCode(late), 'payment_lapsed');
    const done = await t.call('POST', `/payments/${paypal.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    assert.equal(((await done.json()) as PaymentView).status, 'succeeded');
    assert.equal(balanceOf(invoice), before - 300, 'charged once');
  });

  it('a payment waiting on the payer lapses after PAYMENT_WAIT_MINUTES, cancelled at the provider, and frees its invoice', async () => {
    const invoice = 'inv_inv1026';
    const waiting = await payOk(card([[invoice, 200]], { paymentMethod: 'tok_authentication_required' }));
    const held = await t.call('GET', `/invoices/${invoice}`, { token: northwind });
    const detail = (await held.json()) as { inFlight: { amount: number } | null; payable: number; balance: number };
    assert.equal(detail.inFlight?.amount, 200);
    assert.equal(detail.payable, detail.balance - 200);
    t.clock.advance(31 * 60_000);
    await t.worker.runDue();
    const lapsed = (await (await t.call('GET', `/payments/${waiting.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(lapsed.status, 'failed');
    assert.equal(lapsed.failure?.code, 'lapsed');
    const late = await t.call('POST', `/payments/${waiting.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    assert.equal(await errorCode(late), 'payment_lapsed');
    const freed = (await (await t.call('GET', `/invoices/${invoice}`, { token: northwind })).json()) as typeof detail;
    assert.equal(freed.inFlight, null);
    assert.equal(freed.payable, freed.balance);
    assert.equal(eventsOf('payment.failed', waiting.id).length, 1);
  });

  it('PayPal approved in the sandbox pays', async () => {
    const invoice = 'inv_inv1027';
    const before = balanceOf(invoice);
    const paypal = await payOk({ ...card([[invoice, 250]]), method: 'paypal', paymentMethod: undefined });
    const res = await t.call('POST', `/payments/${paypal.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    assert.equal(((await res.json()) as PaymentView).status, 'succeeded');
    assert.equal(balanceOf(invoice), before - 250);
  });
});

describe('bank debits (ACH) settle on a later job tick', () => {
  const ach = (invoice: string, amount: number, token: string) => ({
    ...card([[invoice, amount]]),
    method: 'ach',
    paymentMethod: token,
  });

  it('stays processing, then settles and applies', async () => {
    const invoice = 'inv_inv1028';
    const before = balanceOf(invoice);
    const view = await payOk(ach(invoice, 900, 'btok_settles'));
    assert.equal(view.status, 'processing');
    await t.worker.runDue();
    assert.equal(balanceOf(invoice), before, 'nothing applied before settlement');
    t.clock.advance(61_000);
    await t.worker.runDue();
    const settled = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(settled.status, 'succeeded');
    assert.equal(balanceOf(invoice), before - 900);
  });

  it('a returned debit reverses its allocations exactly and tells the payer', async () => {
    const [a, b] = ['inv_inv1030', 'inv_inv1031'];
    const before = [balanceOf(a), balanceOf(b)];
    const view = await payOk({
      ...ach(a, before[0]!, 'btok_returns'),
      allocations: [
        { invoiceId: a, amount: before[0]! },
        { invoiceId: b, amount: 100 },
      ],
    });
    t.clock.advance(61_000);
    await t.worker.runDue();
    assert.deepEqual([balanceOf(a), balanceOf(b)], [0, before[1]! - 100]);
    t.clock.advance(61_000);
    await t.worker.runDue();
    const returned = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(returned.status, 'returned');
    assert.deepEqual([balanceOf(a), balanceOf(b)], before);
    assert.equal(eventsOf('payment.reversed', view.id).length, 1);
    await t.deliver();
    await t.mail.waitFor('ap@northwind.test', { subject: /returned by your bank/ });
  });

  it('a failing account fails at settlement with nothing applied', async () => {
    const invoice = 'inv_inv1032';
    const before = balanceOf(invoice);
    const view = await payOk(ach(invoice, 400, 'btok_fails'));
    t.clock.advance(61_000);
    await t.worker.runDue();
    const failed = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failure?.code, 'account_closed');
    assert.equal(balanceOf(invoice), before);
  });
});

describe('surcharge', () => {
  it('applies to card only, on the amount, capped, as its own line', async () => {
    putSettings(t.db, { surchargeRateBp: 300, surchargeCap: 5_000 }, t.clock.now());
    const config = (await (await t.call('GET', '/payments/config', { token: northwind })).json()) as PaymentConfig;
    assert.deepEqual(config.surcharge, { rateBp: 300, cap: 5_000 });
    assert.deepEqual(
      config.methods.map((m) => m.method),
      ['card', 'debit', 'ach', 'paypal'],
    );
    const cardPay = await payOk(card([['inv_inv1022', 10_001]], { expectedTotal: 10_001 + 300 }));
    assert.equal(cardPay.surcharge, 300); // 3 % of 100.01 = 3.0003 → 3.00
    assert.equal(cardPay.total, 10_301);
    assert.equal(balanceOf('inv_inv1022') >= 0, true);
    const capped = await payOk(card([['inv_inv1023', balanceOf('inv_inv1023')]]));
    assert.ok(capped.surcharge <= 5_000);
    const debit = await payOk({ ...card([['inv_inv1024', 10_000]]), method: 'debit', paymentMethod: 'tok_visa_debit' });
    assert.equal(debit.surcharge, 0);
    const bank = await payOk({ ...card([['inv_inv1024', 10_000]]), method: 'ach', paymentMethod: 'btok_settles' });
    assert.equal(bank.surcharge, 0);
  });

  it('refuses a total the payer was not shown', async () => {
    putSettings(t.db, { surchargeRateBp: 300, surchargeCap: null }, t.clock.now());
    const before = count(payments);
    const res = await pay(card([['inv_inv1025', 10_000]], { expectedTotal: 10_000 }));
    assert.equal(res.status, 409);
    assert.equal(await errorCode(res), 'amount_changed');
    assert.equal(count(payments), before);
  });
});

describe('credit and overpayment', () => {
  it('uses a loose credit note with a payment: the charge is smaller, the invoice is paid in full', async () => {
    const globex = await t.signIn('cfo@globex.test');
    const accounts = (await (await t.call('GET', '/accounts', { token: globex })).json()) as AccountList;
    assert.equal(accounts.items[0]!.credit, 15_000);
    const invoice = t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.customerId, 'cus_globex'), sql`${invoices.balance} > 20000`))
      .get()!;
    const view = await payOk(
      {
        account: 'cus_globex',
        allocations: [{ invoiceId: invoice.id, amount: invoice.balance }],
        credit: 15_000,
        method: 'card',
        paymentMethod: 'tok_visa',
      },
      globex,
    );
    assert.equal(view.amount, invoice.balance - 15_000);
    assert.equal(balanceOf(invoice.id), 0);
    assert.deepEqual(
      view.allocations.map((a) => [a.source, a.amount]),
      [
        ['credit', 15_000],
        ['payment', invoice.balance - 15_000],
      ],
    );
    const note = t.db.select().from(creditNotes).where(eq(creditNotes.number, 'CN-2002')).get()!;
    assert.equal(note.unapplied, 0);
    const after = (await (await t.call('GET', '/accounts', { token: globex })).json()) as AccountList;
    assert.equal(after.items[0]!.credit, 0);
    const detail = (await (await t.call('GET', `/invoices/${invoice.id}`, { token: globex })).json()) as InvoiceDetail;
    assert.deepEqual(
      detail.credits.map((c) => [c.number, c.amount]),
      [['CN-2002', 15_000]],
    );
    assert.equal(detail.balance, 0);
    // Statement arithmetic still holds with credit applied.
    const statement = (await (
      await t.call('GET', '/statement?account=cus_globex', { token: globex })
    ).json()) as Statement;
    assert.equal(statement.unappliedCredit, 0);
    assert.equal(
      statement.closingBalance,
      Object.values(statement.aging).reduce((a, b) => a + b, 0),
    );
  });

  it('keeps an overpayment as credit only when the company allows it', async () => {
    const invoice = 'inv_inv1026';
    const res = await pay(card([[invoice, 100]], { overpayment: 5_000 }));
    assert.equal(res.status, 422);
    putSettings(t.db, { allowOverpayment: true }, t.clock.now());
    const view = await payOk(card([[invoice, 100]], { overpayment: 5_000 }));
    assert.equal(view.amount, 5_100);
    // The rest goes to the oldest open invoices first; only what none takes stays credit.
    const applied = view.allocations.reduce((s, a) => s + a.amount, 0);
    assert.equal(applied + view.unapplied, 5_100);
  });
});

describe('tampering: refused with a 4xx and nothing charged', () => {
  const cases: [string, unknown, number][] = [
    ['negative', -100, 400],
    ['zero', 0, 400],
    ['fractional', 10.5, 400],
    ['huge', 1e20, 400],
    ['string', '100', 400],
    ['null', null, 400],
  ];
  for (const [name, amount, status] of cases) {
    it(`a ${name} amount`, async () => {
      const before = count(payments);
      const res = await pay({ ...card([]), allocations: [{ invoiceId: 'inv_inv1027', amount }] });
      assert.equal(res.status, status);
      assert.equal(count(payments), before);
    });
  }

  it('more than the balance, the same invoice twice, or credit the account does not have', async () => {
    const before = count(payments);
    const balance = balanceOf('inv_inv1027');
    const config = await t.call('GET', '/payments/config?account=cus_northwind', { token: northwind });
    const available = ((await config.json()) as { credit: number }).credit;
    for (const body of [
      card([['inv_inv1027', balance + 1]]),
      card([
        ['inv_inv1027', 1],
        ['inv_inv1027', 1],
      ]),
      card([['inv_inv1027', balance]], { credit: available + 1 }),
      card([['inv_inv1027', 100]], { method: 'card', paymentMethod: '4242424242424242 ' }),
      card([['inv_inv1027', 100]], { method: 'card', paymentMethod: '4242424242424242' }),
      card([['inv_inv1027', 100]], { method: 'bitcoin' }),
      card([['inv_inv1027', 100]], { account: 'cus_globex' }),
    ]) {
      const res = await pay(body);
      assert.ok(res.status >= 400 && res.status < 500, `${JSON.stringify(body)} → ${res.status}`);
    }
    assert.equal(count(payments), before);
  });

  it('another customer’s invoice, or one in another currency', async () => {
    const before = count(payments);
    const globexInvoice = t.db.select().from(invoices).where(eq(invoices.customerId, 'cus_globex')).get()!;
    const res = await pay(card([[globexInvoice.id, 100]]));
    assert.equal(res.status, 404);
    const eur = createInvoice(
      t.db,
      {
        customerId: 'cus_northwind',
        number: 'INV-EUR-1',
        issueDate: '2026-11-01',
        dueDate: '2026-12-01',
        currency: 'EUR',
        lines: [{ description: 'Euro goods', quantityMilli: 1000, unitPrice: 10_000 }],
      },
      systemActor,
      t.clock.now(),
    );
    const eurRes = await pay(card([[eur.id, 100]]));
    assert.equal(eurRes.status, 422);
    assert.equal(count(payments), before);
  });

  it('an Easy Pay session cannot pay an invoice outside its link', async () => {
    const easy = await easyPaySession('ap@northwind.test', 'inv_inv1028', 'INV-1028');
    const before = count(payments);
    const outside = await pay(card([['inv_inv1030', 100]]), { token: easy });
    assert.equal(outside.status, 404);
    const mixed = await pay(
      card([
        ['inv_inv1028', 100],
        ['inv_inv1030', 100],
      ]),
      { token: easy },
    );
    assert.equal(mixed.status, 404);
    assert.equal(count(payments), before);
    const inside = await pay(card([['inv_inv1028', 100]]), { token: easy });
    assert.equal(inside.status, 201);
    // And it sees only its own payments.
    const listed = (await (await t.call('GET', '/payments', { token: easy })).json()) as { items: PaymentView[] };
    assert.ok(
      listed.items.every((p) => p.allocations.every((a) => a.invoiceId === 'inv_inv1028')),
      JSON.stringify(listed.items.map((p) => p.allocations)),
    );
  });

  it('a bookkeeper’s Easy Pay link opens on the account its invoice is on', async () => {
    const easy = await easyPaySession('bookkeeper@ledger.test', 'inv_inv1040', 'INV-1040');
    const accounts = (await (await t.call('GET', '/accounts', { token: easy })).json()) as AccountList;
    assert.deepEqual(
      accounts.items.map((a) => a.id),
      ['cus_initech'],
    );
    const list = (await (await t.call('GET', '/invoices', { token: easy })).json()) as { items: { id: string }[] };
    assert.deepEqual(
      list.items.map((i) => i.id),
      ['inv_inv1040'],
    );
  });

  it('without a session, nothing', async () => {
    const res = await t.call('POST', '/payments', {
      body: card([['inv_inv1031', 100]]),
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(res.status, 401);
  });
});

describe('POST /webhooks/sandbox', () => {
  // No SANDBOX_WEBHOOK_SECRET is configured: the installation made its own.
  const secret = () => installationSecret(t.db, 'sandbox_webhook_secret', t.clock.now());

  it('the sandbox secret is random per installation: the old documented default signs nothing', async () => {
    assert.match(secret(), /^whsec_[A-Za-z0-9_-]{30,}$/);
    assert.notEqual(secret(), 'whsec_sandbox_not_a_secret');
    const body = JSON.stringify({ id: 'evt_default', ref: 'sbx_card_pay_x', outcome: 'succeeded' });
    const res = await send(body, signPayload('whsec_sandbox_not_a_secret', body, t.clock.now()));
    assert.equal(await errorCode(res), 'signature_invalid');
  });
  const send = (body: string, signature: string | null) =>
    t.call('POST', '/webhooks/sandbox', {
      raw: body,
      origin: null,
      headers: signature === null ? {} : { 'portico-signature': signature },
    });

  it('applies a signed event once; bad, missing, old and replayed ones are refused with nothing applied', async () => {
    const invoice = 'inv_inv1032';
    const before = balanceOf(invoice);
    const view = await payOk({ ...card([[invoice, 600]]), method: 'ach', paymentMethod: 'btok_settles' });
    const ref = t.db.select().from(payments).where(eq(payments.id, view.id)).get()!.providerRef!;
    const body = JSON.stringify({ id: 'evt_sbx_1', ref, outcome: 'succeeded' });

    const forged = await send(body, signPayload('whsec_wrong_secret_entirely', body, t.clock.now()));
    assert.equal(forged.status, 400);
    assert.equal(await errorCode(forged), 'signature_invalid');
    const missing = await send(body, null);
    assert.equal(await errorCode(missing), 'signature_invalid');
    const old = await send(body, signPayload(secret(), body, new Date(t.clock.now().getTime() - 10 * 60_000)));
    assert.equal(await errorCode(old), 'signature_invalid');
    const tampered = await send(body.replace('succeeded', 'returned'), signPayload(secret(), body, t.clock.now()));
    assert.equal(await errorCode(tampered), 'signature_invalid');
    assert.equal(balanceOf(invoice), before, 'nothing applied by refused webhooks');

    const good = await send(body, signPayload(secret(), body, t.clock.now()));
    assert.equal(good.status, 200);
    assert.equal(balanceOf(invoice), before - 600);
    const replay = await send(body, signPayload(secret(), body, t.clock.now()));
    assert.equal(replay.status, 409);
    assert.equal(balanceOf(invoice), before - 600);
    assert.equal(eventsOf('payment.applied', view.id).length, 1);
  });

  it('money the processor reports taken after a decline is applied, not lost', async () => {
    const invoice = 'inv_inv1032';
    const before = balanceOf(invoice);
    const view = await payOk(card([[invoice, 250]], { paymentMethod: 'tok_insufficient_funds' }));
    assert.equal(view.status, 'failed');
    const ref = t.db.select().from(payments).where(eq(payments.id, view.id)).get()!.providerRef!;
    const body = JSON.stringify({ id: 'evt_sbx_late', ref, outcome: 'succeeded' });
    const res = await send(body, signPayload(secret(), body, t.clock.now()));
    assert.equal(res.status, 200);
    const now = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(now.status, 'succeeded');
    assert.equal(balanceOf(invoice), before - 250);
  });

  it('an unknown provider is a 404', async () => {
    const res = await send('{}', null);
    assert.notEqual(res.status, 500);
    const other = await t.call('POST', '/webhooks/nonesuch', { raw: '{}', origin: null });
    assert.equal(other.status, 404);
  });
});

describe('card testing', () => {
  it('caps the new payments one account may start in an hour; replays of a key do not count', async () => {
    const limited = await startTestServer({ env: { PAYMENT_ATTEMPTS_PER_HOUR: '3' } });
    try {
      let token = await limited.signIn('ap@northwind.test');
      const attempt = (key: string, card: string) =>
        limited.call('POST', '/payments', {
          token,
          headers: { 'idempotency-key': key },
          body: {
            account: 'cus_northwind',
            allocations: [{ invoiceId: 'inv_inv1022', amount: 100 }],
            method: 'card',
            paymentMethod: card,
          },
        });
      for (const key of ['k-000001', 'k-000002', 'k-000003']) {
        assert.equal((await attempt(key, 'tok_stolen_card')).status, 201);
      }
      assert.equal((await attempt('k-000003', 'tok_stolen_card')).status, 200, 'a replay still answers');
      const refused = await attempt('k-000004', 'tok_visa');
      assert.equal(refused.status, 429);
      assert.equal(await errorCode(refused), 'rate_limited');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      limited.clock.advance(2 * 3_600_000);
      token = await limited.signIn('ap@northwind.test');
      assert.equal((await attempt('k-000005', 'tok_visa')).status, 201);
    } finally {
      await limited.close();
    }
  });
});
