/**
 * ERP API keys: `pk_live_` + 32 random bytes, shown once at creation. Only the SHA-256 is stored, so a
 * copy of the database grants nothing; the prefix (the first 12 characters) identifies a key in lists.
 */
import { desc, eq, isNull, and } from 'drizzle-orm';
import type { ErpKeyCreated, ErpKeySummary } from '../../contract/erp';
import { newId, randomToken, sha256 } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { erpApiKeys } from '../../db/schema';
import { recordEvent, type Actor } from '../events';

const KEY_PREFIX = 'pk_live_';
const KEY_RE = /^pk_live_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = 12;
/** lastUsedAt is written at most this often, so every request is not a write. */
const TOUCH_EVERY_MS = 60_000;

export interface ErpKeyPrincipal {
  id: string;
  name: string;
}

type KeyRow = typeof erpApiKeys.$inferSelect;

function summary(row: KeyRow): ErpKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createErpKey(db: DbOrTx, name: string, actor: Actor, now: Date): Promise<ErpKeyCreated> {
  const key = `${KEY_PREFIX}${randomToken(32)}`;
  // The key and its event together (a savepoint when `db` is already a transaction).
  const row = await db.transaction(async (tx) => {
    const created = await tx
      .insert(erpApiKeys)
      .values({
        id: newId('key'),
        name,
        prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
        keyHash: sha256(key),
        createdAt: now,
      })
      .returning()
      .get();
    await recordEvent(
      tx,
      {
        type: 'erp.key_created',
        actor,
        subject: { type: 'erp_api_key', id: created.id },
        data: { name, prefix: created.prefix },
      },
      now,
    );
    return created;
  });
  return { ...summary(row), key };
}

/** Newest first, revoked keys included (they say when). */
export async function listErpKeys(db: DbOrTx): Promise<ErpKeySummary[]> {
  const rows = await db.select().from(erpApiKeys).orderBy(desc(erpApiKeys.createdAt), erpApiKeys.id).all();
  return rows.map(summary);
}

/** Revokes a live key; false when there is no such key or it was already revoked. */
export function revokeErpKey(db: DbOrTx, id: string, actor: Actor, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(erpApiKeys)
      .set({ revokedAt: now })
      .where(and(eq(erpApiKeys.id, id), isNull(erpApiKeys.revokedAt)))
      .returning({ id: erpApiKeys.id });
    if (revoked.length !== 1) return false;
    await recordEvent(tx, { type: 'erp.key_revoked', actor, subject: { type: 'erp_api_key', id }, data: {} }, now);
    return true;
  });
}

/** The live key for a presented secret, or null. Notes the use at most once a minute. */
export async function authenticateErpKey(db: DbOrTx, key: string, now: Date): Promise<ErpKeyPrincipal | null> {
  if (!KEY_RE.test(key)) return null;
  const row = await db
    .select()
    .from(erpApiKeys)
    .where(eq(erpApiKeys.keyHash, sha256(key)))
    .get();
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(erpApiKeys).set({ lastUsedAt: now }).where(eq(erpApiKeys.id, row.id));
  }
  return { id: row.id, name: row.name };
}
