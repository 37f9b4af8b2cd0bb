/**
 * Rate limits counted in the database, so they hold across restarts and every request of one server
 * shares them. Limits use a sliding-window estimate (this window's count plus the previous window's,
 * weighted by how much of it still overlaps), which closes the double burst a fixed window allows at
 * its edge; cooldowns use the time of the last accepted request.
 */
import { and, eq, lt, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rateLimits } from '../../db/schema';
import { DomainError } from '../errors';

export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

function count(db: DbOrTx, bucket: string, windowStart: number): number {
  return (
    db
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, windowStart)))
      .get()?.count ?? 0
  );
}

/** Counts one hit against each limit; throws 429 when any is over. Counts all, so none is skipped. */
export function hitLimits(db: DbOrTx, limits: Limit[], now: Date): void {
  let retryAfter = 0;
  for (const limit of limits) {
    const at = now.getTime();
    const windowStart = Math.floor(at / limit.windowMs) * limit.windowMs;
    const current = db
      .insert(rateLimits)
      .values({ bucket: limit.bucket, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.bucket, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      })
      .returning({ count: rateLimits.count })
      .get().count;
    const overlap = 1 - (at - windowStart) / limit.windowMs;
    const estimate = current + count(db, limit.bucket, windowStart - limit.windowMs) * overlap;
    if (estimate > limit.max) {
      retryAfter = Math.max(retryAfter, Math.ceil((windowStart + limit.windowMs - at) / 1000));
    }
  }
  if (retryAfter > 0) {
    throw new DomainError('rate_limited', 'Too many requests; try again later.', { retryAfter });
  }
}

/** Refuses a second request on `bucket` within `ms` of the last one that passed. */
export function hitCooldown(db: DbOrTx, bucket: string, ms: number, now: Date): void {
  const at = now.getTime();
  const last = db
    .select({ at: max(rateLimits.windowStart) })
    .from(rateLimits)
    .where(eq(rateLimits.bucket, bucket))
    .get()?.at;
  if (last !== null && last !== undefined && at - last < ms) {
    throw new DomainError('too_soon', 'A link was sent moments ago; check your inbox or wait to ask again.', {
      retryAfter: Math.ceil((last + ms - at) / 1000),
    });
  }
  db.insert(rateLimits).values({ bucket, windowStart: at, count: 1 }).onConflictDoNothing().run();
}

/** Drops windows older than a day (run from the maintenance job). */
export function pruneRateLimits(db: DbOrTx, now: Date): void {
  db.delete(rateLimits)
    .where(lt(rateLimits.windowStart, now.getTime() - 86_400_000))
    .run();
}
