/**
 * Credit in the staff console (issue 13), over HTTP: staff credit notes in their own series, and applying
 * unapplied credit (the credit-only payment the portal refuses), oldest first, told to the ERP.
 * Each refusal answers its code and writes nothing.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import type {
  ApplyCreditResult,
  CreditNoteView,
  ErpCreditNoteFeed,
  ErpPaymentFeed,
  PromiseView,
} from '../src/contract';
import { creditNoteAllocations, creditNotes, erpWebhookDeliveries, events, payments, promises } from '../src/db/schema';
import { addDays } from '../src/domain/dates';
import { systemActor } from '../src/domain/events';
import { issueCreditNote } from '../src/domain/ledger';
import { erpCall, erpKey } from './erp-helpers';
import {
  balanceOf,
  collector,
  CUSTOMER,
  customerToken,
  invoice,
  OTHER,
  refused,
  t,
  today,
  useMoneyServer,
  viewer,
  writes,
} from './admin-money-support';

useMoneyServer(async () => {
  inv.a = await invoice(CUSTOMER, 'CR-1', -30, 10_000);
  inv.b = await invoice(CUSTOMER, 'CR-2', -5, 20_000);
  inv.c = await invoice(CUSTOMER, 'CR-3', 15, 30_000);
  inv.other = await invoice(OTHER, 'OC-1', -5, 10_000);
});

const inv = { a: '', b: '', c: '', other: '' };

const post = (path: string, body: unknown, token = collector) =>
  t.call('POST', `/admin/customers/${CUSTOMER}/${path}`, { token, body });

describe('POST /admin/customers/:id/credit-notes', () => {
  it('issues staff credit notes in their own series, on an invoice or on the account', async () => {
    const before = await balanceOf(inv.c);
    const res = await post('credit-notes', {
      invoiceId: inv.c,
      amount: 2_000,
      currency: 'USD',
      reason: 'Late delivery',
    });
    assert.equal(res.status, 201, await res.clone().text());
    const note = (await res.json()) as CreditNoteView;
    assert.equal(note.number, 'CN-S-0001');
    assert.equal(note.invoiceNumber, 'CR-3');
    assert.equal(note.unapplied, 0);
    assert.equal(note.issueDate, today());
    assert.equal(await balanceOf(inv.c), before - 2_000);
    const loose = await post('credit-notes', { invoiceId: null, amount: 5_000, currency: 'USD', reason: 'Goodwill' });
    assert.equal(loose.status, 201);
    const looseNote = (await loose.json()) as CreditNoteView;
    assert.equal(looseNote.number, 'CN-S-0002');
    assert.equal(looseNote.unapplied, 5_000);
    const created = await t.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'credit_note.created'), eq(events.subjectId, note.id)))
      .get();
    assert.equal(created?.actorType, 'staff');
    assert.equal(
      (await t.db.select().from(erpWebhookDeliveries).where(eq(erpWebhookDeliveries.eventId, created!.id)).all())
        .length,
      1,
    );
    const { key } = await erpKey(t);
    const feed = (await (await erpCall(t, key, 'GET', '/credit-notes')).json()) as ErpCreditNoteFeed;
    assert.ok(feed.items.some((n) => n.number === 'CN-S-0001' && n.invoice?.number === 'CR-3'));
  });

  it('refuses more than the invoice can take, another customer’s invoice and another currency', async () => {
    const before = await writes();
    const payable = await balanceOf(inv.c);
    const body = { invoiceId: inv.c, amount: payable + 1, currency: 'USD', reason: 'Too much' };
    await refused(await post('credit-notes', body), 422, 'allocation_exceeds_balance');
    await refused(await post('credit-notes', { ...body, amount: 1, invoiceId: inv.other }), 404, 'not_found');
    await refused(await post('credit-notes', { ...body, amount: 1, currency: 'EUR' }), 422, 'invalid_request');
    await refused(
      await post('credit-notes', { ...body, amount: 1, invoiceId: null, currency: 'EUR' }),
      422,
      'invalid_request',
    );
    await refused(await post('credit-notes', { ...body, amount: 1, reason: ' ' }), 400, 'invalid_request');
    await refused(await post('credit-notes', { ...body, amount: 1 }, viewer), 403, 'forbidden');
    assert.deepEqual(await writes(), before);
  });
});

describe('POST /admin/customers/:id/credit/apply', () => {
  it('keeps refusing a credit-only payment in the portal', async () => {
    const res = await t.call('POST', '/payments', {
      token: customerToken,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        account: CUSTOMER,
        method: 'card',
        paymentMethod: 'tok_visa',
        credit: 1_000,
        allocations: [{ invoiceId: inv.c, amount: 1_000 }],
      },
    });
    await refused(res, 422, 'invalid_request');
  });

  it('applies the oldest credit first: a payment’s remainder, then loose credit notes', async () => {
    const cheque = await t.call('POST', `/admin/customers/${CUSTOMER}/payments`, {
      token: collector,
      headers: { 'idempotency-key': randomUUID() },
      body: { method: 'wire', amount: 3_000, currency: 'USD', receivedOn: today(), allocations: [] },
    });
    assert.equal(cheque.status, 201, await cheque.clone().text());
    const paymentId = ((await cheque.json()) as { id: string }).id;
    // With no invoice chosen, the wire went to the oldest open invoices: none of it is left as credit.
    const stored = (await t.db.select().from(payments).where(eq(payments.id, paymentId)).get())!;
    assert.equal(stored.unapplied, 0);
    const extra = await t.db.transaction((tx) =>
      issueCreditNote(
        tx,
        { customerId: CUSTOMER, number: 'ERP-CN-9', amount: 1_000, currency: 'USD', issueDate: addDays(today(), -100) },
        systemActor,
        t.clock.now(),
      ),
    );
    const beforeC = await balanceOf(inv.c);
    const res = await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: inv.c, amount: 5_500 }] });
    assert.equal(res.status, 200, await res.clone().text());
    const result = (await res.json()) as ApplyCreditResult;
    assert.deepEqual(result, { applied: [{ invoiceId: inv.c, amount: 5_500 }], creditLeft: 500, currency: 'USD' });
    assert.equal(await balanceOf(inv.c), beforeC - 5_500);
    const notes = await t.db
      .select({ number: creditNotes.number, unapplied: creditNotes.unapplied })
      .from(creditNotes)
      .where(eq(creditNotes.customerId, CUSTOMER))
      .all();
    const left = Object.fromEntries(notes.map((n) => [n.number, n.unapplied]));
    // The ERP's older note went first, then the staff note.
    assert.equal(left['ERP-CN-9'], 0);
    assert.equal(left['CN-S-0002'], 500);
    const used = await t.db
      .select()
      .from(creditNoteAllocations)
      .where(inArray(creditNoteAllocations.creditNoteId, [extra]))
      .all();
    assert.deepEqual(
      used.map((u) => [u.invoiceId, u.amount]),
      [[inv.c, 1_000]],
    );
    const event = await t.db.select().from(events).where(eq(events.type, 'credit.applied')).get();
    assert.equal(event?.actorType, 'staff');
  });

  it('tells the ERP that a payment’s remainder went to an invoice', async () => {
    const cheque = await t.call('POST', `/admin/customers/${CUSTOMER}/payments`, {
      token: collector,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        method: 'cheque',
        amount: 2_000,
        currency: 'USD',
        receivedOn: today(),
        allocations: [{ invoiceId: inv.c, amount: 500 }],
      },
    });
    const paymentId = ((await cheque.json()) as { id: string }).id;
    const { key } = await erpKey(t, 'Credit ERP');
    const before = (await (await erpCall(t, key, 'GET', '/payments')).json()) as ErpPaymentFeed;
    const res = await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: inv.b, amount: 1_500 }] });
    assert.equal(res.status, 200, await res.clone().text());
    const event = await t.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'payment.credit_applied'), eq(events.subjectId, paymentId)))
      .get();
    assert.ok(event);
    const after = (await (
      await erpCall(t, key, 'GET', `/payments?since=${before.nextCursor}`)
    ).json()) as ErpPaymentFeed;
    const fed = after.items.find((p) => p.id === paymentId);
    assert.equal(fed?.unapplied, 0);
    assert.deepEqual(
      fed?.allocations
        .filter((a) => !a.reversed)
        .map((a) => [a.invoiceId, a.amount])
        .sort((x, y) => Number(x[1]) - Number(y[1])),
      [
        [inv.c, 500],
        [inv.b, 1_500],
      ],
    );
  });

  it('keeps a promise once credit pays it', async () => {
    const small = await invoice(CUSTOMER, 'CR-4', -1, 400);
    const promised = await post('promises', { invoices: [{ invoiceId: small }], promisedDate: addDays(today(), 3) });
    const promise = (await promised.json()) as PromiseView;
    const res = await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: small, amount: 400 }] });
    assert.equal(res.status, 200, await res.clone().text());
    const row = (await t.db.select().from(promises).where(eq(promises.id, promise.id)).get())!;
    assert.equal(row.status, 'kept');
  });

  it('refuses more than the credit or the balance, and other customers’ invoices, writing nothing', async () => {
    const before = await writes();
    await refused(
      await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: inv.b, amount: 101 }] }),
      409,
      'credit_insufficient',
    );
    const payable = await balanceOf(inv.a);
    await refused(
      await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: inv.a, amount: payable + 1 }] }),
      422,
      'allocation_exceeds_balance',
    );
    await refused(
      await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: inv.other, amount: 1 }] }),
      404,
      'not_found',
    );
    await refused(
      await post('credit/apply', { currency: 'EUR', allocations: [{ invoiceId: inv.b, amount: 1 }] }),
      422,
      'invalid_request',
    );
    await refused(await post('credit/apply', { currency: 'USD', allocations: [] }), 400, 'invalid_request');
    await refused(
      await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: inv.b, amount: 1 }] }, viewer),
      403,
      'forbidden',
    );
    await refused(
      await post('credit/apply', { currency: 'USD', allocations: [{ invoiceId: inv.b, amount: 1 }] }, customerToken),
      403,
      'forbidden',
    );
    assert.deepEqual(await writes(), before);
  });
});
