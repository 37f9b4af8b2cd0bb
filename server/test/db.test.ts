import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/sqlite';
import { settings } from '../src/db/schema';

describe('the database connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-db-'));
  const { db, sqlite, close } = openDatabase(join(dir, 'db.sqlite'));
  after(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs with WAL, foreign keys and a busy timeout', () => {
    assert.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(sqlite.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(sqlite.pragma('busy_timeout', { simple: true }), 5000);
  });

  it('reuses a statement for the same SQL, in whichever row shape each caller wants', () => {
    const now = new Date();
    db.insert(settings)
      .values({ key: 'k', value: { a: 1 }, updatedAt: now })
      .run();
    const query = sql`SELECT "key", "value" FROM "settings" WHERE "key" = ${'k'}`;
    // Drizzle reads mapped selections as arrays (raw mode) and plain `sql` queries as objects.
    const mapped = db
      .select({ key: settings.key, value: settings.value })
      .from(settings)
      .where(sql`"key" = ${'k'}`)
      .all();
    const objects = db.all<{ key: string; value: string }>(query);
    const again = db.all<{ key: string; value: string }>(query);
    assert.deepEqual(mapped, [{ key: 'k', value: { a: 1 } }]);
    assert.deepEqual(objects, [{ key: 'k', value: '{"a":1}' }]);
    assert.deepEqual(again, objects);
    const raw = db.values<[string, string]>(query);
    assert.deepEqual(raw, [['k', '{"a":1}']]);
    assert.deepEqual(db.all(query), objects, 'a statement left in raw mode is switched back');
  });

  it('runs transactions through the cached connection, rolling back on a throw', () => {
    assert.throws(() =>
      db.transaction((tx) => {
        tx.insert(settings).values({ key: 'gone', value: 1, updatedAt: new Date() }).run();
        throw new Error('abort');
      }),
    );
    assert.equal(db.all(sql`SELECT * FROM settings WHERE key = 'gone'`).length, 0);
  });
});
