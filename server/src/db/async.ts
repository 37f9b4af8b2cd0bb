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
 * On PostgreSQL (`openAsyncPostgres`) the same handle's SQL is translated (`toPostgres`: `$n`
 * placeholders and the few things the SQLite builder writes that PostgreSQL reads otherwise) and run on a
 * `pg` pool. A transaction holds one pooled connection and first takes a transaction-scoped advisory lock
 * that every writing transaction takes, so writers are serialised as SQLite's `BEGIN IMMEDIATE` serialises
 * them, across every replica: a read-modify-write decides on what it read, on both engines alike.
 *
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Mutex } from 'async-mutex';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import pg from 'pg';
import { openDatabase } from './sqlite';
import { lruMemo } from './lru';
import * as schema from './schema';

/**
 * A handle on the database, outside or inside a transaction: build a query on it and await it.
 * `db.transaction(async (tx) => …)` runs a transaction (a savepoint inside one); `tx` is a handle too.
 */
export type AsyncDb = Omit<SqliteRemoteDatabase<typeof schema>, 'transaction'> & {
  transaction<T>(fn: (tx: AsyncDb) => Promise<T>): Promise<T>;
};

type Method = 'run' | 'all' | 'values' | 'get';
type Execute = (query: string, params: unknown[], method: Method) => Promise<{ rows: unknown[] }>;

/** Where a handle runs its transactions: a root handle begins one, a transaction's handle a savepoint. */
interface Transactions {
  begin<T>(fn: (tx: AsyncDb) => Promise<T>): Promise<T>;
}

const transactions = Symbol('portico.transactions');
type Handle = AsyncDb & { [transactions]: Transactions };

export interface AsyncDatabase {
  readonly engine: 'sqlite' | 'postgres';
  /** Outside a transaction: reads from the reader, each write its own statement behind the writer's lock. */
  readonly db: AsyncDb;
  /**
   * SQLite only: the writer connection, for what is about the file rather than the data (pragmas,
   * `wal_checkpoint`), by tools such as the bulk seed. Never for queries: those go through `db`.
   */
  readonly sqlite?: Database.Database;
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
function executor(connection: Database.Database): Execute {
  const prepare = lruMemo((source) => connection.prepare(source));
  return (query, params, method) => {
    refuseNul(params);
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

/**
 * A query was given text holding a NUL character. PostgreSQL's text cannot hold one (it refuses the
 * query), and SQLite would store what other tools cut short, so both engines refuse it here, before it
 * is sent, alike: the server answers 400 (a path id, a body field or a CSV cell with `\0` in it).
 */
export class TextWithNulError extends Error {
  constructor() {
    super('Text may not contain NUL characters.');
    this.name = 'TextWithNulError';
  }
}

function refuseNul(params: unknown[]): void {
  for (const param of params) if (typeof param === 'string' && param.includes('\0')) throw new TextWithNulError();
}

/** A write, or a read that writes (`INSERT … RETURNING`); plain `SELECT`s and `WITH … SELECT`s are reads. */
function isRead(query: string): boolean {
  return /^\s*(select|with)\b/i.test(query) && !/\b(insert|update|delete)\b/i.test(query.slice(0, 200));
}

function handle(execute: Execute, begin: Transactions['begin']): AsyncDb {
  const db = drizzle(execute, { schema }) as unknown as Handle;
  db[transactions] = { begin };
  // Drizzle's own `transaction` on this driver would send BEGIN through the executor, around no lock
  // and on no particular connection: on our handles it is `transaction(db, fn)`.
  (db as { transaction: unknown }).transaction = (fn: (tx: AsyncDb) => Promise<unknown>) => begin(fn);
  return db;
}

/**
 * A database's root handle: outside any transaction. Used inside one of its own transactions it would
 * wait for the lock that transaction holds (a write) or not see what it wrote (a read, which goes
 * elsewhere), where the same code on one synchronous connection did neither; so it refuses, loudly:
 * inside a transaction, every query goes through the transaction's handle.
 */
function rootHandle(execute: Execute, begin: Transactions['begin']): AsyncDb {
  const inside = new AsyncLocalStorage<true>();
  const refuse = () => {
    if (inside.getStore())
      throw new Error('The root database handle was used inside a transaction: use its handle (tx).');
  };
  return handle(
    (query, params, method) => {
      refuse();
      return execute(query, params, method);
    },
    (fn) => {
      refuse();
      return begin((tx) => inside.run(true, () => fn(tx)));
    },
  );
}

/**
 * A transaction's handle: its statements run on `execute` (the connection the transaction holds), and a
 * transaction inside it is a savepoint (the same words on both engines).
 */
function savepoints(execute: Execute, depth: number): AsyncDb {
  // A Drizzle instance costs its schema's relation set-up: one per connection and depth, reused.
  let byDepth = savepointHandles.get(execute);
  if (!byDepth) savepointHandles.set(execute, (byDepth = new Map()));
  const known = byDepth.get(depth);
  if (known) return known;
  const tx = handle(execute, async (fn) => {
    const name = `sp${depth}`;
    await tx.run(sql.raw(`SAVEPOINT ${name}`));
    try {
      const result = await fn(savepoints(execute, depth + 1));
      await tx.run(sql.raw(`RELEASE SAVEPOINT ${name}`));
      return result;
    } catch (error) {
      await tx.run(sql.raw(`ROLLBACK TO SAVEPOINT ${name}`));
      await tx.run(sql.raw(`RELEASE SAVEPOINT ${name}`));
      throw error;
    }
  });
  byDepth.set(depth, tx);
  return tx;
}

const savepointHandles = new WeakMap<Execute, Map<number, AsyncDb>>();

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

  const root = rootHandle(
    (query, params, method) =>
      isRead(query) ? read(query, params, method) : lock.runExclusive(() => write(query, params, method)),
    (fn) =>
      lock.runExclusive(async () => {
        writer.sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(savepoints(write, 1));
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
    sqlite: writer.sqlite,
    close: () =>
      lock.runExclusive(() => {
        reader.close();
        writer.close();
      }),
  };
}

// ---- PostgreSQL ---------------------------------------------------------------------------------

const postgresMigrations = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle/postgres');

/** The key of the advisory lock every writing transaction takes, and of the one migrations take. */
const WRITER_LOCK = 0x706f7274; // "port"
const MIGRATION_LOCK = 0x6d696772; // "migr"

/** SQLite's `created_at` default, which the SQLite builder writes into an INSERT, in PostgreSQL's words. */
const SQLITE_NOW_MS = "(unixepoch('subsec') * 1000)";
const POSTGRES_NOW_MS = '(floor(extract(epoch from statement_timestamp()) * 1000))::bigint';

/**
 * The SQLite builder's SQL as PostgreSQL reads it. Drizzle has no dialect-neutral builder, and the domain
 * is written once, so the few differences in what the SQLite builder emits are translated here, each
 * tested on both engines: `?` placeholders become `$1, $2 …` (never inside a quoted string or name); an
 * upsert's conflict target loses its table prefix (`on conflict ("t"."id")`, which PostgreSQL refuses);
 * the `null` the builder writes for an identity `id` left out becomes `default`; SQLite's clock becomes
 * PostgreSQL's. Written by hand because no library translates between Drizzle's dialects.
 */
export function toPostgres(query: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else out += char === '?' ? `$${++n}` : char;
  }
  out = out.replace(
    / on conflict \(([^)]*)\)/g,
    (_match, target: string) => ` on conflict (${target.replace(/"[^"]+"\./g, '')})`,
  );
  if (/^insert into "[^"]+" \("id",/.test(out)) out = out.replace(/(values |\), )\(null, /g, '$1(default, ');
  return out.split(SQLITE_NOW_MS).join(POSTGRES_NOW_MS);
}

/**
 * The error the driver (or our executor) threw, under Drizzle's `DrizzleQueryError` wrapping, which
 * adds the query text; what an error means is decided on this one.
 */
export function driverError(error: unknown): unknown {
  let e = error;
  for (let depth = 0; depth < 5 && e instanceof DrizzleQueryError; depth++) e = e.cause;
  return e;
}

/**
 * Whether `error` says the database is out of reach rather than that a query was wrong: PostgreSQL
 * refusing or dropping connections (restarting, failing over, shutting down: SQLSTATE classes 08 and
 * 57P), or the socket failing under the pool. The server answers these `503 unavailable`; the pool makes
 * new connections once the database is back.
 */
export function isUnavailable(error: unknown): boolean {
  const e = driverError(error) as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^(08|57P)/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** int8 (counts, money, instants) and numeric (sums) as numbers, as SQLite returns them; they stay below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Runs queries on `client`, translated by `translate` (one memo per database, shared by its connections). */
function postgresExecutor(client: pg.Pool | pg.PoolClient, translate: (query: string) => string): Execute {
  // One executor per pooled connection (they are reused), so its transactions' handles are reused too.
  const known = executors.get(client);
  if (known) return known;
  const execute: Execute = async (query, params, method) => {
    refuseNul(params);
    const text = translate(query);
    const result = await client.query({ text, values: params, rowMode: 'array' });
    if (method === 'run') return { rows: [] };
    // No row is `rows: undefined` to Drizzle's proxy driver (see the SQLite executor).
    if (method === 'get') return { rows: result.rows[0] as unknown[] };
    return { rows: result.rows as unknown[] };
  };
  executors.set(client, execute);
  return execute;
}

const executors = new WeakMap<pg.Pool | pg.PoolClient, Execute>();

/**
 * Connects to `url`, applies the PostgreSQL migrations once (under an advisory lock, so replicas that
 * start together migrate once), and returns the same handle as on SQLite.
 */
export async function openAsyncPostgres(url: string, options: { poolSize?: number } = {}): Promise<AsyncDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: options.poolSize ?? 10,
    // A database that does not answer fails the request (503) instead of queueing it for ever.
    connectionTimeoutMillis: 5000,
  });
  // An idle connection the server ended (a restart, a failover) is dropped by the pool and replaced on
  // the next query; without a listener its error would end the process.
  pool.on('error', () => undefined);
  try {
    const migrator = await pool.connect();
    try {
      await migrator.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(drizzlePg(migrator), { migrationsFolder: postgresMigrations });
    } finally {
      await migrator.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      migrator.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  /** Runs `work` in a transaction that holds every writer's lock. */
  const writing = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const translate = lruMemo(toPostgres);
  const read = postgresExecutor(pool, translate);
  // A write outside a transaction takes the writers' lock too, as on SQLite, so it never lands between
  // the statements of a transaction that is deciding on what it read.
  const root = rootHandle(
    (query, params, method) =>
      isRead(query)
        ? read(query, params, method)
        : writing((client) => postgresExecutor(client, translate)(query, params, method)),
    (fn) => writing((client) => fn(savepoints(postgresExecutor(client, translate), 1))),
  );

  return { engine: 'postgres', db: root, close: () => pool.end() };
}
