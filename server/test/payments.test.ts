/**
 * Payments over real HTTP on a real database (the run's engine) with the sandbox provider: a card that
 * succeeds, idempotency, surcharges and credit. Declines and bank debits, tampering, and provider webhooks
 * are in the payments-*.test.ts files beside this one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { AccountList, InvoiceDetail, PaymentConfig, PaymentView, Statement } from '../src/contract';
import { creditNotes, invoices, payments } from '../src/db/schema';
import { putSettings } from '../src/domain/settings';
import { errorCode } from './helpers';
import { balanceOf, card, count, eventsOf, northwind, pay, payOk, t, usePaymentsServer } from './payments-support';

usePaymentsServer();

describe('POST /payments: a card that succeeds', () => {
  it('charges, applies the chosen amounts, records events and emails a receipt', async () => {
    const [a, b] = ['inv_inv1021', 'inv_inv1022'];
    const [balA, balB] = [await balanceOf(a), await balanceOf(b)];
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
    assert.equal(await balanceOf(a), 0);
    assert.equal(await balanceOf(b), balB - 1234);
    assert.match(view.receiptNumber, /^R-[A-Z0-9]+$/);
    for (const type of ['payment.created', 'payment.succeeded', 'payment.applied']) {
      assert.equal((await eventsOf(type, view.id)).length, 1, type);
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
    const before = await balanceOf(invoice);
    const key = randomUUID();
    const body = card([[invoice, 500]]);
    const paymentsBefore = await count(payments);
    const responses = await Promise.all(Array.from({ length: 50 }, () => pay(body, { key })));
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 200).length, 49);
    const views = (await Promise.all(responses.map((r) => r.json()))) as PaymentView[];
    assert.equal(new Set(views.map((v) => v.id)).size, 1);
    assert.ok(views.every((v) => v.status === 'succeeded'));
    assert.equal(await count(payments), paymentsBefore + 1);
    assert.equal(await balanceOf(invoice), before - 500, 'applied once');
    assert.equal((await eventsOf('payment.succeeded', views[0]!.id)).length, 1, 'charged once');
  });

  it('the same key with a different body is a 409 and charges nothing', async () => {
    const key = randomUUID();
    const first = await pay(card([['inv_inv1023', 100]]), { key });
    assert.equal(first.status, 201);
    const before = await count(payments);
    const res = await pay(card([['inv_inv1023', 200]]), { key });
    assert.equal(res.status, 409);
    assert.equal(await errorCode(res), 'idempotency_conflict');
    assert.equal(await count(payments), before);
  });

  it('is required, and must look like a key', async () => {
    const res = await pay(card([['inv_inv1023', 100]]), { key: null });
    assert.equal(res.status, 400);
    const short = await pay(card([['inv_inv1023', 100]]), { key: 'abc' });
    assert.equal(short.status, 400);
  });
});

describe('surcharge', () => {
  it('applies to card only, on the amount, capped, as its own line', async () => {
    await putSettings(t.db, { surchargeRateBp: 300, surchargeCap: 5_000 }, t.clock.now());
    const config = (await (await t.call('GET', '/payments/config', { token: northwind })).json()) as PaymentConfig;
    assert.deepEqual(config.surcharge, { rateBp: 300, cap: 5_000 });
    assert.deepEqual(
      config.methods.map((m) => m.method),
      ['card', 'debit', 'ach', 'paypal'],
    );
    const cardPay = await payOk(card([['inv_inv1022', 10_001]], { expectedTotal: 10_001 + 300 }));
    assert.equal(cardPay.surcharge, 300); // 3 % of 100.01 = 3.0003 → 3.00
    assert.equal(cardPay.total, 10_301);
    assert.equal((await balanceOf('inv_inv1022')) >= 0, true);
    const capped = await payOk(card([['inv_inv1023', await balanceOf('inv_inv1023')]]));
    assert.ok(capped.surcharge <= 5_000);
    const debit = await payOk({ ...card([['inv_inv1024', 10_000]]), method: 'debit', paymentMethod: 'tok_visa_debit' });
    assert.equal(debit.surcharge, 0);
    const bank = await payOk({ ...card([['inv_inv1024', 10_000]]), method: 'ach', paymentMethod: 'btok_settles' });
    assert.equal(bank.surcharge, 0);
  });

  it('refuses a total the payer was not shown', async () => {
    await putSettings(t.db, { surchargeRateBp: 300, surchargeCap: null }, t.clock.now());
    const before = await count(payments);
    const res = await pay(card([['inv_inv1025', 10_000]], { expectedTotal: 10_000 }));
    assert.equal(res.status, 409);
    assert.equal(await errorCode(res), 'amount_changed');
    assert.equal(await count(payments), before);
  });
});

describe('credit and overpayment', () => {
  it('uses a loose credit note with a payment: the charge is smaller, the invoice is paid in full', async () => {
    const globex = await t.signIn('cfo@globex.test');
    const accounts = (await (await t.call('GET', '/accounts', { token: globex })).json()) as AccountList;
    assert.equal(accounts.items[0]!.credit, 15_000);
    const invoice = (await t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.customerId, 'cus_globex'), sql`${invoices.balance} > 20000`))
      .orderBy(invoices.id)
      .get())!;
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
    assert.equal(await balanceOf(invoice.id), 0);
    assert.deepEqual(
      view.allocations.map((a) => [a.source, a.amount]),
      [
        ['credit', 15_000],
        ['payment', invoice.balance - 15_000],
      ],
    );
    const note = (await t.db.select().from(creditNotes).where(eq(creditNotes.number, 'CN-2002')).get())!;
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
    await putSettings(t.db, { allowOverpayment: true }, t.clock.now());
    const view = await payOk(card([[invoice, 100]], { overpayment: 5_000 }));
    assert.equal(view.amount, 5_100);
    // The rest goes to the oldest open invoices first; only what none takes stays credit.
    const applied = view.allocations.reduce((s, a) => s + a.amount, 0);
    assert.equal(applied + view.unapplied, 5_100);
  });
});
