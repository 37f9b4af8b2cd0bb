import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { PDFParse } from 'pdf-parse';
import type { Statement } from '../src/contract';
import { openDatabase } from '../src/db/client';
import { customers, invoices } from '../src/db/schema';
import { accountSummaries } from '../src/domain/invoices/accounts';
import { addDays, calendarDate, startOfDay } from '../src/domain/dates';
import { receiptNumber } from '../src/domain/payments';
import { systemActor } from '../src/domain/events';
import { createInvoice, issueCreditNote, recordSettledPayment } from '../src/domain/ledger/ledger';
import { defaultSettings, type CompanySettings } from '../src/domain/settings';
import { agingBucket, buildStatement } from '../src/domain/invoices/statement';
import { errorCode, startTestServer, type TestServer } from './helpers';
import { eq, sql } from 'drizzle-orm';

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
  const { db, close } = openDatabase(join(dir, 'statement.sqlite'));
  let run = 0;
  after(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Plays the actions through the real ledger, each at its own instant (the company's `hour` on `day`),
   * for a fresh customer; returns the customer id.
   */
  function play(actions: Action[], company: CompanySettings): string {
    const id = `cus_prop${++run}`;
    const now0 = startOfDay(START, company.timeZone);
    db.insert(customers)
      .values({ id, name: `Property ${run}`, currency: 'USD', createdAt: now0, updatedAt: now0 })
      .run();
    const sorted = [...actions].sort((a, b) => a.day - b.day || a.hour - b.hour);
    let n = 0;
    for (const a of sorted) {
      const date = addDays(START, a.day);
      const at = new Date(startOfDay(date, company.timeZone).getTime() + a.hour * 3_600_000);
      const open = () =>
        db
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
      db.transaction((tx) => {
        if (a.kind === 'invoice') {
          createInvoice(
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
          for (const inv of open()) {
            if (toApply <= 0) break;
            const amount = Math.min(inv.balance, toApply);
            allocations.push({ invoiceId: inv.id, amount });
            toApply -= amount;
          }
          recordSettledPayment(
            tx,
            { customerId: id, currency: 'USD', amount: a.amount, method: 'ach', provider: 'test', allocations },
            systemActor,
            at,
          );
        } else if (a.kind === 'credit') {
          const target = a.onInvoice ? open().find((i) => i.balance >= a.amount) : undefined;
          issueCreditNote(
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
          const untouched = open().find((i) => i.paid === 0 && i.credited === 0);
          if (untouched) tx.update(invoices).set({ voidedAt: at }).where(eq(invoices.id, untouched.id)).run();
        }
      });
    }
    return id;
  }

  const period = fc
    .tuple(fc.integer({ min: -10, max: 230 }), fc.integer({ min: 0, max: 120 }))
    .map(([start, length]) => ({ from: addDays(START, start), to: addDays(START, start + length) }));

  it('opening + invoiced − paid − credited = closing, and closing = aging − unapplied credit', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 40 }),
        period,
        fc.constantFrom(...zones),
        (actions, { from, to }, timeZone) => {
          const company = { ...defaultSettings, timeZone };
          const s = buildStatement(db, company, { accountId: play(actions, company), from, to });
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

  it("one period's closing balance is the next period's opening balance", () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 30 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(...zones),
        (actions, split, timeZone) => {
          const company = { ...defaultSettings, timeZone };
          const accountId = play(actions, company);
          const first = buildStatement(db, company, { accountId, from: addDays(START, -5), to: addDays(START, split) });
          const second = buildStatement(db, company, {
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

  it("ends, after the last event, where the stored balances and the account's credit say", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), fc.constantFrom(...zones), (actions, timeZone) => {
        const company = { ...defaultSettings, timeZone };
        const accountId = play(actions, company);
        const to = addDays(START, 240);
        const s = buildStatement(db, company, { accountId, from: START, to });
        const [summary] = accountSummaries(db, [accountId], to);
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

describe('aging', () => {
  it('puts each day past due in the right bucket at the edges', () => {
    const cases: [number, string][] = [
      [-5, 'current'],
      [0, 'current'],
      [1, 'days1to30'],
      [30, 'days1to30'],
      [31, 'days31to60'],
      [60, 'days31to60'],
      [61, 'days61to90'],
      [90, 'days61to90'],
      [91, 'over90'],
      [400, 'over90'],
    ];
    for (const [days, bucket] of cases) assert.equal(agingBucket(days), bucket, `${days} days`);
  });

  it('counts days in the company time zone: a payment late on the 31st in New York is still on the 31st', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-aging-'));
    const { db, close } = openDatabase(join(dir, 'aging.sqlite'));
    try {
      const company = { ...defaultSettings, timeZone: 'America/New_York' };
      const created = new Date('2026-01-01T12:00:00Z');
      db.insert(customers)
        .values({ id: 'cus_tz', name: 'TZ', currency: 'USD', createdAt: created, updatedAt: created })
        .run();
      const { id } = createInvoice(
        db,
        {
          customerId: 'cus_tz',
          number: 'TZ-1',
          issueDate: '2026-01-01',
          dueDate: '2026-01-31',
          currency: 'USD',
          lines: [{ description: 'x', quantityMilli: 1000, unitPrice: 10_000 }],
        },
        systemActor,
        created,
      );
      // 23:30 on January 31 in New York is 04:30 on February 1 in UTC.
      const lateEvening = new Date('2026-02-01T04:30:00Z');
      assert.equal(calendarDate(lateEvening, 'America/New_York'), '2026-01-31');
      recordSettledPayment(
        db,
        {
          customerId: 'cus_tz',
          currency: 'USD',
          amount: 4_000,
          method: 'card',
          provider: 't',
          allocations: [{ invoiceId: id, amount: 4_000 }],
        },
        systemActor,
        lateEvening,
      );
      const january = buildStatement(db, company, { accountId: 'cus_tz', from: '2026-01-01', to: '2026-01-31' });
      assert.equal(january.totals.paid, 4_000);
      assert.deepEqual(
        january.lines.map((l) => [l.date, l.type]),
        [
          ['2026-01-01', 'invoice'],
          ['2026-01-31', 'payment'],
        ],
      );
      assert.deepEqual(january.aging, { current: 6_000, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });
      // Seen from Tokyo the same payment lands on February 1, outside January.
      const tokyo = buildStatement(
        db,
        { ...company, timeZone: 'Asia/Tokyo' },
        { accountId: 'cus_tz', from: '2026-01-01', to: '2026-01-31' },
      );
      assert.equal(tokyo.totals.paid, 0);
      assert.equal(tokyo.aging.current, 10_000);
      // One day after the due date the rest is 1 day past due; 31 days after, in the next bucket.
      assert.equal(
        buildStatement(db, company, { accountId: 'cus_tz', from: '2026-02-01', to: '2026-03-02' }).aging.days1to30,
        6_000,
      );
      assert.equal(
        buildStatement(db, company, { accountId: 'cus_tz', from: '2026-02-01', to: '2026-03-03' }).aging.days31to60,
        6_000,
      );
    } finally {
      close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GET /statement', () => {
  let t: TestServer;
  let northwind: string;
  before(async () => {
    t = await startTestServer({ now: '2026-11-20T15:00:00Z' });
    northwind = await t.signIn('ap@northwind.test');
  });
  after(() => t.close());

  it("gives Northwind's last 90 days by default, reconciling with its account", async () => {
    const res = await t.call('GET', '/statement', { token: northwind });
    assert.equal(res.status, 200);
    const s = (await res.json()) as Statement;
    assert.equal(s.to, '2026-11-20');
    assert.equal(s.from, '2026-08-22');
    assert.equal(s.account.name, 'Northwind Traders');
    assert.equal(s.openingBalance + s.totals.invoiced - s.totals.paid - s.totals.credited, s.closingBalance);
    const account = (
      (await (await t.call('GET', '/accounts', { token: northwind })).json()) as {
        items: { balance: number; credit: number }[];
      }
    ).items[0]!;
    assert.equal(
      Object.values(s.aging).reduce((a, b) => a + b, 0),
      account.balance,
    );
    assert.equal(s.closingBalance, account.balance - account.credit);
    assert.ok(s.lines.some((l) => l.type === 'credit' && l.reference === 'CN-2001'));
  });

  it('shows Globex its unapplied credit note', async () => {
    const token = await t.signIn('cfo@globex.test');
    const s = (await (await t.call('GET', '/statement', { token })).json()) as Statement;
    assert.equal(s.unappliedCredit, 15_000);
  });

  it('downloads CSV with an opening and a closing row, amounts as plain decimals', async () => {
    const res = await t.call('GET', '/statement?format=csv&from=2026-01-01&to=2026-11-20', { token: northwind });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /text\/csv/);
    assert.match(
      res.headers.get('content-disposition')!,
      /attachment; filename="statement-Northwind-Traders-2026-01-01-to-2026-11-20\.csv"/,
    );
    const rows = (await res.text()).trim().split('\n');
    assert.equal(rows[0], 'Date,Type,Reference,Description,Amount (USD),Balance (USD)');
    assert.match(rows[1]!, /^2026-01-01,opening,,Opening balance,,-?\d+\.\d{2}$/);
    assert.match(rows.at(-1)!, /^2026-11-20,closing,,Closing balance,,\d+\.\d{2}$/);
    const json = (await (
      await t.call('GET', '/statement?from=2026-01-01&to=2026-11-20', { token: northwind })
    ).json()) as Statement;
    assert.equal(rows.length, json.lines.length + 3);
    assert.ok(
      rows
        .at(-1)!
        .endsWith(`${Math.floor(json.closingBalance / 100)}.${String(json.closingBalance % 100).padStart(2, '0')}`),
    );
  });

  it('downloads a PDF', async () => {
    const res = await t.call('GET', '/statement?format=pdf', { token: northwind });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
  });

  it('names payments by their receipt numbers in JSON, CSV and PDF, never by the provider id', async () => {
    const query = '?from=2026-01-01&to=2026-11-20';
    const json = (await (await t.call('GET', `/statement${query}`, { token: northwind })).json()) as Statement;
    const paid = json.lines.filter((l) => l.type === 'payment');
    assert.ok(paid.length > 0, 'the demo account has payments in the period');
    const refs = t.sqlite
      .prepare(`SELECT id, provider_ref AS ref FROM payments WHERE customer_id = 'cus_northwind'`)
      .all() as { id: string; ref: string | null }[];
    const receipts = new Set(refs.map((r) => receiptNumber(r.id)));
    for (const line of paid) {
      assert.ok(receipts.has(line.reference), `${line.reference} is one of the account's receipt numbers`);
      assert.match(line.description, /^Payment by (Card|Bank transfer \(ACH\))$/);
    }
    const csv = await (await t.call('GET', `/statement${query}&format=csv`, { token: northwind })).text();
    const res = await t.call('GET', `/statement${query}&format=pdf`, { token: northwind });
    const { text } = await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText();
    for (const line of paid) {
      assert.ok(csv.includes(`,payment,${line.reference},${line.description},`), `the CSV names ${line.reference}`);
      assert.ok(text.includes(line.reference), `the PDF names ${line.reference}`);
    }
    for (const { id, ref } of refs) {
      for (const [what, body] of [
        ['JSON', JSON.stringify(json)],
        ['CSV', csv],
        ['PDF', text],
      ] as const) {
        assert.ok(!body.includes(id), `the ${what} does not show the payment id ${id}`);
        if (ref) assert.ok(!body.includes(ref), `the ${what} does not show the provider's ${ref}`);
      }
    }
  });

  it("heads the PDF with the company's settings and says where to pay online", async () => {
    const res = await t.call('GET', '/statement?format=pdf', { token: northwind });
    const { text } = await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText();
    assert.ok(text.includes('Acme Supplies Inc.\n1200 Industrial Way'), 'the address setting');
    // No portalUrl is stored in the demo: PUBLIC_URL's page is the default.
    assert.ok(text.includes('Pay online: https://ar.shop.test/'), 'the portal URL from configuration');
  });

  for (const [query, what] of [
    ['?from=2026-02-30', 'an impossible date'],
    ['?from=2026-11-21&to=2026-11-20', 'from after to'],
    ['?to=20261120', 'a date without dashes'],
    ['?format=xlsx', 'an unknown format'],
    ['?from=1990-01-01&to=2026-11-20', 'more than ten years'],
  ]) {
    it(`refuses ${what} with a 400`, async () => {
      const res = await t.call('GET', `/statement${query}`, { token: northwind });
      assert.equal(res.status, 400);
      assert.equal(await errorCode(res), 'invalid_request');
    });
  }

  it("answers 404 for another customer's account", async () => {
    const res = await t.call('GET', '/statement?account=cus_globex', { token: northwind });
    assert.equal(res.status, 404);
  });
});
