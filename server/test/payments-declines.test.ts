/** Payments: declines, authentication, waiting payments and bank debits (ACH) that settle or return later. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PaymentView } from '../src/contract';
import { allocations } from '../src/db/schema';
import { errorCode } from './helpers';
import { balanceOf, card, count, eventsOf, northwind, payOk, t, usePaymentsServer } from './payments-support';

usePaymentsServer();

describe('declines and failures leave balances exactly as they were', () => {
  for (const [token, code] of [
    ['tok_insufficient_funds', 'insufficient_funds'],
    ['tok_expired_card', 'expired_card'],
    ['tok_stolen_card', 'card_declined'],
  ] as const) {
    it(`${token} → failed (${code})`, async () => {
      const invoice = 'inv_inv1024';
      const before = await balanceOf(invoice);
      const allocationsBefore = await count(allocations);
      const view = await payOk(card([[invoice, before]], { paymentMethod: token }));
      assert.equal(view.status, 'failed');
      assert.equal(view.failure?.code, code);
      assert.ok(view.failure!.message.length > 10);
      assert.equal(await balanceOf(invoice), before);
      assert.equal(await count(allocations), allocationsBefore);
      assert.equal((await eventsOf('payment.failed', view.id)).length, 1);
    });
  }

  it('a card that asks for authentication waits, then succeeds once authenticated', async () => {
    const invoice = 'inv_inv1025';
    const before = await balanceOf(invoice);
    const view = await payOk(card([[invoice, 700]], { paymentMethod: 'tok_authentication_required' }));
    assert.equal(view.status, 'pending');
    assert.deepEqual(view.nextAction, { type: 'sandbox_authenticate' });
    assert.equal(await balanceOf(invoice), before);
    const done = await t.call('POST', `/payments/${view.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    const confirmed = (await done.json()) as PaymentView;
    assert.equal(confirmed.status, 'succeeded');
    assert.equal(await balanceOf(invoice), before - 700);
    // A second confirm (a double click) changes nothing.
    const twice = await t.call('POST', `/payments/${view.id}/confirm`, {
      token: northwind,
      body: { outcome: 'cancel' },
    });
    assert.equal(((await twice.json()) as PaymentView).status, 'succeeded');
    assert.equal(await balanceOf(invoice), before - 700);
  });

  it('failed authentication and a cancelled PayPal approval charge nothing', async () => {
    const invoice = 'inv_inv1026';
    const before = await balanceOf(invoice);
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
    assert.equal(await balanceOf(invoice), before);
  });

  it('a new payment for the same invoice cancels one waiting on the payer, which can then never complete', async () => {
    const invoice = 'inv_inv1026';
    const before = await balanceOf(invoice);
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
    assert.equal(await balanceOf(invoice), before - 300, 'charged once');
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
    assert.equal((await eventsOf('payment.failed', waiting.id)).length, 1);
  });

  it('PayPal approved in the sandbox pays', async () => {
    const invoice = 'inv_inv1027';
    const before = await balanceOf(invoice);
    const paypal = await payOk({ ...card([[invoice, 250]]), method: 'paypal', paymentMethod: undefined });
    const res = await t.call('POST', `/payments/${paypal.id}/confirm`, {
      token: northwind,
      body: { outcome: 'complete' },
    });
    assert.equal(((await res.json()) as PaymentView).status, 'succeeded');
    assert.equal(await balanceOf(invoice), before - 250);
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
    const before = await balanceOf(invoice);
    const view = await payOk(ach(invoice, 900, 'btok_settles'));
    assert.equal(view.status, 'processing');
    await t.worker.runDue();
    assert.equal(await balanceOf(invoice), before, 'nothing applied before settlement');
    t.clock.advance(61_000);
    await t.worker.runDue();
    const settled = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(settled.status, 'succeeded');
    assert.equal(await balanceOf(invoice), before - 900);
  });

  it('a returned debit reverses its allocations exactly and tells the payer', async () => {
    const [a, b] = ['inv_inv1030', 'inv_inv1031'];
    const before = [await balanceOf(a), await balanceOf(b)];
    const view = await payOk({
      ...ach(a, before[0]!, 'btok_returns'),
      allocations: [
        { invoiceId: a, amount: before[0]! },
        { invoiceId: b, amount: 100 },
      ],
    });
    t.clock.advance(61_000);
    await t.worker.runDue();
    assert.deepEqual([await balanceOf(a), await balanceOf(b)], [0, before[1]! - 100]);
    t.clock.advance(61_000);
    await t.worker.runDue();
    const returned = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(returned.status, 'returned');
    assert.deepEqual([await balanceOf(a), await balanceOf(b)], before);
    assert.equal((await eventsOf('payment.reversed', view.id)).length, 1);
    await t.deliver();
    await t.mail.waitFor('ap@northwind.test', { subject: /returned by your bank/ });
  });

  it('a failing account fails at settlement with nothing applied', async () => {
    const invoice = 'inv_inv1032';
    const before = await balanceOf(invoice);
    const view = await payOk(ach(invoice, 400, 'btok_fails'));
    t.clock.advance(61_000);
    await t.worker.runDue();
    const failed = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failure?.code, 'account_closed');
    assert.equal(await balanceOf(invoice), before);
  });
});
