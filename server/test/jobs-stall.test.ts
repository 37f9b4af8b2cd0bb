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
import { createApp } from '../src/app';
import { ManualClock } from '../src/clock';
import { testConfig } from '../src/config';
import { newId } from '../src/crypto';
import { openDatabase } from '../src/db/client';
import { payments } from '../src/db/schema';
import { applySucceededPayment } from '../src/domain/ledger/cash-application';
import { createErpKey } from '../src/domain/erp/keys';
import { systemActor } from '../src/domain/events';
import { smtpMailer } from '../src/mail/mailer';
import { seedDemo } from '../src/seed/demo';
import { ORIGIN, startTestServer } from './helpers';

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

const until = async (what: string, check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

type Sqlite = ReturnType<typeof openDatabase>['sqlite'];
type DbHandle = ReturnType<typeof openDatabase>['db'];

/** A settled bank payment on a Northwind invoice: its succeeded and applied events each make a delivery. */
function settlePayment(db: DbHandle, sqlite: Sqlite, now: Date): void {
  const invoice = sqlite
    .prepare(
      `SELECT id, customer_id AS customerId FROM invoices WHERE customer_id = 'cus_northwind' AND balance >= 100
        AND voided_at IS NULL ORDER BY due_date, id LIMIT 1`,
    )
    .get() as { id: string; customerId: string };
  const id = newId('pay');
  db.transaction((tx) => {
    tx.insert(payments)
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
    assert.ok(applySucceededPayment(tx, id, systemActor, now));
  });
}

async function registerWebhook(api: string, db: DbHandle, url: string, now: Date): Promise<void> {
  const { key } = createErpKey(db, 'Test ERP', systemActor, now);
  const res = await fetch(`${api}/erp/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  assert.equal(res.status, 201, await res.text());
}

const count = (sqlite: Sqlite, query: string) => (sqlite.prepare(query).pluck().get() as number) ?? 0;

describe('a silent mail server', () => {
  it('holds up neither link issuance nor webhook deliveries, and its emails are retried later', async () => {
    const smtp = await silentServer();
    const receiver = await workingReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'portico-stall-'));
    const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
    const config = testConfig({
      DATABASE_PATH: join(dir, 'p.sqlite'),
      ALLOWED_ORIGINS: ORIGIN,
      SMTP_URL: smtpUrl,
      RESEND_COOLDOWN_SECONDS: '0',
    });
    const clock = new ManualClock();
    const { db, sqlite, close } = openDatabase(config.DATABASE_PATH);
    seedDemo(db, clock.now());
    // A short greeting timeout, so the test need not wait out the real one (10 s).
    const mailer = smtpMailer(smtpUrl, { greetingMs: 1500 });
    const { app, worker } = createApp({ config, db, clock, mailer });
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
        () => count(sqlite, "SELECT count(*) FROM email_outbox WHERE status = 'pending'") === 4,
        2000,
      );

      const asked = Date.now();
      await askLink('ar@acme.test', 'staff');
      await until(
        'the staff link',
        () => count(sqlite, "SELECT count(*) FROM magic_links WHERE email = 'ar@acme.test'") === 1,
        1000,
      );
      const linkMs = Date.now() - asked;

      const settled = Date.now();
      settlePayment(db, sqlite, clock.now());
      worker.kick();
      await until('both webhook deliveries', () => receiver.received.length === 2, 1000);
      const webhookMs = Date.now() - settled;
      assert.deepEqual(receiver.received.sort(), ['payment.applied', 'payment.succeeded']);
      assert.ok(linkMs < 1000 && webhookMs < 1000, `link in ${linkMs} ms, webhooks in ${webhookMs} ms`);
      assert.equal(smtp.connections(), 3, 'the stuck emails were still stuck');

      // The stuck attempts time out and wait for their retry; the emails behind them get their turn.
      await until(
        'every email attempted once',
        () => count(sqlite, 'SELECT count(*) FROM email_outbox WHERE attempts = 0') === 0,
        8000,
      );
      const emails = sqlite.prepare('SELECT status, attempts, last_error AS lastError FROM email_outbox').all() as {
        status: string;
        attempts: number;
        lastError: string;
      }[];
      assert.equal(emails.length, 5);
      for (const email of emails) {
        assert.equal(email.status, 'pending');
        assert.equal(email.attempts, 1);
        assert.match(email.lastError, /greeting|timeout/i);
      }
      await until(
        'the last failures recorded',
        () => count(sqlite, "SELECT count(*) FROM jobs WHERE type = 'email.deliver' AND status = 'queued'") === 5,
        2000,
      );
      const retryAt = sqlite.prepare("SELECT run_at FROM jobs WHERE type = 'email.deliver'").pluck().all() as number[];
      for (const at of retryAt) assert.ok(at >= clock.now().getTime() + 8_000, 'retried after a backoff');
    } finally {
      await smtp.close();
      await worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
      mailer.close?.();
      close();
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
      settlePayment(t.db, t.sqlite, t.clock.now());
      settlePayment(t.db, t.sqlite, t.clock.now());
      t.worker.start();
      await until('three stuck deliveries', () => hook.connections() === 3, 5000);

      const asked = Date.now();
      const res = await t.call('POST', '/auth/links', { body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` } });
      assert.equal(res.status, 202);
      await t.mail.waitFor('ap@northwind.test', { timeoutMs: 3000 });
      const emailMs = Date.now() - asked;
      assert.ok(emailMs < 3000, `the sign-in email took ${emailMs} ms`);
      assert.equal(
        count(t.sqlite, 'SELECT count(*) FROM erp_webhook_deliveries WHERE attempts = 0'),
        4,
        'while every delivery was still unanswered',
      );

      await until(
        'the first deliveries to time out',
        () => count(t.sqlite, 'SELECT count(*) FROM erp_webhook_deliveries WHERE attempts = 1') >= 3,
        15_000,
      );
      const failed = t.sqlite
        .prepare('SELECT status, last_error AS lastError FROM erp_webhook_deliveries WHERE attempts = 1')
        .all() as { status: string; lastError: string }[];
      for (const d of failed) {
        assert.equal(d.status, 'pending');
        assert.equal(d.lastError, 'No answer within 10 s.');
      }
      await until(
        'their retries to be scheduled',
        () =>
          count(
            t.sqlite,
            `SELECT count(*) FROM jobs WHERE type = 'erp.webhook.deliver' AND status = 'queued' AND attempts = 1
              AND run_at >= ${t.clock.now().getTime() + 8_000}`,
          ) >= 3,
        2000,
      );
    } finally {
      await hook.close();
      await t.close();
    }
  });
});
