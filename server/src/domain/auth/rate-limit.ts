/**
 * Rate limits counted in the database, so they hold across restarts and every request of every server
 * shares them. Limits use a sliding-window estimate (this window's count plus the previous window's,
 * weighted by how much of it still overlaps), which closes the double burst a fixed window allows at
 * its edge; cooldowns use the time of the last accepted request. Each check runs in a write
 * transaction (a savepoint when the caller holds one), so parallel requests count and decide in turn.
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

async function count(db: DbOrTx, bucket: string, windowStart: number): Promise<number> {
  const row = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, windowStart)))
    .get();
  return row?.count ?? 0;
}

/**
 * Counts one hit against each limit; throws 429 when any is over. Counts all, so none is skipped. The
 * counts commit before the refusal is thrown, so a refused request still counts (unless the caller's
 * own transaction rolls back).
 */
export async function hitLimits(db: DbOrTx, limits: Limit[], now: Date): Promise<void> {
  const retryAfter = await db.transaction(async (tx) => {
    let wait = 0;
    for (const limit of limits) {
      const at = now.getTime();
      const windowStart = Math.floor(at / limit.windowMs) * limit.windowMs;
      const hit = await tx
        .insert(rateLimits)
        .values({ bucket: limit.bucket, windowStart, count: 1 })
        .onConflictDoUpdate({
          target: [rateLimits.bucket, rateLimits.windowStart],
          set: { count: sql`${rateLimits.count} + 1` },
        })
        .returning({ count: rateLimits.count })
        .get();
      const overlap = 1 - (at - windowStart) / limit.windowMs;
      const estimate = hit.count + (await count(tx, limit.bucket, windowStart - limit.windowMs)) * overlap;
      if (estimate > limit.max) {
        wait = Math.max(wait, Math.ceil((windowStart + limit.windowMs - at) / 1000));
      }
    }
    return wait;
  });
  if (retryAfter > 0) {
    throw new DomainError('rate_limited', 'Too many requests; try again later.', { retryAfter });
  }
}

/**
 * Refuses a second request on `bucket` within `ms` of the last one that passed. The last one is read
 * and the new one written in one transaction, so of two parallel requests only one passes.
 */
export async function hitCooldown(db: DbOrTx, bucket: string, ms: number, now: Date): Promise<void> {
  const at = now.getTime();
  const retryAfter = await db.transaction(async (tx) => {
    const last = (
      await tx
        .select({ at: max(rateLimits.windowStart) })
        .from(rateLimits)
        .where(eq(rateLimits.bucket, bucket))
        .get()
    )?.at;
    if (last !== null && last !== undefined && at - last < ms) return Math.ceil((last + ms - at) / 1000);
    await tx.insert(rateLimits).values({ bucket, windowStart: at, count: 1 }).onConflictDoNothing().run();
    return 0;
  });
  if (retryAfter > 0) {
    throw new DomainError('too_soon', 'A link was sent moments ago; check your inbox or wait to ask again.', {
      retryAfter,
    });
  }
}

/** Drops windows older than a day (run from the maintenance job). */
export async function pruneRateLimits(db: DbOrTx, now: Date): Promise<void> {
  await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, now.getTime() - 86_400_000))
    .run();
}
