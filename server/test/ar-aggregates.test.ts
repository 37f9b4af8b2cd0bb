/**
 * Property: the staff console's maintained aggregates (domain/ar-aggregates.ts) equal a full
 * recomputation from the base tables after random sequences of invoices (three currencies, due dates
 * either side of the issue date's month), payments applied in part or whole, bank returns, credit notes,
 * disputes opened and closed, due dates moved, invoices voided and promises broken, on whichever engine
 * the run uses, with the aggregates built before the first change (kept by the upkeep alone) or after
 * some (the backfill of an installation upgrading, then kept). Checked each time:
 *   - after every step, every invoice's stored moves and the worklist rows (so a change whose upkeep is
 *     missing fails there, not mended by a later change of the same invoice);
 *   - every invoice's moves, and the sums by currency × due date × day and by currency × day;
 *   - the overview's figures from them (aging and its disputed part at many past days' ends and today,
 *     sales by month, disputes by age) equal the queries over the base rows (metrics/balances.ts,
 *     activity.ts);
 *   - the worklist rows equal the figures worked out for every customer again, and after the day
 *     turns, every page the maintained rows give (filters, small pages by cursor) equals the page
 *     ranked from the base tables.
 * Also: the worklist rows moved to a new day (and back) by a first page, and a cursor of an earlier day
 * read from the base tables. Steps and checks are in ar-aggregates-support.ts.
 * `FC_SEED=… FC_PATH=…` replays a failure; `FC_RUNS` sets the number of runs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { arWorklist, customers } from '../src/db/schema';
import { ensureArAggregates } from '../src/domain/ar-aggregates';
import { calendarDate } from '../src/domain/dates';
import { listWorklist, liveRows } from '../src/domain/worklist/list';
import {
  checkWorklist,
  CUSTOMERS,
  run,
  scenario,
  START,
  step,
  TZ,
  type Step,
  type World,
} from './ar-aggregates-support';
import { openTestDatabase } from './postgres-support';

describe('the staff console aggregates', () => {
  it('follow a credit note, and a payment applied then returned two days later', async () => {
    const invoice: Step = { kind: 'invoice', customer: 2, back: 3, terms: 30, amount: 50_000 };
    await scenario(
      [
        [invoice, 0],
        [{ kind: 'credit', invoice: 0, pct: 10 }, 30],
        [{ kind: 'pay', invoice: 0, pct: 60 }, 30],
        [{ kind: 'return', target: 0 }, 50],
      ],
      0,
    );
  });

  it('move the worklist rows to a new day, and leave a cursor of an earlier day to the base tables', async () => {
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
      await ensureArAggregates(db, TZ, calendarDate(at, TZ));
      // Due today, tomorrow and the day after: each day moves one into past due.
      for (const [customer, terms] of [0, 1, 2, 3].map((c) => [c, 10 + c] as const))
        await run(db, world, { kind: 'invoice', customer, back: 10, terms, amount: 10_000 * (customer + 1) }, at);
      const dayOf = async () => (await db.select({ day: arWorklist.day }).from(arWorklist).limit(1).get())?.day;
      const first = await listWorklist(db, null, { limit: 2 }, at, TZ);
      assert.equal(await dayOf(), calendarDate(at, TZ));
      const later = new Date(START + 2 * 86_400_000);
      const moved = await listWorklist(db, null, { limit: 2 }, later, TZ);
      assert.equal(await dayOf(), calendarDate(later, TZ));
      const live = await liveRows(db, null, { limit: 2 }, later, calendarDate(later, TZ), null);
      assert.deepEqual(
        moved.items.map((r) => [r.id, r.pastDue, r.score]),
        live.slice(0, 2).map((r) => [r.id, r.pastDue, r.score]),
      );
      // The first page's cursor still pages as of its own instant, read from the base tables.
      const next = await listWorklist(db, null, { limit: 2, cursor: first.nextCursor! }, later, TZ);
      assert.equal(await dayOf(), calendarDate(later, TZ));
      const [, last] = first.items;
      const expected = await liveRows(db, null, { limit: 2 }, at, calendarDate(at, TZ), {
        at: at.getTime(),
        score: last!.score,
        id: last!.id,
      });
      assert.deepEqual(
        next.items.map((r) => r.id),
        expected.slice(0, 2).map((r) => r.id),
      );
      // A first page of an earlier day (the company's time zone moved west) moves the rows back.
      await listWorklist(db, null, { limit: 2 }, at, TZ);
      assert.equal(await dayOf(), calendarDate(at, TZ));
      await checkWorklist(db, calendarDate(at, TZ), at);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('equal a full recomputation after any mix of changes, built before them or part way through', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 30 }),
        fc.nat(30),
        (steps, buildAt) => scenario(steps, buildAt),
      ),
      {
        numRuns: Number(process.env.FC_RUNS ?? 30),
        seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
        path: process.env.FC_PATH,
        includeErrorInReport: true,
      },
    );
  });
});
