/**
 * The invoice list page (`GET /invoices`, 50 rows) on SQLite and on PostgreSQL in one run, each against
 * its own engine's raw-query baseline: bare Hono running one prepared page query on that engine
 * (bench/bare-sqlite.ts, bench/bare-postgres.ts). Goal on each engine: the list page at ≥ 60 % of the
 * baseline's requests/s, with p99 ≤ 2× the baseline's p99. On PostgreSQL also two Portico replicas (two
 * `server/src/main.ts` on the same database; autocannon's connections split evenly across both ports,
 * no proxy) against one. Every scenario prints the CPU ms per request of its server processes (and of
 * PostgreSQL's), from /proc, so throughput on machines with more cores can be estimated: on a 2-core
 * machine two replicas show their overhead, not their scale.
 *
 *   npm run bench -- list           (10,000 customers / 100,000 invoices; PostgreSQL beside SQLite)
 *   BENCH_INVOICES=1000000 BENCH_CUSTOMERS=100000 npm run bench -- list   (the big set: seeding takes minutes)
 *
 * PostgreSQL: `BENCH_POSTGRES_URL`, else the server `npm run bench` starts (scripts/with-postgres.mjs,
 * `PORTICO_TEST_POSTGRES`); with neither, the PostgreSQL half is skipped and says why.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { testConfig } from '../server/src/config';
import type { AsyncDatabase } from '../server/src/db/async';
import { openDb } from '../server/src/db/client';
import { contacts, customers } from '../server/src/db/schema';
import { createSession } from '../server/src/domain/auth';
import { bulkCustomerExternalId, seedBulk } from '../server/src/seed/bulk';
import { seedDemo } from '../server/src/seed/demo';
import { cpuMsOf } from './cpu';
import {
  createDatabase,
  databaseExists,
  databaseUrl,
  dropDatabase,
  postgresCpu,
  postgresServerUrl,
  postgresSkipped,
  renameDatabase,
} from './postgres';
import { freePort, startServer, stopServer } from './servers';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Each server is loaded this long before it is measured (JIT, caches, pools filled); Portico on each page. */
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 3);
const dataDir = join(import.meta.dirname, '.data');
const databasePath = join(dataDir, `large-${CUSTOMERS}-${INVOICES}.sqlite`);
const postgresName = `portico_bench_${CUSTOMERS}_${INVOICES}`;

/** One engine's database, ready: how a server reaches it, the big account and a session on it. */
interface Prepared {
  env: Record<string, string>;
  token: string;
  accountId: string;
}

async function seed(database: AsyncDatabase, what: string): Promise<void> {
  const started = performance.now();
  await seedDemo(database.db, new Date());
  await seedBulk(database, { customers: CUSTOMERS, invoices: INVOICES, now: new Date() });
  console.log(`seeded ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The big account (bulk-0000001: 10,000 invoices, a tenth of smaller sets) and a session of its contact. */
async function bigAccountSession(database: AsyncDatabase): Promise<{ token: string; accountId: string }> {
  const big = (await database.db
    .select()
    .from(customers)
    .where(eq(customers.externalId, bulkCustomerExternalId(1)))
    .get())!;
  const contact = (await database.db.select().from(contacts).where(eq(contacts.customerId, big.id)).get())!;
  const { token } = await createSession(
    database.db,
    testConfig({ CUSTOMER_IDLE_MINUTES: '600' }),
    { audience: 'customer', email: contact.email, staffUserId: null, scopeInvoiceIds: null, linkId: null },
    new Date(),
  );
  return { token, accountId: big.id };
}

/** The SQLite file, built on the first run (seed + ANALYZE) and reused by later ones. */
async function prepareSqlite(): Promise<Prepared> {
  mkdirSync(dataDir, { recursive: true });
  const fresh = !existsSync(databasePath);
  const database = await openDb({ DATABASE_PATH: databasePath });
  try {
    if (fresh) {
      await seed(database, databasePath);
      await database.db.run(sql`ANALYZE`);
    }
    return { env: { DATABASE_PATH: databasePath }, ...(await bigAccountSession(database)) };
  } finally {
    await database.close();
  }
}

/**
 * The PostgreSQL database `portico_bench_<customers>_<invoices>`, built when the server has none
 * (seeded under another name, `VACUUM ANALYZE`d, then renamed, so a run cut short leaves no half-built
 * database to reuse) and kept: a server that outlives the run (`BENCH_POSTGRES_URL`) keeps it for the
 * next; the one `npm run bench` starts is removed with its data at the end.
 */
async function preparePostgres(): Promise<Prepared> {
  if (!(await databaseExists(postgresName))) {
    const building = `${postgresName}_building`;
    await dropDatabase(building);
    const url = await createDatabase(building);
    const database = await openDb({ DATABASE_PATH: '', DATABASE_URL: url });
    try {
      await seed(database, `PostgreSQL database ${postgresName}`);
    } finally {
      await database.close();
    }
    // VACUUM cannot run in a transaction, which the database handle's writes are: a client of its own.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('VACUUM ANALYZE');
    await client.end();
    await renameDatabase(building, postgresName);
  }
  const url = databaseUrl(postgresName);
  const database = await openDb({ DATABASE_PATH: '', DATABASE_URL: url });
  try {
    return { env: { DATABASE_URL: url }, ...(await bigAccountSession(database)) };
  } finally {
    await database.close();
  }
}

interface Target {
  url: string;
  token?: string;
}

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU ms per request of the server processes, and of PostgreSQL (null: not measured). */
  nodeMs: number | null;
  dbMs: number | null;
}

function cannon(target: Target, connections: number, seconds: number, onResponse?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_client, _status, _bytes, ms) => onResponse(ms));
  });
}

/** Loads the server(s) at `targets` with the connections split evenly among them, without measuring. */
async function warm(targets: Target[]): Promise<void> {
  await Promise.all(targets.map((t) => cannon(t, Math.ceil(CONNECTIONS / targets.length), WARM_SECONDS)));
}

/**
 * Loads `targets` together for SECONDS, the connections split evenly among them; requests/s summed,
 * latency percentiles over every response of all of them; CPU of `servers` (and of PostgreSQL, when
 * `db` reads it) over the run, per response.
 */
async function measure(targets: Target[], servers: ChildProcess[], db: (() => number) | null): Promise<Load> {
  const times: number[] = [];
  const nodeBefore = servers.map((s) => cpuMsOf(s.pid));
  const dbBefore = db?.() ?? null;
  const results = await Promise.all(
    targets.map((t) => cannon(t, Math.ceil(CONNECTIONS / targets.length), SECONDS, (ms) => times.push(ms))),
  );
  const nodeAfter = servers.map((s) => cpuMsOf(s.pid));
  const dbAfter = db?.() ?? null;
  const sorted = Float64Array.from(times).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const nodeUsed = nodeBefore.every((v) => v !== null) && nodeAfter.every((v) => v !== null);
  return {
    requests: times.length,
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: at(0.5),
    p99: at(0.99),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    nodeMs: nodeUsed ? nodeAfter.reduce((s, v, i) => s + v! - nodeBefore[i]!, 0) / times.length : null,
    dbMs: dbBefore !== null && dbAfter !== null ? (dbAfter - dbBefore) / times.length : null,
  };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const cpu = (n: number | null) => (n === null ? '–' : n.toFixed(2));
const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/** A table row: the load's figures, and against `raw` (its engine's baseline) when given. */
function row(scenario: string, r: Load, raw?: Load, goal = false) {
  const share = raw ? r.rps / raw.rps : null;
  const p99x = raw ? r.p99 / raw.p99 : null;
  return {
    scenario,
    'req/s': Math.round(r.rps),
    'of raw': share === null ? '' : pct(share),
    'p50 ms': ms(r.p50),
    'p99 ms': ms(r.p99),
    'p99 × raw': p99x === null ? '' : `${p99x.toFixed(2)}×`,
    goal: goal && share !== null && p99x !== null ? (share >= 0.6 && p99x <= 2 ? 'met' : 'missed') : '',
    errors: r.errors,
    'CPU ms/req server': cpu(r.nodeMs),
    'CPU ms/req PostgreSQL': r.dbMs === null ? '' : cpu(r.dbMs),
  };
}

const pageNames = {
  first: 'first page, past-due first',
  pastDue: 'past due only',
  byTotal: 'sorted by total, descending',
} as const;

function pages(port: number, accountId: string): Record<keyof typeof pageNames, string> {
  const api = `http://127.0.0.1:${port}/api/v1/invoices?account=${accountId}&limit=50`;
  return { first: api, pastDue: `${api}&status=past_due`, byTotal: `${api}&sort=-total` };
}

/** Portico (`server/src/main.ts`) on the engine `env` names, on a free port. */
async function startPortico(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = await startServer(
    ['server/src/main.ts'],
    { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', CUSTOMER_IDLE_MINUTES: '600' },
    `http://127.0.0.1:${port}/api/v1/health`,
  );
  return { child, port };
}

async function checkList(url: string, token: string): Promise<void> {
  const body = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    items?: unknown[];
  };
  if (!Array.isArray(body.items) || body.items.length !== 50) throw new Error(`list failed: ${JSON.stringify(body)}`);
}

interface EngineResult {
  raw: Load;
  pages: Record<keyof typeof pageNames, Load>;
  replicas?: Load;
}

/**
 * A Portico server loaded on each of the three pages in turn (every query shape compiled, the JIT
 * settled): a few seconds on the first page alone leave the first measurement a fifth slower.
 */
async function warmPortico(port: number, data: Prepared): Promise<void> {
  for (const url of Object.values(pages(port, data.accountId))) await warm([{ url, token: data.token }]);
}

/**
 * One engine: its raw baseline, then Portico's three pages; on PostgreSQL, then a second replica and
 * the first page on both. Only this engine's servers run meanwhile.
 */
async function runEngine(
  engine: 'SQLite' | 'PostgreSQL',
  data: Prepared,
  db: (() => number) | null,
): Promise<EngineResult> {
  const rawPort = await freePort();
  const rawUrl = `http://127.0.0.1:${rawPort}/?account=${data.accountId}`;
  const raw = await startServer(
    [engine === 'SQLite' ? 'bench/bare-sqlite.ts' : 'bench/bare-postgres.ts'],
    { ...data.env, PORT: String(rawPort) },
    rawUrl,
  );
  const one = await startPortico(data.env);
  const second: { child: ChildProcess; port: number }[] = [];
  try {
    const urls = pages(one.port, data.accountId);
    await checkList(urls.first, data.token);
    await warm([{ url: rawUrl }]);
    const rawLoad = await measure([{ url: rawUrl }], [raw], db);
    await stopServer(raw);
    await warmPortico(one.port, data);
    const result: EngineResult = { raw: rawLoad, pages: {} as EngineResult['pages'] };
    for (const key of Object.keys(pageNames) as (keyof typeof pageNames)[]) {
      result.pages[key] = await measure([{ url: urls[key], token: data.token }], [one.child], db);
    }
    if (engine === 'PostgreSQL') {
      second.push(await startPortico(data.env));
      const both = [one, second[0]!].map((s) => ({ url: pages(s.port, data.accountId).first, token: data.token }));
      await checkList(both[1]!.url, data.token);
      // The new replica warmed as the first was, then both together.
      await warmPortico(second[0]!.port, data);
      await warm(both);
      result.replicas = await measure(both, [one.child, second[0]!.child], db);
    }
    return result;
  } finally {
    await Promise.all([raw, one.child, ...second.map((s) => s.child)].map(stopServer));
  }
}

async function main() {
  const sqliteData = await prepareSqlite();
  const postgresData = postgresServerUrl ? await preparePostgres() : null;

  // Bare Hono's hello world, for reference: what the HTTP layer alone does on this machine.
  const helloPort = await freePort();
  const helloUrl = `http://127.0.0.1:${helloPort}/`;
  const hello = await startServer(['bench/bare-hono.ts'], { PORT: String(helloPort) }, helloUrl);
  let helloLoad: Load;
  try {
    await warm([{ url: helloUrl }]);
    helloLoad = await measure([{ url: helloUrl }], [hello], null);
  } finally {
    await stopServer(hello);
  }

  const sqlite = await runEngine('SQLite', sqliteData, null);
  const postgres = postgresData ? await runEngine('PostgreSQL', postgresData, await postgresCpu()) : null;

  const big = Math.min(10_000, Math.floor(INVOICES / 10)).toLocaleString('en');
  console.log(
    `\nInvoice list (${big}-invoice account), ${CONNECTIONS} connections, ${SECONDS} s each, ` +
      `${INVOICES.toLocaleString('en')} invoices / ${CUSTOMERS.toLocaleString('en')} customers. ` +
      `Goal: ≥ 60 % of the engine's raw baseline and p99 ≤ 2× its p99.`,
  );
  console.table([row('bare Hono hello world (reference)', helloLoad)]);
  const engines: ['SQLite' | 'PostgreSQL', EngineResult | null][] = [
    ['SQLite', sqlite],
    ['PostgreSQL', postgres],
  ];
  for (const [engine, result] of engines) {
    if (!result) {
      console.log(`\nPostgreSQL: skipped: ${postgresSkipped()}.`);
      continue;
    }
    console.log(`\n${engine}:`);
    console.table([
      row(`raw baseline: bare Hono + one prepared ${engine} page query`, result.raw),
      ...(Object.keys(pageNames) as (keyof typeof pageNames)[]).map((key) =>
        row(`Portico: ${pageNames[key]}`, result.pages[key], result.raw, true),
      ),
    ]);
  }
  if (postgres?.replicas) {
    const one = postgres.pages.first;
    const two = postgres.replicas;
    console.log(
      `\nPostgreSQL, first page: two Portico replicas on the same database (autocannon's ${CONNECTIONS} ` +
        `connections split evenly across both ports, no proxy) against one. On this ${availableParallelism()}-core ` +
        `machine the replicas share the cores with PostgreSQL and autocannon: the figure shows their overhead, ` +
        `not their scale.`,
    );
    const replicaRow = (scenario: string, r: Load) => {
      const { 'of raw': _share, 'p99 × raw': _p99x, goal: _goal, ...rest } = row(scenario, r);
      return { ...rest, '× one replica': `${(r.rps / one.rps).toFixed(2)}×` };
    };
    console.table([replicaRow('one replica', one), replicaRow('two replicas', two)]);
  }

  // What one request costs, to estimate throughput where each process has cores of its own.
  const perCore = (n: number | null) => (n ? `${Math.round(1000 / n)}` : '–');
  console.log('\nCPU per request (server processes + PostgreSQL), and requests/s one core would serve at that cost:');
  const costs: { scenario: string; 'CPU ms/req': string; 'req/s per core': string }[] = [];
  for (const [engine, result] of engines) {
    if (!result) continue;
    for (const [name, load] of [
      [`${engine} raw baseline`, result.raw],
      [`${engine} Portico first page`, result.pages.first],
      ...(result.replicas ? [[`${engine} Portico first page, two replicas`, result.replicas] as const] : []),
    ] as const) {
      const total = load.nodeMs === null ? null : load.nodeMs + (load.dbMs ?? 0);
      costs.push({ scenario: name, 'CPU ms/req': cpu(total), 'req/s per core': perCore(total) });
    }
  }
  console.table(costs);
}

await main();
