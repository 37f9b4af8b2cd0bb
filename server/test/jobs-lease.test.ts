/**
 * The job queue's leases and slots on a real database (a SQLite file, or PostgreSQL): a heartbeat keeps a long job's lease, a
 * dead worker's lease lapses in 30 s, a worker whose job was taken over changes nothing (the link
 * issued once, never twice), and one type of job never takes every slot.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { ManualClock } from '../src/clock';
import { testConfig } from '../src/config';
import { openDb } from '../src/db/client';
import { emailOutbox, jobs, magicLinks } from '../src/db/schema';
import { enqueueJob, JobWorker, LEASE_MS, LeaseLostError, type JobHandler } from '../src/domain/jobs/queue';
import { ISSUE_LINK, issueLinkHandler } from '../src/domain/auth';
import { DELIVER_EMAIL } from '../src/domain/notifications/email-delivery';
import { emailDeliveryHandler } from './pdf-support';
import { devMailer } from '../src/mail/mailer';
import { MAINTENANCE, maintenanceHandler, scheduleMaintenance } from '../src/domain/jobs/maintenance';
import { createLogger } from '../src/logger';
import { seedDemo } from '../src/seed/demo';
import { openTestDatabase } from './postgres-support';

const silent = createLogger('silent');
const opened: { close(): Promise<void>; dir: string }[] = [];

/** A database of the test's own on this run's engine, kept until the file's tests end. */
async function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'portico-lease-'));
  const database = await openTestDatabase(dir);
  opened.push({ close: () => database.close(), dir });
  return database;
}

after(async () => {
  for (const { close, dir } of opened) {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A handler that waits until the test lets it go, recording each run. */
function gate() {
  const runs: { jobId: number; attempt: number; signal: AbortSignal }[] = [];
  const releases: (() => void)[] = [];
  const handler: JobHandler = (_payload, ctx) => {
    runs.push({ jobId: ctx.jobId, attempt: ctx.attempt, signal: ctx.signal });
    return new Promise<void>((resolve) => releases.push(resolve));
  };
  return { runs, handler, releaseAll: () => releases.splice(0).forEach((r) => r()) };
}

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('job leases', () => {
  it('keeps the lease of a long job with a heartbeat, and lets a dead worker’s lease lapse in 30 s', async () => {
    const database = await tempDatabase();
    const clock = new ManualClock();
    // Two processes' handles on one database.
    const first = await openDb(database.config);
    const slow = gate();
    const alive = new JobWorker({
      db: first.db,
      clock,
      logger: silent,
      handlers: { slow: slow.handler },
      heartbeatMs: 10,
    });
    const id = await enqueueJob(first.db, { type: 'slow', payload: {} }, clock.now());
    const pass = alive.runDue();
    await until('the job to start', () => slow.runs.length === 1);
    const lockedUntil = async () =>
      (await database.db.select().from(jobs).where(eq(jobs.id, id)).get())!.lockedUntil!.getTime();
    assert.equal(await lockedUntil(), clock.now().getTime() + LEASE_MS);

    const second = await openDb(database.config);
    const done: number[] = [];
    const other = new JobWorker({
      db: second.db,
      clock,
      logger: silent,
      handlers: { slow: async (_p, ctx) => void done.push(ctx.attempt) },
    });
    try {
      // Twenty minutes of work: the heartbeat keeps renewing the lease, so nobody else takes the job.
      for (let i = 0; i < 40; i++) {
        clock.advance(LEASE_MS / 2);
        const target = clock.now().getTime() + LEASE_MS;
        await until('a heartbeat', async () => (await lockedUntil()) === target);
        assert.equal(await other.runDue(), 0, `still held after ${(i + 1) * 15} s`);
      }
      assert.equal(slow.runs[0]!.signal.aborted, false);

      // The worker "dies": its connection is gone, so it beats no more.
      await first.close();
      clock.advance(LEASE_MS - 1);
      assert.equal(await other.runDue(), 0, 'the last lease still holds');
      clock.advance(2);
      assert.equal(await other.runDue(), 1, 'claimed again once the lease lapsed');
      assert.deepEqual(done, [2]);
      assert.equal((await second.db.select().from(jobs).where(eq(jobs.id, id)).get())!.status, 'done');
    } finally {
      slow.releaseAll();
      // Its pass ends in the error of a closed connection (SQLite) or pool (PostgreSQL), as a dead process's would.
      await assert.rejects(pass, (err: Error) =>
        /not open|after calling end on the pool/.test(`${err.message} ${String(err.cause)}`),
      );
      await second.close();
    }
  });

  it('tells a worker that lost its job, and lets it change nothing', async () => {
    const { db } = await tempDatabase();
    const clock = new ManualClock();
    const stale = gate();
    const logs: string[] = [];
    const a = new JobWorker({
      db,
      clock,
      logger: createLogger('info', (l) => logs.push(l)),
      handlers: { work: stale.handler },
      heartbeatMs: 10,
    });
    const b = new JobWorker({ db, clock, logger: silent, handlers: { work: async () => undefined } });
    try {
      const id = await enqueueJob(db, { type: 'work', payload: {}, maxAttempts: 2 }, clock.now());
      const pass = a.runDue();
      await until('A to start the job', () => stale.runs.length === 1);
      // A stalls past its lease (an event loop held for 30 s); B claims the job and finishes it.
      clock.advance(LEASE_MS + 1);
      assert.equal(await b.runDue(), 1);
      const finished = (await db.select().from(jobs).where(eq(jobs.id, id)).get())!;
      assert.equal(finished.status, 'done');
      assert.equal(finished.attempts, 2);

      await until('the stale worker to be told', () => stale.runs[0]!.signal.aborted);
      assert.ok(stale.runs[0]!.signal.reason instanceof LeaseLostError);
      stale.releaseAll();
      await pass;
      const after = (await db.select().from(jobs).where(eq(jobs.id, id)).get())!;
      assert.deepEqual(after, finished, 'the stale worker wrote nothing over it');
      assert.ok(logs.some((l) => l.includes('job lease lost')));
    } finally {
      stale.releaseAll();
      await a.stop();
    }
  });

  it('issues one link when a link job runs twice at once (a lapsed lease taken over mid-run)', async () => {
    const database = await tempDatabase();
    const { db } = database;
    const clock = new ManualClock();
    await seedDemo(db, clock.now());
    const config = testConfig({ ...database.config, ALLOWED_ORIGINS: 'https://shop.test' });
    const handlers = {
      [ISSUE_LINK]: issueLinkHandler(db, config),
      [DELIVER_EMAIL]: emailDeliveryHandler(db, devMailer, config.MAIL_FROM),
    };
    // The first worker's run of the link job says when it has begun, and goes on only once the second
    // worker has claimed the job too: on a busy machine it could otherwise finish before the second
    // claims, and the two runs would not overlap.
    let begun!: () => void;
    const firstRun = new Promise<void>((resolve) => (begun = resolve));
    let taken!: () => void;
    const secondRun = new Promise<void>((resolve) => (taken = resolve));
    const watched: JobHandler = async (payload, ctx) => {
      begun();
      await secondRun;
      return handlers[ISSUE_LINK](payload, ctx);
    };
    const second: JobHandler = (payload, ctx) => {
      taken();
      return handlers[ISSUE_LINK](payload, ctx);
    };
    const workers = [
      { ...handlers, [ISSUE_LINK]: watched },
      { ...handlers, [ISSUE_LINK]: second },
    ].map((h) => new JobWorker({ db, clock, logger: silent, handlers: h }));
    try {
      const id = await enqueueJob(
        db,
        {
          type: ISSUE_LINK,
          payload: {
            email: 'ap@northwind.test',
            audience: 'customer',
            returnTo: 'https://shop.test/',
            target: null,
            nonceHash: null,
          },
          maxAttempts: 3,
        },
        clock.now(),
      );
      // The first worker claims the job and is hashing the code when its lease lapses; the second
      // claims it then. Both finish their run; only one of them may write a link and an email.
      const first = workers[0]!.runDue();
      await firstRun;
      clock.advance(LEASE_MS + 1);
      const later = workers[1]!.runDue();
      const [ranFirst, ranSecond] = await Promise.all([first, later]);
      assert.ok(ranFirst >= 1 && ranSecond >= 1, 'each worker ran the job');
      assert.equal(ranFirst + ranSecond, 3, 'the link job twice, and one email');
      assert.equal((await db.select().from(magicLinks).all()).length, 1);
      const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.to, 'ap@northwind.test')).all();
      assert.deepEqual(
        emails.map((e) => e.status),
        ['sent'],
      );
      const job = (await db.select().from(jobs).where(eq(jobs.id, id)).get())!;
      assert.equal(job.status, 'done');
      assert.equal(job.attempts, 2);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });

  it('runs one maintenance chain, however often it is scheduled', async () => {
    const { db } = await tempDatabase();
    const clock = new ManualClock();
    const worker = new JobWorker({ db, clock, logger: silent, handlers: { [MAINTENANCE]: maintenanceHandler(db) } });
    const chain = async () =>
      (await db.select().from(jobs).where(eq(jobs.type, MAINTENANCE)).all()).filter((j) => j.status === 'queued');
    try {
      // Scheduled twice at once: one chain.
      await Promise.all([scheduleMaintenance(db, clock.now()), scheduleMaintenance(db, clock.now())]);
      assert.equal((await chain()).length, 1);
      clock.advance(3_600_000);
      assert.equal(await worker.runDue(), 1);
      assert.equal((await chain()).length, 1, 'the run queued its successor');
      const runs = await db.select().from(jobs).where(eq(jobs.type, MAINTENANCE)).orderBy(asc(jobs.id)).all();
      assert.deepEqual(
        runs.map((j) => j.status),
        ['done', 'queued'],
        'the run was marked done with the successor it queued',
      );
    } finally {
      await worker.stop();
    }
  });
});

describe('job slots', () => {
  it('runs several jobs at once and never gives one type every slot', async () => {
    const { db } = await tempDatabase();
    const clock = new ManualClock();
    const stuck = gate();
    const quick: number[] = [];
    const worker = new JobWorker({
      db,
      clock,
      logger: silent,
      pollMs: 10,
      handlers: { stuck: stuck.handler, quick: async (p) => void quick.push(Number(p.n)) },
    });
    try {
      for (let n = 0; n < 6; n++) await enqueueJob(db, { type: 'stuck', payload: { n } }, clock.now());
      for (let n = 0; n < 5; n++) await enqueueJob(db, { type: 'quick', payload: { n } }, clock.now());
      worker.start();
      // The last quick job's handler has run when it is pushed, but its slot is free only once its status is saved.
      await until('the quick jobs, and their slot free again', () => quick.length === 5 && worker.inFlight === 3);
      assert.equal(stuck.runs.length, 3, 'three of four slots for the stuck type, one left for the others');
      assert.deepEqual(quick, [0, 1, 2, 3, 4]);
      assert.equal(worker.inFlight, 3);

      // Once a stuck job ends, the next one takes its slot at once.
      stuck.releaseAll();
      await until('the rest of the stuck jobs', () => stuck.runs.length === 6);
      stuck.releaseAll();
      await worker.stop();
      assert.equal((await db.select().from(jobs).all()).filter((j) => j.status === 'done').length, 11);
    } finally {
      stuck.releaseAll();
      await worker.stop();
    }
  });
});
