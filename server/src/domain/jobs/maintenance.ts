/**
 * Hourly housekeeping as a job that schedules its next run: each slice hands in a `Prune` for its own
 * tables (auth: old rate-limit windows, magic links and sessions long past use; see `domain/registry.ts`),
 * so the tables stay small without this slice knowing them. Finished jobs are kept a week for
 * inspection. Exactly one chain runs: each run queues the next in the transaction that finishes it.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { DAY, HOUR } from '../../clock';
import type { Db, DbOrTx } from '../../db/client';
import { jobs } from '../../db/schema';
import { enqueueJob, type JobHandler } from './queue';

export const MAINTENANCE = 'maintenance.hourly';

/** Deletes what a slice no longer needs, inside the maintenance run's transaction. */
export type Prune = (tx: DbOrTx, now: Date) => Promise<void>;

// It retries (backoff capped at an hour) rather than ever going dead: nothing else would restart it.
const nextRun = (now: Date) => ({
  type: MAINTENANCE,
  payload: {},
  runAt: new Date(now.getTime() + HOUR),
  maxAttempts: 1_000_000,
});

/**
 * Makes sure one maintenance job is scheduled (at start-up). The look and the insert are one write
 * transaction (writers take turns on both engines), so two processes starting at once on one database
 * do not start two chains.
 */
export async function scheduleMaintenance(db: DbOrTx, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.type, MAINTENANCE), inArray(jobs.status, ['queued', 'running'])))
      .get();
    if (!pending) await enqueueJob(tx, nextRun(now), now);
  });
}

export function maintenanceHandler(db: Db, prunes: readonly Prune[] = []): JobHandler {
  return async (_payload, { now, finish }) => {
    // The next run is queued in the transaction that marks this one done: a run repeated after a
    // crash finds it done, and the chain never forks in two.
    await db.transaction(async (tx) => {
      const at = now.getTime();
      for (const prune of prunes) await prune(tx, now);
      await tx
        .delete(jobs)
        .where(and(eq(jobs.status, 'done'), lt(jobs.updatedAt, new Date(at - 7 * DAY))))
        .run();
      await enqueueJob(tx, nextRun(now), now);
      await finish(tx);
    });
  };
}
