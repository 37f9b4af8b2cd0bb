/**
 * The staff console's offline payments (issue 13), over HTTP: a cheque, a wire or cash with its cash
 * application, receipts, events and webhooks, recorded once per Idempotency-Key; the payments queue.
 * Each refusal answers its code and writes nothing; viewers and customers are refused.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import type { AdminPaymentPage, AdminPaymentRow, PaymentView } from '../src/contract';
import { emailOutbox, erpWebhookDeliveries, events, payments } from '../src/db/schema';
import { addDays, startOfDay } from '../src/domain/dates';
import { erpCall, erpKey } from './erp-helpers';
import {
  balanceOf,
  collector,
  CONTACTS,
  CUSTOMER,
  customerToken,
  invoice,
  OTHER,
  refused,
  t,
  today,
  TZ,
  useMoneyServer,
  viewer,
  writes,
} from './admin-money-support';

useMoneyServer(async () => {
  inv.a = await invoice(CUSTOMER, 'MP-1', -40, 10_000);
  inv.b = await invoice(CUSTOMER, 'MP-2', -10, 20_000);
  inv.c = await invoice(CUSTOMER, 'MP-3', 20, 50_000);
  inv.d = await invoice(CUSTOMER, 'MP-4', 25, 40_000);
  inv.other = await invoice(OTHER, 'OT-1', -5, 10_000);
});

const inv = { a: '', b: '', c: '', d: '', other: '' };

const record = (body: unknown, options: { key?: string | null; token?: string; customer?: string } = {}) =>
  t.call('POST', `/admin/customers/${options.customer ?? CUSTOMER}/payments`, {
    token: options.token ?? collector,
    body,
    headers: options.key === null ? {} : { 'idempotency-key': options.key ?? randomUUID() },
  });

const cheque = (extra: Record<string, unknown> = {}) => ({
  method: 'cheque',
  amount: 30_000,
  currency: 'USD',
  receivedOn: today(),
  reference: 'CHQ-004512',
  ...extra,
});

describe('POST /admin/customers/:id/payments', () => {
  it('records a cheque applied as chosen, with its events, receipts and webhooks', async () => {
    const res = await record(cheque({ allocations: [{ invoiceId: inv.b, amount: 15_000 }], note: 'Posted Monday' }));
    assert.equal(res.status, 201, await res.clone().text());
    const row = (await res.json()) as AdminPaymentRow;
    assert.equal(row.status, 'succeeded');
    assert.equal(row.method, 'cheque');
    assert.equal(row.provider, 'offline');
    assert.equal(row.reference, 'CHQ-004512');
    assert.equal(row.recordedBy, 'Casey Collins');
    assert.equal(row.refundable, 0);
    assert.deepEqual(row.customer, { id: CUSTOMER, name: 'Moneypenny Ltd' });
    // Chosen first, the rest stays as credit (not the oldest invoice: staff chose where it goes).
    assert.deepEqual(
      row.allocations.map((a) => [a.invoiceId, a.amount]),
      [[inv.b, 15_000]],
    );
    assert.equal(row.unapplied, 15_000);
    assert.equal(await balanceOf(inv.b), 5_000);
    assert.equal(await balanceOf(inv.a), 10_000);
    const stored = (await t.db.select().from(payments).where(eq(payments.id, row.id)).get())!;
    assert.equal(stored.method, 'check');
    assert.equal(stored.recordedBy, 'stf_collector');
    assert.equal(stored.receivedOn, today());
    assert.equal(stored.succeededAt!.getTime(), startOfDay(today(), TZ).getTime());
    const types = (await t.db.select().from(events).where(eq(events.subjectId, row.id)).all()).map((e) => [
      e.type,
      e.actorType,
    ]);
    assert.deepEqual(types, [
      ['payment.recorded', 'staff'],
      ['payment.succeeded', 'staff'],
      ['payment.applied', 'staff'],
    ]);
    const ids = (await t.db.select({ id: events.id }).from(events).where(eq(events.subjectId, row.id)).all()).map(
      (e) => e.id,
    );
    const hooks = await t.db
      .select({ type: erpWebhookDeliveries.type })
      .from(erpWebhookDeliveries)
      .where(inArray(erpWebhookDeliveries.eventId, ids))
      .all();
    assert.deepEqual(hooks.map((h) => h.type).sort(), ['payment.applied', 'payment.succeeded']);
    const receipts = await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'payment.receipt')).all();
    assert.deepEqual(receipts.map((r) => r.to).sort(), [...CONTACTS]);
    // The receipt and its PDF go out for a cheque, as for a card.
    const sent = t.mail.to('ap@moneypenny.test').length;
    await t.deliver();
    const mail = await t.mail.waitFor('ap@moneypenny.test', { after: sent });
    assert.match(mail.text, /Check/);
  });

  it('puts a payment without allocations on the oldest invoices first, the rest as credit', async () => {
    const res = await record(cheque({ method: 'wire', amount: 100_000, reference: undefined }));
    assert.equal(res.status, 201, await res.clone().text());
    const row = (await res.json()) as AdminPaymentRow;
    assert.equal(row.method, 'wire');
    assert.equal(row.reference, null);
    assert.deepEqual(
      row.allocations.map((a) => [a.invoiceId, a.amount]),
      [
        [inv.a, 10_000],
        [inv.b, 5_000],
        [inv.c, 50_000],
        [inv.d, 35_000],
      ],
    );
    assert.equal(row.unapplied, 0);
    assert.equal(await balanceOf(inv.d), 5_000);
  });

  it('answers the same payment for the same key and body, and 409 for another body', async () => {
    const key = randomUUID();
    const body = cheque({ method: 'cash', amount: 500, reference: undefined });
    const first = await record(body, { key });
    assert.equal(first.status, 201, await first.clone().text());
    const before = await writes();
    const again = await record(body, { key });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as AdminPaymentRow).id, ((await first.json()) as AdminPaymentRow).id);
    await refused(await record({ ...body, amount: 600 }, { key }), 409, 'idempotency_conflict');
    assert.deepEqual(await writes(), before);
  });

  it('refuses bad requests with their codes and writes nothing', async () => {
    const before = await writes();
    await refused(await record(cheque(), { key: null }), 400, 'invalid_request');
    await refused(
      await record(cheque({ allocations: [{ invoiceId: inv.d, amount: 5_001 }] })),
      422,
      'allocation_exceeds_balance',
    );
    await refused(await record(cheque({ allocations: [{ invoiceId: inv.other, amount: 100 }] })), 404, 'not_found');
    await refused(await record(cheque({ currency: 'EUR' })), 422, 'invalid_request');
    await refused(await record(cheque({ receivedOn: addDays(today(), 1) })), 422, 'invalid_request');
    await refused(
      await record(cheque({ amount: 100, allocations: [{ invoiceId: inv.d, amount: 200 }] })),
      422,
      'invalid_request',
    );
    await refused(await record(cheque({ method: 'card' })), 400, 'invalid_request');
    // And a customer still cannot pay by cheque in the portal.
    const portal = await t.call('POST', '/payments', {
      token: customerToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { account: CUSTOMER, method: 'cheque', allocations: [{ invoiceId: inv.d, amount: 100 }] },
    });
    await refused(portal, 400, 'invalid_request');
    await refused(await record(cheque({ amount: 10.5 })), 400, 'invalid_request');
    await refused(await record(cheque(), { customer: 'cus_nobody' }), 404, 'not_found');
    await refused(await record(cheque(), { token: viewer }), 403, 'forbidden');
    await refused(await record(cheque(), { token: customerToken }), 403, 'forbidden');
    assert.deepEqual(await writes(), before);
  });

  it('shows in the customer’s own payments, the ERP feed and the staff queue', async () => {
    const own = await t.call('GET', `/payments?account=${CUSTOMER}`, { token: customerToken });
    assert.equal(own.status, 200);
    const items = ((await own.json()) as { items: PaymentView[] }).items;
    assert.ok(items.some((p) => p.method === ('check' as string)));
    const { key } = await erpKey(t);
    const feed = await erpCall(t, key, 'GET', '/payments');
    assert.equal(feed.status, 200, await feed.clone().text());
    const erp = (await feed.json()) as { items: { provider: string; providerRef: string | null; method: string }[] };
    assert.ok(
      erp.items.some((p) => p.provider === 'offline' && p.providerRef === 'CHQ-004512' && p.method === 'check'),
    );
    const page = await t.call('GET', `/admin/payments?customer=${CUSTOMER}&limit=2`, { token: viewer });
    assert.equal(page.status, 200);
    const first = (await page.json()) as AdminPaymentPage;
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const next = await t.call('GET', `/admin/payments?customer=${CUSTOMER}&limit=2&cursor=${first.nextCursor}`, {
      token: viewer,
    });
    const second = (await next.json()) as AdminPaymentPage;
    assert.equal(second.items.length, 1);
    assert.equal(second.nextCursor, null);
    const all = [...first.items, ...second.items];
    assert.deepEqual(
      all.map((p) => p.createdAt),
      [...all.map((p) => p.createdAt)].sort().reverse(),
    );
    const found = await t.call('GET', `/admin/payments?q=chq-0045`, { token: viewer });
    assert.deepEqual(
      ((await found.json()) as AdminPaymentPage).items.map((p) => p.reference),
      ['CHQ-004512'],
    );
    const byReceipt = await t.call('GET', `/admin/payments?q=${all[0]!.receiptNumber}`, { token: viewer });
    assert.ok(((await byReceipt.json()) as AdminPaymentPage).items.some((p) => p.id === all[0]!.id));
    const byName = await t.call('GET', `/admin/payments?q=moneypenny&status=succeeded`, { token: viewer });
    assert.equal(((await byName.json()) as AdminPaymentPage).items.length, 3);
    await refused(await t.call('GET', '/admin/payments?cursor=nope', { token: viewer }), 400, 'invalid_request');
    await refused(await t.call('GET', '/admin/payments', { token: customerToken }), 403, 'forbidden');
  });
});
