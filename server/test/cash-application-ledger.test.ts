/**
 * Cash application on a real database (the run's engine): applying and reversing payments, credit first,
 * balances exact.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { allocations, creditNotes, customers, disputes, events, invoices, payments } from '../src/db/schema';
import { accountSummaries } from '../src/domain/invoices/accounts';
import { applySucceededPayment, reversePayment } from '../src/domain/ledger/cash-application';
import { systemActor } from '../src/domain/events';
import { createInvoice, issueCreditNote } from '../src/domain/ledger/ledger';
import { openTestDatabase } from './postgres-support';

describe('applying and reversing a payment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-cash-'));
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Awaited<ReturnType<typeof openTestDatabase>>['db'];
  before(async () => {
    database = await openTestDatabase(dir);
    db = database.db;
  });
  after(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let run = 0;
  const now = new Date('2026-11-20T15:00:00Z');

  async function account(balances: { total: number; day: number; disputed: boolean }[]) {
    const customerId = `cus_cash${++run}`;
    await db
      .insert(customers)
      .values({ id: customerId, name: `Cash ${run}`, currency: 'USD', createdAt: now, updatedAt: now })
      .run();
    const ids: string[] = [];
    for (const [i, { total, day, disputed }] of balances.entries()) {
      const { id } = await createInvoice(
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
        await db
          .insert(disputes)
          .values({ id: `dsp_${id}`, invoiceId: id, customerId, status: 'open', createdAt: now, updatedAt: now })
          .run();
      }
      ids.push(id);
    }
    return { customerId, ids };
  }

  const balancesOf = async (ids: string[]) => {
    const rows: { b: number; p: number }[] = [];
    for (const id of ids) {
      rows.push(
        (await db
          .select({ b: invoices.balance, p: invoices.amountPaid })
          .from(invoices)
          .where(eq(invoices.id, id))
          .get())!,
      );
    }
    return rows;
  };
  const creditOf = async (customerId: string) => (await accountSummaries(db, [customerId], '2026-11-20'))[0]!.credit;

  it('applies in one transaction, once, and a return puts every balance back', async () => {
    await fc.assert(
      fc.asyncProperty(
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
        async (plan, amount, picks) => {
          const { customerId, ids } = await account(plan);
          // The payer's choice, as stored at request time; balances may differ by the time it succeeds.
          const requested = picks.map(([i, a]) => ({ invoiceId: ids[i % ids.length]!, amount: a }));
          const paymentId = `pay_cash${run}`;
          await db
            .insert(payments)
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
          const before = await balancesOf(ids);
          const creditBefore = await creditOf(customerId);

          const applied = (await db.transaction((tx) => applySucceededPayment(tx, paymentId, systemActor, now)))!;
          const afterApply = await balancesOf(ids);
          const allocated = applied.allocations.reduce((s, a) => s + a.amount, 0);
          assert.equal(allocated + applied.unapplied + applied.refund, amount);
          const chosen = new Set(requested.map((r) => r.invoiceId));
          assert.ok(
            applied.allocations.every((a) => chosen.has(a.invoiceId)),
            'only chosen invoices are paid',
          );
          assert.ok(afterApply.every((b) => b.b >= 0));
          assert.equal(before.reduce((s, b) => s + b.b, 0) - afterApply.reduce((s, b) => s + b.b, 0), allocated);
          assert.equal(await creditOf(customerId), creditBefore + applied.unapplied);
          assert.equal(
            await db.transaction((tx) => applySucceededPayment(tx, paymentId, systemActor, now)),
            null,
            'applied once',
          );
          assert.deepEqual(await balancesOf(ids), afterApply);

          assert.equal(await db.transaction((tx) => reversePayment(tx, paymentId, 'R01', systemActor, now)), true);
          assert.deepEqual(await balancesOf(ids), before, 'a return restores every balance');
          assert.equal(await creditOf(customerId), creditBefore);
          assert.equal((await db.select().from(payments).where(eq(payments.id, paymentId)).get())!.status, 'returned');
          assert.equal(
            await db.transaction((tx) => reversePayment(tx, paymentId, 'R01', systemActor, now)),
            false,
            'returned once',
          );
          const types = (
            await db
              .select({ type: events.type })
              .from(events)
              .where(eq(events.subjectId, paymentId))
              .orderBy(events.id)
              .all()
          ).map((e) => e.type);
          assert.deepEqual(
            types,
            applied.refund > 0
              ? ['payment.succeeded', 'payment.applied', 'payment.refund_started', 'payment.reversed']
              : ['payment.succeeded', 'payment.applied', 'payment.reversed'],
          );
          assert.ok(
            (await db.select().from(allocations).where(eq(allocations.paymentId, paymentId)).all()).every(
              (a) => a.reversedAt,
            ),
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('uses credit first: credit used plus money applied is what the invoices lost, and credit never goes below zero', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 300_000 })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 1, max: 500_000 }),
        async (totals, noteCredit, paymentCredit, picks, creditWanted, amount) => {
          const { customerId, ids } = await account(totals.map((total, i) => ({ total, day: i + 1, disputed: false })));
          if (noteCredit > 0) {
            await issueCreditNote(
              db,
              { customerId, number: `CN${run}`, amount: noteCredit, currency: 'USD', issueDate: '2026-11-01' },
              systemActor,
              now,
            );
          }
          if (paymentCredit > 0) {
            await db
              .insert(payments)
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
          await db
            .insert(payments)
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
          const owed = async () => (await balancesOf(ids)).reduce((sum, b) => sum + b.b, 0);
          const credit = () => creditOf(customerId);
          const [owedBefore, creditBefore] = [await owed(), await credit()];

          const applied = (await db.transaction((tx) => applySucceededPayment(tx, paymentId, systemActor, now)))!;
          const usedCredit = applied.credit.reduce((sum, c) => sum + c.amount, 0);
          const allocated = applied.allocations.reduce((sum, a) => sum + a.amount, 0);
          assert.equal(allocated + applied.unapplied + applied.refund, amount, 'the money is all accounted for');
          assert.ok(usedCredit <= creditWanted && usedCredit <= noteCredit + paymentCredit);
          assert.equal(owedBefore - (await owed()), allocated + usedCredit);
          assert.ok((await balancesOf(ids)).every((b) => b.b >= 0));
          assert.equal(await credit(), creditBefore - usedCredit + applied.unapplied);
          const notes = await db.select().from(creditNotes).where(eq(creditNotes.customerId, customerId)).all();
          assert.ok(notes.every((n) => n.unapplied >= 0));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('leaves balances untouched when the payment fails before it succeeds', async () => {
    const { customerId, ids } = await account([{ total: 10_000, day: 1, disputed: false }]);
    await db
      .insert(payments)
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
    const before = await balancesOf(ids);
    assert.equal(await db.transaction((tx) => applySucceededPayment(tx, 'pay_failed', systemActor, now)), null);
    assert.equal(await db.transaction((tx) => reversePayment(tx, 'pay_failed', 'R01', systemActor, now)), false);
    assert.deepEqual(await balancesOf(ids), before);
  });
});
