import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { lruMemo } from './lru';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle: domain functions take `Db | Tx` so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database_ {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle/sqlite');

/**
 * Drizzle prepares a new SQLite statement every time a query runs; compiling the SQL costs about as
 * much as running a list page's queries. This hands Drizzle a view of the connection whose `prepare`
 * reuses statements by SQL text (a small LRU), so each query shape is compiled once per connection.
 * No library does this for Drizzle on better-sqlite3, hence by hand. Drizzle switches a statement to
 * raw mode when it wants rows as arrays and leaves it so; a reused statement is switched back first.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cached = lruMemo((source) => sqlite.prepare(source));
  const prepare = (source: string) => {
    const stmt = cached(source);
    if (stmt.reader) stmt.raw(false);
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Opens (creating if needed) the SQLite file with WAL, foreign keys and a busy timeout, and applies
 * the drizzle-kit migrations. `:memory:` works too but tests use a real file each.
 */
export function openDatabase(path: string): Database_ {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL makes NORMAL durable across application crashes; only an OS crash can lose the last commit.
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(withStatementCache(sqlite), { schema });
  migrate(db, { migrationsFolder });
  return { db, sqlite, close: () => sqlite.close() };
}
