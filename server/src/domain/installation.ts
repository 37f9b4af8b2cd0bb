/**
 * Secrets made once per installation and kept in the database, for what must not fall back to a
 * value anyone can read in our docs: the sandbox's webhook signing secret, when none is configured.
 * Every process sharing the database reads the same one (the first writer wins).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { settings } from '../db/schema';

export async function installationSecret(db: DbOrTx, name: string, now: Date): Promise<string> {
  const key = `installation.${name}`;
  await db
    .insert(settings)
    .values({ key, value: `whsec_${randomBytes(24).toString('base64url')}`, updatedAt: now })
    .onConflictDoNothing()
    .run();
  const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return String(row!.value);
}
