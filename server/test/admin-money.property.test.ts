/**
 * The staff money actions' invariants over random sequences (issue 13): portal payments applied by the
 * ledger, offline payments, credit notes, credit applications and refunds on a few invoices, through the
 * domain functions on a real database of the run's engine. After every step: no invoice balance below 0
 * or above its total; each invoice's paid and credited totals equal the rows beneath them (nothing is
 * applied twice); per payment, cash applied + its unapplied credit + refunded = what it received; each
 * loose credit note's unapplied plus what it paid equals its amount; the customer's unapplied credit is
 * the sum of its payments' and credit notes' unapplied.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { newId } from '../src/crypto';
import { allocations, creditNoteAllocations, creditNotes, customers, invoices, payments } from '../src/db/schema';
import { addDays, calendarDate } from '../src/domain/dates';
import { DomainError } from '../src/domain/errors';
import { systemActor } from '../src/domain/events';
import { unappliedCredit } from '../src/domain/invoices';
import { applySucceededPayment, createInvoice } from '../src/domain/ledger';
import { putSettings } from '../src/domain/settings';
import {
  applyCredit,
  issueStaffCreditNote,
  type MoneyActing,
  recordOfflinePayment,
  refundPayment,
} from '../src/domain/staff-money';
import { startTestServer, type TestServer } from './helpers';

let t: TestServer;
const INVOICES = 3;
const TOTALS = [10_000, 25_000, 7_500];
const by: MoneyActing = { staffUserId: 'stf_collector', email: 'collector@acme.test', name: 'Casey', requestId: null };

type Step =
  | { kind: 'portal'; picks: [number, number][]; extra: number; rest: boolean; keep: boolean }
  | { kind: 'offline'; amount: number; picks: [number, number][] }
  | { kind: 'note'; invoice: number | null; amount: number }
  | { kind: 'apply'; invoice: number; amount: number }
  | { kind: 'refund'; payment: number; amount: number | null };

const amount = fc.integer({ min: 1, max: 30_000 });
const picks = fc.uniqueArray(fc.tuple(fc.nat(INVOICES - 1), fc.integer({ min: 1, max: 8_000 })), {
  selector: (p) => p[0],
  maxLength: INVOICES,
});
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('portal' as const),
    picks,
    extra: fc.nat(5_000),
    rest: fc.boolean(),
    keep: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('offline' as const), amount, picks }),
  fc.record({
    kind: fc.constant('note' as const),
    invoice: fc.option(fc.nat(INVOICES - 1), { nil: null, freq: 2 }),
    amount: fc.integer({ min: 1, max: 12_000 }),
  }),
  fc.record({
    kind: fc.constant('apply' as const),
    invoice: fc.nat(INVOICES - 1),
    amount: fc.integer({ min: 1, max: 2_000 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    payment: fc.nat(20),
    amount: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
  }),
);

let run = 0;

/** A portal payment as the provider's success applies it: recorded pending, then the ledger's cash application. */
async function portalPayment(customerId: string, ids: string[], s: Extract<Step, { kind: 'portal' }>): Promise<string> {
  const asks = s.picks.map(([i, a]) => ({ invoiceId: ids[i]!, amount: a }));
  const total = asks.reduce((sum, a) => sum + a.amount, 0) + s.extra;
  const id = newId('pay');
  const now = t.clock.now();
  await t.db.transaction(async (tx) => {
    await tx
      .insert(payments)
      .values({
        id,
        customerId,
        amount: Math.max(total, 1),
        currency: 'USD',
        method: 'card',
        provider: 'sandbox',
        providerRef: `sbx_${id}`,
        status: 'pending',
        requestedAllocations: asks,
        allowOverpayment: s.keep,
        applyRestToOldest: s.rest,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    await applySucceededPayment(tx, id, systemActor, now);
  });
  return id;
}

async function checkInvariants(customerId: string): Promise<void> {
  const rows = await t.db.select().from(invoices).where(eq(invoices.customerId, customerId)).all();
  for (const inv of rows) {
    assert.ok(inv.balance >= 0 && inv.balance <= inv.total, `${inv.number} balance ${inv.balance} of ${inv.total}`);
    assert.equal(inv.balance, inv.total - inv.amountPaid - inv.amountCredited, `${inv.number} totals`);
    const paid = await t.db
      .select({ s: sql<number>`coalesce(sum(${allocations.amount}), 0)`.mapWith(Number) })
      .from(allocations)
      .where(and(eq(allocations.invoiceId, inv.id), isNull(allocations.reversedAt)))
      .get();
    assert.equal(inv.amountPaid, paid!.s, `${inv.number} paid = its allocations`);
    const direct = await t.db
      .select({ s: sql<number>`coalesce(sum(${creditNotes.amount}), 0)`.mapWith(Number) })
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, inv.id))
      .get();
    const viaNotes = await t.db
      .select({ s: sql<number>`coalesce(sum(${creditNoteAllocations.amount}), 0)`.mapWith(Number) })
      .from(creditNoteAllocations)
      .where(and(eq(creditNoteAllocations.invoiceId, inv.id), isNull(creditNoteAllocations.reversedAt)))
      .get();
    assert.equal(inv.amountCredited, direct!.s + viaNotes!.s, `${inv.number} credited = its credit notes`);
  }
  let paymentCredit = 0;
  for (const p of await t.db.select().from(payments).where(eq(payments.customerId, customerId)).all()) {
    const applied = await t.db
      .select({ s: sql<number>`coalesce(sum(${allocations.amount}), 0)`.mapWith(Number) })
      .from(allocations)
      .where(and(eq(allocations.paymentId, p.id), isNull(allocations.reversedAt)))
      .get();
    assert.equal(p.surcharge, 0);
    assert.equal(applied!.s + p.unapplied + p.refunded, p.amount, `payment ${p.id}: applied + credit + refunded`);
    assert.ok(p.unapplied >= 0 && p.refunded >= 0);
    if (p.unapplied > 0) assert.equal(p.status, 'succeeded', 'only a succeeded payment holds credit');
    paymentCredit += p.unapplied;
  }
  let noteCredit = 0;
  for (const n of await t.db.select().from(creditNotes).where(eq(creditNotes.customerId, customerId)).all()) {
    const spent = await t.db
      .select({ s: sql<number>`coalesce(sum(${creditNoteAllocations.amount}), 0)`.mapWith(Number) })
      .from(creditNoteAllocations)
      .where(and(eq(creditNoteAllocations.creditNoteId, n.id), isNull(creditNoteAllocations.reversedAt)))
      .get();
    if (n.invoiceId) assert.equal(n.unapplied, 0);
    else assert.equal(n.unapplied + spent!.s, n.amount, `credit note ${n.number}`);
    noteCredit += n.unapplied;
  }
  const credit = (await unappliedCredit(t.db, [customerId])).get(customerId) ?? 0;
  assert.equal(credit, paymentCredit + noteCredit, 'unapplied credit = payments’ + credit notes’');
}

before(async () => {
  t = await startTestServer();
  await putSettings(t.db, { surchargeRateBp: 0 }, t.clock.now());
});
after(() => t.close());

it('keeps balances, credit and refunds adding up over random staff and portal money', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
      run += 1;
      const customerId = `cus_prop${run}`;
      const now = t.clock.now();
      const today = calendarDate(now, 'America/New_York');
      await t.db
        .insert(customers)
        .values({ id: customerId, name: `Prop ${run}`, currency: 'USD', createdAt: now, updatedAt: now })
        .run();
      const ids: string[] = [];
      for (let i = 0; i < INVOICES; i++) {
        const made = await t.db.transaction((tx) =>
          createInvoice(
            tx,
            {
              customerId,
              number: `P${run}-${i}`,
              issueDate: addDays(today, -40 + i),
              dueDate: addDays(today, -10 + i * 5),
              currency: 'USD',
              lines: [{ description: 'Goods', quantityMilli: 1000, unitPrice: TOTALS[i]! }],
            },
            systemActor,
            now,
          ),
        );
        ids.push(made.id);
      }
      const made: string[] = [];
      for (const s of steps) {
        try {
          if (s.kind === 'portal') {
            made.push(await portalPayment(customerId, ids, s));
          } else if (s.kind === 'offline') {
            const allocations = s.picks.map(([i, a]) => ({ invoiceId: ids[i]!, amount: a }));
            const result = await recordOfflinePayment(
              t.deps,
              customerId,
              { method: 'cheque', amount: s.amount, currency: 'USD', receivedOn: today, allocations },
              newId('key'),
              by,
            );
            made.push(result.row.id);
          } else if (s.kind === 'note') {
            const invoiceId = s.invoice === null ? null : ids[s.invoice]!;
            await issueStaffCreditNote(
              t.deps,
              customerId,
              { invoiceId, amount: s.amount, currency: 'USD', reason: 'P' },
              by,
            );
          } else if (s.kind === 'apply') {
            const allocations = [{ invoiceId: ids[s.invoice]!, amount: s.amount }];
            await applyCredit(t.deps, customerId, { currency: 'USD', allocations }, by);
          } else if (made.length > 0) {
            const paymentId = made[s.payment % made.length]!;
            await refundPayment(t.deps, paymentId, { reason: 'P', ...(s.amount ? { amount: s.amount } : {}) }, by);
          }
        } catch (err) {
          // A refusal is an answer (a balance too small, not enough credit); anything else is a bug.
          if (!(err instanceof DomainError)) throw err;
        }
        await checkInvariants(customerId);
      }
    }),
    { numRuns: Number(process.env.FC_RUNS ?? (t.engine === 'postgres' ? 10 : 40)) },
  );
});
