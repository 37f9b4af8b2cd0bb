/**
 * Two Portico processes on one PostgreSQL, as a company runs them behind a load balancer: each a real
 * `server/src/main.ts` started together (so they migrate and seed under the lock at once), a small
 * round-robin proxy in front, real SMTP and a real webhook receiver on loopback. Any replica serves
 * any request; money is decided in the database; `kill -9` of one loses nothing the other cannot finish.
 * Runs in the PostgreSQL pass of `npm run test:server` (replicas share one PostgreSQL; SQLite is one file
 * on one machine).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { ErpWebhookPayload, InvoiceList, PaymentView } from '../src/contract';
import { startPortico, type PorticoProcess } from '../../test/support/portico-process';
import { linkFrom, startSmtpCapture, type SmtpCapture } from '../../test/support/smtp-capture';
import { createTestDatabase, testEngine } from './postgres-support';

const ORIGIN = 'https://shop.test';
const CUSTOMER = 'ap@northwind.test';
const skip = testEngine !== 'postgres' && 'replicas share one PostgreSQL: this runs in the PostgreSQL pass';

/** Reads a request's body whole. */
async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A load balancer in miniature: each request to the next replica in turn; a dead one answers 502. */
async function roundRobin(upstreams: string[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const server = createServer((req, res) => {
    const upstream = upstreams[next++ % upstreams.length]!;
    void (async () => {
      try {
        const body = await bodyOf(req);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
        }
        const answer = await fetch(`${upstream}${req.url}`, {
          method: req.method,
          headers,
          body: body.length ? new Uint8Array(body) : undefined,
        });
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(Buffer.from(await answer.arrayBuffer()));
      } catch {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'bad_gateway', message: 'The replica did not answer.' } }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('two replicas on one PostgreSQL', { skip }, () => {
  let database: { url: string; drop: () => Promise<void> };
  let mail: SmtpCapture;
  let replicas: PorticoProcess[];
  let proxy: { url: string; server: Server };
  let sql: pg.Pool;
  let receiver: Server;
  const hooks: ErpWebhookPayload[] = [];

  const call = (base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function signIn(requestAt: string, exchangeAt: string): Promise<string> {
    const sent = mail.to(CUSTOMER).length;
    const link = await call(requestAt, 'POST', '/auth/links', { email: CUSTOMER, returnTo: `${ORIGIN}/portal` });
    assert.equal(link.status, 202, await link.text());
    const { token } = linkFrom(
      await mail.waitFor(CUSTOMER, { after: sent, timeoutMs: 20_000, subject: /sign-in link/ }),
    );
    const session = await call(exchangeAt, 'POST', '/auth/sessions', { token });
    assert.equal(session.status, 200, await session.clone().text());
    return ((await session.json()) as { token: string }).token;
  }

  async function openInvoices(base: string, token: string) {
    const res = await call(base, 'GET', '/invoices?account=cus_northwind&status=open', undefined, {
      authorization: `Bearer ${token}`,
    });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as InvoiceList).items.filter((i) => i.payable > 0);
  }

  const pay = (base: string, token: string, invoiceId: string, amount: number, key = randomUUID()) =>
    call(
      base,
      'POST',
      '/payments',
      {
        account: 'cus_northwind',
        allocations: [{ invoiceId, amount }],
        method: 'card',
        paymentMethod: 'tok_visa',
      },
      { authorization: `Bearer ${token}`, 'idempotency-key': key },
    );

  const one = async <T>(query: string, values: unknown[] = []) => (await sql.query(query, values)).rows[0] as T;

  before(async () => {
    database = await createTestDatabase();
    mail = await startSmtpCapture();
    receiver = createServer((req, res) => {
      // A delivery cut off by the killed replica ends in a reset socket: not a delivery, not an error of the test.
      req.on('error', () => undefined);
      void bodyOf(req)
        .then((body) => {
          hooks.push(JSON.parse(body.toString('utf8')) as ErpWebhookPayload);
          res.end('ok');
        })
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: mail.url,
      ALLOWED_ORIGINS: ORIGIN,
      RESEND_COOLDOWN_SECONDS: '0',
      RATE_LIMIT_EMAIL: '1000',
      RATE_LIMIT_IP: '10000',
      PAYMENT_ATTEMPTS_PER_HOUR: '10000',
    };
    // Started together: both migrate and seed the empty database, and exactly one of each must happen.
    replicas = await Promise.all([startPortico(env), startPortico(env)]);
    proxy = await roundRobin(replicas.map((r) => r.url));
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    sql.on('error', () => undefined);
  });

  after(async () => {
    await sql?.end();
    await new Promise<void>((resolve) => (proxy ? proxy.server.close(() => resolve()) : resolve()));
    await Promise.all((replicas ?? []).map((r) => r.stop()));
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    await mail?.close();
    await database?.drop();
  });

  it('started together, they migrated once and seeded the demo once', async () => {
    const journal = (await import('../drizzle/postgres/meta/_journal.json', { with: { type: 'json' } })).default;
    const migrations = await one<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    assert.equal(migrations.n, journal.entries.length);
    const seeded = await one<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'invoice.sent'`);
    assert.equal(seeded.n, 1, 'the demo opens with one invoice email, queued by the replica that seeded');
  });

  it('signs in with a link asked for on one replica and exchanged on the other', async () => {
    const [a, b] = replicas as [PorticoProcess, PorticoProcess];
    const token = await signIn(a.url, b.url);
    assert.ok((await openInvoices(a.url, token)).length > 0);
    assert.ok((await openInvoices(b.url, token)).length > 0);
  });

  it('charges once for 50 concurrent payments with one Idempotency-Key spread over both', async () => {
    const token = await signIn(proxy.url, proxy.url);
    const invoice = (await openInvoices(proxy.url, token))[0]!;
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay(proxy.url, token, invoice.id, 100, key)));
    const ids = new Set<string>();
    for (const res of answers) {
      const body = (await res.json()) as PaymentView & { error?: { code: string } };
      assert.ok(res.status === 201 || res.status === 200, `${res.status} ${JSON.stringify(body)}`);
      assert.equal(body.status, 'succeeded');
      ids.add(body.id);
    }
    assert.equal(ids.size, 1, 'every answer is the one payment');
    const [id] = [...ids];
    const rows = await one<{ n: number }>('SELECT count(*)::int AS n FROM payments WHERE idempotency_key = $1', [key]);
    assert.equal(rows.n, 1);
    const charged = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'payment.succeeded' AND subject_id = $1`,
      [id],
    );
    assert.equal(charged.n, 1, 'one charge');
    const after = await one<{ balance: number }>('SELECT balance FROM invoices WHERE id = $1', [invoice.id]);
    assert.equal(Number(after.balance), invoice.balance - 100);
  });

  it('accepts one of ten concurrent payments for one balance spread over both', async () => {
    const token = await signIn(proxy.url, proxy.url);
    const invoice = (await openInvoices(proxy.url, token))[0]!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => pay(proxy.url, token, invoice.id, invoice.payable)),
    );
    const outcomes = await Promise.all(
      answers.map(
        async (r) =>
          `${r.status} ${r.status === 201 ? 'created' : ((await r.json()) as { error: { code: string } }).error.code}`,
      ),
    );
    assert.equal(outcomes.filter((o) => o.startsWith('201')).length, 1, `answers: ${outcomes.join(', ')}`);
    // The others are refused: the money is in flight (409) or, once the first is in, more than is owed (422).
    assert.ok(
      outcomes.every((o) => /^(201 created|409 amount_in_flight|422 invalid_request)$/.test(o)),
      outcomes.join(', '),
    );
    const after = await one<{ balance: number }>('SELECT balance FROM invoices WHERE id = $1', [invoice.id]);
    assert.equal(Number(after.balance), invoice.balance - invoice.payable);
  });

  it('loses nothing accepted when one replica is killed under mixed load; the survivor finishes the jobs', async () => {
    const keys = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/main.ts', 'keys', 'create', '--name', 'Replicas ERP'],
      { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'error' }, encoding: 'utf8' },
    );
    assert.equal(keys.status, 0, keys.stderr);
    const erpKey = keys.stdout.trim();
    const hook = await call(
      proxy.url,
      'POST',
      '/erp/webhooks',
      { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, events: ['payment.succeeded'] },
      { authorization: `Bearer ${erpKey}` },
    );
    assert.equal(hook.status, 201, await hook.text());

    const token = await signIn(proxy.url, proxy.url);
    const invoice = (await openInvoices(proxy.url, token)).sort((x, y) => y.payable - x.payable)[0]!;
    const startedAt = Date.now();
    const linksBefore = mail.messages.filter((m) => /sign-in link/.test(m.subject)).length;
    const accepted = { payments: [] as string[], links: 0 };
    for (let round = 0; round < 24; round++) {
      if (round === 8) await replicas[0]!.crash();
      const [payment, link] = await Promise.all([
        pay(proxy.url, token, invoice.id, 100),
        call(proxy.url, 'POST', '/auth/links', { email: CUSTOMER, returnTo: `${ORIGIN}/portal` }),
        // A read beside them, so the load is mixed and the crash lands on requests of every kind.
        call(proxy.url, 'GET', '/invoices?account=cus_northwind', undefined, { authorization: `Bearer ${token}` }),
      ]);
      if (payment.status === 201) accepted.payments.push(((await payment.json()) as PaymentView).id);
      else assert.equal(payment.status, 502, `a refused payment is the dead replica's: ${await payment.text()}`);
      if (link.status === 202) accepted.links++;
      else assert.equal(link.status, 502, await link.text());
    }
    assert.ok(accepted.payments.length >= 12, `payments accepted: ${accepted.payments.length}`);

    // The survivor delivers every accepted payment's webhook and receipt, and every accepted link's
    // email, the dead replica's leased jobs included once their leases lapse (30 s).
    const deadline = Date.now() + 120_000;
    const missing = () => {
      const hooked = new Set(hooks.map((h) => h.data.payment!.id));
      const receipts = mail.messages.filter((m) => /^Receipt /.test(m.subject)).length;
      const links = mail.messages.filter((m) => /sign-in link/.test(m.subject)).length - linksBefore;
      return [
        ...accepted.payments.filter((id) => !hooked.has(id)).map((id) => `webhook for ${id}`),
        ...(receipts < accepted.payments.length ? [`${accepted.payments.length - receipts} receipts`] : []),
        ...(links < accepted.links ? [`${accepted.links - links} sign-in emails`] : []),
      ];
    };
    while (missing().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(missing(), []);

    const succeeded = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM payments WHERE id = ANY($1) AND status = 'succeeded'`,
      [accepted.payments],
    );
    assert.equal(succeeded.n, accepted.payments.length, 'every accepted payment is in, succeeded');
    const moved = await one<{ n: number }>(
      `SELECT coalesce(sum(a.amount), 0)::int AS n FROM allocations a JOIN payments p ON p.id = a.payment_id
        WHERE a.invoice_id = $1 AND a.reversed_at IS NULL AND p.created_at >= $2`,
      [invoice.id, startedAt],
    );
    const balance = await one<{ balance: number }>('SELECT balance FROM invoices WHERE id = $1', [invoice.id]);
    assert.equal(Number(balance.balance), invoice.balance - moved.n, 'the balance is what its payments say');
    assert.ok(moved.n >= accepted.payments.length * 100);
    const jobs = await one<{ dead: number; orphaned: number }>(
      `SELECT count(*) FILTER (WHERE status = 'dead')::int AS dead,
              count(*) FILTER (WHERE status = 'running' AND locked_until < $1)::int AS orphaned FROM jobs`,
      [Date.now()],
    );
    assert.deepEqual(jobs, { dead: 0, orphaned: 0 }, 'no job died, and none is left on the dead replica');
  });
});
