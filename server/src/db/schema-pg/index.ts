/**
 * The PostgreSQL twin of `db/schema/` (the documented one; see there what each column means), for
 * drizzle-kit to generate `server/drizzle/postgres/` from. The domain never queries through these
 * tables: it builds every query with the SQLite table objects, on both engines, so each table here has
 * the same table, column and index names and stores what the SQLite builder sends (see `columns.ts`).
 * `server/test/schema-engines.test.ts` checks that the two schemas describe the same tables.
 */
export * from './accounts';
export * from './invoices';
export * from './payments';
export * from './events';
export * from './auth';
export * from './erp';
export * from './promises';
export * from './disputes';
export * from './aggregates';
