/**
 * What server/test/ar-aggregates.test.ts runs: random steps on the ledger as the slices make them (their
 * upkeep calls included), and the checks of the maintained aggregates against a recomputation from the
 * base tables.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Db } from '../src/db/client';
import {
  arBalanceDays,
  arInvoiceMoves,
  arSalesDays,
  arWorklist,
  customers,
  disputes,
  invoices,
} from '../src/db/schema';
import {
  computeMoves,
  ensureMoves,
  ensureWorklist,
  refreshCustomerAggregates,
  refreshInvoiceAggregates,
  worklistFigures,
} from '../src/domain/ar-aggregates';
import { addDays, calendarDate, startOfDay } from '../src/domain/dates';
import { systemActor } from '../src/domain/events';
import { createInvoice, issueCreditNote, recordSettledPayment, reversePayment } from '../src/domain/ledger';
import { disputesByAge, salesByMonth } from '../src/domain/metrics/activity';
import { agingOn, disputedOn, disputesByAgeOn, salesByMonthOn } from '../src/domain/metrics/aggregated';
import { openBalances, type Scope } from '../src/domain/metrics/balances';
import type { WorklistInput } from '../src/domain/worklist/common';
import { liveRows } from '../src/domain/worklist/list';
import { rankedRows } from '../src/domain/worklist/ranked';
import { openTestDatabase } from './postgres-support';

export const TZ = 'Pacific/Auckland';
export const START = Date.parse('2026-01-10T08:00:00Z');
export const CUSTOMERS = [
  { id: 'cus_u', currency: 'USD' },
  { id: 'cus_v', currency: 'USD' },
  { id: 'cus_e', currency: 'EUR' },
  { id: 'cus_j', currency: 'JPY' },
] as const;

export type Step =
  | { kind: 'invoice'; customer: number; back: number; terms: number; amount: number }
  | { kind: 'pay' | 'credit' | 'dispute'; invoice: number; pct: number }
  | { kind: 'return' | 'close' | 'void' | 'broken'; target: number }
  | { kind: 'due'; invoice: number; shift: number };

const pick = fc.nat(20);
export const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('invoice' as const),
      customer: fc.nat(CUSTOMERS.length - 1),
      back: fc.nat(40),
      terms: fc.integer({ min: -10, max: 60 }),
      amount: fc.integer({ min: 1, max: 200_000 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('pay' as const, 'credit' as const, 'dispute' as const),
      invoice: pick,
      pct: fc.integer({ min: 1, max: 100 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('return' as const, 'close' as const, 'void' as const, 'broken' as const),
      target: pick,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('due' as const),
      invoice: pick,
      shift: fc.integer({ min: -45, max: 45 }),
    }),
    weight: 1,
  },
);

export interface World {
  invoices: string[];
  payments: string[];
  disputes: string[];
  serial: number;
}

/** One step at `now`, in one transaction, as the slices make it (their upkeep calls included). */
export async function run(db: Db, world: World, s: Step, now: Date): Promise<void> {
  const today = calendarDate(now, TZ);
  const nth = <T>(list: T[], n: number) => (list.length ? list[n % list.length]! : undefined);
  await db.transaction(async (tx) => {
    if (s.kind === 'invoice') {
      const c = CUSTOMERS[s.customer]!;
      const issueDate = addDays(today, -s.back);
      const { id } = await createInvoice(
        tx,
        {
          customerId: c.id,
          number: `N-${++world.serial}`,
          issueDate,
          dueDate: addDays(issueDate, s.terms),
          currency: c.currency,
          lines: [{ description: 'Goods', quantityMilli: 1000, unitPrice: s.amount }],
        },
        systemActor,
        now,
      );
      world.invoices.push(id);
      return;
    }
    if (s.kind === 'return') {
      const payment = nth(world.payments, s.target);
      if (payment) await reversePayment(tx, payment, 'R01', systemActor, now);
      return;
    }
    if (s.kind === 'close') {
      const dispute = nth(world.disputes, s.target);
      if (!dispute) return;
      const row = (await tx.select().from(disputes).where(eq(disputes.id, dispute)).get())!;
      if (row.closedAt) return;
      await tx
        .update(disputes)
        .set({ status: 'rejected', closedAt: now, updatedAt: now })
        .where(eq(disputes.id, dispute))
        .run();
      await refreshCustomerAggregates(tx, row.customerId);
      return;
    }
    const id = nth(world.invoices, 'target' in s ? s.target : s.invoice);
    if (!id) return;
    const inv = (await tx.select().from(invoices).where(eq(invoices.id, id)).get())!;
    const pct = 'pct' in s ? s.pct : 0;
    if (s.kind === 'void') {
      // As the ERP import voids one (domain/erp/invoices.ts), its upkeep call after it.
      if (inv.voidedAt || inv.amountPaid > 0 || inv.amountCredited > 0) return;
      await tx.update(invoices).set({ voidedAt: now, updatedAt: now }).where(eq(invoices.id, id)).run();
      await refreshInvoiceAggregates(tx, id);
    } else if (s.kind === 'due') {
      await tx
        .update(invoices)
        .set({ dueDate: addDays(inv.dueDate, s.shift), updatedAt: now })
        .where(eq(invoices.id, id))
        .run();
      await refreshInvoiceAggregates(tx, id);
    } else if (s.kind === 'broken') {
      await tx
        .update(invoices)
        .set({ promisesBroken: sql`${invoices.promisesBroken} + 1` })
        .where(eq(invoices.id, id))
        .run();
      await refreshCustomerAggregates(tx, inv.customerId);
    } else if (s.kind === 'dispute') {
      // One standing dispute per invoice (disputes_standing_invoice_uq).
      const standing = await tx
        .select({ id: disputes.id })
        .from(disputes)
        .where(and(eq(disputes.invoiceId, id), isNull(disputes.closedAt)))
        .get();
      if (standing) return;
      const disputeId = `dsp_${++world.serial}`;
      await tx
        .insert(disputes)
        .values({
          id: disputeId,
          invoiceId: id,
          customerId: inv.customerId,
          status: pct % 2 ? 'open' : 'under_review',
          amount: Math.max(1, Math.floor((inv.total * pct) / 100)),
          createdAt: now,
          updatedAt: now,
        })
        .run();
      world.disputes.push(disputeId);
      await refreshCustomerAggregates(tx, inv.customerId);
    } else {
      const amount = Math.floor((inv.balance * pct) / 100);
      if (inv.voidedAt || amount <= 0) return;
      const money = { customerId: inv.customerId, currency: inv.currency, amount };
      if (s.kind === 'pay') {
        const payment = await recordSettledPayment(
          tx,
          { ...money, method: 'ach', provider: 't', allocations: [{ invoiceId: id, amount }] },
          systemActor,
          now,
        );
        world.payments.push(payment);
      } else {
        await issueCreditNote(
          tx,
          { ...money, invoiceId: id, number: `CN-${++world.serial}`, issueDate: today },
          systemActor,
          now,
        );
      }
    }
  });
}

export const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

/** The stored aggregates against their recomputation, and the overview's figures against the base-row queries. */
export async function checkMoves(db: Db, days: string[], today: string): Promise<void> {
  const ids = (await db.select({ id: invoices.id }).from(invoices).all()).map((r) => r.id);
  const moves = await computeMoves(db, ids, TZ);
  const stored = await db.select().from(arInvoiceMoves).all();
  assert.deepEqual(sorted(stored), sorted(moves), 'invoice moves');
  const sums = new Map<string, number>();
  for (const m of moves) {
    const key = m.kind === 'b' ? `${m.currency}|${m.dueDate}|${m.day}` : `${m.currency}|${m.day}`;
    sums.set(`${m.kind}|${key}`, (sums.get(`${m.kind}|${key}`) ?? 0) + m.amount);
  }
  const expected = [...sums].filter(([, v]) => v !== 0).map(([k, v]) => `${k}|${v}`);
  const balanceRows = await db.select().from(arBalanceDays).all();
  const salesRows = await db.select().from(arSalesDays).all();
  const actual = [
    ...balanceRows.filter((r) => r.amount !== 0).map((r) => `b|${r.currency}|${r.dueDate}|${r.day}|${r.amount}`),
    ...salesRows.filter((r) => r.amount !== 0).map((r) => `s|${r.currency}|${r.day}|${r.amount}`),
  ];
  assert.deepEqual(actual.sort(), expected.sort(), 'summaries');

  for (const { currency } of CUSTOMERS.slice(1)) {
    const aging = await agingOn(db, currency, days);
    for (const [i, date] of days.entries()) {
      const scope: Scope = { currency, date, end: startOfDay(addDays(date, 1), TZ), today: date === today };
      const base = await openBalances(db, scope);
      const at = `${currency} ${date}`;
      assert.deepEqual(aging[i], base.balances, `aging ${at}`);
      assert.deepEqual(await disputedOn(db, scope, TZ), base.disputed, `disputed ${at}`);
      assert.deepEqual(await disputesByAgeOn(db, scope, TZ), await disputesByAge(db, scope, TZ), `disputes ${at}`);
      const from = addDays(date, -90);
      // A month whose sales add up to nothing may be there or not: both read it as 0.
      const nonzero = (m: Map<string, number>) => [...m].filter(([, v]) => v !== 0);
      const sales = [await salesByMonthOn(db, scope, from), await salesByMonth(db, scope, from)].map(nonzero);
      assert.deepEqual(sales[0], sales[1], `sales ${at}`);
    }
  }
}

const pages: Omit<WorklistInput, 'limit'>[] = [
  {},
  { dispute: 'open' },
  { dispute: 'none' },
  { promise: 'broken' },
  { minPastDue: 5_000 },
];

/** The worklist rows against their recomputation; every page of the maintained rows against the live one. */
export async function checkWorklist(db: Db, day: string, asOf: Date): Promise<void> {
  const stored = (await db.select().from(arWorklist).all()).map(({ day: _day, ...f }) => f);
  assert.deepEqual(sorted(stored), sorted(await worklistFigures(db, day, null)), 'worklist rows');
  for (const filter of pages) {
    let cursor = null;
    for (let page = 0; page < 6; page++) {
      const input = { ...filter, limit: 1 };
      const ranked = await rankedRows(db, null, input, asOf, cursor);
      const live = await liveRows(db, null, input, asOf, day, cursor);
      assert.deepEqual(ranked, live, `worklist page ${page} of ${JSON.stringify(filter)}`);
      const last = ranked[0];
      if (ranked.length < 2 || !last) break;
      cursor = { at: asOf.getTime(), score: last.score, id: last.id };
    }
  }
}

/** Each invoice's stored moves, and the worklist rows as of the day they were built, against a recomputation. */
export async function checkKept(db: Db): Promise<void> {
  const ids = (await db.select({ id: invoices.id }).from(invoices).all()).map((r) => r.id);
  const moves = await computeMoves(db, ids, TZ);
  assert.deepEqual(sorted(await db.select().from(arInvoiceMoves).all()), sorted(moves), 'kept invoice moves');
  const kept = (await db.select({ day: arWorklist.day }).from(arWorklist).limit(1).get())?.day;
  if (!kept) return;
  const stored = (await db.select().from(arWorklist).all()).map(({ day: _day, ...f }) => f);
  assert.deepEqual(sorted(stored), sorted(await worklistFigures(db, kept, null)), 'kept worklist rows');
}

/** A fresh database with the customers, and `steps` run on it (the aggregates built before the one at `buildAt`), then checked. */
export async function scenario(steps: [Step, number][], buildAt: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'portico-aggregates-'));
  const database = await openTestDatabase(dir);
  try {
    const db = database.db;
    const at = new Date(START);
    await db
      .insert(customers)
      .values(CUSTOMERS.map((c) => ({ ...c, name: c.id, createdAt: at, updatedAt: at })))
      .run();
    const world: World = { invoices: [], payments: [], disputes: [], serial: 0 };
    const build = async () => {
      await ensureMoves(db, TZ);
      await ensureWorklist(db, calendarDate(at, TZ));
    };
    let built = false;
    for (const [i, [s, hours]] of steps.entries()) {
      if (i === buildAt) await build().then(() => (built = true));
      at.setTime(at.getTime() + hours * 3_600_000);
      await run(db, world, s, at);
      // Kept step by step: a change's upkeep is not left for a later change of the same invoice to mend.
      if (built) await checkKept(db);
    }
    if (!built) await build();
    const today = calendarDate(at, TZ);
    const first = calendarDate(new Date(START), TZ);
    const days = [addDays(first, -45), addDays(first, -1), first, addDays(first, 3)];
    for (let d = addDays(first, 7); d < today; d = addDays(d, 9)) days.push(d);
    days.push(today);
    await checkKept(db);
    await checkMoves(db, days, today);
    const next = new Date(at.getTime() + 86_400_000);
    assert.equal(await ensureWorklist(db, calendarDate(next, TZ)), true);
    await checkWorklist(db, calendarDate(next, TZ), next);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
