/**
 * The database as the rest of the server sees it: one async handle (`Db`) on either engine, opened by
 * `openDb` from the config: PostgreSQL when `DATABASE_URL` is set, else the SQLite file at
 * `DATABASE_PATH`. See async.ts for how each engine runs it.
 */
import { openAsyncPostgres, openAsyncSqlite, type AsyncDatabase, type AsyncDb } from './async';

/** A handle on the database, outside or inside a transaction: build a query on it and await it. */
export type Db = AsyncDb;
/** A transaction's handle; the same type, so domain functions compose inside one transaction. */
export type Tx = AsyncDb;
export type DbOrTx = AsyncDb;
export type Database_ = AsyncDatabase;

export { transaction } from './async';

/** Opens (creating and migrating) the configured database. */
export function openDb(config: {
  DATABASE_PATH: string;
  DATABASE_URL?: string | undefined;
  DATABASE_POOL_SIZE?: number;
}): Promise<AsyncDatabase> {
  if (config.DATABASE_URL) return openAsyncPostgres(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  return Promise.resolve(openAsyncSqlite(config.DATABASE_PATH));
}
