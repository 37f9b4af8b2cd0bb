/**
 * The ERP API over real HTTP, in order on one server: upserting customers, then invoices, then the invoice feed over
 * what they wrote. Requests refused with nothing written are in erp-api-refusals.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { invoiceLines } from '../src/db/schema';
import { recordSettledPayment } from '../src/domain/ledger/ledger';
import { customerRow, erpCall, invoiceRow, rowErrors, type ValidationFailed } from './erp-helpers';
import {
  contactsOf,
  customer,
  eventCount,
  eventOf,
  feed,
  invoice,
  key,
  keyId,
  put,
  putCustomers,
  putInvoices,
  refuseInvoices,
  scalar,
  t,
  useErpApiServer,
  wholeFeed,
} from './erp-api-support';

useErpApiServer();

describe('PUT /erp/customers', () => {
  it('creates customers with their contacts and records who did it', async () => {
    const result = await putCustomers([
      customerRow(1, { billingAddress: '1 Main St\nSpringfield', paymentTermsDays: 45 }),
      customerRow(2),
    ]);
    assert.deepEqual(result, { created: 2, updated: 0, unchanged: 0 });
    const c1 = (await customer('C-1'))!;
    assert.equal(c1.paymentTermsDays, 45);
    assert.equal(c1.billingAddress, '1 Main St\nSpringfield');
    assert.equal(await scalar(sql`SELECT email FROM contacts WHERE customer_id = ${c1.id}`), 'ap1@erp.test');
    const { actorType, actorId } = (await eventOf('customer.created', c1.id))!;
    assert.deepEqual({ actorType, actorId }, { actorType: 'erp', actorId: keyId });
  });

  it('changes nothing when the same rows come again: no updated_at bump, no event', async () => {
    const updatedAt = sql`SELECT updated_at FROM customers WHERE external_id = 'C-1'`;
    const before = await scalar(updatedAt);
    const events = await eventCount();
    t.clock.advance(60_000);
    const result = await putCustomers([
      customerRow(1, { billingAddress: '1 Main St\nSpringfield', paymentTermsDays: 45 }),
      customerRow(2, { contacts: [{ email: '  AP2@ERP.TEST ', name: 'Payables 2' }] }),
    ]);
    assert.deepEqual(result, { created: 0, updated: 0, unchanged: 2 });
    assert.equal(await scalar(updatedAt), before);
    assert.equal(await eventCount(), events);
  });

  it('updates the fields and replaces the contacts, with normalised emails', async () => {
    const result = await putCustomers([
      customerRow(2, {
        name: 'Customer Two Ltd',
        contacts: [
          { email: 'ap2@erp.test', name: 'Renamed' },
          { email: ' Second@ERP.test', name: 'Second' },
        ],
      }),
    ]);
    assert.deepEqual(result, { created: 0, updated: 1, unchanged: 0 });
    const id = (await scalar(sql`SELECT id FROM customers WHERE external_id = 'C-2'`)) as string;
    assert.deepEqual(await contactsOf(id), [
      { email: 'ap2@erp.test', name: 'Renamed' },
      { email: 'second@erp.test', name: 'Second' },
    ]);
    const data = JSON.parse(
      (await scalar(sql`SELECT data FROM events WHERE type = 'customer.updated' AND subject_id = ${id}`)) as string,
    ) as { changes: string[] };
    assert.deepEqual(data.changes, ['name', 'contacts']);
  });

  it("ends a removed contact's portal sessions at once", async () => {
    await putCustomers([customerRow(3, { contacts: [{ email: 'buyer@erp.test' }, { email: 'stays@erp.test' }] })]);
    const buyer = await t.signIn('buyer@erp.test');
    const stays = await t.signIn('stays@erp.test');
    assert.equal((await t.call('GET', '/accounts', { token: buyer })).status, 200);
    await putCustomers([customerRow(3, { contacts: [{ email: 'stays@erp.test' }] })]);
    const res = await t.call('GET', '/accounts', { token: buyer });
    assert.equal(res.status, 401);
    assert.equal((await t.call('GET', '/accounts', { token: stays })).status, 200, 'other contacts keep theirs');
  });

  it('lets the currency change until the customer has invoices', async () => {
    await putCustomers([customerRow(4, { currency: 'USD' })]);
    assert.deepEqual(await putCustomers([customerRow(4, { currency: 'EUR' })]), {
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    await putInvoices([invoiceRow(400, { customerExternalId: 'C-4', currency: 'EUR' })]);
    const body = await put<ValidationFailed>('/customers', { customers: [customerRow(4, { currency: 'USD' })] }, 422);
    assert.deepEqual(rowErrors(body), [[0, 'currency', 'currency_locked']]);
  });

  it('reports every bad row with index, field and code, and writes none of them', async () => {
    const customerCount = await scalar(sql`SELECT count(*) FROM customers`);
    const contactCount = await scalar(sql`SELECT count(*) FROM contacts`);
    const body = await put<ValidationFailed>(
      '/customers',
      {
        customers: [
          customerRow(50),
          customerRow(51, { currency: 'XYZ' }),
          customerRow(52, { contacts: [{ email: 'a@x.test,b@evil.test' }] }),
          customerRow(53, { contacts: [{ email: 'dup@erp.test' }, { email: 'DUP@erp.test' }] }),
          { ...customerRow(54), name: undefined },
          { ...customerRow(55), nickname: 'extra' },
          customerRow(56, { paymentTermsDays: -1 }),
          customerRow(50, { name: 'Again' }),
          'not an object',
        ],
      },
      422,
    );
    assert.equal(body.error.code, 'validation_failed');
    assert.deepEqual(rowErrors(body), [
      [1, 'currency', 'invalid_currency'],
      [2, 'contacts.0.email', 'invalid_email'],
      [3, 'contacts.1.email', 'duplicate_email'],
      [4, 'name', 'required'],
      [5, 'nickname', 'unknown_field'],
      [6, 'paymentTermsDays', 'too_small'],
      [7, 'externalId', 'duplicate_external_id'],
      [8, '', 'invalid_type'],
    ]);
    assert.ok(body.error.rows.every((r) => r.message.length > 0));
    assert.equal(
      await scalar(sql`SELECT count(*) FROM customers`),
      customerCount,
      'row 0 was good but is not written either',
    );
    assert.equal(await scalar(sql`SELECT count(*) FROM contacts`), contactCount);
  });
});

describe('PUT /erp/invoices', () => {
  it('creates invoices with totals computed from the lines', async () => {
    const eventsBefore = await eventCount();
    const result = await putInvoices([invoiceRow(1), invoiceRow(2)]);
    assert.deepEqual(result, { created: 2, updated: 0, unchanged: 0, voided: 0 });
    const row = (await invoice('I-1'))!;
    // 2 × 42.50 = 85.00 with 8.25 % tax (7.01), plus 1.5 h × 100.00 = 150.00.
    assert.equal(row.subtotal, 23_500);
    assert.equal(row.taxTotal, 701);
    assert.equal(row.total, 24_201);
    assert.equal(row.balance, 24_201);
    assert.deepEqual(
      await t.db
        .select({
          lineNo: invoiceLines.lineNo,
          quantityMilli: invoiceLines.quantityMilli,
          amount: invoiceLines.amount,
          tax: invoiceLines.tax,
        })
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, row.id))
        .orderBy(asc(invoiceLines.lineNo))
        .all(),
      [
        { lineNo: 1, quantityMilli: 2000, amount: 8500, tax: 701 },
        { lineNo: 2, quantityMilli: 1500, amount: 15_000, tax: 0 },
      ],
    );
    assert.equal(await eventCount(), eventsBefore + 2);
    const event = (await eventOf('invoice.created', row.id))!;
    assert.equal(event.actorType, 'erp');
    assert.equal(event.actorId, keyId);
    assert.deepEqual(event.data, { number: 'ERP-1', total: 24_201, currency: 'USD', externalId: 'I-1' });
  });

  it('shows the invoice to the customer in the portal', async () => {
    const token = await t.signIn('ap1@erp.test');
    const res = await t.call('GET', '/invoices?status=all', { token });
    const body = (await res.json()) as { items: { number: string; total: number }[] };
    assert.deepEqual(body.items.map((i) => [i.number, i.total]).sort(), [
      ['ERP-1', 24_201],
      ['ERP-2', 24_201],
    ]);
  });

  it('is idempotent: the same rows again change nothing', async () => {
    const before = (await invoice('I-1'))!.updatedAt;
    const events = await eventCount();
    t.clock.advance(60_000);
    assert.deepEqual(await putInvoices([invoiceRow(1), invoiceRow(2)]), {
      created: 0,
      updated: 0,
      unchanged: 2,
      voided: 0,
    });
    assert.deepEqual((await invoice('I-1'))!.updatedAt, before);
    assert.equal(await eventCount(), events);
  });

  it('replaces header and lines on update and recomputes the totals', async () => {
    t.clock.advance(60_000);
    const result = await putInvoices([
      invoiceRow(1, {
        dueDate: '2026-12-15',
        lines: [{ description: 'Copy paper', quantity: 3, unitPrice: 4_250, amount: 12_750, tax: 1_052 }],
      }),
    ]);
    assert.deepEqual(result, { created: 0, updated: 1, unchanged: 0, voided: 0 });
    const row = (await invoice('I-1'))!;
    assert.equal(row.total, 12_750 + 1_052);
    assert.equal(row.balance, 13_802);
    assert.equal(row.dueDate, '2026-12-15');
    assert.equal(row.updatedAt.getTime(), t.clock.now().getTime());
    assert.equal(await scalar(sql`SELECT count(*) FROM invoice_lines WHERE invoice_id = ${row.id}`), 1);
    const data = JSON.parse(
      (await scalar(sql`SELECT data FROM events WHERE type = 'invoice.updated' AND subject_id = ${row.id}`)) as string,
    ) as { changes: string[] };
    assert.deepEqual(data.changes, ['dueDate', 'lines']);
  });

  it('keeps what is paid: a total below it, voiding, or moving the invoice are row errors', async () => {
    const row = (await invoice('I-2'))!;
    await recordSettledPayment(
      t.db,
      {
        customerId: row.customerId,
        currency: 'USD',
        amount: 10_000,
        method: 'ach',
        provider: 'test',
        allocations: [{ invoiceId: row.id, amount: 10_000 }],
      },
      { type: 'system' },
      t.clock.now(),
    );
    const cheap = [{ description: 'Less', quantity: 1, unitPrice: 9_999 }];
    const body = await refuseInvoices([
      invoiceRow(2, { lines: cheap }),
      invoiceRow(2, { void: true }),
      invoiceRow(2, { customerExternalId: 'C-2' }),
    ]);
    // The second and third rows repeat I-2, which is its own error; sent one at a time each is refused alone.
    assert.deepEqual(rowErrors(body)[0], [0, 'lines', 'below_applied']);
    for (const [row, field, code] of [
      [invoiceRow(2, { void: true }), 'void', 'has_payments'],
      [invoiceRow(2, { customerExternalId: 'C-2' }), 'customerExternalId', 'customer_locked'],
    ] as const) {
      assert.deepEqual(rowErrors(await refuseInvoices([row])), [[0, field, code]]);
    }
    // A total still covering the payment is fine, and the balance is what is left.
    await putInvoices([invoiceRow(2, { lines: [{ description: 'Less', quantity: 1, unitPrice: 10_000 }] })]);
    assert.equal((await invoice('I-2'))!.balance, 0);
    assert.equal((await invoice('I-2'))!.amountPaid, 10_000);
  });

  it('voids an invoice with nothing applied, once and for good', async () => {
    await putInvoices([invoiceRow(3)]);
    t.clock.advance(60_000);
    assert.deepEqual(await putInvoices([invoiceRow(3, { void: true })]), {
      created: 0,
      updated: 1,
      unchanged: 0,
      voided: 1,
    });
    assert.equal((await invoice('I-3'))!.voidedAt?.getTime(), t.clock.now().getTime());
    assert.equal(await scalar(sql`SELECT count(*) FROM events WHERE type = 'invoice.voided'`), 1);
    assert.deepEqual(await putInvoices([invoiceRow(3, { void: true })]), {
      created: 0,
      updated: 0,
      unchanged: 1,
      voided: 0,
    });
    assert.deepEqual(rowErrors(await refuseInvoices([invoiceRow(3)])), [[0, 'void', 'voided']]);
    assert.deepEqual(rowErrors(await refuseInvoices([invoiceRow(3, { void: true, dueDate: '2026-12-31' })])), [
      [0, 'dueDate', 'voided'],
    ]);
    assert.deepEqual(await putInvoices([invoiceRow(4, { void: true })]), {
      created: 1,
      updated: 0,
      unchanged: 0,
      voided: 1,
    });
  });

  it('accepts 10,000 rows in one request (a body well over the API-wide 1 MB limit)', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => invoiceRow(10_000 + i));
    const raw = JSON.stringify({ invoices: rows });
    assert.ok(raw.length > 2 * 1024 * 1024, `${raw.length} bytes`);
    t.clock.advance(60_000);
    const started = performance.now();
    const res = await erpCall(t, key, 'PUT', '/invoices', { raw });
    const ms = performance.now() - started;
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(await res.json(), { created: 10_000, updated: 0, unchanged: 0, voided: 0 });
    console.log(`# 10,000 invoice rows (${(raw.length / 1_048_576).toFixed(1)} MiB) in ${ms.toFixed(0)} ms`);
  });

  it('never answers 500, whatever the rows hold', async () => {
    const anything = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.string({ maxLength: 12 }),
      fc.double(),
      fc.integer(),
      fc.constantFrom(2 ** 53, -1, 0.001, '1.5', '2026-02-30', 'XYZ', 'USD', 'C-1', ''),
    );
    const line = fc.record(
      {
        description: anything,
        quantity: anything,
        unitPrice: anything,
        amount: anything,
        taxRateBp: anything,
        tax: anything,
      },
      { requiredKeys: [] },
    );
    const row = fc.record(
      {
        externalId: anything,
        number: anything,
        customerExternalId: fc.oneof(anything, fc.constant('C-1')),
        issueDate: anything,
        dueDate: anything,
        currency: anything,
        poNumber: anything,
        void: anything,
        lines: fc.oneof(anything, fc.array(line, { maxLength: 3 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 5 }), async (rows) => {
        const res = await erpCall(t, key, 'PUT', '/invoices', { body: { invoices: rows } });
        assert.ok([200, 422].includes(res.status), `${res.status}: ${await res.text()}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('GET /erp/invoices', () => {
  it('pages the whole feed by (updatedAt, id) without gaps or repeats', async () => {
    const all = await wholeFeed('', 777);
    assert.equal(all.length, await scalar(sql`SELECT count(*) FROM invoices`));
    assert.equal(new Set(all.map((i) => i.id)).size, all.length);
    const keys = all.map((i) => `${i.updatedAt}|${i.id}`);
    assert.deepEqual(keys, [...keys].sort());
  });

  it('returns only what changed since an instant, with the ERP fields and derived status', async () => {
    t.clock.advance(60_000);
    const since = t.clock.now();
    await putInvoices([invoiceRow(1, { dueDate: '2026-12-20' }), invoiceRow(500), invoiceRow(501, { void: true })]);
    const items = await wholeFeed(`&updatedSince=${encodeURIComponent(since.toISOString())}`, 2);
    assert.deepEqual(items.map((i) => i.externalId).sort(), ['I-1', 'I-500', 'I-501']);
    const i1 = items.find((i) => i.externalId === 'I-1')!;
    assert.deepEqual(Object.keys(i1).sort(), [
      'amountCredited',
      'amountPaid',
      'balance',
      'currency',
      'customerExternalId',
      'dueDate',
      'externalId',
      'id',
      'issueDate',
      'number',
      'status',
      'total',
      'updatedAt',
    ]);
    assert.equal(i1.customerExternalId, 'C-1');
    assert.equal(i1.status, 'open');
    assert.equal(i1.updatedAt, t.clock.now().toISOString());
    assert.equal(items.find((i) => i.externalId === 'I-501')!.status, 'void');
    const later = await feed(
      `?updatedSince=${encodeURIComponent(new Date(t.clock.now().getTime() + 1).toISOString())}`,
    );
    assert.deepEqual(later, { items: [], nextCursor: null });
  });

  it('shows paid invoices as paid', async () => {
    const items = await wholeFeed('', 1000);
    const i2 = items.find((i) => i.externalId === 'I-2')!;
    assert.equal(i2.status, 'paid');
    assert.equal(i2.amountPaid, 10_000);
  });
});
