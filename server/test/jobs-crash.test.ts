/**
 * `kill -9` of a real server process in the middle of sending email, on a real database (a SQLite
 * file, or PostgreSQL): another process started on the same database delivers every email within a minute (the dead process's leases
 * lapse in 30 s), each email once, and the link jobs made one link per request.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { and, asc, count, eq, gt, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../src/db/client';
import { emailOutbox, jobs, magicLinks } from '../src/db/schema';
import { startSmtpCapture } from '../../test/support/smtp-capture';
import { openTestDatabase } from './postgres-support';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

/** `server/src/main.ts --demo` as its own process on the given database, mail to `smtpUrl`. */
async function startServer(
  database: { DATABASE_PATH: string; DATABASE_URL?: string },
  smtpUrl: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATABASE_PATH: database.DATABASE_PATH,
    SMTP_URL: smtpUrl,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
  };
  if (database.DATABASE_URL) env.DATABASE_URL = database.DATABASE_URL;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => log, exited };
}

/** An SMTP server that takes each message's body and never answers it: deliveries hang mid-DATA. */
async function holdingSmtp(): Promise<{ url: string; held: () => number; close(): Promise<void> }> {
  let held = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream) {
      stream.on('end', () => held++);
      stream.resume();
      // The callback that would answer "250 queued" is never called.
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    held: () => held,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const LINK_REQUESTS = [
  { email: 'ap@northwind.test', audience: 'customer' },
  { email: 'cfo@globex.test', audience: 'customer' },
  { email: 'bookkeeper@ledger.test', audience: 'customer' },
  { email: 'compta@lumiere.test', audience: 'customer' },
  { email: 'ar@acme.test', audience: 'staff' },
  { email: 'collector@acme.test', audience: 'staff' },
  { email: 'nobody@unknown.test', audience: 'customer' },
];

/** How many rows of the table match. */
const rows = async (db: Db, table: typeof emailOutbox | typeof jobs | typeof magicLinks, where: SQL | undefined) =>
  (await db.select({ n: count() }).from(table).where(where).get())?.n ?? 0;

describe('a server process killed mid-delivery', () => {
  it('leaves its jobs to the next process, which delivers every email once within a minute', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-crash-'));
    // The test's own view of the database the two processes share (created and migrated here).
    const database = await openTestDatabase(dir);
    const { db } = database;
    const holding = await holdingSmtp();
    const capture = await startSmtpCapture();
    let first: ServerProcess | null = null;
    let second: ServerProcess | null = null;
    try {
      first = await startServer(database.config, holding.url);
      for (const body of LINK_REQUESTS) {
        const res: Response = await fetch(`${first.url}/api/v1/auth/links`, {
          method: 'POST',
          headers: { origin: first.url, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, returnTo: `${first.url}/` }),
        });
        assert.equal(res.status, 202, await res.text());
      }
      const links = () => rows(db, magicLinks, isNull(magicLinks.scopeInvoiceIds));

      // Every email slot (three of four) holds a delivery whose body the server took and never answered.
      const deadline = Date.now() + 20_000;
      while (holding.held() < 3 || (await links()) < 6) {
        if (Date.now() > deadline) throw new Error(`never got three deliveries in hand:\n${first.output()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(await rows(db, jobs, and(eq(jobs.type, 'email.deliver'), eq(jobs.status, 'running'))), 3);
      const emails = await rows(db, emailOutbox, undefined);
      assert.ok(emails >= 7, `six sign-in emails and the demo's invoice email, got ${emails}`);

      first.child.kill('SIGKILL');
      await first.exited;
      const killedAt = Date.now();
      second = await startServer(database.config, capture.url);

      while ((await rows(db, emailOutbox, ne(emailOutbox.status, 'sent'))) > 0) {
        if (Date.now() - killedAt > 60_000) {
          throw new Error(`undelivered a minute after the kill:\n${second.output()}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const deliveredMs = Date.now() - killedAt;
      assert.ok(deliveredMs < 60_000, `all delivered ${deliveredMs} ms after the kill`);
      t.diagnostic(`every email delivered ${deliveredMs} ms after the kill`);

      // Each email once: what SMTP received is exactly the outbox, row for row.
      const outbox = await db
        .select({ to: emailOutbox.to, subject: emailOutbox.subject })
        .from(emailOutbox)
        .orderBy(asc(emailOutbox.to), asc(emailOutbox.subject))
        .all();
      await new Promise((r) => setTimeout(r, 500));
      const received = capture.messages
        .map((m) => ({ to: m.to, subject: m.subject }))
        .sort((a, b) => a.to.localeCompare(b.to) || a.subject.localeCompare(b.subject));
      assert.deepEqual(received, outbox);
      assert.equal(holding.held(), 3, 'the first process sent nothing more after its three');

      // One link per accepted request for a known email, however the jobs were interrupted.
      assert.equal(await links(), 6);
      const reclaimed = await db
        .select({ attempts: jobs.attempts })
        .from(jobs)
        .where(and(eq(jobs.type, 'email.deliver'), gt(jobs.attempts, 1)))
        .all();
      assert.deepEqual(
        reclaimed.map((j) => j.attempts),
        [2, 2, 2],
        'the three held deliveries were claimed again',
      );
      assert.equal(await rows(db, jobs, inArray(jobs.status, ['running', 'dead'])), 0);
    } finally {
      first?.child.kill('SIGKILL');
      if (second) {
        second.child.kill('SIGTERM');
        await Promise.race([second.exited, new Promise((r) => setTimeout(r, 5000))]);
        second.child.kill('SIGKILL');
      }
      await capture.close();
      await holding.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
