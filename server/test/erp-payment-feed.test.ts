/** The ERP payment feed (GET /erp/payments): changed payments paged by cursor, with their cash application. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { ErpPayment, ErpPaymentFeed } from '../src/contract/erp';
import { customerRow, erpCall, invoiceRow } from './erp-helpers';
import { key, openInvoice, returnPayment, scalar, settlePayment, t, useErpWebhookServer } from './erp-webhooks-support';

useErpWebhookServer();

describe('GET /erp/payments', () => {
  async function page(since: string | null, limit: number): Promise<ErpPaymentFeed> {
    const res = await erpCall(t, key, 'GET', `/payments?limit=${limit}${since === null ? '' : `&since=${since}`}`);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as ErpPaymentFeed;
  }

  async function readAll(since: string | null, limit: number): Promise<{ items: ErpPayment[]; cursor: string }> {
    const items: ErpPayment[] = [];
    let cursor = since;
    for (;;) {
      const p = await page(cursor, limit);
      items.push(...p.items);
      cursor = p.nextCursor;
      if (!p.hasMore) return { items, cursor };
    }
  }

  it('pages the payments changed since a cursor, each change once, with their cash application', async () => {
    // Everything so far (the demo's payments and the tests' above), to start from the end.
    const start = await readAll(null, 1000);
    assert.ok(start.items.length > 0);
    const quiet = await page(start.cursor, 10);
    assert.deepEqual(quiet, { items: [], nextCursor: start.cursor, hasMore: false });

    const a = await openInvoice(400);
    const first = await settlePayment(a.customerId, 400, [{ invoiceId: a.id, amount: 400 }]);
    const b = await openInvoice(600);
    const second = await settlePayment(b.customerId, 600, [{ invoiceId: b.id, amount: 600 }]);
    await returnPayment(first);

    const seen: string[] = [];
    let cursor = start.cursor;
    const pages: ErpPaymentFeed[] = [];
    for (;;) {
      const p = await page(cursor, 1);
      pages.push(p);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
      if (!p.hasMore) break;
    }
    // Three changes in order: first succeeded and applied, second likewise, first returned.
    assert.deepEqual(seen, [first, second, first]);
    assert.ok(pages.every((p) => p.items.length <= 1));
    const returned = pages.at(-1)!.items[0]!;
    assert.equal(returned.status, 'returned');
    assert.equal(returned.customerExternalId, null);
    assert.equal(returned.method, 'ach');
    assert.equal(returned.provider, 'sandbox');
    assert.equal(returned.providerRef, `sbx_${first}`);
    assert.equal(returned.succeededAt, t.clock.now().toISOString());
    assert.deepEqual(returned.allocations, [
      {
        invoiceId: a.id,
        invoiceExternalId: null,
        invoiceNumber: a.number,
        amount: 400,
        reversed: true,
        source: 'payment',
        creditFrom: null,
      },
    ]);

    // A bigger page holds each payment once, at its latest change.
    const whole = await page(start.cursor, 10);
    assert.deepEqual(
      whole.items.map((i) => i.id),
      [second, first],
    );
    assert.equal(whole.hasMore, false);
    assert.equal(whole.nextCursor, cursor);
    assert.deepEqual(await page(cursor, 10), { items: [], nextCursor: cursor, hasMore: false });
  });

  it('shows credit used with a payment on it, and the same money as its own on the payment it came from', async () => {
    const put = async (path: string, body: unknown) => {
      const res = await erpCall(t, key, 'PUT', path, { body });
      assert.equal(res.status, 200, await res.clone().text());
    };
    await put('/customers', { customers: [customerRow(90)] });
    await put('/invoices', { invoices: [invoiceRow(901, { customerExternalId: 'C-90' })] });
    const invoiceId = async (externalId: string) =>
      (await scalar(sql`SELECT id FROM invoices WHERE external_id = ${externalId}`)) as string;
    const customerId = (await scalar(sql`SELECT id FROM customers WHERE external_id = 'C-90'`)) as string;
    const first = await invoiceId('I-901');
    const total = (await scalar(sql`SELECT total FROM invoices WHERE id = ${first}`)) as number;
    const start = await readAll(null, 1000);

    // 800 more than the only invoice takes: kept as the customer's credit.
    const earlier = await settlePayment(customerId, total + 800, [{ invoiceId: first, amount: total }]);
    t.clock.advance(60_000);
    await put('/invoices', { invoices: [invoiceRow(902, { customerExternalId: 'C-90' })] });
    const second = await invoiceId('I-902');
    const later = await settlePayment(customerId, 200, [{ invoiceId: second, amount: 1_000 }], {
      creditRequested: 800,
    });

    const { items } = await readAll(start.cursor, 10);
    const byId = new Map(items.map((i) => [i.id, i]));
    const used = byId.get(later)!;
    assert.equal(used.customerExternalId, 'C-90');
    assert.deepEqual(
      used.allocations.map((x) => [x.invoiceExternalId, x.amount, x.source, x.creditFrom]),
      [
        ['I-902', 800, 'credit', earlier],
        ['I-902', 200, 'payment', null],
      ],
    );
    // The payment whose credit was used is in the feed again, its credit gone.
    const source = byId.get(earlier)!;
    assert.equal(source.unapplied, 0);
    assert.deepEqual(
      source.allocations.map((x) => [x.invoiceExternalId, x.amount, x.source]),
      [
        ['I-901', total, 'payment'],
        ['I-902', 800, 'payment'],
      ],
    );
    assert.equal(source.allocations.reduce((s, x) => s + x.amount, 0) + source.unapplied, source.amount);
    assert.deepEqual(
      items.map((i) => i.id),
      [later, earlier],
    );
  });

  it('refuses a cursor it did not make', async () => {
    for (const since of ['abc', '-1', '1e9', '9'.repeat(16)]) {
      const res = await erpCall(t, key, 'GET', `/payments?since=${since}`);
      assert.equal(res.status, 400, since);
    }
  });
});
