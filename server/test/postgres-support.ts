/**
 * A PostgreSQL database of a test file's own, on the server `scripts/with-postgres.mjs` started for the
 * run (`npm run test:server` runs the suite beside one). Outside that script there is none: the
 * PostgreSQL half of a test is then skipped, except in CI, where a missing server is a failure.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openAsyncPostgres, openAsyncSqlite, type AsyncDatabase } from '../src/db/async';

export const postgresUrl = process.env.PORTICO_TEST_POSTGRES || null;

if (!postgresUrl && (process.env.CI || process.env.PORTICO_TEST_ENGINE === 'postgres')) {
  throw new Error('PORTICO_TEST_POSTGRES is not set: run the server tests through scripts/with-postgres.mjs.');
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresUrl) throw new Error('No PostgreSQL server for the tests (PORTICO_TEST_POSTGRES).');
  const name = `portico_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The engine this run of the server suite tests: `PORTICO_TEST_ENGINE=postgres` (set by
 * `npm run test:server` for its second pass), else SQLite.
 */
export const testEngine: 'sqlite' | 'postgres' = process.env.PORTICO_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A test's database on this run's engine: a SQLite file in `dir`, or a PostgreSQL database of its own.
 * Its `close()` closes it and drops the PostgreSQL database; `config` is what `testConfig` needs to
 * point a server at it.
 */
export async function openTestDatabase(
  dir: string,
): Promise<AsyncDatabase & { config: { DATABASE_PATH: string; DATABASE_URL?: string } }> {
  const DATABASE_PATH = join(dir, 'portico.sqlite');
  if (testEngine === 'sqlite') return { ...openAsyncSqlite(DATABASE_PATH), config: { DATABASE_PATH } };
  const created = await createTestDatabase();
  const database = await openAsyncPostgres(created.url);
  return {
    ...database,
    config: { DATABASE_PATH, DATABASE_URL: created.url },
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}
