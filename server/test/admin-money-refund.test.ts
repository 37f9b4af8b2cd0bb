/**
 * Staff refunds through the provider (issue 13), over HTTP: in part or in full, the cash taken off the
 * invoices it paid, the refund job calling the provider once; refused for offline payments, payments
 * not succeeded, a second refund, too much, viewers and customers, with nothing written.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { AdminPaymentRow, PaymentView } from '../src/contract';
import { events, payments } from '../src/db/schema';
import {
  balanceOf,
  collector,
  CUSTOMER,
  customerToken,
  invoice,
  refused,
  t,
  today,
  useMoneyServer,
  viewer,
  writes,
} from './admin-money-support';

const inv = { a: '' };
let card: PaymentView;

useMoneyServer(async () => {
  // Cash with no invoice to take it: credit. The card then pays an invoice made after it.
  const offline = await t.call('POST', `/admin/customers/${CUSTOMER}/payments`, {
    token: collector,
    headers: { 'idempotency-key': randomUUID() },
    body: { method: 'cash', amount: 700, currency: 'USD', receivedOn: today() },
  });
  assert.equal(offline.status, 201, await offline.clone().text());
  inv.a = await invoice(CUSTOMER, 'MP-5', -3, 30_000);
  const res = await t.call('POST', '/payments', {
    token: customerToken,
    headers: { 'idempotency-key': randomUUID() },
    body: {
      account: CUSTOMER,
      method: 'card',
      paymentMethod: 'tok_visa',
      allocations: [{ invoiceId: inv.a, amount: 30_000 }],
    },
  });
  assert.equal(res.status, 201, await res.clone().text());
  card = (await res.json()) as PaymentView;
  assert.equal(card.status, 'succeeded');
});

describe('POST /admin/payments/:id/refund', () => {
  const refund = (id: string, body: unknown, token = collector) =>
    t.call('POST', `/admin/payments/${id}/refund`, { token, body });

  it('refuses offline payments, amounts over what is refundable and viewers, writing nothing', async () => {
    const offline = (await t.db.select().from(payments).where(eq(payments.provider, 'offline')).get())!;
    const before = await writes();
    await refused(await refund(offline.id, { reason: 'No' }), 409, 'payment_not_refundable');
    await refused(await refund(card.id, { reason: 'Too much', amount: 30_001 }), 422, 'refund_too_large');
    await refused(await refund(card.id, { reason: 'Viewer' }, viewer), 403, 'forbidden');
    await refused(await refund(card.id, { reason: 'Customer' }, customerToken), 403, 'forbidden');
    await refused(await refund('pay_nothing', { reason: 'None' }), 404, 'not_found');
    await refused(await refund('nope', { reason: 'None' }), 404, 'not_found');
    await refused(await refund(card.id, { reason: '' }), 400, 'invalid_request');
    assert.deepEqual(await writes(), before);
  });

  it('refunds part through the provider: the invoice owes it again, the rest stays applied; once only', async () => {
    const res = await refund(card.id, { amount: 12_000, reason: 'Damaged goods returned' });
    assert.equal(res.status, 200, await res.clone().text());
    const row = (await res.json()) as AdminPaymentRow;
    assert.equal(row.status, 'succeeded');
    // The card surcharge goes back in proportion: 2.5 % of 12,000.
    assert.equal(row.refunded, 12_000 + 300);
    assert.equal(row.refundStatus, 'pending');
    assert.equal(row.refundable, 0);
    assert.deepEqual(
      row.allocations.map((a) => [a.invoiceId, a.amount]),
      [[inv.a, 18_000]],
    );
    assert.equal(await balanceOf(inv.a), 12_000);
    const started = await t.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'payment.refund_started'), eq(events.subjectId, card.id)))
      .get();
    assert.equal(started?.actorType, 'staff');
    await refused(await refund(card.id, { reason: 'Again' }), 409, 'payment_not_refundable');
    await t.deliver();
    const done = (await t.db.select().from(payments).where(eq(payments.id, card.id)).get())!;
    assert.equal(done.refundStatus, 'succeeded');
    assert.ok(await t.db.select().from(events).where(eq(events.type, 'payment.refunded')).get());
    await refused(await refund(card.id, { reason: 'Again' }), 409, 'payment_not_refundable');
  });

  it('refunds all by default: the payment is refunded and every invoice owes again', async () => {
    const target = await invoice(CUSTOMER, 'MP-6', -2, 8_000);
    const res = await t.call('POST', '/payments', {
      token: customerToken,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        account: CUSTOMER,
        method: 'ach',
        paymentMethod: 'btok_settles',
        allocations: [{ invoiceId: target, amount: 8_000 }],
      },
    });
    const paid = (await res.json()) as PaymentView;
    // A bank debit is processing until it settles: nothing to refund yet.
    assert.equal(paid.status, 'processing');
    const before = await writes();
    await refused(await refund(paid.id, { reason: 'Not yet' }), 409, 'payment_not_refundable');
    assert.deepEqual(await writes(), before);
    t.clock.advance((t.deps.config.SANDBOX_SETTLE_SECONDS + 1) * 1000);
    await t.deliver();
    const settled = (await t.db.select().from(payments).where(eq(payments.id, paid.id)).get())!;
    assert.equal(settled.status, 'succeeded');
    const refunded = await refund(paid.id, { reason: 'Cancelled order' });
    assert.equal(refunded.status, 200, await refunded.clone().text());
    const row = (await refunded.json()) as AdminPaymentRow;
    assert.equal(row.status, 'refunded');
    assert.equal(row.refunded, 8_000);
    assert.deepEqual(row.allocations, []);
    assert.equal(await balanceOf(target), 8_000);
  });
});
