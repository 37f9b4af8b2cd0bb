/**
 * The ERP API: invoice upserts and feed requests refused with nothing written (row errors, limits, bad bodies and
 * queries).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { errorCode } from './helpers';
import { customerRow, erpCall, invoiceRow, rowErrors } from './erp-helpers';
import { eventCount, key, putCustomers, refuseInvoices, scalar, t, useErpApiServer } from './erp-api-support';

useErpApiServer();

describe('PUT /erp/invoices', () => {
  // The rows below are refused against customer C-1 (in USD), as the customer upserts in erp-api.test.ts leave it.
  before(() => putCustomers([customerRow(1)]));

  it('reports every bad row with index, field and code, and writes none of them', async () => {
    const invoices = await scalar(sql`SELECT count(*) FROM invoices`);
    const events = await eventCount();
    const line = { description: 'Widget', quantity: 1, unitPrice: 100 };
    const body = await refuseInvoices([
      invoiceRow(100),
      invoiceRow(101, { issueDate: '2026-02-30' }),
      invoiceRow(102, { lines: [{ ...line, unitPrice: 12.5 }] }),
      invoiceRow(103, { lines: [{ ...line, unitPrice: -1 }] }),
      invoiceRow(104, { lines: [{ ...line, unitPrice: '100' as unknown as number }] }),
      invoiceRow(105, { currency: 'XYZ' }),
      invoiceRow(106, { number: 'INV-1001' }),
      invoiceRow(107, { number: 'ERP-100' }),
      invoiceRow(100),
      invoiceRow(109, { customerExternalId: 'nobody' }),
      invoiceRow(110, { currency: 'EUR' }),
      invoiceRow(111, { lines: [{ ...line, quantity: '1.2345' }] }),
      invoiceRow(112, { issueDate: '2026-12-02', dueDate: '2026-12-01' }),
      invoiceRow(113, { lines: [{ ...line, unitPrice: 2 ** 60 }] }),
      invoiceRow(114, { lines: [] }),
      invoiceRow(115, { lines: [{ ...line, quantity: 999_999_999, unitPrice: 9_007_199_254 }] }),
      invoiceRow(116, { lines: [line, { ...line, amount: 101 }] }),
      invoiceRow(117, { lines: [{ ...line, quantity: -2 }] }),
      invoiceRow(118, { lines: [{ ...line, taxRateBp: 825, tax: 9 }] }),
    ]);
    assert.deepEqual(rowErrors(body), [
      [1, 'issueDate', 'invalid_date'],
      [2, 'lines.0.unitPrice', 'not_integer'],
      [3, 'lines.0.unitPrice', 'too_small'],
      [4, 'lines.0.unitPrice', 'invalid_type'],
      [5, 'currency', 'invalid_currency'],
      [6, 'number', 'duplicate_number'],
      [7, 'number', 'duplicate_number'],
      [8, 'externalId', 'duplicate_external_id'],
      [9, 'customerExternalId', 'unknown_customer'],
      [10, 'currency', 'currency_mismatch'],
      [11, 'lines.0.quantity', 'invalid_quantity'],
      [12, 'dueDate', 'due_before_issue'],
      [13, 'lines.0.unitPrice', 'too_large'],
      [14, 'lines', 'too_small'],
      [15, 'lines.0.unitPrice', 'too_large'],
      [16, 'lines.1.amount', 'amount_mismatch'],
      [17, 'lines.0.quantity', 'invalid_quantity'],
      [18, 'lines.0.tax', 'tax_mismatch'],
    ]);
    assert.match(body.error.message, /18 problems.*nothing was written/);
    assert.equal(await scalar(sql`SELECT count(*) FROM invoices`), invoices);
    assert.equal(await eventCount(), events);
  });

  it('lists at most 1,000 row errors and says how many more there were', async () => {
    const rows = Array.from({ length: 1_500 }, (_, i) => invoiceRow(5_000 + i, { currency: 'XYZ' }));
    const body = await refuseInvoices(rows);
    assert.equal(body.error.rows.length, 1_000);
    assert.equal(body.error.moreRows, 500);
    assert.equal(body.error.rows.at(-1)!.index, 999);
  });

  it('refuses more than 10,000 rows with 413', async () => {
    const rows = Array.from({ length: 10_001 }, () => ({}));
    const res = await erpCall(t, key, 'PUT', '/invoices', { body: { invoices: rows } });
    assert.equal(res.status, 413);
    assert.equal(await errorCode(res), 'payload_too_large');
  });

  it('refuses a body over 32 MB with 413', async () => {
    const res = await erpCall(t, key, 'PUT', '/invoices', { raw: `{"invoices":["${'x'.repeat(33 * 1024 * 1024)}"]}` });
    assert.equal(res.status, 413);
    assert.equal(await errorCode(res), 'payload_too_large');
  });

  for (const [what, options, status, code] of [
    ['malformed JSON', { raw: '{"invoices": [' }, 400, 'invalid_json'],
    ['NaN in JSON', { raw: '{"invoices": [{"unitPrice": NaN}]}' }, 400, 'invalid_json'],
    ['a text body', { raw: 'invoices', headers: { 'content-type': 'text/plain' } }, 415, 'invalid_request'],
    ['an array body', { body: [invoiceRow(1)] }, 400, 'invalid_request'],
    ['no invoices key', { body: { rows: [] } }, 400, 'invalid_request'],
    ['invoices that are not a list', { body: { invoices: 'all of them' } }, 400, 'invalid_request'],
    ['rows that are not objects', { body: { invoices: [null, 7, 'x', []] } }, 422, 'validation_failed'],
    [
      'a number too big for a double',
      { raw: `{"invoices":[${JSON.stringify(invoiceRow(9)).replace('4250', '1e400')}]}` },
      422,
      'validation_failed',
    ],
  ] as const) {
    it(`answers ${what} with ${status} ${code}`, async () => {
      const res = await erpCall(t, key, 'PUT', '/invoices', options);
      assert.equal(res.status, status);
      assert.equal(await errorCode(res), code);
    });
  }
});

describe('GET /erp/invoices', () => {
  for (const query of [
    '?updatedSince=yesterday',
    '?updatedSince=2026-02-30T00:00:00Z',
    '?limit=0',
    '?limit=5000',
    '?limit=1.5',
    '?cursor=garbage',
    `?cursor=${Buffer.from('[1,2]').toString('base64url')}`,
  ]) {
    it(`refuses ${query} with 400`, async () => {
      const res = await erpCall(t, key, 'GET', `/invoices${query}`);
      assert.equal(res.status, 400);
      assert.equal(await errorCode(res), 'invalid_request');
    });
  }
});
