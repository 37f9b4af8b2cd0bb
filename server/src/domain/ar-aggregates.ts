/**
 * The maintained aggregates of the ledger the staff console reads at scale (tables in
 * `db/schema/aggregates.ts`): each invoice's moves by day, summed by currency × due date × day and by
 * currency × issue day, and one worklist row per customer (`ar-worklist-rows.ts`).
 *
 * Upkeep is one call after any change to an invoice, in the change's transaction:
 * `refreshInvoiceAggregates(tx, invoiceId)` works the invoice's moves out of its rows again, takes off
 * what it contributed before (read back from `ar_invoice_moves`) and adds what it contributes now, then
 * refreshes its customer's worklist row. A change that moves only the worklist (a dispute, a promise
 * judged broken) calls `refreshCustomerAggregates`. Until the aggregates are first built (an
 * installation upgrading: `ar_state` is empty) upkeep does nothing and the first read builds them from
 * the base tables (`ensureMoves`, `ensureWorklist`); moves are built for one time zone and rebuilt when
 * the company's changes, worklist rows for one day and rebuilt on the first read of the next.
 */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  allocations,
  arBalanceDays,
  arInvoiceMoves,
  arSalesDays,
  arState,
  creditNoteAllocations,
  creditNotes,
  invoices,
} from '../db/schema';
import { rebuildWorklistRows, refreshWorklistRows, rollWorklistRows } from './ar-worklist-rows';
import { calendarDate } from './dates';

export { BROKEN_PROMISE_POINTS, CONTACT_DAY_POINTS, CONTACT_DAYS_CAP, OPEN_DISPUTE_POINTS } from './ar-worklist-rows';
export { worklistFigures, type WorklistFigures } from './ar-worklist-rows';

/** `ar_state` keys: the time zone the moves were built for; the day the worklist rows are as of. */
const MOVES_ZONE = 'moves.timeZone';
const WORKLIST_DAY = 'worklist.day';

/** One move of an invoice: `b` its balance, `s` its sale, on a calendar day. */
export interface InvoiceMove {
  invoiceId: string;
  kind: 'b' | 's';
  day: string;
  currency: string;
  dueDate: string;
  amount: number;
}

async function stateOf(db: DbOrTx, key: string): Promise<string | null> {
  const row = await db.select({ value: arState.value }).from(arState).where(eq(arState.key, key)).get();
  return row?.value ?? null;
}

async function setState(db: DbOrTx, key: string, value: string): Promise<void> {
  await db.insert(arState).values({ key, value }).onConflictDoUpdate({ target: arState.key, set: { value } }).run();
}

type InvoiceHead = Pick<typeof invoices.$inferSelect, 'id' | 'currency' | 'dueDate' | 'issueDate' | 'total'>;
type Reduction = { invoiceId: string; amount: number; createdAt: Date; reversedAt: Date | null };

/**
 * The moves of live invoices from their rows, as the overview's past-day balance reads them
 * (metrics/balances.ts `balancesAt`): the total on the issue date; each allocation and credit note
 * allocation off on the day it was made and back on the day it was reversed; each credit note off on
 * its issue date; none before the invoice's issue date (it is not counted before then).
 */
export function movesOf(
  heads: InvoiceHead[],
  reductions: Reduction[],
  notes: { invoiceId: string | null; amount: number; issueDate: string }[],
  timeZone: string,
): InvoiceMove[] {
  const byId = new Map(heads.map((h) => [h.id, h]));
  const sums = new Map<string, InvoiceMove>();
  const add = (head: InvoiceHead, kind: 'b' | 's', day: string, amount: number) => {
    const on = day < head.issueDate ? head.issueDate : day;
    const key = `${head.id}|${kind}|${on}`;
    const move = sums.get(key);
    if (move) move.amount += amount;
    else sums.set(key, { invoiceId: head.id, kind, day: on, currency: head.currency, dueDate: head.dueDate, amount });
  };
  for (const h of heads) {
    add(h, 's', h.issueDate, h.total);
    add(h, 'b', h.issueDate, h.total);
  }
  for (const r of reductions) {
    const head = byId.get(r.invoiceId);
    if (!head) continue;
    add(head, 'b', calendarDate(r.createdAt, timeZone), -r.amount);
    if (r.reversedAt) add(head, 'b', calendarDate(r.reversedAt, timeZone), r.amount);
  }
  for (const n of notes) {
    const head = n.invoiceId ? byId.get(n.invoiceId) : undefined;
    if (head) add(head, 'b', n.issueDate, -n.amount);
  }
  return [...sums.values()].filter((m) => m.amount !== 0);
}

/** The moves of the live invoices among `ids`, from the base tables. */
export async function computeMoves(db: DbOrTx, ids: string[], timeZone: string): Promise<InvoiceMove[]> {
  if (ids.length === 0) return [];
  const heads = await db
    .select({
      id: invoices.id,
      currency: invoices.currency,
      dueDate: invoices.dueDate,
      issueDate: invoices.issueDate,
      total: invoices.total,
    })
    .from(invoices)
    .where(and(inArray(invoices.id, ids), isNull(invoices.voidedAt)))
    .all();
  const live = heads.map((h) => h.id);
  if (live.length === 0) return [];
  const reduction = (t: typeof allocations | typeof creditNoteAllocations) =>
    db
      .select({ invoiceId: t.invoiceId, amount: t.amount, createdAt: t.createdAt, reversedAt: t.reversedAt })
      .from(t)
      .where(inArray(t.invoiceId, live))
      .all();
  const [paid, noted, notes] = await Promise.all([
    reduction(allocations),
    reduction(creditNoteAllocations),
    db
      .select({ invoiceId: creditNotes.invoiceId, amount: creditNotes.amount, issueDate: creditNotes.issueDate })
      .from(creditNotes)
      .where(inArray(creditNotes.invoiceId, live))
      .all(),
  ]);
  return movesOf(heads, [...paid, ...noted], notes, timeZone);
}

/** Adds `amount` to a summary row, creating it at `amount`. */
async function addToSummary(db: DbOrTx, m: Omit<InvoiceMove, 'invoiceId'>): Promise<void> {
  if (m.kind === 'b') {
    await db
      .insert(arBalanceDays)
      .values({ currency: m.currency, dueDate: m.dueDate, day: m.day, amount: m.amount })
      .onConflictDoUpdate({
        target: [arBalanceDays.currency, arBalanceDays.dueDate, arBalanceDays.day],
        set: { amount: sql`${arBalanceDays.amount} + ${m.amount}` },
      })
      .run();
  } else {
    await db
      .insert(arSalesDays)
      .values({ currency: m.currency, day: m.day, amount: m.amount })
      .onConflictDoUpdate({
        target: [arSalesDays.currency, arSalesDays.day],
        set: { amount: sql`${arSalesDays.amount} + ${m.amount}` },
      })
      .run();
  }
}

const summaryKey = (m: Omit<InvoiceMove, 'invoiceId' | 'amount'>) => `${m.kind}|${m.currency}|${m.dueDate}|${m.day}`;

/**
 * After any change to an invoice (its rows, its money, its dates, its voiding, its disputes or
 * promises), in the change's transaction: its moves and its customer's worklist row brought up to date.
 */
export async function refreshInvoiceAggregates(db: DbOrTx, invoiceId: string): Promise<void> {
  const zone = await stateOf(db, MOVES_ZONE);
  if (zone !== null) {
    const before = await db.select().from(arInvoiceMoves).where(eq(arInvoiceMoves.invoiceId, invoiceId)).all();
    const after = await computeMoves(db, [invoiceId], zone);
    const delta = new Map<string, Omit<InvoiceMove, 'invoiceId'>>();
    const put = (m: InvoiceMove, sign: number) => {
      const key = summaryKey(m as InvoiceMove);
      const d = delta.get(key);
      if (d) d.amount += sign * m.amount;
      else
        delta.set(key, { kind: m.kind, currency: m.currency, dueDate: m.dueDate, day: m.day, amount: sign * m.amount });
    };
    for (const m of before) put(m as InvoiceMove, -1);
    for (const m of after) put(m, 1);
    const moved = [...delta.values()].filter((d) => d.amount !== 0);
    for (const d of moved) await addToSummary(db, d);
    // No move changed (keys and amounts the same): its rows stand as they are.
    if (moved.length > 0) {
      await db.delete(arInvoiceMoves).where(eq(arInvoiceMoves.invoiceId, invoiceId)).run();
      if (after.length > 0) await db.insert(arInvoiceMoves).values(after).run();
    }
  }
  const owner = await db
    .select({ customerId: invoices.customerId })
    .from(invoices)
    .where(eq(invoices.id, invoiceId))
    .get();
  if (owner) await refreshCustomerAggregates(db, owner.customerId);
}

/** After a change that moves only a customer's worklist figures (a dispute, a promise broken). */
export async function refreshCustomerAggregates(db: DbOrTx, customerId: string): Promise<void> {
  const day = await stateOf(db, WORKLIST_DAY);
  if (day !== null) await refreshWorklistRows(db, [customerId], day);
}

const CHUNK = 1_000;

/** Rows inserted a few hundred at a time (parameters well under either engine's limit). */
async function insertChunked<T extends object>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Every invoice's moves and the summaries, from the base tables, for `timeZone`: in the caller's transaction. */
export async function rebuildMoves(db: DbOrTx, timeZone: string): Promise<void> {
  await db.delete(arInvoiceMoves).run();
  await db.delete(arBalanceDays).run();
  await db.delete(arSalesDays).run();
  const summary = new Map<string, Omit<InvoiceMove, 'invoiceId'>>();
  let after = '';
  for (;;) {
    const ids = (
      await db
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(gt(invoices.id, after), isNull(invoices.voidedAt)))
        .orderBy(invoices.id)
        .limit(CHUNK)
        .all()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    const moves = await computeMoves(db, ids, timeZone);
    await insertChunked(moves, (chunk) => db.insert(arInvoiceMoves).values(chunk).run());
    for (const m of moves) {
      const key = summaryKey(m);
      const s = summary.get(key);
      if (s) s.amount += m.amount;
      else summary.set(key, { kind: m.kind, currency: m.currency, dueDate: m.dueDate, day: m.day, amount: m.amount });
    }
  }
  const rows = [...summary.values()];
  const balances = rows
    .filter((r) => r.kind === 'b')
    .map(({ currency, dueDate, day, amount }) => ({ currency, dueDate, day, amount }));
  const sales = new Map<string, { currency: string; day: string; amount: number }>();
  for (const r of rows.filter((m) => m.kind === 's')) {
    const key = `${r.currency}|${r.day}`;
    const s = sales.get(key);
    if (s) s.amount += r.amount;
    else sales.set(key, { currency: r.currency, day: r.day, amount: r.amount });
  }
  await insertChunked(balances, (chunk) => db.insert(arBalanceDays).values(chunk).run());
  await insertChunked([...sales.values()], (chunk) => db.insert(arSalesDays).values(chunk).run());
  await setState(db, MOVES_ZONE, timeZone);
}

/** The moves, built for `timeZone` (on the first read after an upgrade, or after the company's zone changed). */
export async function ensureMoves(db: DbOrTx, timeZone: string): Promise<void> {
  if ((await stateOf(db, MOVES_ZONE)) === timeZone) return;
  await db.transaction(async (tx) => {
    if ((await stateOf(tx, MOVES_ZONE)) !== timeZone) await rebuildMoves(tx, timeZone);
  });
}

/**
 * The worklist rows as of `day`: moved to it when they are as of another day (the first read of a new
 * day), built when they never were. A reader paging by a cursor ranked on an earlier day (`back` false)
 * does not move them back: false, and it reads from the base tables.
 */
export async function ensureWorklist(db: DbOrTx, day: string, back = true): Promise<boolean> {
  const built = await stateOf(db, WORKLIST_DAY);
  if (built === day) return true;
  if (!back && built !== null && built > day) return false;
  return db.transaction(async (tx) => {
    const now = await stateOf(tx, WORKLIST_DAY);
    if (!back && now !== null && now > day) return false;
    if (now !== day) {
      // Another day moves only what depends on the day; never built, they are built whole.
      await (now === null ? rebuildWorklistRows(tx, day) : rollWorklistRows(tx, day));
      await setState(tx, WORKLIST_DAY, day);
    }
    return true;
  });
}

/**
 * Both built and current for `timeZone` and `day`: what a server may run once as it starts, so the first
 * staff read after an upgrade does not build them (about two minutes for a million invoices on SQLite,
 * holding the write lock meanwhile).
 */
export async function ensureArAggregates(db: DbOrTx, timeZone: string, day: string): Promise<void> {
  await ensureMoves(db, timeZone);
  await ensureWorklist(db, day);
}

/**
 * After rows were written around the upkeep (a bulk load): the aggregates are marked unbuilt, so the next
 * read builds them again from the base tables.
 */
export async function forgetArAggregates(db: DbOrTx): Promise<void> {
  await db.delete(arState).run();
}
