/**
 * Fixed-window rate limits counted in the database, so they hold across restarts and every request
 * of one server shares them. One upsert per check.
 */
import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { rateLimits } from '../db/schema';
import { AppError } from '../errors';

export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

/** Counts one hit against each limit; throws 429 when any is over. Checks all, so counts stay honest. */
export function hitLimits(db: DbOrTx, limits: Limit[], now: Date, code: 'rate_limited' | 'too_soon' = 'rate_limited') {
  let retryAfter = 0;
  for (const limit of limits) {
    const windowStart = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
    const row = db
      .insert(rateLimits)
      .values({ bucket: limit.bucket, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.bucket, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      })
      .returning({ count: rateLimits.count })
      .get();
    if (row.count > limit.max) {
      retryAfter = Math.max(retryAfter, Math.ceil((windowStart + limit.windowMs - now.getTime()) / 1000));
    }
  }
  if (retryAfter > 0) {
    throw new AppError(
      429,
      code,
      code === 'too_soon'
        ? 'A link was sent moments ago; check your inbox or wait to ask again.'
        : 'Too many requests; try again later.',
      { retryAfter },
    );
  }
}

/** Drops windows older than a day (run from the maintenance job). */
export function pruneRateLimits(db: DbOrTx, now: Date): void {
  db.delete(rateLimits)
    .where(lt(rateLimits.windowStart, now.getTime() - 86_400_000))
    .run();
}
