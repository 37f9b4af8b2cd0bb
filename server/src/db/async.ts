/**
 * The async database boundary (issue 10, step 1): the one way the domain is to reach the database on
 * either engine. Queries are built with Drizzle's SQLite query builder on an async handle
 * (`drizzle-orm/sqlite-proxy`: every query is awaited) and run by an executor of ours, so the same
 * domain code can later run on PostgreSQL through a second executor.
 *
 * better-sqlite3 cannot run a transaction whose function awaits (Drizzle's `db.transaction` throws on a
 * promise), so on SQLite the boundary keeps one **writer** connection behind an async mutex: a
 * transaction takes the mutex, runs `BEGIN IMMEDIATE`, awaits its function with a handle bound to the
 * writer, and ends with `COMMIT` (or `ROLLBACK` when the function throws). A write outside a
 * transaction takes the mutex for its one statement. Reads outside a transaction go to a second,
 * read-only **reader** connection, which in WAL mode sees the last committed state: never a
 * transaction's half-done work, and never waiting for one. A transaction inside a transaction is a
 * savepoint. The mutex orders this process's writers; other processes (the CLI) still meet SQLite's
 * own lock, with its busy timeout, as today.
 *
 * Only its tests use it so far; the domain moves onto it next (see ARCHITECTURE.md).
 */
import Database from 'better-sqlite3';
import { Mutex } from 'async-mutex';
import { sql } from 'drizzle-orm';
import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import { openDatabase } from './client';
import * as schema from './schema';

/** A handle on the database, outside or inside a transaction: build a query on it and await it. */
export type AsyncDb = SqliteRemoteDatabase<typeof schema>;

type Method = 'run' | 'all' | 'values' | 'get';
type Execute = (query: string, params: unknown[], method: Method) => Promise<{ rows: unknown[] }>;

/** Where a handle runs its transactions: a root handle begins one, a transaction's handle a savepoint. */
interface Transactions {
  begin<T>(fn: (tx: AsyncDb) => Promise<T>): Promise<T>;
}

const transactions = Symbol('portico.transactions');
type Handle = AsyncDb & { [transactions]: Transactions };

export interface AsyncDatabase {
  readonly engine: 'sqlite';
  /** Outside a transaction: reads from the reader, each write its own statement behind the writer's lock. */
  readonly db: AsyncDb;
  close(): Promise<void>;
}

/**
 * Runs `fn` in one transaction on `db`: a new one on the root handle, a savepoint on a transaction's
 * handle (so domain functions compose, as they do today with `DbOrTx`). Everything `fn` writes
 * commits together, or nothing does when it throws; `fn` may await anything meanwhile.
 */
export function transaction<T>(db: AsyncDb, fn: (tx: AsyncDb) => Promise<T>): Promise<T> {
  return (db as Handle)[transactions].begin(fn);
}

/**
 * A statement cache per connection: each query shape is compiled once (see `withStatementCache` in
 * client.ts for why), and rows come back as arrays, which is what Drizzle's proxy driver maps.
 */
function executor(connection: Database.Database, size = 500): Execute {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) cache.delete(source);
    else {
      statement = connection.prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  };
  return (query, params, method) => {
    const statement = prepare(query);
    if (method === 'run' || !statement.reader) {
      statement.run(...params);
      return Promise.resolve({ rows: [] });
    }
    statement.raw(true);
    // No row is `rows: undefined` to Drizzle's proxy driver (an empty array would be a row of nulls).
    if (method === 'get') return Promise.resolve({ rows: statement.get(...params) as unknown[] });
    return Promise.resolve({ rows: statement.all(...params) as unknown[] });
  };
}

/** A write, or a read that writes (`INSERT … RETURNING`); plain `SELECT`s and `WITH … SELECT`s are reads. */
function isRead(query: string): boolean {
  return /^\s*(select|with)\b/i.test(query) && !/\b(insert|update|delete)\b/i.test(query.slice(0, 200));
}

function handle(execute: Execute, begin: Transactions['begin']): AsyncDb {
  const db = drizzle(execute, { schema }) as Handle;
  db[transactions] = { begin };
  return db;
}

/**
 * Opens the SQLite file as `openDatabase` does (WAL, foreign keys, busy timeout, migrations), with a
 * read-only second connection beside it. `:memory:` has no second connection to share it with, so a
 * file is required.
 */
export function openAsyncSqlite(path: string): AsyncDatabase {
  if (path === ':memory:') throw new Error('The async SQLite boundary needs a database file, not :memory:.');
  const writer = openDatabase(path);
  const reader = new Database(path, { readonly: true });
  reader.pragma('busy_timeout = 5000');
  const write = executor(writer.sqlite);
  const read = executor(reader);
  const lock = new Mutex();

  /** A transaction's handle: its statements run on the writer, which its mutex holds for it. */
  const savepoints = (depth: number): AsyncDb => {
    const tx = handle(write, async (fn) => {
      const name = `sp${depth}`;
      await tx.run(sql.raw(`SAVEPOINT ${name}`));
      try {
        const result = await fn(savepoints(depth + 1));
        await tx.run(sql.raw(`RELEASE ${name}`));
        return result;
      } catch (error) {
        await tx.run(sql.raw(`ROLLBACK TO ${name}`));
        await tx.run(sql.raw(`RELEASE ${name}`));
        throw error;
      }
    });
    return tx;
  };

  const root = handle(
    (query, params, method) =>
      isRead(query) ? read(query, params, method) : lock.runExclusive(() => write(query, params, method)),
    (fn) =>
      lock.runExclusive(async () => {
        writer.sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(savepoints(1));
          writer.sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (writer.sqlite.inTransaction) writer.sqlite.exec('ROLLBACK');
          throw error;
        }
      }),
  );

  return {
    engine: 'sqlite',
    db: root,
    close: () =>
      lock.runExclusive(() => {
        reader.close();
        writer.close();
      }),
  };
}
