/**
 * Column helpers of the PostgreSQL schema, the same names as `db/schema/columns.ts`. The domain builds
 * its queries with the SQLite table objects on both engines, so each column here stores a value exactly
 * as the SQLite builder sends and reads it: integers (money, counts, instants in ms, 1/0 yes/no) as
 * `bigint`/`smallint` numbers (never `boolean`), JSON as its text (never `jsonb`, which reads back parsed).
 */
import { sql } from 'drizzle-orm';
import { bigint, customType, smallint, text } from 'drizzle-orm/pg-core';

/** A whole number: a count, or money in minor units (which, like instants, outgrows 32 bits). */

export const int = (name: string) => bigint(name, { mode: 'number' });

/** An instant, in milliseconds since the epoch. */

export const instant = (name: string) => bigint(name, { mode: 'number' });

/** A yes/no that is never null, stored as 1/0 (what the SQLite builder sends). */

export const flag = (name: string, fallback: boolean) =>
  smallint(name)
    .notNull()
    .default(fallback ? 1 : 0);

/** A JSON value, stored as its text. */

export const json = <T>(name: string) => text(name).$type<T>();

/** A primary key numbered by the database in insertion order (feeds page by it). */

export const serialId = (name: string) => bigint(name, { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();

/** When a row was written, set by the database: SQLite's `unixepoch('subsec') * 1000`, per statement. */

export const createdAt = () =>
  instant('created_at')
    .notNull()
    .default(sql`(floor(extract(epoch from statement_timestamp()) * 1000))::bigint`);

/** Bytes (an attachment's contents): `bytea`, which `pg` sends and reads as a Buffer, as better-sqlite3 does a blob. */
export const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
