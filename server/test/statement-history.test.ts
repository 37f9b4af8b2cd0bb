/** Statement arithmetic over random 200-day histories (fast-check): every statement reconciles with the ledger. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Db, DbOrTx } from '../src/db/client';
import { customers, invoices } from '../src/db/schema';
import { accountSummaries } from '../src/domain/invoices/accounts';
import { addDays, startOfDay } from '../src/domain/dates';
import { systemActor } from '../src/domain/events';
import { createInvoice, issueCreditNote, recordSettledPayment } from '../src/domain/ledger/ledger';
import { defaultSettings, type CompanySettings } from '../src/domain/settings';
import { buildStatement } from '../src/domain/invoices/statement';
import { eq, sql } from 'drizzle-orm';
import { openTestDatabase } from './postgres-support';

/** One thing that happens to an account on some day of a 200-day history. */
type Action =
  | { kind: 'invoice'; day: number; hour: number; total: number; terms: number }
  | { kind: 'payment'; day: number; hour: number; amount: number; applyShare: number }
  | { kind: 'credit'; day: number; hour: number; amount: number; onInvoice: boolean }
  | { kind: 'void'; day: number; hour: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('invoice' as const),
    day: fc.integer({ min: 0, max: 199 }),
    hour: fc.integer({ min: 0, max: 23 }),
    total: fc.integer({ min: 1, max: 5_000_000 }),
    terms: fc.constantFrom(0, 15, 30, 45, 60, 90),
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    day: fc.integer({ min: 0, max: 199 }),
    hour: fc.integer({ min: 0, max: 23 }),
    amount: fc.integer({ min: 1, max: 3_000_000 }),
    applyShare: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('credit' as const),
    day: fc.integer({ min: 0, max: 199 }),
    hour: fc.integer({ min: 0, max: 23 }),
    amount: fc.integer({ min: 1, max: 200_000 }),
    onInvoice: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('void' as const),
    day: fc.integer({ min: 0, max: 199 }),
    hour: fc.integer({ min: 0, max: 23 }),
  }),
);

const zones = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC', 'America/Los_Angeles'];
const START = '2026-01-01';

describe('statement arithmetic over random histories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-statement-'));
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Db;
  let run = 0;
  before(async () => {
    database = await openTestDatabase(dir);
    db = database.db;
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Plays the actions through the real ledger, each at its own instant (the company's `hour` on `day`),
   * for a fresh customer; returns the customer id.
   */
  async function play(actions: Action[], company: CompanySettings): Promise<string> {
    const id = `cus_prop${++run}`;
    const now0 = startOfDay(START, company.timeZone);
    await db
      .insert(customers)
      .values({ id, name: `Property ${run}`, currency: 'USD', createdAt: now0, updatedAt: now0 })
      .run();
    const sorted = [...actions].sort((a, b) => a.day - b.day || a.hour - b.hour);
    let n = 0;
    for (const a of sorted) {
      const date = addDays(START, a.day);
      const at = new Date(startOfDay(date, company.timeZone).getTime() + a.hour * 3_600_000);
      const open = (tx: DbOrTx) =>
        tx
          .select({
            id: invoices.id,
            balance: invoices.balance,
            paid: invoices.amountPaid,
            credited: invoices.amountCredited,
          })
          .from(invoices)
          .where(
            sql`${invoices.customerId} = ${id} AND ${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0 AND ${invoices.issueDate} <= ${date}`,
          )
          .orderBy(invoices.dueDate, invoices.id)
          .all();
      await db.transaction(async (tx) => {
        if (a.kind === 'invoice') {
          await createInvoice(
            tx,
            {
              customerId: id,
              number: `P${run}-${++n}`,
              issueDate: date,
              dueDate: addDays(date, a.terms),
              currency: 'USD',
              lines: [{ description: 'Goods', quantityMilli: 1000, unitPrice: a.total }],
            },
            systemActor,
            at,
          );
        } else if (a.kind === 'payment') {
          // Apply a share of the payment oldest-first; the rest stays unapplied credit.
          let toApply = Math.floor(a.amount * a.applyShare);
          const allocations = [];
          for (const inv of await open(tx)) {
            if (toApply <= 0) break;
            const amount = Math.min(inv.balance, toApply);
            allocations.push({ invoiceId: inv.id, amount });
            toApply -= amount;
          }
          await recordSettledPayment(
            tx,
            { customerId: id, currency: 'USD', amount: a.amount, method: 'ach', provider: 'test', allocations },
            systemActor,
            at,
          );
        } else if (a.kind === 'credit') {
          const target = a.onInvoice ? (await open(tx)).find((i) => i.balance >= a.amount) : undefined;
          await issueCreditNote(
            tx,
            {
              customerId: id,
              invoiceId: target?.id ?? null,
              number: `C${run}-${++n}`,
              amount: a.amount,
              currency: 'USD',
              issueDate: date,
            },
            systemActor,
            at,
          );
        } else {
          const untouched = (await open(tx)).find((i) => i.paid === 0 && i.credited === 0);
          if (untouched) await tx.update(invoices).set({ voidedAt: at }).where(eq(invoices.id, untouched.id)).run();
        }
      });
    }
    return id;
  }

  const period = fc
    .tuple(fc.integer({ min: -10, max: 230 }), fc.integer({ min: 0, max: 120 }))
    .map(([start, length]) => ({ from: addDays(START, start), to: addDays(START, start + length) }));

  it('opening + invoiced − paid − credited = closing, and closing = aging − unapplied credit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { maxLength: 40 }),
        period,
        fc.constantFrom(...zones),
        async (actions, { from, to }, timeZone) => {
          const company = { ...defaultSettings, timeZone };
          const s = await buildStatement(db, company, { accountId: await play(actions, company), from, to });
          assert.equal(s.openingBalance + s.totals.invoiced - s.totals.paid - s.totals.credited, s.closingBalance);
          const aging = Object.values(s.aging).reduce((x, y) => x + y, 0);
          assert.equal(s.closingBalance, aging - s.unappliedCredit);
          assert.equal(s.lines.at(-1)?.balance ?? s.openingBalance, s.closingBalance);
          for (const line of s.lines) assert.ok(line.date >= from && line.date <= to, `${line.date} in ${from}..${to}`);
          assert.ok(Object.values(s.aging).every((v) => Number.isSafeInteger(v) && v >= 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("one period's closing balance is the next period's opening balance", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { maxLength: 30 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(...zones),
        async (actions, split, timeZone) => {
          const company = { ...defaultSettings, timeZone };
          const accountId = await play(actions, company);
          const first = await buildStatement(db, company, {
            accountId,
            from: addDays(START, -5),
            to: addDays(START, split),
          });
          const second = await buildStatement(db, company, {
            accountId,
            from: addDays(START, split + 1),
            to: addDays(START, 240),
          });
          assert.equal(first.closingBalance, second.openingBalance);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("ends, after the last event, where the stored balances and the account's credit say", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 40 }), fc.constantFrom(...zones), async (actions, timeZone) => {
        const company = { ...defaultSettings, timeZone };
        const accountId = await play(actions, company);
        const to = addDays(START, 240);
        const s = await buildStatement(db, company, { accountId, from: START, to });
        const [summary] = await accountSummaries(db, [accountId], to);
        assert.equal(
          Object.values(s.aging).reduce((x, y) => x + y, 0),
          summary!.balance,
        );
        assert.equal(s.unappliedCredit, summary!.credit);
        assert.equal(s.openingBalance, 0);
      }),
      { numRuns: 40 },
    );
  });
});
