/**
 * The SQLite schema (`db/schema/`) and its PostgreSQL twin (`db/schema-pg/`) describe the same database.
 * The domain queries both engines through the SQLite table objects, so a table, column, key or index that
 * exists on one engine only, or a column stored differently, would break on one engine alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { is, SQL } from 'drizzle-orm';
import { PgDialect, PgTable, getTableConfig as pgTableConfig, type PgColumn } from 'drizzle-orm/pg-core';
import {
  SQLiteSyncDialect,
  SQLiteTable,
  getTableConfig as sqliteTableConfig,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import * as sqliteSchema from '../src/db/schema';
import * as pgSchema from '../src/db/schema-pg';

/** How a value is stored, named alike on both engines: the mapping `db/schema-pg/columns.ts` follows. */
const sqliteFamilies: Record<string, string> = {
  SQLiteInteger: 'integer',
  SQLiteTimestamp: 'integer',
  SQLiteBoolean: 'flag',
  SQLiteText: 'text',
  SQLiteTextJson: 'text',
  SQLiteReal: 'real',
  SQLiteBlobBuffer: 'bytes',
};
/** Numbers are `bigint` (money and instants outgrow 32 bits); 1/0 flags a smaller integer, never `boolean`. */
const pgFamilies: Record<string, string> = {
  bigint: 'integer',
  smallint: 'flag',
  integer: 'flag',
  text: 'text',
  'double precision': 'real',
  bytea: 'bytes',
};

type Column = SQLiteColumn | PgColumn;

/** A default as both engines must agree on it: a value (a flag's as 1/0), or only "an SQL expression". */
function defaultOf(column: Column): unknown {
  if (column.default === undefined) return undefined;
  if (is(column.default, SQL)) return 'an SQL expression';
  return typeof column.default === 'boolean' ? Number(column.default) : column.default;
}

function describeColumn(column: Column, family: string | undefined, serial: boolean) {
  return {
    name: column.name,
    family: family ?? `unmapped ${column.getSQLType()}`,
    notNull: column.notNull,
    default: defaultOf(column),
    primaryKey: column.primary,
    serial,
    unique: column.isUnique ? (column.uniqueName ?? true) : false,
    enum: column.enumValues ?? null,
  };
}

/** What the test needs of a dialect: its tables' configs, its column storage, and its SQL rendering. */
interface Dialect<T> {
  isTable(value: unknown): value is T;
  config(table: T): ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;
  family(column: Column): string | undefined;
  serial(column: Column): boolean;
  render(chunk: SQL): { sql: string; params: unknown[] };
}

const sqliteRenderer = new SQLiteSyncDialect();
const pgRenderer = new PgDialect();

const sqliteDialect: Dialect<SQLiteTable> = {
  isTable: (value): value is SQLiteTable => is(value, SQLiteTable),
  config: (table) => sqliteTableConfig(table),
  family: (column) => sqliteFamilies[column.columnType],
  serial: (column) => 'autoIncrement' in column && column.autoIncrement === true,
  render: (chunk) => sqliteRenderer.sqlToQuery(chunk),
};

const pgDialect: Dialect<PgTable> = {
  isTable: (value): value is PgTable => is(value, PgTable),
  config: (table) => pgTableConfig(table),
  family: (column) => pgFamilies[column.getSQLType()],
  serial: (column) => (column as PgColumn).generatedIdentity !== undefined,
  render: (chunk) => pgRenderer.sqlToQuery(chunk),
};

/** An engine-neutral description of a table; `where` is rendered by the table's own dialect. */
function describeTable<T>(table: T, dialect: Dialect<T>) {
  const config = dialect.config(table);
  const names = (columns: Column[]) => columns.map((c) => c.name);
  return {
    name: config.name,
    columns: (config.columns as Column[]).map((c) => describeColumn(c, dialect.family(c), dialect.serial(c))),
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns as Column[])),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name ?? '',
        columns: index.config.columns.map((c) => (is(c, SQL) ? dialect.render(c).sql : (c as Column).name)),
        unique: index.config.unique,
        where: index.config.where ? dialect.render(index.config.where) : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const reference = fk.reference();
        return {
          columns: names(reference.columns as Column[]),
          table: dialect.config(reference.foreignTable as T).name,
          foreignColumns: names(reference.foreignColumns as Column[]),
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name, columns: names(u.columns as Column[]) })),
    checks: config.checks.map((check) => ({ name: check.name, value: dialect.render(check.value) })),
  };
}

/** Every table a schema module exports, described, by its export name. */
function tablesOf<T>(schema: Record<string, unknown>, dialect: Dialect<T>) {
  return new Map(
    Object.entries(schema).flatMap(([exported, value]) =>
      dialect.isTable(value) ? [[exported, describeTable(value, dialect)] as const] : [],
    ),
  );
}

describe('the SQLite and PostgreSQL schemas', () => {
  const sqlite = tablesOf(sqliteSchema, sqliteDialect);
  const pg = tablesOf(pgSchema, pgDialect);

  it('export the same tables under the same names', () => {
    assert.ok(sqlite.size >= 22, `only ${sqlite.size} SQLite tables found`);
    assert.deepEqual([...pg.keys()].sort(), [...sqlite.keys()].sort());
  });

  it('map every column to a storage both engines read back the same way', () => {
    for (const table of [...sqlite.values(), ...pg.values()]) {
      for (const column of table.columns) {
        assert.doesNotMatch(column.family, /^unmapped/, `${table.name}.${column.name} is ${column.family}`);
      }
    }
  });

  for (const [exported, expected] of sqlite) {
    it(`describe ${expected.name} alike: columns, keys, indexes, foreign keys, constraints`, () => {
      assert.deepEqual(pg.get(exported), expected);
    });
  }
});
