/**
 * A silent mail server or webhook receiver (a real TCP server on loopback that accepts connections
 * and never answers) holds up only its own kind of job, and only until its timeout: link issuance,
 * the other kind of delivery and sign-in emails go on meanwhile, and a timed-out attempt is retried
 * later with backoff.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { and, asc, count, eq, gte, isNull, type SQL } from 'drizzle-orm';
import { createApp } from '../src/app';
import { ManualClock } from '../src/clock';
import { testConfig } from '../src/config';
import { newId } from '../src/crypto';
import type { Db } from '../src/db/client';
import { emailOutbox, erpWebhookDeliveries, invoices, jobs, magicLinks, payments } from '../src/db/schema';
import { applySucceededPayment } from '../src/domain/ledger/cash-application';
import { createErpKey } from '../src/domain/erp/keys';
import { systemActor } from '../src/domain/events';
import { smtpMailer } from '../src/mail/mailer';
import { seedDemo } from '../src/seed/demo';
import { ORIGIN, startTestServer } from './helpers';
import { openTestDatabase } from './postgres-support';

/** A TCP server that takes every connection and says nothing, ever. */
async function silentServer(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A webhook receiver that answers 200 and keeps what it got. */
async function workingReceiver(): Promise<{ url: string; received: string[]; server: HttpServer }> {
  const received: string[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push((JSON.parse(body) as { type: string }).type);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

const until = async (what: string, check: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A settled bank payment on a Northwind invoice: its succeeded and applied events each make a delivery. */
async function settlePayment(db: Db, now: Date): Promise<void> {
  const invoice = (await db
    .select({ id: invoices.id, customerId: invoices.customerId })
    .from(invoices)
    .where(and(eq(invoices.customerId, 'cus_northwind'), gte(invoices.balance, 100), isNull(invoices.voidedAt)))
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(1)
    .get())!;
  const id = newId('pay');
  await db.transaction(async (tx) => {
    await tx
      .insert(payments)
      .values({
        id,
        customerId: invoice.customerId,
        amount: 100,
        currency: 'USD',
        method: 'ach',
        provider: 'sandbox',
        providerRef: `sbx_${id}`,
        status: 'processing',
        requestedAllocations: [{ invoiceId: invoice.id, amount: 100 }],
        allowOverpayment: false,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    assert.ok(await applySucceededPayment(tx, id, systemActor, now));
  });
}

async function registerWebhook(api: string, db: Db, url: string, now: Date): Promise<void> {
  const { key } = await createErpKey(db, 'Test ERP', systemActor, now);
  const res = await fetch(`${api}/erp/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  assert.equal(res.status, 201, await res.text());
}

/** How many rows of the table match. */
const rows = async (
  db: Db,
  table: typeof emailOutbox | typeof magicLinks | typeof erpWebhookDeliveries | typeof jobs,
  where: SQL | undefined,
) => (await db.select({ n: count() }).from(table).where(where).get())?.n ?? 0;

describe('a silent mail server', () => {
  it('holds up neither link issuance nor webhook deliveries, and its emails are retried later', async () => {
    const smtp = await silentServer();
    const receiver = await workingReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'portico-stall-'));
    const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
    const database = await openTestDatabase(dir);
    const { db } = database;
    const config = testConfig({
      ...database.config,
      ALLOWED_ORIGINS: ORIGIN,
      SMTP_URL: smtpUrl,
      RESEND_COOLDOWN_SECONDS: '0',
    });
    const clock = new ManualClock();
    await seedDemo(db, clock.now());
    // A short greeting timeout, so the test need not wait out the real one (10 s).
    const mailer = smtpMailer(smtpUrl, { greetingMs: 1500 });
    const { app, worker } = await createApp({ config, db, clock, mailer });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    const askLink = async (email: string, audience = 'customer') => {
      const res = await fetch(`${api}/auth/links`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ email, audience, returnTo: `${ORIGIN}/` }),
      });
      assert.equal(res.status, 202);
    };
    try {
      await registerWebhook(api, db, receiver.url, clock.now());
      worker.start();
      for (const email of ['ap@northwind.test', 'cfo@globex.test', 'bookkeeper@ledger.test', 'compta@lumiere.test']) {
        await askLink(email);
      }
      // Three emails hang on the silent server: every slot but one.
      await until('three stuck deliveries', () => smtp.connections() === 3, 5000);
      await until(
        'the fourth link and its email',
        async () => (await rows(db, emailOutbox, eq(emailOutbox.status, 'pending'))) === 4,
        2000,
      );

      const asked = Date.now();
      await askLink('ar@acme.test', 'staff');
      await until(
        'the staff link',
        async () => (await rows(db, magicLinks, eq(magicLinks.email, 'ar@acme.test'))) === 1,
        1000,
      );
      const linkMs = Date.now() - asked;

      const settled = Date.now();
      await settlePayment(db, clock.now());
      worker.kick();
      await until('both webhook deliveries', () => receiver.received.length === 2, 1000);
      const webhookMs = Date.now() - settled;
      assert.deepEqual(receiver.received.sort(), ['payment.applied', 'payment.succeeded']);
      assert.ok(linkMs < 1000 && webhookMs < 1000, `link in ${linkMs} ms, webhooks in ${webhookMs} ms`);
      assert.equal(smtp.connections(), 3, 'the stuck emails were still stuck');

      // The stuck attempts time out and wait for their retry; the emails behind them get their turn.
      await until(
        'every email attempted once',
        async () => (await rows(db, emailOutbox, eq(emailOutbox.attempts, 0))) === 0,
        8000,
      );
      const emails = await db
        .select({ status: emailOutbox.status, attempts: emailOutbox.attempts, lastError: emailOutbox.lastError })
        .from(emailOutbox)
        .all();
      assert.equal(emails.length, 5);
      for (const email of emails) {
        assert.equal(email.status, 'pending');
        assert.equal(email.attempts, 1);
        assert.match(email.lastError ?? '', /greeting|timeout/i);
      }
      await until(
        'the last failures recorded',
        async () => (await rows(db, jobs, and(eq(jobs.type, 'email.deliver'), eq(jobs.status, 'queued')))) === 5,
        2000,
      );
      const retryAt = await db.select({ runAt: jobs.runAt }).from(jobs).where(eq(jobs.type, 'email.deliver')).all();
      for (const { runAt } of retryAt) {
        assert.ok(runAt.getTime() >= clock.now().getTime() + 8_000, 'retried after a backoff');
      }
    } finally {
      await smtp.close();
      await worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
      mailer.close?.();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a silent webhook receiver', () => {
  it('holds up no sign-in email, and its deliveries time out after 10 s and are retried later', async () => {
    const hook = await silentServer();
    const t = await startTestServer();
    try {
      await registerWebhook(t.api, t.db, `http://127.0.0.1:${hook.port}/hook`, t.clock.now());
      await settlePayment(t.db, t.clock.now());
      await settlePayment(t.db, t.clock.now());
      t.worker.start();
      await until('three stuck deliveries', () => hook.connections() === 3, 5000);

      const asked = Date.now();
      const res = await t.call('POST', '/auth/links', { body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` } });
      assert.equal(res.status, 202);
      await t.mail.waitFor('ap@northwind.test', { timeoutMs: 3000 });
      const emailMs = Date.now() - asked;
      assert.ok(emailMs < 3000, `the sign-in email took ${emailMs} ms`);
      assert.equal(
        await rows(t.db, erpWebhookDeliveries, eq(erpWebhookDeliveries.attempts, 0)),
        4,
        'while every delivery was still unanswered',
      );

      await until(
        'the first deliveries to time out',
        async () => (await rows(t.db, erpWebhookDeliveries, eq(erpWebhookDeliveries.attempts, 1))) >= 3,
        15_000,
      );
      const failed = await t.db
        .select({ status: erpWebhookDeliveries.status, lastError: erpWebhookDeliveries.lastError })
        .from(erpWebhookDeliveries)
        .where(eq(erpWebhookDeliveries.attempts, 1))
        .all();
      for (const d of failed) {
        assert.equal(d.status, 'pending');
        assert.equal(d.lastError, 'No answer within 10 s.');
      }
      await until(
        'their retries to be scheduled',
        async () =>
          (await rows(
            t.db,
            jobs,
            and(
              eq(jobs.type, 'erp.webhook.deliver'),
              eq(jobs.status, 'queued'),
              eq(jobs.attempts, 1),
              gte(jobs.runAt, new Date(t.clock.now().getTime() + 8_000)),
            ),
          )) >= 3,
        2000,
      );
    } finally {
      await hook.close();
      await t.close();
    }
  });
});
