/**
 * Hourly housekeeping as a job that schedules its next run: old rate-limit windows, magic links and
 * sessions long past use are deleted so the tables stay small. Finished jobs are kept a week for
 * inspection.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { DAY, HOUR } from '../clock';
import type { Db, DbOrTx } from '../db/client';
import { jobs, magicLinks, sessions } from '../db/schema';
import { enqueueJob, type JobHandler } from './jobs';
import { pruneRateLimits } from './rate-limit';

export const MAINTENANCE = 'maintenance.hourly';

// It retries (backoff capped at an hour) rather than ever going dead: nothing else would restart it.
const nextRun = (now: Date) => ({
  type: MAINTENANCE,
  payload: {},
  runAt: new Date(now.getTime() + HOUR),
  maxAttempts: 1_000_000,
});

/** Makes sure one maintenance job is scheduled (at start-up). */
export function scheduleMaintenance(db: DbOrTx, now: Date): void {
  const pending = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.type, MAINTENANCE), inArray(jobs.status, ['queued', 'running'])))
    .get();
  if (!pending) enqueueJob(db, nextRun(now), now);
}

export function maintenanceHandler(db: Db): JobHandler {
  return async (_payload, { now }) => {
    db.transaction((tx) => {
      const at = now.getTime();
      pruneRateLimits(tx, now);
      tx.delete(magicLinks)
        .where(lt(magicLinks.expiresAt, new Date(at - 7 * DAY)))
        .run();
      tx.delete(sessions)
        .where(lt(sessions.absoluteExpiresAt, new Date(at - 30 * DAY)))
        .run();
      tx.delete(jobs)
        .where(and(eq(jobs.status, 'done'), lt(jobs.updatedAt, new Date(at - 7 * DAY))))
        .run();
      enqueueJob(tx, nextRun(now), now);
    });
  };
}
