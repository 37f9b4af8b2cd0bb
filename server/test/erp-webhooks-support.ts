/**
 * Shared setup for the ERP webhook and payment feed tests (erp-webhooks, erp-payment-feed.test.ts): one server, an
 * ERP key, a loopback receiver for webhook deliveries, and helpers that open invoices and settle or return payments.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { and, asc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import type { ErpWebhookEndpointCreated, ErpWebhookPayload } from '../src/contract/erp';
import { newId } from '../src/crypto';
import { customers, invoices, payments } from '../src/db/schema';
import { applySucceededPayment, reversePayment } from '../src/domain/ledger/cash-application';
import { systemActor } from '../src/domain/events';
import { startTestServer, type TestServer } from './helpers';
import { erpCall, erpKey, scalarOf } from './erp-helpers';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: ErpWebhookPayload;
}

export let t: TestServer;
export let key: string;
export let receiver: Server;
export let hookBase: string;
const received: Received[] = [];
/** The status each receiver path answers with; 200 when not set. */
export const answers = new Map<string, number>();

export const scalar = (query: SQL) => scalarOf(t.db, query);

export const at = (path: string) => received.filter((r) => r.path === path);

export async function register(path: string, body: Record<string, unknown> = {}): Promise<ErpWebhookEndpointCreated> {
  const res = await erpCall(t, key, 'POST', '/webhooks', { body: { url: `${hookBase}${path}`, ...body } });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as ErpWebhookEndpointCreated;
}

export async function disable(id: string): Promise<void> {
  const res = await erpCall(t, key, 'DELETE', `/webhooks/${id}`);
  assert.equal(res.status, 200, await res.clone().text());
}

/** A customer with an open invoice of at least `amount`, as the demo has them. */
export async function openInvoice(
  amount: number,
): Promise<{ id: string; customerId: string; number: string; balance: number }> {
  const found = await t.db
    .select({ id: invoices.id, customerId: invoices.customerId, number: invoices.number, balance: invoices.balance })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        eq(customers.name, 'Northwind Traders'),
        isNull(invoices.voidedAt),
        gte(invoices.balance, amount),
        // Qualified by hand: in the subquery's one-table select Drizzle would drop the table from `invoices.id`.
        sql`NOT EXISTS (SELECT 1 FROM "disputes" "d" WHERE "d"."invoice_id" = "invoices"."id")`,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(1)
    .get();
  return found!;
}

/** A bank payment the provider has settled: inserted as processing, then applied as the webhook would. */
export async function settlePayment(
  customerId: string,
  amount: number,
  requested: { invoiceId: string; amount: number }[],
  extra: Partial<typeof payments.$inferInsert> = {},
): Promise<string> {
  const id = newId('pay');
  const now = t.clock.now();
  await t.db.transaction(async (tx) => {
    await tx.insert(payments).values({
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
    });
    assert.ok(await applySucceededPayment(tx, id, systemActor, now));
  });
  return id;
}

export async function returnPayment(id: string): Promise<void> {
  await t.db.transaction(async (tx) => assert.ok(await reversePayment(tx, id, 'R01', systemActor, t.clock.now())));
}

export const runJobs = () => t.worker.runDue();

/** One server and one webhook receiver for the file; the receiver records what it gets and answers as `answers` says. */
export function useErpWebhookServer(): void {
  before(async () => {
    t = await startTestServer();
    ({ key } = await erpKey(t));
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
}
