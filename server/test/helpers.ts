/**
 * A whole Portico server per test: a real SQLite file in a temp folder, a real SMTP server on
 * loopback, real HTTP on an ephemeral port, and a clock the test moves by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../src/app';
import { testPdfPool } from './pdf-support';
import { ManualClock } from '../src/clock';
import { testConfig } from '../src/config';
import type { AsyncDatabase } from '../src/db/async';
import type { Db } from '../src/db/client';
import { openTestDatabase } from './postgres-support';
import { seedDemo } from '../src/seed/demo';
import { smtpMailer } from '../src/mail/mailer';
import { linkFrom, startSmtpCapture, type SmtpCapture } from '../../test/support/smtp-capture';

export const ORIGIN = 'https://shop.test';

export interface TestServer {
  url: string;
  api: string;
  clock: ManualClock;
  db: Db;
  /** The engine this run tests (see postgres-support.ts). */
  engine: 'sqlite' | 'postgres';
  mail: SmtpCapture;
  worker: Awaited<ReturnType<typeof createApp>>['worker'];
  /** The app being served, for tests that read its routes (`app.routes`). */
  app: Awaited<ReturnType<typeof createApp>>['app'];
  /** The app's deps (`c.var.deps`), for tests that read what the app owns (counters, pools). */
  deps: Awaited<ReturnType<typeof createApp>>['deps'];
  /** fetch against the API with JSON and an allowed Origin by default. */
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  /** Delivers queued email now and waits for the SMTP capture to receive it. */
  deliver(): Promise<void>;
  /** Asks for a link for `email` and returns what its email holds. */
  signInLink(email: string, body?: Record<string, unknown>): Promise<{ url: string; token: string; code: string }>;
  /** A session token for `email`, through a real link. */
  signIn(email: string, audience?: 'customer' | 'staff'): Promise<string>;
  close(): Promise<void>;
}

export interface CallOptions {
  body?: unknown;
  /** A raw body string, sent as is. */
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
  origin?: string | null;
}

export async function startTestServer(
  options: {
    env?: Record<string, string>;
    seed?: boolean;
    now?: string;
    /** A database to serve instead of a new one of the run's engine; the test closes it. */
    database?: AsyncDatabase;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'portico-test-'));
  const mail = await startSmtpCapture();
  const database = options.database
    ? { ...options.database, config: { DATABASE_PATH: join(dir, 'portico.sqlite') }, close: async () => undefined }
    : await openTestDatabase(dir);
  const config = testConfig({
    ...database.config,
    PUBLIC_URL: 'https://ar.shop.test',
    ALLOWED_ORIGINS: ORIGIN,
    SMTP_URL: mail.url,
    ...options.env,
  });
  const clock = new ManualClock(options.now ?? '2026-11-20T15:00:00Z');
  if (options.seed !== false) await seedDemo(database.db, clock.now());
  const mailer = smtpMailer(mail.url);
  const { app, worker, deps } = await createApp({ config, db: database.db, clock, mailer, pdf: testPdfPool });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const api = `${url}/api/v1`;

  const t: TestServer = {
    url,
    api,
    clock,
    db: database.db,
    engine: database.engine,
    mail,
    worker,
    deps,
    app,
    call(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.origin !== null) headers.origin ??= o.origin ?? ORIGIN;
      if (o.body !== undefined || o.raw !== undefined) headers['content-type'] ??= 'application/json';
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      return fetch(`${api}${path}`, {
        method,
        headers,
        body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
      });
    },
    async deliver() {
      await worker.runDue();
    },
    async signInLink(email, body = {}) {
      // Mail queued earlier by the test goes out first, so the message read here is this link's.
      await t.deliver();
      const before = mail.to(email.trim().toLowerCase()).length;
      const res = await t.call('POST', '/auth/links', { body: { email, returnTo: `${ORIGIN}/portal`, ...body } });
      if (res.status !== 202) throw new Error(`link request failed: ${res.status} ${await res.text()}`);
      await t.deliver();
      return linkFrom(await mail.waitFor(email.trim().toLowerCase(), { after: before }));
    },
    async signIn(email, audience = 'customer') {
      const { token } = await t.signInLink(email, { audience });
      // Sign-ins in a row must not trip the resend cooldown.
      clock.advance(60_000);
      const res = await t.call('POST', '/auth/sessions', { body: { token, audience } });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      mailer.close?.();
      await mail.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

export async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error?: { code?: string } };
  return body.error?.code ?? `(no code, status ${res.status})`;
}
