/**
 * Promises to pay over real HTTP on the demo data: making one (and every refusal, with nothing
 * written), the list and detail, cancel, the invoice list's promise, a promise kept the moment it is
 * paid, the verdict at the deadline on the injected clock (broken: the "promise missed" email, the
 * collector's notice, the invoice's count, reminders resumed; partially kept), a returned payment
 * reopening a verdict, the promise reminders, and the ERP feed and webhook carrying promises.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import { DAY } from '../src/clock';
import type { ErpPromiseFeed, PromiseView } from '../src/contract';
import { disputes, emailOutbox, events, invoices, promises } from '../src/db/schema';
import { systemActor } from '../src/domain/events';
import { returnPayment } from '../src/domain/payments';
import { createErpKey } from '../src/domain/erp';
import { errorCode, startTestServer, type TestServer } from './helpers';

const NORTHWIND = 'cus_northwind';
const EMAIL = 'ap@northwind.test';

let t: TestServer;
let token: string;

/** The calendar date `days` after the test clock's (the same as New York's at the tests' 15:00 UTC). */
const day = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);

async function openInvoices(customerId = NORTHWIND) {
  return t.db
    .select({ id: invoices.id, number: invoices.number, balance: invoices.balance, dueDate: invoices.dueDate })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, customerId),
        gt(invoices.balance, 0),
        sql`${invoices.voidedAt} IS NULL`,
        sql`NOT EXISTS (SELECT 1 FROM "disputes" "d" WHERE "d"."invoice_id" = "invoices"."id")`,
        sql`NOT EXISTS (SELECT 1 FROM "promise_invoices" "pi" WHERE "pi"."invoice_id" = "invoices"."id" AND "pi"."open" = 1)`,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .all();
}

async function promise(body: Record<string, unknown>, as = token) {
  return t.call('POST', '/promises', { token: as, body: { account: NORTHWIND, ...body } });
}

async function written() {
  const [p] = await t.db.select({ n: count() }).from(promises).all();
  const [e] = await t.db
    .select({ n: count() })
    .from(events)
    .where(sql`${events.type} LIKE 'promise.%'`)
    .all();
  return { promises: p!.n, events: e!.n };
}

async function pay(invoiceId: string, amount: number, paymentMethod = 'tok_visa') {
  const res = await t.call('POST', '/payments', {
    token,
    headers: { 'idempotency-key': `key-${invoiceId}-${amount}-${Math.random()}` },
    body: {
      account: NORTHWIND,
      allocations: [{ invoiceId, amount }],
      method: paymentMethod.startsWith('btok') ? 'ach' : 'card',
      paymentMethod,
    },
  });
  if (res.status >= 300) assert.fail(`payment: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; status: string };
}

async function view(id: string): Promise<PromiseView> {
  const res = await t.call('GET', `/promises/${id}`, { token });
  assert.equal(res.status, 200);
  return (await res.json()) as PromiseView;
}

/** Moves the clock forward and runs what came due, day by day as the demo's clock does. */
async function travel(ms: number) {
  await t.worker.runDue();
  for (let left = ms; left > 0; left -= Math.min(left, DAY)) {
    t.clock.advance(Math.min(left, DAY));
    await t.worker.runDue();
  }
  // A day's wait outlives a session: sign in again, as the customer would.
  token = await t.signIn(EMAIL);
}

const outbox = (kind: string, to?: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.kind, kind), to ? eq(emailOutbox.to, to) : undefined))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
    .all();

before(async () => {
  t = await startTestServer();
  token = await t.signIn(EMAIL);
});
after(() => t.close());

describe('making a promise', () => {
  it('promises two invoices: the promise, its event, the list shows it, the confirmation email', async () => {
    const [a, b] = await openInvoices();
    const amount = a!.balance + b!.balance;
    const res = await promise({
      invoices: [a!.id, b!.id],
      amount,
      promisedDate: day(10),
      note: ' Paying from the new account ',
    });
    assert.equal(res.status, 201);
    const p = (await res.json()) as PromiseView;
    assert.match(p.id, /^ptp_/);
    assert.equal(p.status, 'open');
    assert.equal(p.amount, amount);
    assert.equal(p.promisedDate, day(10));
    assert.equal(p.deadlineDate, day(12));
    assert.equal(p.reminderDate, day(9));
    assert.equal(p.note, 'Paying from the new account');
    assert.equal(p.paid, 0);
    assert.equal(p.remaining, amount);
    assert.equal(p.createdBy, EMAIL);
    assert.deepEqual(p.invoices.map((i) => i.id).sort(), [a!.id, b!.id].sort());
    // The verdict falls at the end of the deadline date in the company's zone (New York in the demo).
    assert.equal(p.deadline, `${day(13)}T05:00:00.000Z`);

    const list = (await (await t.call('GET', `/promises?account=${NORTHWIND}`, { token })).json()) as {
      items: PromiseView[];
    };
    assert.equal(list.items[0]!.id, p.id);
    const open = (await (await t.call('GET', `/promises?account=${NORTHWIND}&status=open`, { token })).json()) as {
      items: PromiseView[];
    };
    assert.ok(open.items.some((x) => x.id === p.id));
    const invoice = (await (await t.call('GET', `/invoices/${a!.id}`, { token })).json()) as { promise: unknown };
    assert.deepEqual(invoice.promise, { id: p.id, promisedDate: day(10) });
    const page = (await (
      await t.call('GET', `/invoices?account=${NORTHWIND}&status=all&limit=100`, { token })
    ).json()) as {
      items: { id: string; promise: unknown }[];
    };
    assert.deepEqual(page.items.find((i) => i.id === b!.id)!.promise, { id: p.id, promisedDate: day(10) });
    const created = await t.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'promise.created'), eq(events.subjectId, p.id)))
      .get();
    assert.equal(created?.actorId, EMAIL);
    const [mail] = await outbox('promise.confirmation', EMAIL);
    assert.ok(mail, 'a confirmation email is queued');
  });

  it('reads what the form may offer: tomorrow to the horizon, the grace days', async () => {
    const res = await t.call('GET', `/promises/config?account=${NORTHWIND}`, { token });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      accountId: NORTHWIND,
      currency: 'USD',
      today: day(0),
      minDate: day(1),
      maxDate: day(30),
      toleranceDays: 2,
      timeZone: 'America/New_York',
      autopayMethods: ['card', 'debit', 'ach'],
    });
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const [target, other] = await openInvoices();
    const paid = await t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.customerId, NORTHWIND), eq(invoices.balance, 0)))
      .get();
    const globex = await t.db
      .select()
      .from(invoices)
      .where(sql`${invoices.customerId} <> ${NORTHWIND} AND ${invoices.balance} > 0`)
      .get();
    const promised = await t.db
      .select({ id: sql<string>`"pi"."invoice_id"` })
      .from(sql`"promise_invoices" "pi"`)
      .where(sql`"pi"."open" = 1`)
      .get();
    // Disputed in full: a dispute whose recorded amount is the whole balance.
    await t.db
      .insert(disputes)
      .values({
        id: 'dsp_full',
        invoiceId: other!.id,
        customerId: NORTHWIND,
        status: 'open',
        amount: other!.balance,
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .run();
    const ok = { invoices: [target!.id], amount: 100, promisedDate: day(5) };
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['today', { ...ok, promisedDate: day(0) }, 422, 'promise_date_out_of_range'],
      ['yesterday', { ...ok, promisedDate: day(-1) }, 422, 'promise_date_out_of_range'],
      ['past the horizon', { ...ok, promisedDate: day(31) }, 422, 'promise_date_out_of_range'],
      ['no such date', { ...ok, promisedDate: '2026-02-30' }, 400, 'invalid_request'],
      ['not a date', { ...ok, promisedDate: 'next week' }, 400, 'invalid_request'],
      ['zero', { ...ok, amount: 0 }, 400, 'invalid_request'],
      ['negative', { ...ok, amount: -5 }, 400, 'invalid_request'],
      ['fractional', { ...ok, amount: 10.5 }, 400, 'invalid_request'],
      ['a string amount', { ...ok, amount: '100' }, 400, 'invalid_request'],
      ['over the balance', { ...ok, amount: target!.balance + 1 }, 422, 'promise_amount_too_large'],
      ['no invoices', { ...ok, invoices: [] }, 400, 'invalid_request'],
      ['an invoice twice', { ...ok, invoices: [target!.id, target!.id] }, 422, 'invalid_request'],
      ['a paid invoice', { ...ok, invoices: [paid!.id] }, 409, 'invoice_not_promisable'],
      ['disputed in full', { ...ok, invoices: [other!.id] }, 409, 'invoice_not_promisable'],
      ["another customer's invoice", { ...ok, invoices: [globex!.id] }, 404, 'not_found'],
      ['under an open promise', { ...ok, invoices: [promised!.id] }, 409, 'invoice_promised'],
      ['an unknown field', { ...ok, autopay: true }, 400, 'invalid_request'],
    ];
    const before = await written();
    for (const [what, body, status, code] of cases) {
      const res = await promise(body);
      assert.equal(res.status, status, what);
      assert.equal(await errorCode(res), code, what);
    }
    // A void invoice.
    await t.db.update(invoices).set({ voidedAt: t.clock.now() }).where(eq(invoices.id, target!.id)).run();
    const voided = await promise(ok);
    assert.equal(voided.status, 409);
    assert.equal(await errorCode(voided), 'invoice_not_promisable');
    await t.db.update(invoices).set({ voidedAt: null }).where(eq(invoices.id, target!.id)).run();
    assert.deepEqual(await written(), before, 'nothing was written');
  });

  it('an Easy Pay session promises only within its link', async () => {
    const [inside, outside] = await openInvoices();
    const { easyPaySession } = await import('./route-matrix-world');
    const easy = await easyPaySession(t, EMAIL, inside!);
    const refused = await promise({ invoices: [outside!.id], amount: 100, promisedDate: day(3) }, easy);
    assert.equal(refused.status, 404);
    const made = await promise({ invoices: [inside!.id], amount: 100, promisedDate: day(3) }, easy);
    assert.equal(made.status, 201);
    const id = ((await made.json()) as PromiseView).id;
    const cancel = await t.call('POST', `/promises/${id}/cancel`, { token: easy });
    assert.equal(cancel.status, 200);
  });
});

describe('cancel', () => {
  it('cancels an open promise, frees its invoices, and refuses a second cancel', async () => {
    const [a] = await openInvoices();
    const p = (await (await promise({ invoices: [a!.id], amount: 500, promisedDate: day(4) })).json()) as PromiseView;
    const res = await t.call('POST', `/promises/${p.id}/cancel`, { token });
    assert.equal(res.status, 200);
    const cancelled = (await res.json()) as PromiseView;
    assert.equal(cancelled.status, 'cancelled');
    assert.ok(cancelled.cancelledAt);
    const again = await t.call('POST', `/promises/${p.id}/cancel`, { token });
    assert.equal(again.status, 409);
    assert.equal(await errorCode(again), 'promise_not_open');
    const other = await t.signIn('cfo@globex.test');
    const theirs = await t.call('GET', `/promises/${p.id}`, { token: other });
    assert.equal(theirs.status, 404);
    const renewed = await promise({ invoices: [a!.id], amount: 500, promisedDate: day(4) });
    assert.equal(renewed.status, 201, 'a cancelled promise frees its invoice');
    await t.call('POST', `/promises/${((await renewed.json()) as PromiseView).id}/cancel`, { token });
  });
});

describe('verdicts', () => {
  it('is kept the moment the promised amount is paid, before the deadline', async () => {
    const [a] = await openInvoices();
    const p = (await (
      await promise({ invoices: [a!.id], amount: a!.balance, promisedDate: day(7) })
    ).json()) as PromiseView;
    await pay(a!.id, a!.balance);
    const kept = await view(p.id);
    assert.equal(kept.status, 'kept');
    assert.equal(kept.paid, a!.balance);
    assert.equal(kept.remaining, 0);
    assert.ok(kept.decidedAt);
  });

  it('is broken at the deadline when nothing was paid: the customer and the collector are told, dunning resumes', async () => {
    const [a] = await openInvoices();
    const p = (await (await promise({ invoices: [a!.id], amount: 1_000, promisedDate: day(2) })).json()) as PromiseView;
    const missedBefore = (await outbox('promise.missed', EMAIL)).length;
    // The reminders: the day before and on the date, each with an Easy Pay link.
    await travel(2 * DAY);
    const reminders = (await outbox('promise.reminder', EMAIL)).filter((m) => m.createdAt >= new Date(p.createdAt));
    assert.equal(reminders.length, 2);
    // Delivered (and so redacted in the outbox): the message itself holds the Easy Pay link.
    const delivered = t.mail.to(EMAIL).filter((m) => m.subject === reminders[1]!.subject);
    assert.match(delivered.at(-1)!.text, /#portico-link=/);
    // Not yet: the grace days run to the end of the deadline date.
    await travel(2 * DAY);
    assert.equal((await view(p.id)).status, 'open');
    await travel(DAY);
    const broken = await view(p.id);
    assert.equal(broken.status, 'broken');
    assert.equal((await outbox('promise.missed', EMAIL)).length, missedBefore + 1);
    assert.ok((await outbox('promise.broken_notice')).length >= 1, 'the collector is told');
    const invoice = await t.db.select().from(invoices).where(eq(invoices.id, a!.id)).get();
    assert.equal(invoice!.promisesBroken, 1);
    // The invoice may be promised again, and the list no longer shows the broken promise.
    const detail = (await (await t.call('GET', `/invoices/${a!.id}`, { token })).json()) as { promise: unknown };
    assert.equal(detail.promise, null);
  });

  it('is partially kept when some was paid', async () => {
    const [a] = await openInvoices();
    const p = (await (
      await promise({ invoices: [a!.id], amount: a!.balance, promisedDate: day(1) })
    ).json()) as PromiseView;
    await pay(a!.id, 100);
    await travel(4 * DAY);
    const v = await view(p.id);
    assert.equal(v.status, 'partially_kept');
    assert.equal(v.paid, 100);
    assert.equal(v.remaining, a!.balance - 100);
  });

  it('a payment returned later reopens a kept verdict, which the deadline then judges again', async () => {
    const [a] = await openInvoices();
    const p = (await (await promise({ invoices: [a!.id], amount: 1_000, promisedDate: day(3) })).json()) as PromiseView;
    const payment = await pay(a!.id, 1_000);
    assert.equal(payment.status, 'succeeded');
    assert.equal((await view(p.id)).status, 'kept', JSON.stringify(await view(p.id)));
    await returnPayment(t.db, t.deps.config, payment.id, 'R01', systemActor, t.clock.now());
    const reopened = await view(p.id);
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.paid, 0);
    await travel(6 * DAY);
    assert.equal((await view(p.id)).status, 'broken');
  });
});

describe('paying automatically on the date', () => {
  it('charges the saved card on the promised date, once, and the promise is kept', async () => {
    const config = (await (await t.call('GET', `/promises/config?account=${NORTHWIND}`, { token })).json()) as {
      autopayMethods: string[];
    };
    assert.ok(config.autopayMethods.includes('card') && !config.autopayMethods.includes('paypal'));
    const [a] = await openInvoices();
    const res = await promise({
      invoices: [a!.id],
      amount: 2_000,
      promisedDate: day(2),
      autopay: { method: 'card', paymentMethod: 'tok_visa' },
    });
    assert.equal(res.status, 201);
    const p = (await res.json()) as PromiseView;
    assert.deepEqual(p.autopay, { method: 'card', status: 'scheduled', paymentId: null });
    await travel(2 * DAY);
    const paid = await view(p.id);
    assert.equal(paid.status, 'kept');
    assert.equal(paid.autopay?.status, 'charged');
    assert.equal(paid.paid, 2_000);
    const payment = (await (await t.call('GET', `/payments/${paid.autopay!.paymentId}`, { token })).json()) as {
      amount: number;
      status: string;
    };
    assert.deepEqual([payment.amount, payment.status], [2_000, 'succeeded']);
    // The saved token is not kept once used, and a rerun of the job finds nothing to do.
    const row = await t.db.select().from(promises).where(eq(promises.id, p.id)).get();
    assert.equal(row!.autopayToken, null);
  });

  it("a declined card leaves the promise open and the day's reminder goes; a cancelled autopay charges nothing", async () => {
    const [a, b] = await openInvoices();
    const declined = (await (
      await promise({
        invoices: [a!.id],
        amount: 1_500,
        promisedDate: day(2),
        autopay: { method: 'card', paymentMethod: 'tok_insufficient_funds' },
      })
    ).json()) as PromiseView;
    const cancelledFirst = (await (
      await promise({
        invoices: [b!.id],
        amount: 1_500,
        promisedDate: day(2),
        autopay: { method: 'card', paymentMethod: 'tok_visa' },
      })
    ).json()) as PromiseView;
    const off = await t.call('POST', `/promises/${cancelledFirst.id}/autopay/cancel`, { token });
    assert.equal(off.status, 200);
    assert.equal(((await off.json()) as PromiseView).autopay?.status, 'cancelled');
    const twice = await t.call('POST', `/promises/${cancelledFirst.id}/autopay/cancel`, { token });
    assert.equal(twice.status, 409);
    const reminders = (await outbox('promise.reminder', EMAIL)).length;
    await travel(2 * DAY);
    const d = await view(declined.id);
    assert.equal(d.status, 'open');
    assert.equal(d.autopay?.status, 'failed');
    const c = await view(cancelledFirst.id);
    assert.equal(c.autopay?.status, 'cancelled');
    assert.equal(c.paid, 0);
    assert.ok(
      (await outbox('promise.reminder', EMAIL)).length >= reminders + 2,
      'both promises are reminded on the day',
    );
  });

  it('refuses PayPal and a card number for automatic payment', async () => {
    const [a] = await openInvoices();
    for (const autopay of [
      { method: 'paypal', paymentMethod: 'tok_visa' },
      { method: 'card', paymentMethod: '4242424242424242' },
    ]) {
      const res = await promise({ invoices: [a!.id], amount: 100, promisedDate: day(3), autopay });
      assert.equal(res.status, 400);
      assert.equal(await errorCode(res), 'invalid_request');
    }
  });
});

describe('the ERP sees promises', () => {
  it('pages the promise feed and names each promise with its invoices', async () => {
    const key = await createErpKey(t.db, 'promises feed', systemActor, t.clock.now());
    const res = await fetch(`${t.api}/erp/promises?limit=2`, { headers: { authorization: `Bearer ${key.key}` } });
    assert.equal(res.status, 200);
    const feed = (await res.json()) as ErpPromiseFeed;
    assert.equal(feed.items.length, 2);
    assert.equal(feed.hasMore, true);
    assert.equal(feed.items[0]!.customerId, NORTHWIND);
    assert.ok(feed.items[0]!.invoices.length >= 1);
    const rest = (await (
      await fetch(`${t.api}/erp/promises?limit=1000&since=${feed.nextCursor}`, {
        headers: { authorization: `Bearer ${key.key}` },
      })
    ).json()) as ErpPromiseFeed;
    assert.equal(rest.hasMore, false);
    const all = await t.db.select({ n: count() }).from(promises).all();
    assert.equal(new Set([...feed.items, ...rest.items].map((p) => p.id)).size, all[0]!.n);
  });
});
