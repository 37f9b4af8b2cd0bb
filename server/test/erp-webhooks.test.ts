/** ERP webhooks over real HTTP to a loopback receiver: registering endpoints, and signed deliveries with retries. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import type { ErpPayment, ErpWebhookDeliveryList, ErpWebhookEndpointList } from '../src/contract/erp';
import { newId, verifySignedPayload } from '../src/crypto';
import { erpWebhookDeliveries, payments } from '../src/db/schema';
import { applySucceededPayment } from '../src/domain/ledger/cash-application';
import { webhookUrlProblem } from '../src/domain/erp/webhooks';
import { systemActor } from '../src/domain/events';
import { errorCode } from './helpers';
import { erpCall } from './erp-helpers';
import {
  answers,
  at,
  disable,
  hookBase,
  key,
  openInvoice,
  register,
  returnPayment,
  runJobs,
  scalar,
  settlePayment,
  t,
  useErpWebhookServer,
} from './erp-webhooks-support';

useErpWebhookServer();

describe('webhook endpoints', () => {
  it('registers an endpoint, shows its secret once, and lists it without the secret', async () => {
    const created = await register('/list', { description: 'General ledger sync' });
    assert.match(created.id, /^whe_/);
    assert.match(created.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    // No list given: every type there is.
    assert.deepEqual(created.events, [
      'payment.succeeded',
      'payment.applied',
      'payment.failed',
      'payment.reversed',
      'promise.created',
      'promise.kept',
      'promise.partially_kept',
      'promise.broken',
      'promise.cancelled',
      'promise.reopened',
      'dispute.opened',
      'dispute.resolved',
      'dispute.rejected',
      'dispute.withdrawn',
      'credit_note.created',
    ]);
    assert.equal(created.description, 'General ledger sync');
    assert.equal(created.disabledAt, null);

    const res = await erpCall(t, key, 'GET', '/webhooks');
    const list = (await res.json()) as ErpWebhookEndpointList;
    const listed = list.items.find((e) => e.id === created.id)!;
    assert.equal(listed.url, `${hookBase}/list`);
    assert.equal('secret' in listed, false);
    assert.equal(
      await scalar(
        sql`SELECT actor_type FROM events WHERE type = 'erp.webhook_created' AND subject_id = ${created.id}`,
      ),
      'erp',
    );

    await disable(created.id);
    const again = (await (await erpCall(t, key, 'GET', '/webhooks')).json()) as ErpWebhookEndpointList;
    assert.ok(again.items.find((e) => e.id === created.id)!.disabledAt);
    assert.equal(await scalar(sql`SELECT count(*) FROM events WHERE type = 'erp.webhook_disabled'`), 1);
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
    const invoice = await openInvoice(5_000);
    const paymentId = await settlePayment(invoice.customerId, 5_000, [{ invoiceId: invoice.id, amount: 5_000 }]);
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
      assert.equal(r.payload.data.payment!.id, paymentId);
      assert.equal(r.payload.data.payment!.status, 'succeeded');
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
    const payment: ErpPayment = applied.data.payment!;
    assert.equal(payment.amount, 5_000);
    assert.equal(payment.customerId, invoice.customerId);
    assert.deepEqual(
      payment.allocations.map((a) => [a.invoiceNumber, a.amount, a.reversed, a.source]),
      [[invoice.number, 5_000, false, 'payment']],
    );
    assert.equal(got[0]!.payload.data.allocations, undefined);
    assert.deepEqual(
      await t.db
        .select({
          status: erpWebhookDeliveries.status,
          attempts: erpWebhookDeliveries.attempts,
          lastStatus: erpWebhookDeliveries.lastStatus,
        })
        .from(erpWebhookDeliveries)
        .where(eq(erpWebhookDeliveries.endpointId, endpoint.id))
        .orderBy(asc(erpWebhookDeliveries.eventId))
        .all(),
      [
        { status: 'delivered', attempts: 1, lastStatus: 200 },
        { status: 'delivered', attempts: 1, lastStatus: 200 },
      ],
    );
    await disable(endpoint.id);
  });

  it('retries a failed delivery after the backoff with the same delivery id', async () => {
    const endpoint = await register('/flaky', { events: ['payment.applied'] });
    answers.set('/flaky', 500);
    const invoice = await openInvoice(1_000);
    await settlePayment(invoice.customerId, 1_000, [{ invoiceId: invoice.id, amount: 1_000 }]);
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
    const invoice = await openInvoice(700);
    await settlePayment(invoice.customerId, 700, [{ invoiceId: invoice.id, amount: 700 }]);
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
    assert.equal(await scalar(sql`SELECT status FROM erp_webhook_deliveries WHERE id = ${delivery!.id}`), 'delivered');
    const unknown = await erpCall(t, key, 'POST', `/webhooks/${endpoint.id}/deliveries/dlv_nope/retry`);
    assert.equal(unknown.status, 404);
    await disable(endpoint.id);
  });

  it('posts payment.reversed with the allocations taken back when a settled payment is returned', async () => {
    const endpoint = await register('/returns', { events: ['payment.reversed'] });
    const invoice = await openInvoice(2_500);
    const paymentId = await settlePayment(invoice.customerId, 2_500, [{ invoiceId: invoice.id, amount: 2_500 }]);
    await runJobs();
    assert.equal(at('/returns').length, 0, 'not subscribed to succeeded or applied');

    await returnPayment(paymentId);
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
    assert.equal(reversed!.payload.data.payment!.status, 'returned');
    assert.deepEqual(reversed!.payload.data.payment!.failure, { code: 'R01', message: null });
    assert.deepEqual(
      reversed!.payload.data.payment!.allocations.map((a) => [a.invoiceId, a.reversed]),
      [[invoice.id, true]],
    );
    await disable(endpoint.id);
  });

  it('delivers only the subscribed types, and nothing to a disabled endpoint', async () => {
    const applied = await register('/applied-only', { events: ['payment.applied'] });
    const off = await register('/off');
    await disable(off.id);
    const invoice = await openInvoice(300);
    await settlePayment(invoice.customerId, 300, [{ invoiceId: invoice.id, amount: 300 }]);
    await runJobs();
    assert.deepEqual(
      at('/applied-only').map((r) => r.payload.type),
      ['payment.applied'],
    );
    assert.equal(at('/off').length, 0);
    assert.equal(await scalar(sql`SELECT count(*) FROM erp_webhook_deliveries WHERE endpoint_id = ${off.id}`), 0);

    // Disabled with a delivery still pending: it is dropped, not sent.
    const invoice2 = await openInvoice(200);
    await settlePayment(invoice2.customerId, 200, [{ invoiceId: invoice2.id, amount: 200 }]);
    await disable(applied.id);
    await runJobs();
    assert.equal(at('/applied-only').length, 1);
    assert.deepEqual(
      await t.db
        .select({ status: erpWebhookDeliveries.status, attempts: erpWebhookDeliveries.attempts })
        .from(erpWebhookDeliveries)
        .where(eq(erpWebhookDeliveries.endpointId, applied.id))
        .orderBy(asc(erpWebhookDeliveries.eventId))
        .all(),
      [
        { status: 'delivered', attempts: 1 },
        { status: 'failed', attempts: 0 },
      ],
    );
  });

  it('queues nothing when the payment transaction rolls back', async () => {
    const endpoint = await register('/rollback');
    const before = (await scalar(sql`SELECT count(*) FROM erp_webhook_deliveries`)) as number;
    const invoice = await openInvoice(100);
    await assert.rejects(
      t.db.transaction(async (tx) => {
        const id = newId('pay');
        const now = t.clock.now();
        await tx.insert(payments).values({
          id,
          customerId: invoice.customerId,
          amount: 100,
          currency: 'USD',
          method: 'ach',
          provider: 'sandbox',
          status: 'processing',
          createdAt: now,
          updatedAt: now,
        });
        await applySucceededPayment(tx, id, systemActor, now);
        throw new Error('the provider call failed after all');
      }),
    );
    assert.equal(await scalar(sql`SELECT count(*) FROM erp_webhook_deliveries`), before);
    await disable(endpoint.id);
  });
});

describe('promise webhooks', () => {
  it('posts promise.created and promise.cancelled with the promise as the feed shows it', async () => {
    const endpoint = await register('/promises', { events: ['promise.created', 'promise.cancelled'] });
    const invoice = await openInvoice(1_000);
    const token = await t.signIn('ap@northwind.test');
    const promisedDate = new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
    const made = await t.call('POST', '/promises', {
      token,
      body: { account: invoice.customerId, invoices: [invoice.id], amount: 1_000, promisedDate },
    });
    assert.equal(made.status, 201);
    const { id } = (await made.json()) as { id: string };
    assert.equal((await t.call('POST', `/promises/${id}/cancel`, { token })).status, 200);
    await t.deliver();
    const got = at('/promises');
    assert.deepEqual(
      got.map((r) => r.payload.type),
      ['promise.created', 'promise.cancelled'],
    );
    for (const r of got) {
      const promise = r.payload.data.promise!;
      assert.equal(promise.id, id);
      assert.equal(promise.customerId, invoice.customerId);
      assert.equal(promise.amount, 1_000);
      assert.equal(promise.promisedDate, promisedDate);
      assert.deepEqual(
        promise.invoices.map((i) => i.number),
        [invoice.number],
      );
      assert.equal(r.payload.data.payment, undefined);
    }
    // Delivered as it is now: cancelled, in both.
    assert.equal(got[1]!.payload.data.promise!.status, 'cancelled');
    await disable(endpoint.id);
  });
});
