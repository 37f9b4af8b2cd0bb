/** Cash application on a real SQLite file: applying and reversing payments, credit first, balances exact. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { openDatabase } from '../src/db/client';
import { allocations, creditNotes, customers, disputes, events, invoices, payments } from '../src/db/schema';
import { accountSummaries } from '../src/domain/invoices/accounts';
import { applySucceededPayment, reversePayment } from '../src/domain/ledger/cash-application';
import { systemActor } from '../src/domain/events';
import { createInvoice, issueCreditNote } from '../src/domain/ledger/ledger';

describe('applying and reversing a payment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-cash-'));
  const { db, close } = openDatabase(join(dir, 'cash.sqlite'));
  after(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });
  let run = 0;
  const now = new Date('2026-11-20T15:00:00Z');

  function account(balances: { total: number; day: number; disputed: boolean }[]) {
    const customerId = `cus_cash${++run}`;
    db.insert(customers)
      .values({ id: customerId, name: `Cash ${run}`, currency: 'USD', createdAt: now, updatedAt: now })
      .run();
    const ids = balances.map(({ total, day, disputed }, i) => {
      const { id } = createInvoice(
        db,
        {
          customerId,
          number: `C${run}-${i}`,
          issueDate: '2026-09-01',
          dueDate: `2026-10-${String(day).padStart(2, '0')}`,
          currency: 'USD',
          lines: [{ description: 'x', quantityMilli: 1000, unitPrice: total }],
        },
        systemActor,
        now,
      );
      if (disputed) {
        db.insert(disputes)
          .values({ id: `dsp_${id}`, invoiceId: id, customerId, status: 'open', createdAt: now, updatedAt: now })
          .run();
      }
      return id;
    });
    return { customerId, ids };
  }

  const balancesOf = (ids: string[]) =>
    ids.map((id) =>
      db.select({ b: invoices.balance, p: invoices.amountPaid }).from(invoices).where(eq(invoices.id, id)).get()!,
    );

  it('applies in one transaction, once, and a return puts every balance back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            total: fc.integer({ min: 1, max: 500_000 }),
            day: fc.integer({ min: 1, max: 28 }),
            disputed: fc.boolean(),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.array(fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 600_000 })), { maxLength: 4 }),
        (plan, amount, picks) => {
          const { customerId, ids } = account(plan);
          // The payer's choice, as stored at request time; balances may differ by the time it succeeds.
          const requested = picks.map(([i, a]) => ({ invoiceId: ids[i % ids.length]!, amount: a }));
          const paymentId = `pay_cash${run}`;
          db.insert(payments)
            .values({
              id: paymentId,
              customerId,
              amount,
              currency: 'USD',
              method: 'ach',
              provider: 'sandbox',
              status: 'processing',
              requestedAllocations: requested,
              createdAt: now,
              updatedAt: now,
            })
            .run();
          const before = balancesOf(ids);
          const creditBefore = accountSummaries(db, [customerId], '2026-11-20')[0]!.credit;

          const applied = db.transaction((tx) => applySucceededPayment(tx, paymentId, systemActor, now))!;
          const afterApply = balancesOf(ids);
          const allocated = applied.allocations.reduce((s, a) => s + a.amount, 0);
          assert.equal(allocated + applied.unapplied + applied.refund, amount);
          const chosen = new Set(requested.map((r) => r.invoiceId));
          assert.ok(
            applied.allocations.every((a) => chosen.has(a.invoiceId)),
            'only chosen invoices are paid',
          );
          assert.ok(afterApply.every((b) => b.b >= 0));
          assert.equal(before.reduce((s, b) => s + b.b, 0) - afterApply.reduce((s, b) => s + b.b, 0), allocated);
          assert.equal(accountSummaries(db, [customerId], '2026-11-20')[0]!.credit, creditBefore + applied.unapplied);
          assert.equal(
            db.transaction((tx) => applySucceededPayment(tx, paymentId, systemActor, now)),
            null,
            'applied once',
          );
          assert.deepEqual(balancesOf(ids), afterApply);

          assert.equal(
            db.transaction((tx) => reversePayment(tx, paymentId, 'R01', systemActor, now)),
            true,
          );
          assert.deepEqual(balancesOf(ids), before, 'a return restores every balance');
          assert.equal(accountSummaries(db, [customerId], '2026-11-20')[0]!.credit, creditBefore);
          assert.equal(db.select().from(payments).where(eq(payments.id, paymentId)).get()!.status, 'returned');
          assert.equal(
            db.transaction((tx) => reversePayment(tx, paymentId, 'R01', systemActor, now)),
            false,
            'returned once',
          );
          const types = db
            .select({ type: events.type })
            .from(events)
            .where(eq(events.subjectId, paymentId))
            .all()
            .map((e) => e.type);
          assert.deepEqual(
            types,
            applied.refund > 0
              ? ['payment.succeeded', 'payment.applied', 'payment.refund_started', 'payment.reversed']
              : ['payment.succeeded', 'payment.applied', 'payment.reversed'],
          );
          assert.ok(
            db
              .select()
              .from(allocations)
              .where(eq(allocations.paymentId, paymentId))
              .all()
              .every((a) => a.reversedAt),
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('uses credit first: credit used plus money applied is what the invoices lost, and credit never goes below zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 300_000 })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 1, max: 500_000 }),
        (totals, noteCredit, paymentCredit, picks, creditWanted, amount) => {
          const { customerId, ids } = account(totals.map((total, i) => ({ total, day: i + 1, disputed: false })));
          if (noteCredit > 0) {
            issueCreditNote(
              db,
              { customerId, number: `CN${run}`, amount: noteCredit, currency: 'USD', issueDate: '2026-11-01' },
              systemActor,
              now,
            );
          }
          if (paymentCredit > 0) {
            db.insert(payments)
              .values({
                id: `pay_earlier${run}`,
                customerId,
                amount: paymentCredit,
                unapplied: paymentCredit,
                currency: 'USD',
                method: 'ach',
                provider: 'sandbox',
                status: 'succeeded',
                succeededAt: now,
                createdAt: now,
                updatedAt: now,
              })
              .run();
          }
          const requested = picks.map(([i, a]) => ({ invoiceId: ids[i % ids.length]!, amount: a }));
          const paymentId = `pay_credit${run}`;
          db.insert(payments)
            .values({
              id: paymentId,
              customerId,
              amount,
              creditRequested: creditWanted,
              currency: 'USD',
              method: 'card',
              provider: 'sandbox',
              status: 'pending',
              requestedAllocations: requested,
              createdAt: now,
              updatedAt: now,
            })
            .run();
          const owed = () => balancesOf(ids).reduce((sum, b) => sum + b.b, 0);
          const credit = () => accountSummaries(db, [customerId], '2026-11-20')[0]!.credit;
          const [owedBefore, creditBefore] = [owed(), credit()];

          const applied = db.transaction((tx) => applySucceededPayment(tx, paymentId, systemActor, now))!;
          const usedCredit = applied.credit.reduce((sum, c) => sum + c.amount, 0);
          const allocated = applied.allocations.reduce((sum, a) => sum + a.amount, 0);
          assert.equal(allocated + applied.unapplied + applied.refund, amount, 'the money is all accounted for');
          assert.ok(usedCredit <= creditWanted && usedCredit <= noteCredit + paymentCredit);
          assert.equal(owedBefore - owed(), allocated + usedCredit);
          assert.ok(balancesOf(ids).every((b) => b.b >= 0));
          assert.equal(credit(), creditBefore - usedCredit + applied.unapplied);
          const notes = db.select().from(creditNotes).where(eq(creditNotes.customerId, customerId)).all();
          assert.ok(notes.every((n) => n.unapplied >= 0));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('leaves balances untouched when the payment fails before it succeeds', () => {
    const { customerId, ids } = account([{ total: 10_000, day: 1, disputed: false }]);
    db.insert(payments)
      .values({
        id: 'pay_failed',
        customerId,
        amount: 10_000,
        currency: 'USD',
        method: 'card',
        provider: 'sandbox',
        status: 'failed',
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const before = balancesOf(ids);
    assert.equal(
      db.transaction((tx) => applySucceededPayment(tx, 'pay_failed', systemActor, now)),
      null,
    );
    assert.equal(
      db.transaction((tx) => reversePayment(tx, 'pay_failed', 'R01', systemActor, now)),
      false,
    );
    assert.deepEqual(balancesOf(ids), before);
  });
});
