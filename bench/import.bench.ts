/**
 * ERP import throughput: the same invoice lines written three ways into fresh SQLite files.
 *   (a) `portico import invoices` path: CSV streamed through csv-parse, the shared zod row schema and
 *       the ERP upsert, in one transaction;
 *   (b) the ERP API's domain function (`importAll` + `InvoiceUpserter`), 10,000 invoices per call as
 *       the API takes them, without HTTP;
 *   (c) baseline: raw better-sqlite3 prepared INSERTs of the same invoices and lines (values computed
 *       beforehand) in one transaction, on a connection of its own: the floor for writing these rows at
 *       all. (a) and (b) go through the async database handle, as the server and the CLI do.
 *
 * Run: node --import tsx bench/import.bench.ts [--lines 100000] [--runs 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
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

let dbCount = 0;
/** A new SQLite file, migrated, with the customers the invoices name; its path. */
async function freshFile(): Promise<string> {
  const path = join(dir, `bench-${dbCount++}.sqlite`);
  const database = await openDb({ DATABASE_PATH: path });
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
  return path;
}

const actor = { type: 'erp' as const, id: 'key_bench' };

interface Timing {
  wall: number;
  cpu: number;
}

function timer(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

async function viaCsv(invoices: ErpInvoiceInput[], csv: string): Promise<Timing> {
  const database = await openDb({ DATABASE_PATH: await freshFile() });
  // The page cache `portico import` sets for itself (SQLite-only tuning).
  database.sqlite?.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  const stop = timer();
  const summary = await importCsvFile({ kind: 'invoices', file: csv, db: database.db, actor, now: NOW });
  const ms = stop();
  if (!summary.committed || summary.created !== invoices.length)
    throw new Error(`CSV import failed: ${JSON.stringify(summary)}`);
  await database.close();
  return ms;
}

async function viaApiDomain(invoices: ErpInvoiceInput[]): Promise<Timing> {
  const database = await openDb({ DATABASE_PATH: await freshFile() });
  // The rows as JSON.parse would hand them over (no shared objects between runs).
  const rows = JSON.parse(JSON.stringify(invoices)) as unknown[];
  const stop = timer();
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
  return ms;
}

/**
 * `bigCache`: the page cache an ERP import sets for itself, so the floor is measured the same way.
 * `events`: also one `invoice.created` event row per invoice, which the import must write and the
 * brief's baseline does not: shown for reference.
 */
async function viaRawInserts(invoices: ErpInvoiceInput[], bigCache: boolean, events = false): Promise<Timing> {
  const sqlite = new Database(await freshFile());
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  if (bigCache) sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  const customerIds = new Map<string, string>(
    (sqlite.prepare('SELECT external_id, id FROM customers').all() as { external_id: string; id: string }[]).map(
      (r) => [r.external_id, r.id],
    ),
  );
  // Every value computed before the clock starts: only the INSERTs are timed.
  const prepared = invoices.map((raw) => {
    const row = erpInvoiceRow.parse(raw);
    const id = newId('inv');
    return {
      id,
      customerId: customerIds.get(row.customerExternalId)!,
      row,
      values: Object.values(invoiceValues(row)),
      lines: row.lines.map((l, i) => invoiceLineValues(id, l, i)),
    };
  });
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
  const stop = timer();
  sqlite.transaction(() => {
    for (const { id, customerId, row, values, lines } of prepared) {
      insertInvoice.run(id, customerId, row.externalId, ...values, now, now);
      for (const line of lines) insertLine.run(...line);
      if (events) {
        const data = { number: row.number, total: row.total, currency: row.currency, externalId: row.externalId };
        insertEvent.run(id, customerId, JSON.stringify(data), now);
      }
    }
  })();
  const ms = stop();
  sqlite.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const invoices = generate();
const csv = join(dir, 'invoices.csv');
writeCsv(invoices, csv);
console.log(
  `${fmt(LINES)} invoice lines in ${fmt(invoices.length)} invoices, ${RUNS} runs each, medians; ratio = baseline time / time\n`,
);

const times = {
  csv: [] as Timing[],
  api: [] as Timing[],
  raw: [] as Timing[],
  rawDefault: [] as Timing[],
  rawEvents: [] as Timing[],
};
for (let r = 0; r < RUNS; r++) {
  // Interleaved, so a busy moment on the machine does not land on one path only.
  times.rawDefault.push(await viaRawInserts(invoices, false));
  times.raw.push(await viaRawInserts(invoices, true));
  times.rawEvents.push(await viaRawInserts(invoices, true, true));
  times.csv.push(await viaCsv(invoices, csv));
  times.api.push(await viaApiDomain(invoices));
}
const results: [string, Timing[]][] = [
  ['(c) baseline: raw prepared INSERTs', times.raw],
  ['    the same with the default 2 MB cache', times.rawDefault],
  ['    the same plus one event row per invoice', times.rawEvents],
  ['(a) CSV import (csv-parse + zod + upsert)', times.csv],
  ['(b) ERP API domain (zod + upsert)', times.api],
];
const rate = (ms: number) => LINES / (ms / 1000);
const base = { wall: median(times.raw.map((t) => t.wall)), cpu: median(times.raw.map((t) => t.cpu)) };
console.log(
  `${''.padEnd(44)} ${'wall ms'.padStart(8)} ${'lines/s'.padStart(9)} ${'ratio'.padStart(6)}   ${'cpu ms'.padStart(7)} ${'ratio'.padStart(6)}`,
);
for (const [label, runs] of results) {
  const wall = median(runs.map((t) => t.wall));
  const cpu = median(runs.map((t) => t.cpu));
  console.log(
    `${label.padEnd(44)} ${fmt(wall).padStart(8)} ${fmt(rate(wall)).padStart(9)} ${`${((base.wall / wall) * 100).toFixed(0)} %`.padStart(6)}   ` +
      `${fmt(cpu).padStart(7)} ${`${((base.cpu / cpu) * 100).toFixed(0)} %`.padStart(6)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
