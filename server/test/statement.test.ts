/**
 * Statements: aging by days past due in the company time zone, and GET /statement over real HTTP (JSON, CSV, PDF). The
 * arithmetic over random histories is in statement-history.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import type { Statement } from '../src/contract';
import { customers } from '../src/db/schema';
import { calendarDate } from '../src/domain/dates';
import { receiptNumber } from '../src/domain/payments';
import { systemActor } from '../src/domain/events';
import { createInvoice, recordSettledPayment } from '../src/domain/ledger/ledger';
import { defaultSettings } from '../src/domain/settings';
import { agingBucket, buildStatement } from '../src/domain/invoices/statement';
import { errorCode, startTestServer, type TestServer } from './helpers';
import { openTestDatabase } from './postgres-support';

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

  it('counts days in the company time zone: a payment late on the 31st in New York is still on the 31st', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-aging-'));
    const database = await openTestDatabase(dir);
    const { db } = database;
    try {
      const company = { ...defaultSettings, timeZone: 'America/New_York' };
      const created = new Date('2026-01-01T12:00:00Z');
      await db
        .insert(customers)
        .values({ id: 'cus_tz', name: 'TZ', currency: 'USD', createdAt: created, updatedAt: created })
        .run();
      const { id } = await createInvoice(
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
      await recordSettledPayment(
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
      const january = await buildStatement(db, company, { accountId: 'cus_tz', from: '2026-01-01', to: '2026-01-31' });
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
      const tokyo = await buildStatement(
        db,
        { ...company, timeZone: 'Asia/Tokyo' },
        { accountId: 'cus_tz', from: '2026-01-01', to: '2026-01-31' },
      );
      assert.equal(tokyo.totals.paid, 0);
      assert.equal(tokyo.aging.current, 10_000);
      // One day after the due date the rest is 1 day past due; 31 days after, in the next bucket.
      assert.equal(
        (await buildStatement(db, company, { accountId: 'cus_tz', from: '2026-02-01', to: '2026-03-02' })).aging
          .days1to30,
        6_000,
      );
      assert.equal(
        (await buildStatement(db, company, { accountId: 'cus_tz', from: '2026-02-01', to: '2026-03-03' })).aging
          .days31to60,
        6_000,
      );
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Minor units of a two-decimal currency as the CSV writes them: `1234.50`. */
const decimal = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

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
    const json = (await (
      await t.call('GET', '/statement?from=2026-01-01&to=2026-11-20', { token: northwind })
    ).json()) as Statement;
    const closing = rows[json.lines.length + 2]!;
    assert.match(closing, /^2026-11-20,closing,,Closing balance,,\d+\.\d{2}$/);
    assert.ok(closing.endsWith(decimal(json.closingBalance)));
  });

  it('adds what open disputes put in question after the closing row: the total, by days past due, each dispute', async () => {
    const query = '?from=2026-01-01&to=2026-11-20';
    const json = (await (await t.call('GET', `/statement${query}`, { token: northwind })).json()) as Statement;
    assert.ok(json.disputed.total > 0, "the demo's open dispute of Northwind's INV-1029");
    const rows = (await (await t.call('GET', `/statement${query}&format=csv`, { token: northwind })).text())
      .trim()
      .split('\n')
      .slice(json.lines.length + 3);
    assert.deepEqual(rows, [
      `2026-11-20,disputed,,Of which disputed,,${decimal(json.disputed.total)}`,
      `2026-11-20,disputed_aging,current,Disputed: Current,,${decimal(json.disputed.aging.current)}`,
      `2026-11-20,disputed_aging,days1to30,Disputed: 1–30 days,,${decimal(json.disputed.aging.days1to30)}`,
      `2026-11-20,disputed_aging,days31to60,Disputed: 31–60 days,,${decimal(json.disputed.aging.days31to60)}`,
      `2026-11-20,disputed_aging,days61to90,Disputed: 61–90 days,,${decimal(json.disputed.aging.days61to90)}`,
      `2026-11-20,disputed_aging,over90,Disputed: 90+ days,,${decimal(json.disputed.aging.over90)}`,
      ...json.disputed.items.map((d) => `${d.openedOn},dispute,${d.invoiceNumber},Dispute: Open,${decimal(d.amount)},`),
    ]);
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
    const refs = (
      await t.db.all<[string, string | null]>(
        sql`SELECT id, provider_ref FROM payments WHERE customer_id = 'cus_northwind'`,
      )
    ).map(([id, ref]) => ({ id, ref }));
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
