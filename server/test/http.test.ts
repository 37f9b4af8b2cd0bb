import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { desc } from 'drizzle-orm';
import { createApp } from '../src/app';
import { ManualClock } from '../src/clock';
import { testConfig } from '../src/config';
import { emailOutbox } from '../src/db/schema';
import { createLogger } from '../src/logger';
import { seedDemo } from '../src/seed/demo';
import { ORIGIN, errorCode, startTestServer, type TestServer } from './helpers';
import { openTestDatabase, testEngine } from './postgres-support';

let t: TestServer;

describe('any endpoint', () => {
  before(async () => {
    t = await startTestServer({ env: { DEMO: 'true' } });
  });
  after(() => t.close());
  beforeEach(() => t.clock.advance(60 * 60_000));

  it('answers health without auth', async () => {
    const res = await t.call('GET', '/health');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true });
  });

  it('gives every response a request id, and echoes a sane incoming one', async () => {
    const res = await t.call('GET', '/health', { headers: { 'x-request-id': 'trace-12345678' } });
    assert.equal(res.headers.get('x-request-id'), 'trace-12345678');
    const odd = await t.call('GET', '/health', { headers: { 'x-request-id': 'bad id\twith tab' } });
    assert.match(odd.headers.get('x-request-id')!, /^[A-Za-z0-9_-]{16}$/);
  });

  for (const [raw, what] of [
    ['{"email": "ap@northwind.test",', 'malformed JSON'],
    ['', 'an empty body'],
    ['[]', 'an array'],
    ['"just a string"', 'a string'],
    ['{"email": 5, "returnTo": []}', 'wrong types'],
    ['{}', 'missing fields'],
  ]) {
    it(`answers ${what} with a 400 and a code, never a 500`, async () => {
      const res = await t.call('POST', '/auth/links', { raw });
      assert.equal(res.status, 400);
      assert.match(await errorCode(res), /^(invalid_json|invalid_request)$/);
    });
  }

  it('answers a body over 1 MB with 413', async () => {
    const res = await t.call('POST', '/auth/links', {
      raw: JSON.stringify({ email: 'a@b.test', pad: 'x'.repeat(1_100_000) }),
    });
    assert.equal(res.status, 413);
    assert.equal(await errorCode(res), 'payload_too_large');
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await t.call('POST', '/auth/links', {
      raw: 'email=a@b.test',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.status, 415);
  });

  it('answers an unknown endpoint with a JSON 404', async () => {
    const res = await t.call('GET', '/nope');
    assert.equal(res.status, 404);
    assert.equal(await errorCode(res), 'not_found');
  });

  it('lists prototype-polluting keys as nothing special', async () => {
    const res = await t.call('POST', '/auth/links', {
      raw: '{"__proto__": {"admin": true}, "email": "ap@northwind.test", "returnTo": "https://shop.test/"}',
    });
    assert.equal(res.status, 202);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });

  describe('CORS', () => {
    it('allows exactly the allow-listed origin', async () => {
      const res = await t.call('OPTIONS', '/invoices', {
        headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    });

    for (const origin of ['https://evil.test', 'null', 'https://shop.test.evil.test', 'http://shop.test']) {
      it(`gives ${origin} no Access-Control-Allow-Origin`, async () => {
        const res = await t.call('GET', '/health', { origin });
        assert.equal(res.headers.get('access-control-allow-origin'), null);
        const preflight = await t.call('OPTIONS', '/auth/links', {
          origin,
          headers: { 'access-control-request-method': 'POST' },
        });
        assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      });
    }

    it('refuses a state-changing request with a foreign Origin, and sends nothing', async () => {
      for (const origin of ['https://evil.test', 'null']) {
        const res = await t.call('POST', '/auth/links', {
          origin,
          body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` },
        });
        assert.equal(res.status, 403);
        assert.equal(await errorCode(res), 'origin_forbidden');
      }
      const token = await t.signIn('ap@northwind.test');
      const logout = await t.call('DELETE', '/auth/session', { token, origin: 'https://evil.test' });
      assert.equal(logout.status, 403);
      assert.equal(
        (await t.call('GET', '/auth/session', { token })).status,
        200,
        'the foreign request changed nothing',
      );
    });

    it('lets server-to-server calls without an Origin through', async () => {
      const res = await t.call('POST', '/auth/links', {
        origin: null,
        body: { email: 'nobody@x.test', returnTo: `${ORIGIN}/` },
      });
      assert.equal(res.status, 202);
    });
  });

  it(
    'answers 503 with Retry-After, not a 500, while another process holds the write lock',
    {
      skip: testEngine === 'postgres' && "SQLite only: another process (the CLI) holding the SQLite file's write lock",
    },
    async () => {
      const other = new Database(t.deps.config.DATABASE_PATH);
      other.exec('BEGIN IMMEDIATE');
      try {
        const res = await t.call('POST', '/auth/links', {
          body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` },
        });
        assert.equal(res.status, 503);
        assert.equal(await errorCode(res), 'busy');
        assert.equal(res.headers.get('retry-after'), '5');
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      const after = await t.call('GET', '/health');
      assert.equal(after.status, 200);
    },
  );

  it('keeps the dev mailbox, which shows live sign-in links, out of everything but the demo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-prod-'));
    const database = await openTestDatabase(dir);
    try {
      const { app } = await createApp({
        config: testConfig({ NODE_ENV: 'development', ...database.config }),
        db: database.db,
      });
      assert.equal((await app.request('/api/v1/dev/mailbox')).status, 404);
      assert.equal((await app.request('/api/v1/dev/mailbox/messages.json')).status, 404);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows queued email in the dev mailbox, and blanks a sign-in email once SMTP has taken it', async () => {
    await t.call('POST', '/auth/links', { body: { email: 'cfo@globex.test', returnTo: `${ORIGIN}/` } });
    await t.worker.runDue();
    await t.mail.waitFor('cfo@globex.test');
    const res = await fetch(`${t.api}/dev/mailbox/messages.json?to=cfo@globex.test`);
    const messages = (await res.json()) as { to: string; subject: string; text: string; status: string }[];
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.to, 'cfo@globex.test');
    assert.equal(messages[0]!.status, 'sent');
    assert.match(messages[0]!.subject, /sign-in link/);
    assert.doesNotMatch(messages[0]!.text, /portico-link|\d{6}/, 'the delivered secret is not kept');
    assert.match(t.mail.to('cfo@globex.test')[0]!.text, /#portico-link=/, 'but it was delivered');
    const page = await fetch(`${t.api}/dev/mailbox`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Your sign-in link/);
  });
});

describe('the demo with no SMTP server', () => {
  it('delivers to the dev mailbox, where the sign-in link stays readable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-demo-'));
    const database = await openTestDatabase(dir);
    try {
      const clock = new ManualClock();
      await seedDemo(database.db, clock.now());
      const config = testConfig({ ...database.config, ALLOWED_ORIGINS: ORIGIN, DEMO: 'true' });
      const { app, worker } = await createApp({ config, db: database.db, clock });
      const res = await app.request('/api/v1/auth/links', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ email: 'ap@northwind.test', returnTo: `${ORIGIN}/` }),
      });
      assert.equal(res.status, 202);
      await worker.runDue();
      const messages = (await (await app.request('/api/v1/dev/mailbox/messages.json')).json()) as {
        text: string;
        status: string;
      }[];
      assert.equal(messages[0]!.status, 'sent');
      assert.match(messages[0]!.text, /https:\/\/shop\.test\/#portico-link=[\w-]{43}/);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('logs', () => {
  it('never contain a token, code or session id', async () => {
    const lines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'portico-log-'));
    const database = await openTestDatabase(dir);
    try {
      const clock = new ManualClock();
      await seedDemo(database.db, clock.now());
      const config = testConfig({ ...database.config, ALLOWED_ORIGINS: ORIGIN, LOG_LEVEL: 'debug' });
      const { app, worker } = await createApp({
        config,
        db: database.db,
        clock,
        logger: createLogger('debug', (l) => lines.push(l)),
      });
      const post = (path: string, body: unknown) =>
        app.request(`/api/v1${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: JSON.stringify(body),
        });
      await post('/auth/links', { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` });
      await worker.runDue();
      const { text } = (await database.db
        .select({ text: emailOutbox.text })
        .from(emailOutbox)
        .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
        .limit(1)
        .get())!;
      const token = /portico-link=([\w-]+)/.exec(text)![1]!;
      const code = /\b(\d{6})\b/.exec(text)![1]!;
      const session = (await (await post('/auth/sessions', { token })).json()) as { token: string };
      await app.request('/api/v1/auth/session', { headers: { authorization: `Bearer ${session.token}` } });
      await post('/auth/sessions', { token: `${token}x` });
      const log = lines.join('');
      assert.ok(lines.length >= 4, 'requests were logged');
      for (const secret of [token, code, session.token]) assert.ok(!log.includes(secret), 'a secret reached the log');
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
