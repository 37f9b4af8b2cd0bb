import assert from 'node:assert/strict';
import { putSettings } from '../src/domain/settings';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { ManualClock } from '../src/clock';
import { openDb } from '../src/db/client';
import { emailOutbox, jobs, magicLinks, rateLimits, sessions } from '../src/db/schema';
import { enqueueJob, JobWorker, LEASE_MS, retryDelayMs } from '../src/domain/jobs/queue';
import { queueEmail } from '../src/domain/notifications/outbox';
import { createLogger } from '../src/logger';
import { ORIGIN, startTestServer } from './helpers';
import { openTestDatabase } from './postgres-support';

const silent = createLogger('silent');

/**
 * A database of the test's own on this run's engine. `open()` is one process's handle on it (several
 * may be open at once); the database itself lasts until `cleanup`.
 */
async function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'portico-jobs-'));
  const database = await openTestDatabase(dir);
  return {
    open: () => openDb(database.config),
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('email outbox', () => {
  it('keeps an email when SMTP is down and delivers it on a later try', async () => {
    const t = await startTestServer();
    try {
      t.mail.failing = true;
      const res = await t.call('POST', '/auth/links', { body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` } });
      assert.equal(res.status, 202);
      await t.deliver();
      const [queued] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'ap@northwind.test')).all();
      assert.equal(queued!.status, 'pending');
      assert.equal(queued!.attempts, 1);
      assert.match(queued!.lastError ?? '', /451|unavailable/);

      t.mail.failing = false;
      await t.deliver();
      assert.equal(t.mail.to('ap@northwind.test').length, 0, 'the retry waits for its backoff');
      t.clock.advance(retryDelayMs(1, () => 1) + 1);
      await t.deliver();
      assert.equal(t.mail.to('ap@northwind.test').length, 1);
      const sent = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, queued!.id)).get())!;
      assert.equal(sent.status, 'sent');
      assert.ok(sent.messageId);
    } finally {
      await t.close();
    }
  });

  it('writes nothing when the change that would send it rolls back', async () => {
    const file = await tempDb();
    const { db, close } = await file.open();
    try {
      await assert.rejects(
        db.transaction(async (tx) => {
          await queueEmail(tx, { kind: 'test', to: 'a@b.test', subject: 's', text: 't', html: '<p>t</p>' }, new Date());
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.equal((await db.select().from(emailOutbox).all()).length, 0);
      assert.equal((await db.select().from(jobs).all()).length, 0);
    } finally {
      await close();
      await file.cleanup();
    }
  });
});

describe('job worker', () => {
  it('retries a failing job with growing delays, then marks it dead and tells the handler', async () => {
    const file = await tempDb();
    const { db, close } = await file.open();
    const clock = new ManualClock();
    const seen: { attempt: number; lastAttempt: boolean }[] = [];
    const worker = new JobWorker({
      db,
      clock,
      logger: silent,
      handlers: {
        flaky: async (_payload, ctx) => {
          seen.push({ attempt: ctx.attempt, lastAttempt: ctx.lastAttempt });
          throw new Error('still broken');
        },
      },
    });
    try {
      const id = await enqueueJob(db, { type: 'flaky', payload: {}, maxAttempts: 3 }, clock.now());
      let previousRunAt = clock.now().getTime();
      const delays: number[] = [];
      for (let i = 0; i < 3; i++) {
        assert.equal(await worker.runDue(), 1);
        const job = (await db.select().from(jobs).where(eq(jobs.id, id)).get())!;
        if (job.status === 'queued') {
          delays.push(job.runAt.getTime() - previousRunAt);
          previousRunAt = job.runAt.getTime();
          assert.equal(await worker.runDue(), 0, 'not due before its backoff');
          clock.set(job.runAt);
        }
      }
      assert.equal(delays.length, 2);
      assert.ok(delays[1]! > delays[0]!, `backoff grows: ${delays.join(', ')}`);
      assert.deepEqual(seen, [
        { attempt: 1, lastAttempt: false },
        { attempt: 2, lastAttempt: false },
        { attempt: 3, lastAttempt: true },
      ]);
      const job = (await db.select().from(jobs).where(eq(jobs.id, id)).get())!;
      assert.equal(job.status, 'dead');
      assert.equal(job.lastError, 'still broken');
    } finally {
      await close();
      await file.cleanup();
    }
  });

  it('survives a restart: a job whose worker died mid-run is claimed again once its lease lapses', async () => {
    const file = await tempDb();
    const clock = new ManualClock();
    const first = await file.open();
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const dying = new JobWorker({
      db: first.db,
      clock,
      logger: silent,
      handlers: {
        report: () => {
          started();
          return hung;
        },
      },
    });
    const id = await enqueueJob(first.db, { type: 'report', payload: { n: 1 } }, clock.now());
    const pass = dying.runDue();
    // The process "dies" here: the database is closed with the job still marked running.
    await running;
    assert.equal((await first.db.select().from(jobs).where(eq(jobs.id, id)).get())!.status, 'running');
    await first.close();

    const second = await file.open();
    const done: unknown[] = [];
    const restarted = new JobWorker({
      db: second.db,
      clock,
      logger: silent,
      handlers: { report: async (payload) => void done.push(payload) },
    });
    try {
      assert.equal(await restarted.runDue(), 0, 'the lease still holds');
      clock.advance(LEASE_MS + 1);
      assert.equal(await restarted.runDue(), 1);
      assert.deepEqual(done, [{ n: 1 }]);
      assert.equal((await second.db.select().from(jobs).where(eq(jobs.id, id)).get())!.status, 'done');
    } finally {
      release();
      await pass.catch(() => undefined);
      await second.close();
      await file.cleanup();
    }
  });

  it('spreads retries with jitter and caps them at an hour', () => {
    assert.equal(
      retryDelayMs(1, () => 0.5),
      10_000,
    );
    assert.equal(
      retryDelayMs(3, () => 0.5),
      40_000,
    );
    assert.equal(
      retryDelayMs(30, () => 0.5),
      3_600_000,
    );
    assert.ok(retryDelayMs(2, () => 0) < retryDelayMs(2, () => 1));
  });
});

describe('hourly maintenance', () => {
  it('deletes stale links, sessions and rate-limit windows, and schedules its next run', async () => {
    const t = await startTestServer();
    try {
      // Dunning would write fresh Easy Pay links in the 40 days; this is about what maintenance removes.
      await putSettings(t.db, { dunningEnabled: false }, t.clock.now());
      await t.signIn('ap@northwind.test');
      const rows = async (table: typeof magicLinks | typeof sessions | typeof rateLimits) =>
        (await t.db.select({ n: count() }).from(table).get())!.n;
      assert.ok((await rows(magicLinks)) > 0 && (await rows(sessions)) > 0 && (await rows(rateLimits)) > 0);
      t.clock.advance(40 * 24 * 3_600_000);
      await t.deliver();
      assert.equal(await rows(magicLinks), 0);
      assert.equal(await rows(sessions), 0);
      assert.equal(await rows(rateLimits), 0);
      const next = await t.db
        .select({ runAt: jobs.runAt })
        .from(jobs)
        .where(and(eq(jobs.type, 'maintenance.hourly'), eq(jobs.status, 'queued')))
        .all();
      assert.equal(next.length, 1);
      assert.equal(next[0]!.runAt.getTime(), t.clock.now().getTime() + 3_600_000);
    } finally {
      await t.close();
    }
  });
});
