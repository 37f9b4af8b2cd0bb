/** Payments: tampered requests are refused with a 4xx and nothing charged. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { AccountList, PaymentView } from '../src/contract';
import { invoices, payments } from '../src/db/schema';
import { createInvoice } from '../src/domain/ledger/ledger';
import { systemActor } from '../src/domain/events';
import { balanceOf, card, count, easyPaySession, northwind, pay, t, usePaymentsServer } from './payments-support';

usePaymentsServer();

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
      const before = await count(payments);
      const res = await pay({ ...card([]), allocations: [{ invoiceId: 'inv_inv1027', amount }] });
      assert.equal(res.status, status);
      assert.equal(await count(payments), before);
    });
  }

  it('more than the balance, the same invoice twice, or credit the account does not have', async () => {
    const before = await count(payments);
    const balance = await balanceOf('inv_inv1027');
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
    assert.equal(await count(payments), before);
  });

  it('another customer’s invoice, or one in another currency', async () => {
    const before = await count(payments);
    const globexInvoice = (await t.db
      .select()
      .from(invoices)
      .where(eq(invoices.customerId, 'cus_globex'))
      .orderBy(invoices.id)
      .get())!;
    const res = await pay(card([[globexInvoice.id, 100]]));
    assert.equal(res.status, 404);
    const eur = await createInvoice(
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
    assert.equal(await count(payments), before);
  });

  it('an Easy Pay session cannot pay an invoice outside its link', async () => {
    const easy = await easyPaySession('ap@northwind.test', 'inv_inv1028', 'INV-1028');
    const before = await count(payments);
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
    assert.equal(await count(payments), before);
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
