/**
 * ERP import throughput: the same invoice lines written into fresh databases, on SQLite and on
 * PostgreSQL in one run, each path against its own engine's baseline.
 *   (a) `portico import invoices` path: CSV streamed through csv-parse, the shared zod row schema and
 *       the ERP upsert, in one transaction;
 *   (b) the ERP API's domain function (`importAll` + `InvoiceUpserter`), 10,000 invoices per call as
 *       the API takes them, without HTTP;
 *   (c) baseline: the same invoices and lines (values computed beforehand) written by the driver alone
 *       in one transaction, on a connection of its own: the floor for writing these rows at all. On
 *       SQLite raw better-sqlite3 prepared INSERTs; on PostgreSQL `pg` multi-row INSERTs of 1,000 rows.
 * (a) and (b) go through the async database handle (`openDb`), as the server and the CLI do. CPU time
 * is this process's and, on PostgreSQL, the server's (its processes' /proc times, when it runs here).
 *
 * Run: node --import tsx bench/import.bench.ts [--lines 100000] [--runs 3]
 * PostgreSQL: `BENCH_POSTGRES_URL`, else `PORTICO_TEST_POSTGRES` (`npm run bench` starts a server);
 * with neither, only SQLite runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import type { ErpInvoiceInput } from '../server/src/contract/erp';
import { importCsvFile } from '../server/src/cli/csv-import';
import { newId } from '../server/src/crypto';
import { openDb } from '../server/src/db/client';
import { customers } from '../server/src/db/schema';
import { erpInvoiceRow } from '../server/src/contract/schemas/erp';
import {
  IMPORT_CACHE_KIB,
  importAll,
  InvoiceUpserter,
  invoiceLineValues,
  invoiceValues,
} from '../server/src/domain/erp';
import { seededRandom } from '../server/src/seed/demo';
import { createDatabase, dropDatabase, postgresCpu, postgresServerUrl, postgresSkipped } from './postgres';

const { values } = parseArgs({
  options: { lines: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } },
});
const LINES = Number(values.lines);
const RUNS = Number(values.runs);
const CUSTOMERS = 200;
const CHUNK = Number(process.env.CHUNK ?? 10_000);
const NOW = new Date('2026-11-20T15:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'portico-bench-'));

/** Invoices of 1–4 lines (2.5 on average) until LINES lines, deterministic. */
function generate(): ErpInvoiceInput[] {
  const random = seededRandom(42);
  const invoices: ErpInvoiceInput[] = [];
  let lines = 0;
  for (let n = 1; lines < LINES; n++) {
    const count = Math.min(1 + Math.floor(random() * 4), LINES - lines);
    lines += count;
    const day = 1 + Math.floor(random() * 28);
    invoices.push({
      externalId: `ext-${n}`,
      number: `B-${String(n).padStart(7, '0')}`,
      customerExternalId: `cust-${1 + Math.floor(random() * CUSTOMERS)}`,
      issueDate: `2026-10-${String(day).padStart(2, '0')}`,
      dueDate: `2026-11-${String(day).padStart(2, '0')}`,
      currency: 'USD',
      poNumber: random() < 0.5 ? `PO-${10_000 + Math.floor(random() * 90_000)}` : null,
      lines: Array.from({ length: count }, (_, i) => ({
        description: `Item ${i + 1} of invoice ${n}, catalogue line`,
        sku: `SKU-${Math.floor(random() * 1000)}`,
        quantity: random() < 0.2 ? (1 + Math.floor(random() * 40)) / 4 : 1 + Math.floor(random() * 20),
        unitPrice: 100 + Math.floor(random() * 50_000),
        taxRateBp: 825,
      })),
    });
  }
  return invoices;
}

function writeCsv(invoices: ErpInvoiceInput[], path: string): void {
  const header = ['external_id', 'number', 'customer_external_id', 'issue_date', 'due_date', 'currency', 'po_number'];
  const rows: unknown[][] = [[...header, 'description', 'sku', 'quantity', 'unit_price', 'tax_rate_bp']];
  for (const inv of invoices) {
    for (const l of inv.lines) {
      rows.push([
        inv.externalId,
        inv.number,
        inv.customerExternalId,
        inv.issueDate,
        inv.dueDate,
        inv.currency,
        inv.poNumber ?? '',
        l.description,
        l.sku,
        String(l.quantity),
        l.unitPrice,
        l.taxRateBp,
      ]);
    }
  }
  writeFileSync(path, stringify(rows));
}

type Engine = 'sqlite' | 'postgres';

/** A fresh database: how `openDb` reaches it, and how to remove it (PostgreSQL's; files go with `dir`). */
interface Fresh {
  config: { DATABASE_PATH: string; DATABASE_URL?: string };
  drop(): Promise<void>;
}

let dbCount = 0;
/** A new database on `engine`, migrated, with the customers the invoices name. */
async function freshDatabase(engine: Engine): Promise<Fresh> {
  const n = dbCount++;
  let fresh: Fresh;
  if (engine === 'sqlite') {
    fresh = { config: { DATABASE_PATH: join(dir, `bench-${n}.sqlite`) }, drop: () => Promise.resolve() };
  } else {
    const name = `portico_bench_import_${process.pid}_${n}`;
    fresh = { config: { DATABASE_PATH: '', DATABASE_URL: await createDatabase(name) }, drop: () => dropDatabase(name) };
  }
  const database = await openDb(fresh.config);
  await database.db.insert(customers).values(
    Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `cus_bench${i + 1}`,
      externalId: `cust-${i + 1}`,
      name: `Customer ${i + 1}`,
      currency: 'USD',
      createdAt: NOW,
      updatedAt: NOW,
    })),
  );
  await database.close();
  return fresh;
}

const actor = { type: 'erp' as const, id: 'key_bench' };

interface Timing {
  wall: number;
  /** This process's CPU ms. */
  cpu: number;
  /** The PostgreSQL server's CPU ms (0 on SQLite, which runs in this process; NaN when not read). */
  dbCpu: number;
}

/** Reads the PostgreSQL server's CPU time, when it runs on this machine (set once PostgreSQL is up). */
let serverCpu: (() => number) | null = null;

function timer(engine: Engine): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const db = engine === 'postgres' ? (serverCpu?.() ?? NaN) : 0;
  return () => {
    const used = process.cpuUsage(cpu);
    const dbCpu = engine === 'postgres' ? (serverCpu?.() ?? NaN) - db : 0;
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000, dbCpu };
  };
}

async function viaCsv(engine: Engine, invoices: ErpInvoiceInput[], csv: string): Promise<Timing> {
  const fresh = await freshDatabase(engine);
  const database = await openDb(fresh.config);
  // The page cache `portico import` sets for itself (SQLite-only tuning).
  database.sqlite?.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  const stop = timer(engine);
  const summary = await importCsvFile({ kind: 'invoices', file: csv, db: database.db, actor, now: NOW });
  const ms = stop();
  if (!summary.committed || summary.created !== invoices.length)
    throw new Error(`CSV import failed: ${JSON.stringify(summary)}`);
  await database.close();
  await fresh.drop();
  return ms;
}

async function viaApiDomain(engine: Engine, invoices: ErpInvoiceInput[]): Promise<Timing> {
  const fresh = await freshDatabase(engine);
  const database = await openDb(fresh.config);
  // The rows as JSON.parse would hand them over (no shared objects between runs).
  const rows = JSON.parse(JSON.stringify(invoices)) as unknown[];
  const stop = timer(engine);
  for (let from = 0; from < rows.length; from += CHUNK) {
    const outcome = await importAll(
      database.db,
      rows.slice(from, from + CHUNK),
      { actor, now: NOW },
      (imp) => new InvoiceUpserter(imp),
    );
    if (!outcome.ok) throw new Error(`API import failed: ${JSON.stringify(outcome.errors.rows.slice(0, 3))}`);
  }
  const ms = stop();
  await database.close();
  await fresh.drop();
  return ms;
}

/** The baseline's rows, every value computed before the clock starts: only the INSERTs are timed. */
function prepareRows(invoices: ErpInvoiceInput[], customerIds: Map<string, string>) {
  return invoices.map((raw) => {
    const row = erpInvoiceRow.parse(raw);
    const id = newId('inv');
    const customerId = customerIds.get(row.customerExternalId)!;
    return {
      id,
      customerId,
      row,
      values: Object.values(invoiceValues(row)),
      lines: row.lines.map((l, i) => invoiceLineValues(id, l, i)),
      event: JSON.stringify({
        number: row.number,
        total: row.total,
        currency: row.currency,
        externalId: row.externalId,
      }),
    };
  });
}

/**
 * `bigCache`: the page cache an ERP import sets for itself, so the floor is measured the same way.
 * `events`: also one `invoice.created` event row per invoice, which the import must write and the
 * brief's baseline does not: shown for reference.
 */
async function viaRawInserts(invoices: ErpInvoiceInput[], bigCache: boolean, events = false): Promise<Timing> {
  const sqlite = new Database((await freshDatabase('sqlite')).config.DATABASE_PATH);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  if (bigCache) sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  const customerIds = new Map<string, string>(
    (sqlite.prepare('SELECT external_id, id FROM customers').all() as { external_id: string; id: string }[]).map(
      (r) => [r.external_id, r.id],
    ),
  );
  const prepared = prepareRows(invoices, customerIds);
  const insertInvoice = sqlite.prepare(
    `INSERT INTO invoices (id, customer_id, external_id, number, po_number, issue_date, due_date, currency, subtotal,
       tax_total, total, amount_paid, amount_credited, balance, voided_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, NULL, ?, ?)`,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO invoice_lines (id, invoice_id, line_no, description, sku, quantity_milli, unit_price, amount, tax)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO events (type, actor_type, actor_id, subject_type, subject_id, customer_id, data, created_at)
     VALUES ('invoice.created', 'erp', 'key_bench', 'invoice', ?, ?, ?, ?)`,
  );
  const now = NOW.getTime();
  const stop = timer('sqlite');
  sqlite.transaction(() => {
    for (const { id, customerId, row, values, lines, event } of prepared) {
      insertInvoice.run(id, customerId, row.externalId, ...values, now, now);
      for (const line of lines) insertLine.run(...line);
      if (events) insertEvent.run(id, customerId, event, now);
    }
  })();
  const ms = stop();
  sqlite.close();
  return ms;
}

/** Rows per multi-row INSERT of the PostgreSQL baseline (14 values an invoice: well under 65,535 in all). */
const PG_BATCH = 1000;

/**
 * The PostgreSQL baseline: `pg` multi-row INSERTs of the same invoices and lines (and, with `events`,
 * the event rows), `PG_BATCH` rows a statement (a named statement for full batches, parsed once),
 * in one transaction, on a connection of its own: each invoice batch, then its lines.
 */
async function viaRawPostgres(invoices: ErpInvoiceInput[], events = false): Promise<Timing> {
  const fresh = await freshDatabase('postgres');
  const client = new pg.Client({ connectionString: fresh.config.DATABASE_URL });
  await client.connect();
  const customerIds = new Map<string, string>(
    (await client.query<{ external_id: string; id: string }>('SELECT external_id, id FROM customers')).rows.map((r) => [
      r.external_id,
      r.id,
    ]),
  );
  const prepared = prepareRows(invoices, customerIds);
  const now = NOW.getTime();
  const insert = async (
    name: string,
    head: string,
    row: (next: () => string) => string,
    values: unknown[],
    width: number,
  ) => {
    for (let from = 0; from < values.length; from += PG_BATCH * width) {
      const batch = values.slice(from, from + PG_BATCH * width);
      const rows = batch.length / width;
      let n = 0;
      const text = `${head} VALUES ${Array.from({ length: rows }, () => `(${row(() => `$${++n}`)})`).join(', ')}`;
      await client.query(rows === PG_BATCH ? { name, text, values: batch } : { text, values: batch });
    }
  };
  const invoiceHead = `INSERT INTO invoices (id, customer_id, external_id, number, po_number, issue_date, due_date, currency,
    subtotal, tax_total, total, amount_paid, amount_credited, balance, voided_at, created_at, updated_at)`;
  // `next()` is the row's next placeholder; the values go in the columns' order.
  const invoiceRow = (next: () => string) =>
    `${Array.from({ length: 11 }, next).join(', ')}, 0, 0, ${next()}, NULL, ${next()}, ${next()}`;
  const lineHead = `INSERT INTO invoice_lines (id, invoice_id, line_no, description, sku, quantity_milli, unit_price, amount, tax)`;
  const lineRow = (next: () => string) => Array.from({ length: 9 }, next).join(', ');
  const eventHead = `INSERT INTO events (type, actor_type, actor_id, subject_type, subject_id, customer_id, data, created_at)`;
  const eventRow = (next: () => string) =>
    `'invoice.created', 'erp', 'key_bench', 'invoice', ${next()}, ${next()}, ${next()}, ${next()}`;

  const stop = timer('postgres');
  await client.query('BEGIN');
  for (let from = 0; from < prepared.length; from += PG_BATCH) {
    const chunk = prepared.slice(from, from + PG_BATCH);
    await insert(
      'invoices',
      invoiceHead,
      invoiceRow,
      chunk.flatMap(({ id, customerId, row, values }) => [id, customerId, row.externalId, ...values, now, now]),
      14,
    );
    await insert(
      'lines',
      lineHead,
      lineRow,
      chunk.flatMap(({ lines }) => lines.flat()),
      9,
    );
    if (events) {
      await insert(
        'events',
        eventHead,
        eventRow,
        chunk.flatMap(({ id, customerId, event }) => [id, customerId, event, now]),
        4,
      );
    }
  }
  await client.query('COMMIT');
  const ms = stop();
  await client.end();
  await fresh.drop();
  return ms;
}

/** The middle value; of an even count, the mean of the middle two (of two runs, their mean). */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');

const invoices = generate();
const csv = join(dir, 'invoices.csv');
writeCsv(invoices, csv);
if (postgresServerUrl) serverCpu = await postgresCpu();
console.log(
  `${fmt(LINES)} invoice lines in ${fmt(invoices.length)} invoices, ${RUNS} runs each, medians; ` +
    `share = the engine's baseline time / time (wall, and CPU of this process + the database server)\n`,
);

const times = {
  csv: [] as Timing[],
  api: [] as Timing[],
  raw: [] as Timing[],
  rawDefault: [] as Timing[],
  rawEvents: [] as Timing[],
  pgCsv: [] as Timing[],
  pgApi: [] as Timing[],
  pgRaw: [] as Timing[],
  pgRawEvents: [] as Timing[],
};
for (let r = 0; r < RUNS; r++) {
  // Interleaved, so a busy moment on the machine does not land on one path only.
  times.rawDefault.push(await viaRawInserts(invoices, false));
  times.raw.push(await viaRawInserts(invoices, true));
  times.rawEvents.push(await viaRawInserts(invoices, true, true));
  times.csv.push(await viaCsv('sqlite', invoices, csv));
  times.api.push(await viaApiDomain('sqlite', invoices));
  if (postgresServerUrl) {
    times.pgRaw.push(await viaRawPostgres(invoices));
    times.pgRawEvents.push(await viaRawPostgres(invoices, true));
    times.pgCsv.push(await viaCsv('postgres', invoices, csv));
    times.pgApi.push(await viaApiDomain('postgres', invoices));
  }
}

const rate = (ms: number) => LINES / (ms / 1000);
const pct = (base: number, n: number) => `${((base / n) * 100).toFixed(0)} %`;
function table(title: string, results: [string, Timing[]][], postgres: boolean): void {
  const total = (t: Timing) => t.cpu + t.dbCpu;
  const baseline = results[0]![1];
  const base = { wall: median(baseline.map((t) => t.wall)), cpu: median(baseline.map(total)) };
  console.log(
    `${title.padEnd(46)} ${'wall ms'.padStart(8)} ${'lines/s'.padStart(9)} ${'share'.padStart(6)}   ` +
      `${'cpu ms'.padStart(7)}${postgres ? ` ${'pg cpu'.padStart(7)}` : ''} ${'share'.padStart(6)}`,
  );
  for (const [label, runs] of results) {
    const wall = median(runs.map((t) => t.wall));
    const cpu = median(runs.map((t) => t.cpu));
    const dbCpu = median(runs.map((t) => t.dbCpu));
    const all = median(runs.map(total));
    console.log(
      `${label.padEnd(46)} ${fmt(wall).padStart(8)} ${fmt(rate(wall)).padStart(9)} ${pct(base.wall, wall).padStart(6)}   ` +
        `${fmt(cpu).padStart(7)}${postgres ? ` ${fmt(dbCpu).padStart(7)}` : ''} ` +
        `${(Number.isFinite(all) ? pct(base.cpu, all) : '–').padStart(6)}`,
    );
  }
}

table(
  'SQLite',
  [
    ['(c) baseline: raw prepared INSERTs', times.raw],
    ['    the same with the default 2 MB cache', times.rawDefault],
    ['    the same plus one event row per invoice', times.rawEvents],
    ['(a) CSV import (csv-parse + zod + upsert)', times.csv],
    ['(b) ERP API domain (zod + upsert)', times.api],
  ],
  false,
);
console.log('');
if (postgresServerUrl) {
  table(
    'PostgreSQL',
    [
      [`(c) baseline: pg multi-row INSERTs (${PG_BATCH} rows)`, times.pgRaw],
      ['    the same plus one event row per invoice', times.pgRawEvents],
      ['(a) CSV import (csv-parse + zod + upsert)', times.pgCsv],
      ['(b) ERP API domain (zod + upsert)', times.pgApi],
    ],
    true,
  );
  if (!serverCpu) console.log('(the PostgreSQL server is not a process on this machine: its CPU is not read)');
} else {
  console.log(`PostgreSQL: skipped: ${postgresSkipped()}.`);
}
rmSync(dir, { recursive: true, force: true });
