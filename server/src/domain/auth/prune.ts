import { lt } from 'drizzle-orm';
import { DAY } from '../../clock';
import type { DbOrTx } from '../../db/client';
import { magicLinks, sessions } from '../../db/schema';
import { pruneRateLimits } from './rate-limit';

/** The auth tables' share of hourly maintenance: rate-limit windows, and magic links and sessions long past use. */
export async function pruneAuth(tx: DbOrTx, now: Date): Promise<void> {
  const at = now.getTime();
  await pruneRateLimits(tx, now);
  await tx
    .delete(magicLinks)
    .where(lt(magicLinks.expiresAt, new Date(at - 7 * DAY)))
    .run();
  await tx
    .delete(sessions)
    .where(lt(sessions.absoluteExpiresAt, new Date(at - 30 * DAY)))
    .run();
}
