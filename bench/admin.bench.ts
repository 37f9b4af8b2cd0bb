/**
 * The staff console at scale (issue 13): `GET /admin/overview` and `GET /admin/worklist` (the first
 * page, a later page by its cursor, and a filtered page) over real HTTP with a staff session, on the
 * bulk data set on SQLite, beside a raw-query baseline measured in the same run: bare Hono answering
 * one hand-written query of the same kind on the same file (the aging of today's unpaid invoices for
 * the overview; customers ranked by their summed past-due balance for the worklist), no session, no
 * validation. Goal: p99 ≤ 100 ms for the overview and a worklist page.
 *
 *   npm run bench -- admin                      (100,000 customers / 1,000,000 invoices; seeding takes minutes)
 *   npm run bench -- admin --scale 0.1          (a tenth: 10,000 / 100,000)
 *   BENCH_CUSTOMERS=… BENCH_INVOICES=… npm run bench -- admin
 *
 * The seeded file (`bench/.data/admin-<customers>-<invoices>.sqlite`, seeded, then ANALYZEd) is reused
 * by later runs; the server brings its migrations and aggregates up to date as it starts serving.
 * Latency is measured with few connections (`BENCH_CONNECTIONS`, default 2): the figure is a page's
 * time for one person, not the machine's throughput.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { testConfig } from '../server/src/config';
import { openDb } from '../server/src/db/client';
import { staffUsers } from '../server/src/db/schema';
import { ensureMoves, ensureWorklist } from '../server/src/domain/ar-aggregates';
import { createSession } from '../server/src/domain/auth';
import { calendarDate } from '../server/src/domain/dates';
import { defaultSettings, storedSettings } from '../server/src/domain/settings';
import { seedBulk } from '../server/src/seed/bulk';
import { seedDemo } from '../server/src/seed/demo';
import { freePort, startServer, stopServer } from './servers';

const scaleAt = process.argv.indexOf('--scale');
const SCALE = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? Math.round(100_000 * SCALE));
const INVOICES = Number(process.env.BENCH_INVOICES ?? Math.round(1_000_000 * SCALE));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 3);
const GOAL_MS = 100;
const dataDir = join(import.meta.dirname, '.data');
const databasePath = join(dataDir, `admin-${CUSTOMERS}-${INVOICES}.sqlite`);

/** The raw baseline's two queries, written by hand: what one aggregate over the unpaid invoices costs. */
const RAW_AGING = `SELECT
    coalesce(sum(CASE WHEN due_date >= @today THEN balance ELSE 0 END), 0) AS current,
    coalesce(sum(CASE WHEN due_date < @today AND due_date >= @month THEN balance ELSE 0 END), 0) AS days1to30,
    coalesce(sum(CASE WHEN due_date < @month THEN balance ELSE 0 END), 0) AS over30
  FROM invoices WHERE currency = 'USD' AND voided_at IS NULL AND balance > 0`;
const RAW_RANKING = `SELECT customer_id, sum(balance) AS past_due FROM invoices
  WHERE voided_at IS NULL AND balance > 0 AND due_date < @today
  GROUP BY customer_id ORDER BY past_due DESC, customer_id LIMIT 51`;

/** `--baseline`: this file as the raw baseline's server (bare Hono + better-sqlite3, read-only). */
async function serveBaseline(): Promise<void> {
  const [{ serve }, { Hono }, { default: Database }] = await Promise.all([
    import('@hono/node-server'),
    import('hono'),
    import('better-sqlite3'),
  ]);
  const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
  const aging = db.prepare(RAW_AGING);
  const ranking = db.prepare(RAW_RANKING);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const app = new Hono()
    .get('/overview', (c) => c.json(aging.get({ today: day(0), month: day(-30) })))
    .get('/worklist', (c) => c.json({ items: ranking.all({ today: day(0) }) }));
  serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
}

/** The SQLite file, seeded on the first run (under another name until done, so a cut run leaves none). */
async function prepare(): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(databasePath)) {
    const building = `${databasePath}.building`;
    rmSync(building, { force: true });
    const database = await openDb({ DATABASE_PATH: building });
    const started = performance.now();
    let shown = 0;
    try {
      await seedDemo(database.db, new Date());
      await seedBulk(database, {
        customers: CUSTOMERS,
        invoices: INVOICES,
        now: new Date(),
        onProgress(done, total) {
          const tenth = Math.floor((done / total) * 10);
          if (tenth > shown) console.log(`seeding: ${(shown = tenth) * 10} % after ${seconds(started)} s`);
        },
      });
      database.sqlite!.exec('ANALYZE');
    } finally {
      await database.close();
    }
    console.log(`seeded ${databasePath} in ${seconds(started)} s`);
    for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
    renameSync(building, databasePath);
  }
  const database = await openDb({ DATABASE_PATH: databasePath });
  try {
    const admin = (await database.db.select().from(staffUsers).where(eq(staffUsers.email, 'ar@acme.test')).get())!;
    const principal = { audience: 'staff' as const, email: admin.email, staffUserId: admin.id };
    const { token } = await createSession(
      database.db,
      testConfig({ STAFF_IDLE_MINUTES: '600' }),
      { ...principal, scopeInvoiceIds: null, linkId: null },
      new Date(),
    );
    // An upgraded installation's first read builds the aggregates; timed here, apart from the figures.
    const timeZone = (await storedSettings(database.db)).timeZone ?? defaultSettings.timeZone;
    let started = performance.now();
    await ensureMoves(database.db, timeZone);
    console.log(`aggregates: invoice moves built or checked in ${seconds(started)} s`);
    started = performance.now();
    await ensureWorklist(database.db, calendarDate(new Date(), timeZone));
    console.log(`aggregates: worklist rows built or checked in ${seconds(started)} s`);
    return token;
  } finally {
    await database.close();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(0);

interface Load {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

function cannon(url: string, token: string | null, duration: number, onResponse?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_client, _status, _bytes, ms) => onResponse(ms));
  });
}

async function measure(url: string, token: string | null): Promise<Load> {
  await cannon(url, token, WARM_SECONDS);
  const times: number[] = [];
  const result = await cannon(url, token, SECONDS, (ms) => times.push(ms));
  const sorted = Float64Array.from(times).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { requests: times.length, p50: at(0.5), p99: at(0.99), errors: result.errors + result.non2xx };
}

/** One request, timed, and its JSON: to check a page before loading it, and to take its cursor. */
async function fetchJson<T>(url: string, token: string): Promise<{ ms: number; body: T }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function row(scenario: string, r: Load, raw?: Load) {
  return {
    scenario,
    requests: r.requests,
    'p50 ms': ms(r.p50),
    'p99 ms': ms(r.p99),
    'p50 × raw': raw ? `${(r.p50 / raw.p50).toFixed(2)}×` : '',
    'p99 × raw': raw ? `${(r.p99 / raw.p99).toFixed(2)}×` : '',
    [`p99 ≤ ${GOAL_MS} ms`]: raw ? (r.p99 <= GOAL_MS ? 'met' : 'missed') : '',
    errors: r.errors,
  };
}

async function main(): Promise<void> {
  const token = await prepare();
  const env = { DATABASE_PATH: databasePath };

  const rawPort = await freePort();
  const raw = await startServer(
    ['bench/admin.bench.ts', '--baseline'],
    { ...env, PORT: String(rawPort) },
    `http://127.0.0.1:${rawPort}/overview`,
  );
  let rawOverview: Load;
  let rawWorklist: Load;
  try {
    rawOverview = await measure(`http://127.0.0.1:${rawPort}/overview`, null);
    rawWorklist = await measure(`http://127.0.0.1:${rawPort}/worklist`, null);
  } finally {
    await stopServer(raw);
  }

  const port = await freePort();
  const api = `http://127.0.0.1:${port}/api/v1/admin`;
  let portico: ChildProcess | null = null;
  const results: ReturnType<typeof row>[] = [];
  try {
    portico = await startServer(
      ['server/src/main.ts'],
      { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', STAFF_IDLE_MINUTES: '600' },
      `http://127.0.0.1:${port}/api/v1/health`,
      120,
    );
    // The first read after an upgrade (or of a new day) may build the aggregates: timed apart.
    const first = await fetchJson<unknown>(`${api}/overview`, token);
    console.log(`first overview after start: ${ms(first.ms)} ms`);
    const worklist = `${api}/worklist?limit=50`;
    const page = await fetchJson<{ items: unknown[]; nextCursor: string | null }>(worklist, token);
    console.log(`first worklist page after start: ${ms(page.ms)} ms, ${page.body.items.length} rows`);
    // A later page: the fifth, reached by cursors as a person paging would.
    let cursor = page.body.nextCursor;
    for (let i = 0; i < 3 && cursor; i++) {
      cursor = (await fetchJson<{ nextCursor: string | null }>(`${worklist}&cursor=${cursor}`, token)).body.nextCursor;
    }
    // The overview last: whatever the server does in its first seconds (its job worker starting, caches
    // filling) lands on the scenario measured first.
    const scenarios: [string, string, Load][] = [
      ['Portico: worklist, first page', worklist, rawWorklist],
      ['Portico: worklist, fifth page by cursor', `${worklist}&cursor=${cursor ?? ''}`, rawWorklist],
      [
        'Portico: worklist, filtered (unassigned, past due ≥ 1,000.00)',
        `${worklist}&collector=unassigned&minPastDue=100000`,
        rawWorklist,
      ],
      ['Portico: worklist, searched ("north")', `${worklist}&q=north`, rawWorklist],
      ['Portico: overview (today)', `${api}/overview`, rawOverview],
    ];
    for (const [name, url, baseline] of scenarios) {
      if (url.endsWith('cursor=')) continue;
      results.push(row(name, await measure(url, token), baseline));
    }
    results.push(
      row(
        'Portico: overview as of 45 days ago',
        await measure(`${api}/overview?asOf=${pastDay(45)}`, token),
        rawOverview,
      ),
    );
  } finally {
    if (portico) await stopServer(portico);
  }

  console.log(
    `\nStaff console, ${INVOICES.toLocaleString('en')} invoices / ${CUSTOMERS.toLocaleString('en')} customers ` +
      `(SQLite), ${CONNECTIONS} connections, ${SECONDS} s each. Goal: p99 ≤ ${GOAL_MS} ms.`,
  );
  console.table([
    row('raw baseline: aging of unpaid invoices, one query', rawOverview),
    row('raw baseline: customers ranked by past due, one query', rawWorklist),
    ...results,
  ]);
}

/** The calendar day `days` before today (UTC; the server reads it in the company's zone). */
function pastDay(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

if (process.argv.includes('--baseline')) await serveBaseline();
else await main();
