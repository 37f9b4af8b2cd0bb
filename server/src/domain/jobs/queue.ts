/**
 * Durable jobs in the database: email delivery, link issuance, reminders, webhook deliveries.
 *
 * - A job is claimed in one write transaction that reads the next due job and marks it running with a
 *   short lease (30 s). Writers take turns on both engines (SQLite's one writer, PostgreSQL's writers'
 *   lock), so each claim goes to one worker, across processes too. While the job runs, a heartbeat
 *   extends the lease every 10 s. A worker that dies (a crash, `kill -9`) stops beating, and another
 *   process claims the job again within about 30 s.
 * - Each claim adds one to `attempts`, so `(id, attempts)` names the claim. Every later write about
 *   the job (heartbeat, done, retry, dead) is conditional on it: a worker whose lease was taken over
 *   changes nothing, and learns so (its `ctx.signal` aborts, `ctx.finish` throws `LeaseLostError`).
 * - A handler that writes its work in a transaction awaits `ctx.finish(tx)` inside it, so the work and
 *   "done" commit together: a run after a crash either finds the job done or finds none of the work.
 * - Several jobs run at once (4 by default), and no one type takes every slot, so a silent mail
 *   server or webhook receiver holds up only its own kind of job, and only until its timeout.
 * - Failures retry with exponential backoff and jitter until `maxAttempts`, then the job is dead and
 *   its handler was told so (`lastAttempt`) to record the failure.
 */
import { and, asc, eq, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Db, DbOrTx } from '../../db/client';
import { jobs } from '../../db/schema';
import type { Logger } from '../../logger';

export interface JobInput {
  type: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

export async function enqueueJob(db: DbOrTx, input: JobInput, now: Date): Promise<number> {
  const row = await db
    .insert(jobs)
    .values({
      type: input.type,
      payload: input.payload,
      runAt: input.runAt ?? now,
      maxAttempts: input.maxAttempts ?? 8,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: jobs.id })
    .get();
  return row.id;
}

/** The worker no longer holds the job: its lease lapsed and another worker claimed it. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: number) {
    super(`job ${jobId} was claimed by another worker`);
    this.name = 'LeaseLostError';
  }
}

export interface JobContext {
  jobId: number;
  attempt: number;
  /** True when this is the last try: a failure now makes the job dead. */
  lastAttempt: boolean;
  now: Date;
  /** Aborts when this worker has lost the job: its lease lapsed and another worker claimed it. */
  signal: AbortSignal;
  /**
   * Marks the job done in the caller's transaction, so its work and its completion commit together.
   * Throws `LeaseLostError` (rolling the transaction back) when another worker holds the job now.
   */
  finish(tx: DbOrTx): Promise<void>;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/** Delay before retry number `attempt` (1-based): 10 s, 20 s, 40 s … capped at one hour, ±20 %. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** How long a claim holds without a heartbeat. */
export const LEASE_MS = 30_000;

export interface JobWorkerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  /** How often a started worker looks for due jobs (1 s). */
  pollMs?: number;
  /** Jobs run at once (4); one type takes at most all but one of them. */
  concurrency?: number;
  /** A claim's lease (30 s) and the heartbeat that renews it (a third of the lease). */
  leaseMs?: number;
  heartbeatMs?: number;
}

type JobRow = typeof jobs.$inferSelect;

interface Running {
  job: JobRow;
  abort: AbortController;
  done: Promise<void>;
}

export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly running = new Map<number, Running>();
  /** The last pass that claims jobs: passes run one after another, so two never fill the same free slot. */
  private filling: Promise<number> = Promise.resolve(0);
  private beating = false;
  private started = false;
  private stopping = false;
  private readonly concurrency: number;
  private readonly perType: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly options: JobWorkerOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.perType = Math.max(1, this.concurrency - 1);
    this.leaseMs = options.leaseMs ?? LEASE_MS;
    this.heartbeatMs = options.heartbeatMs ?? Math.floor(this.leaseMs / 3);
  }

  /** Polls for due jobs in the background until `stop`. */
  start(): void {
    this.started = true;
    this.stopping = false;
    this.arm(0);
  }

  /** Claims nothing more and waits for the jobs in hand to end; the rest wait for the next start. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A pass may be claiming a job this moment: what it claims is in hand once it ends.
    await this.filling.catch(() => 0);
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /** Look for due work now rather than at the next poll (after enqueueing something urgent). */
  kick(): void {
    if (this.started) this.arm(0);
  }

  /**
   * Runs every job that is due now, several at once, including jobs those jobs queue for now, and
   * resolves when none is left running; resolves with how many it claimed. For tests and the CLI.
   */
  async runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      count += await this.fill();
      if (this.running.size === 0) return count;
      await Promise.race([...this.running.values()].map((r) => r.done));
    }
  }

  /** Jobs held now, for tests and diagnostics. */
  get inFlight(): number {
    return this.running.size;
  }

  private arm(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fill()
        .catch((err: unknown) => this.options.logger.error('job worker pass failed', { err: String(err) }))
        .finally(() => {
          if (this.started && !this.timer) this.arm(this.options.pollMs ?? 1000);
        });
    }, delay);
    this.timer.unref?.();
  }

  /** Claims due jobs into the free slots and starts them, after any pass under way; how many it started. */
  private fill(): Promise<number> {
    const pass = this.filling.catch(() => 0).then(() => this.claimInto());
    this.filling = pass;
    return pass;
  }

  private async claimInto(): Promise<number> {
    let started = 0;
    while (!this.stopping && this.running.size < this.concurrency) {
      const job = await this.claim();
      if (!job) break;
      started++;
      const abort = new AbortController();
      const entry: Running = { job, abort, done: Promise.resolve() };
      entry.done = this.execute(job, abort.signal).finally(() => {
        this.running.delete(job.id);
        if (this.running.size === 0) this.stopHeartbeat();
        // A slot is free, and the job may have queued another (a link's email): look again now.
        this.kick();
      });
      this.running.set(job.id, entry);
      this.startHeartbeat();
    }
    return started;
  }

  /**
   * Claims the next due job: the look and the claim are one write transaction, and writers take turns
   * on both engines (SQLite's one writer, PostgreSQL's writers' lock), so each claim goes to one worker
   * even with several processes. A look outside it first, at what is committed, spares an idle poll
   * the writers' lock.
   */
  private async claim(): Promise<JobRow | undefined> {
    const { db, clock } = this.options;
    const now = clock.now();
    const perType = new Map<string, number>();
    for (const { job } of this.running.values()) perType.set(job.type, (perType.get(job.type) ?? 0) + 1);
    const full = [...perType].filter(([, n]) => n >= this.perType).map(([type]) => type);
    const due = (handle: DbOrTx) =>
      handle
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            or(
              and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
              and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now)),
            ),
            full.length > 0 ? notInArray(jobs.type, full) : undefined,
          ),
        )
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(1)
        .get();
    if (!(await due(db))) return undefined;
    return db.transaction(async (tx) => {
      const next = await due(tx);
      if (!next) return undefined;
      return tx
        .update(jobs)
        .set({
          status: 'running',
          attempts: sql`${jobs.attempts} + 1`,
          lockedUntil: new Date(now.getTime() + this.leaseMs),
          updatedAt: now,
        })
        .where(eq(jobs.id, next.id))
        .returning()
        .get();
    });
  }

  /** This claim of the job, and nobody's later one. */
  private held(job: JobRow) {
    return and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.heartbeat.unref?.();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /**
   * Renews the lease of every job in hand; a job another worker has taken over is told to stop. A beat
   * still waiting on a busy database when the next is due lets that one pass. Never rejects.
   */
  private async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    const { db, clock, logger } = this.options;
    const now = clock.now();
    try {
      for (const { job, abort } of [...this.running.values()]) {
        try {
          const renewed = await db
            .update(jobs)
            .set({ lockedUntil: new Date(now.getTime() + this.leaseMs) })
            .where(this.held(job))
            .returning({ id: jobs.id });
          // A job that ended while its lease was being renewed was not taken over: it is no longer in hand.
          if (renewed.length === 0 && this.running.get(job.id)?.abort === abort && !abort.signal.aborted) {
            logger.info('job lease lost', { jobId: job.id, type: job.type, attempt: job.attempts });
            abort.abort(new LeaseLostError(job.id));
          }
        } catch (err) {
          // A busy database: the lease still has two beats to go.
          logger.info('job heartbeat failed', { jobId: job.id, error: String(err) });
        }
      }
    } finally {
      this.beating = false;
    }
  }

  /** Runs one claimed job and records how it ended. Never rejects. */
  private async execute(job: JobRow, signal: AbortSignal): Promise<void> {
    const { db, clock, logger, handlers } = this.options;
    const handler = handlers[job.type];
    const lastAttempt = job.attempts >= job.maxAttempts;
    let finished = false;
    const finish = async (tx: DbOrTx) => {
      const done = await tx
        .update(jobs)
        .set({ status: 'done', lockedUntil: null, lastError: null, updatedAt: clock.now() })
        .where(this.held(job))
        .returning({ id: jobs.id });
      if (done.length === 0) throw new LeaseLostError(job.id);
      finished = true;
    };
    let failure: unknown = null;
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        lastAttempt,
        now: clock.now(),
        signal,
        finish,
      });
    } catch (err) {
      failure = err;
    }
    try {
      if (failure === null) {
        // `finish` ran in a transaction that may have rolled back after it; the write below is then needed.
        if (finished && !(await this.holds(job))) return;
        await finish(db);
        return;
      }
      if (failure instanceof LeaseLostError) throw failure;
      const message = failure instanceof Error ? failure.message : String(failure);
      const now = clock.now();
      logger.info('job failed', { jobId: job.id, type: job.type, attempt: job.attempts, error: message });
      const ended = await db
        .update(jobs)
        .set(
          lastAttempt
            ? { status: 'dead', lockedUntil: null, lastError: message, updatedAt: now }
            : {
                status: 'queued',
                lockedUntil: null,
                lastError: message,
                runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
                updatedAt: now,
              },
        )
        .where(this.held(job))
        .returning({ id: jobs.id });
      if (ended.length === 0) throw new LeaseLostError(job.id);
    } catch (err) {
      if (err instanceof LeaseLostError) {
        // Another worker claimed it after our lease lapsed; what it does stands, and we changed nothing.
        logger.info('job lease lost', { jobId: job.id, type: job.type, attempt: job.attempts });
      } else {
        // The database refused the status write (busy, closed). The lease lapses and the job runs again;
        // handlers are idempotent, and those that call `finish` find their work done.
        logger.error('job status not saved', { jobId: job.id, type: job.type, error: String(err) });
      }
    }
  }

  /** Whether this claim still holds the job (not done, not taken over), as last committed. */
  private async holds(job: JobRow): Promise<boolean> {
    return !!(await this.options.db.select({ id: jobs.id }).from(jobs).where(this.held(job)).get());
  }
}
