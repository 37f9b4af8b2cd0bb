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

const DEMO_CLOCK_KEY = 'installation.demo_clock_offset_ms';

/** How far the demo's clock was moved ahead of real time (ms; 0 when never), so a restart keeps the demo's date. */
export async function demoClockOffset(db: DbOrTx): Promise<number> {
  const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEMO_CLOCK_KEY)).get();
  const value = Number(row?.value ?? 0);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export async function saveDemoClockOffset(db: DbOrTx, offsetMs: number, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key: DEMO_CLOCK_KEY, value: offsetMs, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: offsetMs, updatedAt: now } })
    .run();
}
