/**
 * The database as the rest of the server sees it: one async handle (`Db`) on either engine, opened by
 * `openDb` from the config: PostgreSQL when `DATABASE_URL` is set, else the SQLite file at
 * `DATABASE_PATH`. See async.ts for how each engine runs it.
 */
import type { Config } from '../config';
import { openAsyncPostgres, openAsyncSqlite, type AsyncDatabase, type AsyncDb } from './async';

/** A handle on the database, outside or inside a transaction: build a query on it and await it. */
export type Db = AsyncDb;
/** A transaction's handle; the same type, so domain functions compose inside one transaction. */
export type Tx = AsyncDb;
export type DbOrTx = AsyncDb;
export type Database_ = AsyncDatabase;

export { transaction } from './async';

/** Opens (creating and migrating) the configured database. */
export function openDb(config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL'>): Promise<AsyncDatabase> {
  return config.DATABASE_URL ? openAsyncPostgres(config.DATABASE_URL) : Promise.resolve(openAsyncSqlite(config.DATABASE_PATH));
}
