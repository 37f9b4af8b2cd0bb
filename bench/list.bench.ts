/**
 * Invoice list page (`GET /invoices`, 50 rows) on the large data set, against bare Hono on the same
 * machine and connections, in the same run. Goal: ≥ 50 % of bare Hono's requests/s and p99 ≤ 25 ms at
 * 64 connections.
 *
 *   npm run bench                       (100,000 customers / 1,000,000 invoices, built once into bench/.data)
 *   BENCH_INVOICES=200000 BENCH_CUSTOMERS=20000 npm run bench   (a smaller set, for a quick look)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import { testConfig } from '../server/src/config';
import { openDb } from '../server/src/db/client';
import { contacts, customers } from '../server/src/db/schema';
import { createSession } from '../server/src/domain/auth';
import { bulkCustomerExternalId, seedBulk } from '../server/src/seed/bulk';
import { seedDemo } from '../server/src/seed/demo';
import { freePort, startServer as start } from './servers';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 1_000_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = join(import.meta.dirname, '.data');
const databasePath = join(dataDir, `large-${CUSTOMERS}-${INVOICES}.sqlite`);

function load(url: string, token?: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function prepareDatabase(): Promise<{ token: string; accountId: string }> {
  mkdirSync(dataDir, { recursive: true });
  const fresh = !existsSync(databasePath);
  const database = await openDb({ DATABASE_PATH: databasePath });
  try {
    if (fresh) {
      const started = performance.now();
      await seedDemo(database.db, new Date());
      await seedBulk(database, { customers: CUSTOMERS, invoices: INVOICES, now: new Date() });
      await database.db.run(sql`ANALYZE`);
      console.log(`built ${databasePath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // The big account: bulk-0000001 holds 10,000 invoices (a tenth of smaller sets).
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
  } finally {
    await database.close();
  }
}

function row(name: string, r: autocannon.Result, baseline?: autocannon.Result) {
  const share = baseline ? `${((r.requests.average / baseline.requests.average) * 100).toFixed(0)} %` : '100 %';
  return {
    scenario: name,
    'req/s': Math.round(r.requests.average),
    'of bare Hono': share,
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

async function main() {
  const { token, accountId } = await prepareDatabase();
  const barePort = await freePort();
  const sqlitePort = await freePort();
  const porticoPort = await freePort();
  const bare = await start(['bench/bare-hono.ts'], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/`);
  const bareSqlite = await start(
    ['bench/bare-sqlite.ts'],
    { PORT: String(sqlitePort), DATABASE_PATH: databasePath },
    `http://127.0.0.1:${sqlitePort}/?account=${accountId}`,
  );
  const portico = await start(
    ['server/src/main.ts'],
    {
      PORT: String(porticoPort),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'error',
      CUSTOMER_IDLE_MINUTES: '600',
    },
    `http://127.0.0.1:${porticoPort}/api/v1/health`,
  );
  try {
    const api = `http://127.0.0.1:${porticoPort}/api/v1`;
    const pages = {
      'first page, past-due first (10,000-invoice account)': `${api}/invoices?account=${accountId}&limit=50`,
      'past due only': `${api}/invoices?account=${accountId}&status=past_due&limit=50`,
      'sorted by total, descending': `${api}/invoices?account=${accountId}&sort=-total&limit=50`,
    };
    // Warm both up (JIT, page cache) before measuring.
    await load(`http://127.0.0.1:${barePort}/`);
    const warm = await (
      await fetch(pages['first page, past-due first (10,000-invoice account)'], {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    if (!Array.isArray((warm as { items?: unknown[] }).items)) throw new Error(`list failed: ${JSON.stringify(warm)}`);

    const baseline = await load(`http://127.0.0.1:${barePort}/`);
    const rows = [row('bare Hono hello world', baseline)];
    rows.push(
      row(
        'bare Hono + one raw SQLite page query',
        await load(`http://127.0.0.1:${sqlitePort}/?account=${accountId}`),
        baseline,
      ),
    );
    for (const [name, url] of Object.entries(pages)) rows.push(row(name, await load(url, token), baseline));
    console.log(
      `\nInvoice list, ${CONNECTIONS} connections, ${SECONDS} s each, ${INVOICES.toLocaleString('en')} invoices:`,
    );
    console.table(rows);
  } finally {
    bare.kill();
    bareSqlite.kill();
    portico.kill();
  }
}

await main();
