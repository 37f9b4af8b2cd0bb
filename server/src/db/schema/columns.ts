/**
 * Column helpers of the SQLite schema. `db/schema-pg/columns.ts` exports the same names for the
 * PostgreSQL schema, so the two schemas read alike (Drizzle has no schema shared by dialects) and
 * `server/test/schema-engines.test.ts` checks that they describe the same tables.
 */
import { sql } from 'drizzle-orm';
import { blob, integer, text } from 'drizzle-orm/sqlite-core';

/** A whole number: a count, or money in minor units. */
export const int = (name: string) => integer(name);

/** An instant, in milliseconds since the epoch. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** A yes/no that is never null, stored as 1/0. */
export const flag = (name: string, fallback: boolean) => integer(name, { mode: 'boolean' }).notNull().default(fallback);

/** A JSON value, stored as its text. */
export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

/** A primary key numbered by the database in insertion order (feeds page by it). */
export const serialId = (name: string) => integer(name).primaryKey({ autoIncrement: true });

/** When a row was written, set by the database. */
export const createdAt = () =>
  instant('created_at')
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** Bytes (an attachment's contents), read back as a Buffer. */
export const bytes = (name: string) => blob(name, { mode: 'buffer' });
