import { lt } from 'drizzle-orm';
import { DAY } from '../../clock';
import type { DbOrTx } from '../../db/client';
import { magicLinks, sessions } from '../../db/schema';
import { pruneRateLimits } from './rate-limit';

/** The auth tables' share of hourly maintenance: rate-limit windows, and magic links and sessions long past use. */
export function pruneAuth(tx: DbOrTx, now: Date): void {
  const at = now.getTime();
  pruneRateLimits(tx, now);
  tx.delete(magicLinks)
    .where(lt(magicLinks.expiresAt, new Date(at - 7 * DAY)))
    .run();
  tx.delete(sessions)
    .where(lt(sessions.absoluteExpiresAt, new Date(at - 30 * DAY)))
    .run();
}
