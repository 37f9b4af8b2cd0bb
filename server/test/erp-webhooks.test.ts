import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type {
  ErpPayment,
  ErpPaymentFeed,
  ErpWebhookDeliveryList,
  ErpWebhookEndpointCreated,
  ErpWebhookEndpointList,
  ErpWebhookPayload,
} from '../src/contract/erp';
import { newId, verifySignedPayload } from '../src/crypto';
import { payments } from '../src/db/schema';
import { applySucceededPayment, reversePayment } from '../src/domain/ledger/cash-application';
import { webhookUrlProblem } from '../src/domain/erp/webhooks';
import { systemActor } from '../src/domain/events';
import { errorCode, startTestServer, type TestServer } from './helpers';
import { customerRow, erpCall, erpKey, invoiceRow } from './erp-helpers';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: ErpWebhookPayload;
}

let t: TestServer;
let key: string;
let receiver: Server;
let hookBase: string;
const received: Received[] = [];
/** The status each receiver path answers with; 200 when not set. */
const answers = new Map<string, number>();

const scalar = (query: string, ...params: unknown[]) =>
  t.sqlite
    .prepare(query)
    .pluck()
    .get(...params);

const at = (path: string) => received.filter((r) => r.path === path);

async function register(path: string, body: Record<string, unknown> = {}): Promise<ErpWebhookEndpointCreated> {
  const res = await erpCall(t, key, 'POST', '/webhooks', { body: { url: `${hookBase}${path}`, ...body } });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as ErpWebhookEndpointCreated;
}

async function disable(id: string): Promise<void> {
  const res = await erpCall(t, key, 'DELETE', `/webhooks/${id}`);
  assert.equal(res.status, 200, await res.clone().text());
}

/** A customer with an open invoice of at least `amount`, as the demo has them. */
function openInvoice(amount: number): { id: string; customerId: string; number: string; balance: number } {
  return t.sqlite
    .prepare(
      `SELECT i.id, i.customer_id AS customerId, i.number, i.balance FROM invoices i JOIN customers c ON c.id = i.customer_id
        WHERE c.name = 'Northwind Traders' AND i.voided_at IS NULL AND i.balance >= ?
          AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id)
        ORDER BY i.due_date, i.id LIMIT 1`,
    )
    .get(amount) as { id: string; customerId: string; number: string; balance: number };
}

/** A bank payment the provider has settled: inserted as processing, then applied as the webhook would. */
function settlePayment(
  customerId: string,
  amount: number,
  requested: { invoiceId: string; amount: number }[],
  extra: Partial<typeof payments.$inferInsert> = {},
): string {
  const id = newId('pay');
  const now = t.clock.now();
  t.db.transaction((tx) => {
    tx.insert(payments)
      .values({
        id,
        customerId,
        amount,
        currency: 'USD',
        method: 'ach',
        provider: 'sandbox',
        providerRef: `sbx_${id}`,
        status: 'processing',
        requestedAllocations: requested,
        allowOverpayment: true,
        createdAt: now,
        updatedAt: now,
        ...extra,
      })
      .run();
    assert.ok(applySucceededPayment(tx, id, systemActor, now));
  });
  return id;
}

function returnPayment(id: string): void {
  t.db.transaction((tx) => assert.ok(reversePayment(tx, id, 'R01', systemActor, t.clock.now())));
}

const runJobs = () => t.worker.runDue();

before(async () => {
  t = await startTestServer();
  ({ key } = erpKey(t));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body, payload: JSON.parse(body) as ErpWebhookPayload });
      res.statusCode = answers.get(path) ?? 200;
      res.end(res.statusCode === 200 ? 'ok' : 'receiver is down for maintenance');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Deliveries go out when the test runs the jobs, not on the worker's own timer.
  await runJobs();
});

after(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await t.close();
});

describe('webhook endpoints', () => {
  it('registers an endpoint, shows its secret once, and lists it without the secret', async () => {
    const created = await register('/list', { description: 'General ledger sync' });
    assert.match(created.id, /^whe_/);
    assert.match(created.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(created.events, ['payment.succeeded', 'payment.applied', 'payment.failed', 'payment.reversed']);
    assert.equal(created.description, 'General ledger sync');
    assert.equal(created.disabledAt, null);

    const res = await erpCall(t, key, 'GET', '/webhooks');
    const list = (await res.json()) as ErpWebhookEndpointList;
    const listed = list.items.find((e) => e.id === created.id)!;
    assert.equal(listed.url, `${hookBase}/list`);
    assert.equal('secret' in listed, false);
    assert.equal(
      scalar(`SELECT actor_type FROM events WHERE type = 'erp.webhook_created' AND subject_id = ?`, created.id),
      'erp',
    );

    await disable(created.id);
    const again = (await (await erpCall(t, key, 'GET', '/webhooks')).json()) as ErpWebhookEndpointList;
    assert.ok(again.items.find((e) => e.id === created.id)!.disabledAt);
    assert.equal(scalar(`SELECT count(*) FROM events WHERE type = 'erp.webhook_disabled'`), 1);
  });

  it('refuses URLs that are not http(s), hold credentials, or are plain http to another host in production', async () => {
    for (const body of [
      { url: 'ftp://erp.example.com/hook' },
      { url: 'not a url' },
      { url: 'https://user:pw@erp.example.com/hook' },
      { url: 'https://erp.example.com/hook', events: ['invoice.created'] },
      { url: 'https://erp.example.com/hook', extra: true },
    ]) {
      const res = await erpCall(t, key, 'POST', '/webhooks', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(await errorCode(res), 'invalid_request');
    }
    assert.equal(webhookUrlProblem('http://erp.example.com/hook', true), 'must be https (http only for localhost)');
    assert.equal(webhookUrlProblem('http://localhost:9000/hook', true), null);
    assert.equal(webhookUrlProblem('http://127.0.0.1:9000/hook', true), null);
    assert.equal(webhookUrlProblem('http://erp.example.com/hook', false), null);
    assert.equal(webhookUrlProblem('https://erp.example.com/hook', true), null);
  });

  it('needs an ERP key', async () => {
    const res = await erpCall(t, null, 'GET', '/webhooks');
    assert.equal(res.status, 401);
  });
});

describe('webhook deliveries', () => {
  it('posts payment.succeeded and payment.applied, signed with the endpoint secret, with the allocations', async () => {
    const endpoint = await register('/ledger');
    const invoice = openInvoice(5_000);
    const paymentId = settlePayment(invoice.customerId, 5_000, [{ invoiceId: invoice.id, amount: 5_000 }]);
    await runJobs();

    const got = at('/ledger');
    assert.deepEqual(
      got.map((r) => r.payload.type),
      ['payment.succeeded', 'payment.applied'],
    );
    for (const r of got) {
      assert.equal(
        verifySignedPayload(endpoint.secret, r.body, r.headers['portico-signature'] as string, t.clock.now()),
        'ok',
      );
      assert.equal(
        verifySignedPayload('whsec_wrong', r.body, r.headers['portico-signature'] as string, t.clock.now()),
        'mismatch',
      );
      assert.equal(r.headers['content-type'], 'application/json');
      assert.equal(r.headers['user-agent'], 'Portico-Webhooks/1');
      assert.equal(r.headers['portico-delivery-id'], r.payload.id);
      assert.equal(r.headers['portico-event-type'], r.payload.type);
      assert.match(r.payload.id, /^dlv_/);
      assert.match(r.payload.event, /^evt_\d+$/);
      assert.equal(r.payload.createdAt, t.clock.now().toISOString());
      assert.equal(r.payload.data.payment.id, paymentId);
      assert.equal(r.payload.data.payment.status, 'succeeded');
    }
    const applied = got[1]!.payload;
    assert.deepEqual(applied.data.allocations, [
      {
        invoiceId: invoice.id,
        invoiceExternalId: null,
        invoiceNumber: invoice.number,
        amount: 5_000,
        source: 'payment',
        creditFrom: null,
      },
    ]);
    assert.equal(applied.data.unapplied, 0);
    const payment: ErpPayment = applied.data.payment;
    assert.equal(payment.amount, 5_000);
    assert.equal(payment.customerId, invoice.customerId);
    assert.deepEqual(
      payment.allocations.map((a) => [a.invoiceNumber, a.amount, a.reversed, a.source]),
      [[invoice.number, 5_000, false, 'payment']],
    );
    assert.equal(got[0]!.payload.data.allocations, undefined);
    assert.deepEqual(
      t.sqlite
        .prepare(
          `SELECT status, attempts, last_status FROM erp_webhook_deliveries WHERE endpoint_id = ? ORDER BY event_id`,
        )
        .all(endpoint.id),
      [
        { status: 'delivered', attempts: 1, last_status: 200 },
        { status: 'delivered', attempts: 1, last_status: 200 },
      ],
    );
    await disable(endpoint.id);
  });

  it('retries a failed delivery after the backoff with the same delivery id', async () => {
    const endpoint = await register('/flaky', { events: ['payment.applied'] });
    answers.set('/flaky', 500);
    const invoice = openInvoice(1_000);
    settlePayment(invoice.customerId, 1_000, [{ invoiceId: invoice.id, amount: 1_000 }]);
    await runJobs();
    assert.equal(at('/flaky').length, 1);
    const failed = (await (
      await erpCall(t, key, 'GET', `/webhooks/${endpoint.id}/deliveries`)
    ).json()) as ErpWebhookDeliveryList;
    assert.equal(failed.items.length, 1);
    assert.equal(failed.items[0]!.status, 'pending');
    assert.equal(failed.items[0]!.attempts, 1);
    assert.equal(failed.items[0]!.lastStatus, 500);
    assert.match(failed.items[0]!.lastError!, /HTTP 500: receiver is down/);

    // Not before the backoff (10 s ± 20 %)…
    t.clock.advance(5_000);
    await runJobs();
    assert.equal(at('/flaky').length, 1);
    // …and after it, the same delivery again.
    answers.set('/flaky', 200);
    t.clock.advance(10_000);
    await runJobs();
    const [first, second] = at('/flaky');
    assert.ok(second, 'retried');
    assert.equal(second.headers['portico-delivery-id'], first!.headers['portico-delivery-id']);
    assert.equal(second.payload.id, first!.payload.id);
    assert.equal(second.payload.event, first!.payload.event);
    // Signed at the retry's own time.
    assert.equal(
      verifySignedPayload(endpoint.secret, second.body, second.headers['portico-signature'] as string, t.clock.now()),
      'ok',
    );
    assert.notEqual(second.headers['portico-signature'], first!.headers['portico-signature']);
    const delivered = (await (
      await erpCall(t, key, 'GET', `/webhooks/${endpoint.id}/deliveries`)
    ).json()) as ErpWebhookDeliveryList;
    assert.equal(delivered.items[0]!.status, 'delivered');
    assert.equal(delivered.items[0]!.attempts, 2);
    assert.equal(delivered.items[0]!.deliveredAt, t.clock.now().toISOString());
    await disable(endpoint.id);
  });

  it('marks a delivery failed after its last attempt, and a manual retry sends it again', async () => {
    const endpoint = await register('/down', { events: ['payment.succeeded'] });
    answers.set('/down', 503);
    const invoice = openInvoice(700);
    settlePayment(invoice.customerId, 700, [{ invoiceId: invoice.id, amount: 700 }]);
    for (let i = 0; i < 12; i++) {
      await runJobs();
      t.clock.advance(2 * 3_600_000);
    }
    assert.equal(at('/down').length, 12);
    const [delivery] = (
      (await (await erpCall(t, key, 'GET', `/webhooks/${endpoint.id}/deliveries`)).json()) as ErpWebhookDeliveryList
    ).items;
    assert.equal(delivery!.status, 'failed');
    assert.equal(delivery!.attempts, 12);

    answers.set('/down', 204);
    const retry = await erpCall(t, key, 'POST', `/webhooks/${endpoint.id}/deliveries/${delivery!.id}/retry`);
    assert.equal(retry.status, 202);
    const again = await erpCall(t, key, 'POST', `/webhooks/${endpoint.id}/deliveries/${delivery!.id}/retry`);
    assert.equal(again.status, 409, 'still pending');
    await runJobs();
    assert.equal(at('/down').length, 13);
    assert.equal(at('/down')[12]!.payload.id, delivery!.id);
    assert.equal(scalar(`SELECT status FROM erp_webhook_deliveries WHERE id = ?`, delivery!.id), 'delivered');
    const unknown = await erpCall(t, key, 'POST', `/webhooks/${endpoint.id}/deliveries/dlv_nope/retry`);
    assert.equal(unknown.status, 404);
    await disable(endpoint.id);
  });

  it('posts payment.reversed with the allocations taken back when a settled payment is returned', async () => {
    const endpoint = await register('/returns', { events: ['payment.reversed'] });
    const invoice = openInvoice(2_500);
    const paymentId = settlePayment(invoice.customerId, 2_500, [{ invoiceId: invoice.id, amount: 2_500 }]);
    await runJobs();
    assert.equal(at('/returns').length, 0, 'not subscribed to succeeded or applied');

    returnPayment(paymentId);
    await runJobs();
    const [reversed] = at('/returns');
    assert.equal(reversed!.payload.type, 'payment.reversed');
    assert.equal(
      verifySignedPayload(
        endpoint.secret,
        reversed!.body,
        reversed!.headers['portico-signature'] as string,
        t.clock.now(),
      ),
      'ok',
    );
    assert.deepEqual(
      reversed!.payload.data.allocations!.map((a) => [a.invoiceId, a.amount]),
      [[invoice.id, 2_500]],
    );
    assert.equal(reversed!.payload.data.payment.status, 'returned');
    assert.deepEqual(reversed!.payload.data.payment.failure, { code: 'R01', message: null });
    assert.deepEqual(
      reversed!.payload.data.payment.allocations.map((a) => [a.invoiceId, a.reversed]),
      [[invoice.id, true]],
    );
    await disable(endpoint.id);
  });

  it('delivers only the subscribed types, and nothing to a disabled endpoint', async () => {
    const applied = await register('/applied-only', { events: ['payment.applied'] });
    const off = await register('/off');
    await disable(off.id);
    const invoice = openInvoice(300);
    settlePayment(invoice.customerId, 300, [{ invoiceId: invoice.id, amount: 300 }]);
    await runJobs();
    assert.deepEqual(
      at('/applied-only').map((r) => r.payload.type),
      ['payment.applied'],
    );
    assert.equal(at('/off').length, 0);
    assert.equal(scalar(`SELECT count(*) FROM erp_webhook_deliveries WHERE endpoint_id = ?`, off.id), 0);

    // Disabled with a delivery still pending: it is dropped, not sent.
    const invoice2 = openInvoice(200);
    settlePayment(invoice2.customerId, 200, [{ invoiceId: invoice2.id, amount: 200 }]);
    await disable(applied.id);
    await runJobs();
    assert.equal(at('/applied-only').length, 1);
    assert.deepEqual(
      t.sqlite
        .prepare(`SELECT status, attempts FROM erp_webhook_deliveries WHERE endpoint_id = ? ORDER BY event_id`)
        .all(applied.id),
      [
        { status: 'delivered', attempts: 1 },
        { status: 'failed', attempts: 0 },
      ],
    );
  });

  it('queues nothing when the payment transaction rolls back', async () => {
    const endpoint = await register('/rollback');
    const before = scalar(`SELECT count(*) FROM erp_webhook_deliveries`) as number;
    const invoice = openInvoice(100);
    assert.throws(() =>
      t.db.transaction((tx) => {
        const id = newId('pay');
        const now = t.clock.now();
        tx.insert(payments)
          .values({
            id,
            customerId: invoice.customerId,
            amount: 100,
            currency: 'USD',
            method: 'ach',
            provider: 'sandbox',
            status: 'processing',
            createdAt: now,
            updatedAt: now,
          })
          .run();
        applySucceededPayment(tx, id, systemActor, now);
        throw new Error('the provider call failed after all');
      }),
    );
    assert.equal(scalar(`SELECT count(*) FROM erp_webhook_deliveries`), before);
    await disable(endpoint.id);
  });
});

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

    const a = openInvoice(400);
    const first = settlePayment(a.customerId, 400, [{ invoiceId: a.id, amount: 400 }]);
    const b = openInvoice(600);
    const second = settlePayment(b.customerId, 600, [{ invoiceId: b.id, amount: 600 }]);
    returnPayment(first);

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
    const invoiceId = (externalId: string) =>
      scalar(`SELECT id FROM invoices WHERE external_id = ?`, externalId) as string;
    const customerId = scalar(`SELECT id FROM customers WHERE external_id = 'C-90'`) as string;
    const first = invoiceId('I-901');
    const total = scalar(`SELECT total FROM invoices WHERE id = ?`, first) as number;
    const start = await readAll(null, 1000);

    // 800 more than the only invoice takes: kept as the customer's credit.
    const earlier = settlePayment(customerId, total + 800, [{ invoiceId: first, amount: total }]);
    t.clock.advance(60_000);
    await put('/invoices', { invoices: [invoiceRow(902, { customerExternalId: 'C-90' })] });
    const second = invoiceId('I-902');
    const later = settlePayment(customerId, 200, [{ invoiceId: second, amount: 1_000 }], { creditRequested: 800 });

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
