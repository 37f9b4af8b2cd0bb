/**
 * What the benches need of PostgreSQL: the server to run on (`BENCH_POSTGRES_URL`, else the one
 * `scripts/with-postgres.mjs` started, `PORTICO_TEST_POSTGRES`; `npm run bench` starts one when
 * PostgreSQL is installed), databases of their own on it, and the CPU time its processes use.
 *
 * The URL is a server's, as a user that may create databases: the benches create and drop their own
 * (the list bench keeps its seeded one, `portico_bench_<customers>_<invoices>`, for later runs on a
 * server that outlives the run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { processStat } from './cpu';

/** The PostgreSQL server to bench on, or null. */
export const postgresServerUrl = process.env.BENCH_POSTGRES_URL || process.env.PORTICO_TEST_POSTGRES || null;

/** Why there is no PostgreSQL run, when there is none. */
export function postgresSkipped(): string {
  return (
    process.env.BENCH_POSTGRES_SKIPPED ||
    'neither BENCH_POSTGRES_URL nor PORTICO_TEST_POSTGRES is set (`npm run bench` starts a server through ' +
      'scripts/with-postgres.mjs when PostgreSQL is installed)'
  );
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the bench's server. */
export function databaseUrl(name: string): string {
  const url = new URL(postgresServerUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseExists(name: string): Promise<boolean> {
  return onServer(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** Creates an empty database `name` (C collation, as `scripts/with-postgres.mjs` sets up); its URL. */
export async function createDatabase(name: string): Promise<string> {
  await onServer((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`));
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function renameDatabase(from: string, to: string): Promise<void> {
  await onServer((c) => c.query(`ALTER DATABASE "${from}" RENAME TO "${to}"`));
}

/**
 * A reading of the CPU milliseconds the PostgreSQL server has used in all (the postmaster, its
 * backends and helpers, and those that have exited), or null when the server is not a process on this
 * machine that can be read (another host, another container).
 */
export async function postgresCpu(): Promise<(() => number) | null> {
  const host = new URL(postgresServerUrl!).hostname;
  if (host && !['localhost', '127.0.0.1', '[::1]', '::1'].includes(host)) return null;
  // The backend's parent, read while the backend is still there.
  const postmaster = await onServer(async (c) => {
    const { pid } = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number };
    return processStat(pid)?.ppid;
  });
  if (!postmaster || !isPostgres(postmaster)) return null;
  return () => {
    const self = processStat(postmaster);
    if (!self) return NaN;
    let ms = self.cpuMs + self.childrenCpuMs;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = processStat(Number(entry));
      if (stat?.ppid === postmaster) ms += stat.cpuMs;
    }
    return ms;
  };
}

function isPostgres(pid: number): boolean {
  try {
    return processStat(pid)?.comm === 'postgres' || /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}
