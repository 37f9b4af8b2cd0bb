/**
 * The staff console's overview (GET /admin/overview): its formulas on their own, then every figure on a
 * small fixed ledger worked out by hand, in a company time zone whose today is not UTC's, then the route.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { AdminOverview } from '../src/contract';
import { customers, disputes, invoices, payments, promises } from '../src/db/schema';
import { addDays, startOfDay } from '../src/domain/dates';
import { systemActor } from '../src/domain/events';
import { createInvoice, issueCreditNote, recordSettledPayment } from '../src/domain/ledger';
import { buildOverview } from '../src/domain/metrics';
import { collectionEffectiveness, countback, monthOf } from '../src/domain/metrics/arithmetic';
import { openBalances } from '../src/domain/metrics/balances';
import { defaultSettings } from '../src/domain/settings';
import { errorCode, startTestServer, type TestServer } from './helpers';
import { openTestDatabase } from './postgres-support';
import { STAFF, staffWorld, VICTIM } from './route-matrix-world';

describe('countback DSO', () => {
  const month = (sales: number, days: number) => ({ sales, days });

  it('is 0 days with no AR, and null with AR but no credit sales to measure it by', () => {
    assert.deepEqual(countback(0, [month(0, 31)]), { days: 0, capped: false });
    assert.deepEqual(countback(500, [month(0, 31), month(0, 30)]), { days: null, capped: false });
  });

  it('takes a share of the one month whose sales exceed the AR', () => {
    // 250 of 1,000 sold over 20 days: a quarter of the 20 days.
    assert.deepEqual(countback(250, [month(1_000, 20)]), { days: 5, capped: false });
  });

  it('walks whole months while the AR covers them, past months with no sales, then a share of the next', () => {
    // 1,000 − 400 (10 days) = 600; − 0 (30 days) = 600; 600 < 1,200: + 600 ÷ 1,200 × 31 = 15.5 → 55.5.
    assert.deepEqual(countback(1_000, [month(400, 10), month(0, 30), month(1_200, 31)]), {
      days: 55.5,
      capped: false,
    });
    // Exactly the month's sales: its whole days, and the walk ends there.
    assert.deepEqual(countback(400, [month(400, 10), month(1_200, 31)]), { days: 10, capped: false });
  });

  it('stops at the months given when the AR outlasts them, and says so', () => {
    const year = Array.from({ length: 12 }, () => month(100, 30));
    assert.deepEqual(countback(5_000, year), { days: 360, capped: true });
  });
});

describe('CEI', () => {
  it('divides the sales by N, the months of the period', () => {
    // (100 + 650 ÷ 3 − 300) ÷ (100 + 650 ÷ 3 − 150) × 100 = 16.67 ÷ 166.67 × 100 = 10.0.
    const input = { beginningTotal: 100, sales: 650, months: 3, endingTotal: 300, endingCurrent: 150 };
    assert.equal(collectionEffectiveness(input), 10);
    // Without the ÷ N it would read (750 − 300) ÷ (750 − 150) = 75.0: the pitfall RESEARCH.md names.
    assert.equal(collectionEffectiveness({ ...input, months: 1 }), 75);
  });

  it('is null when nothing was collectable', () => {
    const input = { beginningTotal: 0, sales: 0, months: 1, endingTotal: 0, endingCurrent: 0 };
    assert.equal(collectionEffectiveness(input), null);
  });
});

describe('calendar months', () => {
  it('steps back across years and knows each month’s end', () => {
    assert.deepEqual(monthOf('2026-03-11', 3), { month: '2025-12', first: '2025-12-01', next: '2026-01-01' });
    assert.deepEqual(monthOf('2024-02-29'), { month: '2024-02', first: '2024-02-01', next: '2024-03-01' });
  });
});

/**
 * The fixed ledger. Today is 2026-03-11 in Auckland (11:00 UTC on 2026-03-10 is midnight there, NZDT
 * +13); instants written at 00:00 UTC fall at 13:00 the same day in Auckland.
 *
 * USD (the company's currency), the aging edges: one invoice per days past due on 2026-03-11.
 * EUR, the metrics (all open balances as they stood at each day's end):
 *   N1 issued 2025-11-15 due 12-15 100,000; paid 2025-12-20.
 *   D1 issued 2025-12-10 due 01-09 200,000; 120,000 paid 01-25; 80,000 paid 2026-02-28T12:00Z (Auckland 03-01).
 *   J1 issued 2026-01-20 due 02-19 300,000; credit note 30,000 on 02-10; 200,000 paid 02-25.
 *   F1 issued 2026-02-05 due 03-07 150,000.   M1 issued 2026-03-02 due 04-01 50,000.
 *   V1 issued 2026-01-05 900,000, void: left out everywhere.
 *   Sales: Nov 100,000, Dec 200,000, Jan 300,000, Feb 150,000, Mar 50,000.
 *   AR at the end of 11-30: N1 100,000 (current).            Total 100,000, current 100,000.
 *              end of 12-31: D1 200,000 (current).            Total 200,000, current 200,000.
 *              end of 01-31: D1 80,000 (late), J1 300,000.    Total 380,000, current 300,000.
 *              end of 02-28: D1 80,000, J1 70,000, F1 150,000. Total 300,000, current 150,000.
 *              today 03-11:  J1 70,000 (20 days), F1 150,000 (4 days), M1 50,000 (current). Total 270,000.
 *   CEI Dec: (100,000 + 200,000 − 200,000) ÷ (100,000 + 200,000 − 200,000) = 100.0
 *       Jan: (200,000 + 300,000 − 380,000) ÷ (500,000 − 300,000) = 120,000 ÷ 200,000 = 60.0
 *       Feb: (380,000 + 150,000 − 300,000) ÷ (530,000 − 150,000) = 230,000 ÷ 380,000 = 60.526… → 60.5
 *       three months, N = 3: (100,000 + 650,000 ÷ 3 − 300,000) ÷ (316,666.67 − 150,000) = 16,666.67 ÷ 166,666.67 = 10.0
 *   DSO: 270,000 − Mar 50,000 (11 days) = 220,000 − Feb 150,000 (28 days) = 70,000 < Jan 300,000:
 *        11 + 28 + 70,000 ÷ 300,000 × 31 = 46.233… → 46.2
 *   Best possible DSO: current 50,000 − Mar 50,000 = 0 after 11 days → 11.0.   ADD = 46.233 − 11 = 35.2
 *   Cash this month (from 03-01 in Auckland): D1's 82,000 less its 2,000 surcharge = 80,000; February: 200,000.
 */
describe('the overview of a fixed ledger', () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const now = new Date('2026-03-10T11:00:00Z');
  const auckland = { ...defaultSettings, timeZone: 'Pacific/Auckland', currency: 'USD' };
  const at = (date: string, time = '00:00:00') => new Date(`${date}T${time}Z`);
  let ids: Record<string, string> = {};

  const invoice = async (number: string, currency: string, issueDate: string, dueDate: string, amount: number) => {
    const db = database.db;
    const { id } = await createInvoice(
      db,
      {
        customerId: `cus_${currency.toLowerCase()}`,
        number,
        issueDate,
        dueDate,
        currency,
        lines: [{ description: number, quantityMilli: 1000, unitPrice: amount }],
      },
      systemActor,
      at(issueDate),
    );
    ids[number] = id;
  };
  const pay = (invoice: string, amount: number, when: Date, paid = amount) =>
    recordSettledPayment(
      database.db,
      {
        customerId: 'cus_eur',
        currency: 'EUR',
        amount: paid,
        method: 'card',
        provider: 't',
        allocations: [{ invoiceId: ids[invoice]!, amount }],
      },
      systemActor,
      when,
    );
  const dispute = (
    id: string,
    invoice: string,
    status: 'open' | 'under_review' | 'resolved',
    amount: number,
    opened: Date,
  ) =>
    database.db
      .insert(disputes)
      .values({
        id,
        invoiceId: ids[invoice]!,
        customerId: 'cus_eur',
        status,
        amount,
        createdAt: opened,
        updatedAt: opened,
        closedAt: status === 'resolved' ? at('2026-03-10', '00:00:00') : null,
      })
      .run();
  const promise = (
    id: string,
    status: 'open' | 'broken' | 'kept',
    promisedDate: string,
    amount: number,
    decided?: Date,
  ) =>
    database.db
      .insert(promises)
      .values({
        id,
        customerId: 'cus_eur',
        amount,
        currency: 'EUR',
        promisedDate,
        deadlineDate: promisedDate,
        deadline: startOfDay(addDays(promisedDate, 1), 'Pacific/Auckland'),
        status,
        decidedAt: decided ?? null,
        createdAt: at('2026-01-01'),
        updatedAt: at('2026-01-01'),
      })
      .run();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-overview-'));
    database = await openTestDatabase(dir);
    const db = database.db;
    ids = {};
    for (const currency of ['USD', 'EUR'])
      await db
        .insert(customers)
        .values({ id: `cus_${currency.toLowerCase()}`, name: currency, currency, createdAt: now, updatedAt: now })
        .run();
    // Days past due on 2026-03-11: 0, 1, 30, 31, 60, 61, 90, 91.
    const edges: [string, number][] = [
      ['2026-03-11', 10_000],
      ['2026-03-10', 20_000],
      ['2026-02-09', 40_000],
      ['2026-02-08', 80_000],
      ['2026-01-10', 160_000],
      ['2026-01-09', 320_000],
      ['2025-12-11', 640_000],
      ['2025-12-10', 1_280_000],
    ];
    for (const [due, amount] of edges) await invoice(`U-${due}`, 'USD', '2025-11-01', due, amount);

    await invoice('N1', 'EUR', '2025-11-15', '2025-12-15', 100_000);
    await invoice('D1', 'EUR', '2025-12-10', '2026-01-09', 200_000);
    await invoice('V1', 'EUR', '2026-01-05', '2026-02-04', 900_000);
    await db
      .update(invoices)
      .set({ voidedAt: at('2026-01-06') })
      .where(eq(invoices.id, ids.V1!))
      .run();
    await invoice('J1', 'EUR', '2026-01-20', '2026-02-19', 300_000);
    await invoice('F1', 'EUR', '2026-02-05', '2026-03-07', 150_000);
    await invoice('M1', 'EUR', '2026-03-02', '2026-04-01', 50_000);
    await pay('N1', 100_000, at('2025-12-20'));
    await pay('D1', 120_000, at('2026-01-25'));
    const creditNote = { customerId: 'cus_eur', currency: 'EUR', amount: 30_000 };
    await issueCreditNote(
      db,
      { ...creditNote, invoiceId: ids.J1!, number: 'CN-1', issueDate: '2026-02-10' },
      systemActor,
      at('2026-02-10'),
    );
    await pay('J1', 200_000, at('2026-02-25'));
    // 01:00 on March 1 in Auckland, still February in UTC; 2,000 of it a surcharge.
    const surcharged = await pay('D1', 80_000, at('2026-02-28', '12:00:00'), 82_000);
    await db.update(payments).set({ surcharge: 2_000, unapplied: 0 }).where(eq(payments.id, surcharged)).run();
    // Loose credit: the customer's, on no invoice.
    await issueCreditNote(
      db,
      { ...creditNote, amount: 5_000, number: 'CN-2', issueDate: '2026-03-03' },
      systemActor,
      now,
    );

    // Days open on 2026-03-11 in Auckland: 3, 8 (23:30 there on 03-03), 38; one resolved.
    await dispute('dsp_f1', 'F1', 'open', 20_000, at('2026-03-08'));
    await dispute('dsp_m1', 'M1', 'open', 10_000, at('2026-03-03', '10:30:00'));
    await dispute('dsp_j1', 'J1', 'under_review', 100_000, at('2026-02-01'));
    await dispute('dsp_n1', 'N1', 'resolved', 5_000, at('2026-03-09'));

    await promise('prm_today', 'open', '2026-03-11', 10_000);
    await promise('prm_sixth', 'open', '2026-03-17', 20_000);
    await promise('prm_seventh', 'open', '2026-03-18', 40_000);
    await promise('prm_broken', 'broken', '2026-02-08', 5_000, at('2026-02-10'));
    await promise('prm_old', 'broken', '2026-02-07', 7_000, at('2026-02-09'));
    await promise('prm_kept', 'kept', '2026-03-01', 9_000, at('2026-03-02'));
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ages USD balances at the bucket edges by the day in Auckland', async () => {
    const o = await buildOverview(database.db, auckland, now, {});
    assert.equal(o.asOf, '2026-03-11');
    assert.equal(o.currency, 'USD');
    assert.deepEqual(o.aging.balances, {
      current: 10_000,
      days1to30: 20_000 + 40_000,
      days31to60: 80_000 + 160_000,
      days61to90: 320_000 + 640_000,
      over90: 1_280_000,
    });
    assert.equal(o.aging.total, 2_550_000);
  });

  it('moves every edge a bucket down where today is still March 10 (UTC)', async () => {
    const o = await buildOverview(database.db, { ...auckland, timeZone: 'UTC' }, now, {});
    assert.equal(o.asOf, '2026-03-10');
    assert.deepEqual(o.aging.balances, {
      current: 10_000 + 20_000,
      days1to30: 40_000 + 80_000,
      days31to60: 160_000 + 320_000,
      days61to90: 640_000 + 1_280_000,
      over90: 0,
    });
  });

  it('works out every EUR figure as computed by hand, the void invoice and USD left out', async () => {
    const o = await buildOverview(database.db, auckland, now, { currency: 'EUR' });
    assert.deepEqual(o.aging, {
      balances: { current: 50_000, days1to30: 70_000 + 150_000, days31to60: 0, days61to90: 0, over90: 0 },
      total: 270_000,
      // F1's 20,000 and J1's 100,000 capped at its 70,000 balance are 1–30 days late; M1's 10,000 is current.
      disputed: { current: 10_000, days1to30: 90_000, days31to60: 0, days61to90: 0, over90: 0 },
      disputedTotal: 100_000,
      unappliedCredit: 5_000,
    });
    assert.deepEqual(o.metrics, {
      dso: { days: 46.2, capped: false },
      bestPossibleDso: { days: 11, capped: false },
      averageDaysDelinquent: 35.2,
      ceiMonths: [
        { month: '2025-12', percent: 100 },
        { month: '2026-01', percent: 60 },
        { month: '2026-02', percent: 60.5 },
      ],
      ceiThreeMonths: 10,
    });
    assert.deepEqual(o.cash, { thisMonth: 80_000, lastMonth: 200_000 });
    assert.deepEqual(o.promises, {
      dueThisWeek: { count: 2, amount: 30_000 },
      brokenLast30Days: { count: 1, amount: 5_000 },
    });
    assert.deepEqual(o.disputes, {
      days0to7: { count: 1, amount: 20_000 },
      days8to30: { count: 1, amount: 10_000 },
      over30: { count: 1, amount: 70_000 },
    });
  });

  it('finds today’s stored balances equal to a recomputation from the ledger’s rows', async () => {
    for (const currency of ['USD', 'EUR']) {
      const end = startOfDay('2026-03-12', 'Pacific/Auckland');
      const scope = { currency, date: '2026-03-11', end };
      const stored = await openBalances(database.db, { ...scope, today: true });
      const recomputed = await openBalances(database.db, { ...scope, today: false });
      assert.deepEqual(recomputed, stored, currency);
    }
  });

  it('answers as of an earlier day from the rows standing then', async () => {
    const o = await buildOverview(database.db, auckland, now, { currency: 'EUR', asOf: '2026-02-28' });
    // D1 80,000 (50 days late), J1 70,000 (9 days), F1 150,000 (current); J1's dispute was under review.
    assert.deepEqual(o.aging.balances, {
      current: 150_000,
      days1to30: 70_000,
      days31to60: 80_000,
      days61to90: 0,
      over90: 0,
    });
    assert.deepEqual(o.aging.disputed, { current: 0, days1to30: 70_000, days31to60: 0, days61to90: 0, over90: 0 });
    assert.equal(o.aging.unappliedCredit, 0);
    assert.deepEqual(o.cash, { thisMonth: 200_000, lastMonth: 120_000 });
    // Open then: the promise kept on 03-02, due 03-01; broken from 01-30 through 02-28: both broken ones.
    assert.deepEqual(o.promises, {
      dueThisWeek: { count: 1, amount: 9_000 },
      brokenLast30Days: { count: 2, amount: 12_000 },
    });
    // Standing then: J1's, open 27 days, capped at J1's 70,000.
    assert.deepEqual(o.disputes, {
      days0to7: { count: 0, amount: 0 },
      days8to30: { count: 1, amount: 70_000 },
      over30: { count: 0, amount: 0 },
    });
  });
});

describe('GET /admin/overview', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('is read by every staff role, a viewer included, and refused to customers and deactivated staff', async () => {
    const staff = await staffWorld(t);
    for (const token of [await t.signIn(STAFF, 'staff'), staff.collector, staff.viewer]) {
      const res = await t.call('GET', '/admin/overview', { token });
      assert.equal(res.status, 200);
      const body = (await res.json()) as AdminOverview;
      assert.equal(body.currency, 'USD');
      assert.deepEqual(body.currencies, ['EUR', 'USD'], 'Lumière is billed in euros');
      assert.ok(body.aging.total > 0, 'the demo has open invoices');
    }
    const customer = await t.signIn(VICTIM.email);
    assert.equal((await t.call('GET', '/admin/overview', { token: customer })).status, 403);
    assert.equal((await t.call('GET', '/admin/overview', { token: staff.deactivated })).status, 401);
  });

  it('refuses a day after today and a malformed one', async () => {
    const token = await t.signIn('ar@acme.test', 'staff');
    for (const asOf of ['2099-01-01', '2026-02-30', 'today']) {
      const res = await t.call('GET', `/admin/overview?asOf=${asOf}`, { token });
      assert.equal(res.status, 400, asOf);
      assert.equal(await errorCode(res), 'invalid_request');
    }
  });
});
