/**
 * Durable jobs in the database: email delivery, reminders, webhook deliveries. A job is claimed by
 * one UPDATE that takes a lease; a worker that dies leaves a lapsed lease, and the job is
 * claimed again after a restart. Failures retry with exponential backoff and jitter until
 * `maxAttempts`, then the job is dead and its handler is told so it can record the failure.
 */
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db, DbOrTx } from '../db/client';
import { jobs } from '../db/schema';
import type { Logger } from '../logger';

export interface JobInput {
  type: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

export function enqueueJob(db: DbOrTx, input: JobInput, now: Date): number {
  const row = db
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

export interface JobContext {
  attempt: number;
  /** True when this is the last try: a failure now makes the job dead. */
  lastAttempt: boolean;
  now: Date;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/** Delay before retry number `attempt` (1-based): 10 s, 20 s, 40 s … capped at one hour, ±20 %. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

const LEASE_MS = 5 * 60_000;

export interface JobWorkerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  pollMs?: number;
}

export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private stopping = false;

  constructor(private readonly options: JobWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Look for due work now rather than at the next poll (after enqueueing something urgent). */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Runs every job that is due now, one after another; resolves with how many ran. */
  runDue(): Promise<number> {
    // One pass at a time: a kick during a pass waits for it and then runs its own.
    const pass = (this.running ?? Promise.resolve()).then(() => this.drain());
    const settled = pass.then(
      () => undefined,
      () => undefined,
    );
    this.running = settled;
    void settled.then(() => {
      if (this.running === settled) this.running = null;
    });
    return pass;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runDue()
        .catch((err: unknown) => this.options.logger.error('job worker pass failed', { err: String(err) }))
        .finally(() => {
          if (!this.stopped && !this.timer) this.schedule(this.options.pollMs ?? 1000);
        });
    }, delay);
    this.timer.unref?.();
  }

  private async drain(): Promise<number> {
    let count = 0;
    // A stopping worker finishes the job in hand and leaves the rest for the next start.
    while (!this.stopping) {
      const job = this.claim();
      if (!job) return count;
      count++;
      await this.execute(job);
    }
    return count;
  }

  /** Claims the next due job: one UPDATE over a subquery, atomic even with several processes. */
  private claim() {
    const { db, clock } = this.options;
    const now = clock.now();
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        or(
          and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
          and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now)),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(1);
    return db
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + LEASE_MS),
        updatedAt: now,
      })
      .where(inArray(jobs.id, due))
      .returning()
      .get();
  }

  private async execute(job: typeof jobs.$inferSelect): Promise<void> {
    const { db, clock, logger, handlers } = this.options;
    const handler = handlers[job.type];
    const lastAttempt = job.attempts >= job.maxAttempts;
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(job.payload, { attempt: job.attempts, lastAttempt, now: clock.now() });
      db.update(jobs)
        .set({ status: 'done', lockedUntil: null, updatedAt: clock.now(), lastError: null })
        .where(eq(jobs.id, job.id))
        .run();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const now = clock.now();
      logger.info('job failed', { jobId: job.id, type: job.type, attempt: job.attempts, error: message });
      db.update(jobs)
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
        .where(eq(jobs.id, job.id))
        .run();
    }
  }
}
