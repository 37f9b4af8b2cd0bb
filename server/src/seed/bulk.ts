/**
 * A large synthetic ledger for benchmarks and list-virtualization work: customers with one contact
 * each, invoices with lines, and settled payments applied to them, written with raw prepared
 * statements in batched transactions. Every stored total is derived the way `ledger.ts` derives it
 * (lineAmount, lineTax), so the bulk rows satisfy the same invariants as rows the app writes.
 *
 * The data is a function of (seed, options, today): ids come from a seeded source too.
 */
import type Database from 'better-sqlite3';
import { newId } from '../crypto';
import { addDays, calendarDate, isTimeZone } from '../domain/dates';
import { lineAmount, lineTax } from '../contract/money';
import { defaultSettings } from '../domain/settings';
import { seededRandom } from './demo';
import {
  CATALOGUE,
  FIRST_NAMES,
  LAST_NAMES,
  METHODS,
  NAME_FORMS,
  NAME_HEADS,
  NAME_TRADES,
  pick,
  TERMS,
} from './bulk-vocabulary';

export interface BulkSeedOptions {
  customers: number;
  invoices: number;
  /** PRNG seed (0 … 2³²−1); the same seed, counts and day give the same rows. Default 1. */
  seed?: number;
  now: Date;
  /** Called after each committed batch with rows written so far and rows planned in all. */
  onProgress?(done: number, total: number): void;
}

export interface BulkSeedResult {
  customers: number;
  contacts: number;
  invoices: number;
  invoiceLines: number;
  payments: number;
  allocations: number;
  /** All rows written, the one `seed.bulk_loaded` event included. */
  rows: number;
  bigCustomer: { id: string; externalId: string; invoices: number };
  /** `B-0000001` … ; null when no invoices were asked for. */
  firstNumber: string | null;
  lastNumber: string | null;
}

export class BulkSeedError extends Error {
  override name = 'BulkSeedError';
}

export const BULK_EMAIL_DOMAIN = 'bulk.test';
export const BULK_PROVIDER = 'bulk';
const BIG_ACCOUNT_INVOICES = 10_000;
/**
 * Invoices per transaction; with their lines and payments about 200,000 rows, under two seconds of
 * holding the write lock. Smaller batches measured 15 % slower at a million invoices.
 */
const BATCH_INVOICES = 50_000;
/** Issue dates reach back this far; newer invoices are denser, as in a live ledger. */
const HISTORY_DAYS = 365;
const DAY_MS = 86_400_000;

export const bulkCustomerExternalId = (n: number) => `bulk-${String(n).padStart(7, '0')}`;
export const bulkInvoiceNumber = (n: number) => `B-${String(n).padStart(7, '0')}`;
export const bulkContactEmail = (n: number) => `ap+${n}@${BULK_EMAIL_DOMAIN}`;

/**
 * Customer #1 is the big account: 10,000 invoices, or a tenth of them when there are fewer than
 * 100,000 (all of them when it is the only customer).
 */
export function bigAccountInvoiceCount(customers: number, invoices: number): number {
  return customers === 1 ? invoices : Math.min(BIG_ACCOUNT_INVOICES, Math.floor(invoices / 10));
}

/**
 * Ids for bulk rows, made by `newId` from a seeded source: the first six characters count up
 * (30 bits) and the other ten are random (50 bits). Keys that arrive in order are appended to their
 * B-trees instead of scattered through them, which makes a million-invoice load about twice as
 * fast; the ids keep the usual shape and stay unique by construction.
 */
function bulkIdSource(random: () => number): (prefix: string) => string {
  let serial = 0;
  let position = 0;
  let word = 0;
  let left = 0;
  const next = () => {
    const p = position++;
    if (p < 6) return (serial >>> (5 * (5 - p))) & 31;
    if (left === 0) {
      word = (random() * 4294967296) >>> 0;
      left = 6;
    }
    const bits = word & 31;
    word >>>= 5;
    left--;
    return bits;
  };
  return (prefix) => {
    position = 0;
    const id = newId(prefix, next);
    serial++;
    return id;
  };
}

function companyTimeZone(sqlite: Database.Database): string {
  const row = sqlite.prepare(`SELECT value FROM settings WHERE key = 'timeZone'`).get() as
    { value: string } | undefined;
  const zone = row ? (JSON.parse(row.value) as unknown) : undefined;
  return typeof zone === 'string' && isTimeZone(zone) ? zone : defaultSettings.timeZone;
}

function checkOptions(sqlite: Database.Database, o: BulkSeedOptions): number {
  const seed = o.seed ?? 1;
  const problem = (
    [
      [!Number.isSafeInteger(o.customers) || o.customers < 1, 'customers must be a positive whole number.'],
      [!Number.isSafeInteger(o.invoices) || o.invoices < 0, 'invoices must be a whole number.'],
      [!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff, 'seed must be a whole number from 0 to 4294967295.'],
      [Number.isNaN(o.now.getTime()), 'now must be a valid date.'],
      [sqlite.inTransaction, 'seedBulk commits its own batches; call it outside a transaction.'],
    ] as const
  ).find(([bad]) => bad)?.[1];
  if (problem) throw new BulkSeedError(problem);
  // Bulk numbers and external ids must not meet rows already there (an earlier load, or an ERP's own).
  const clash = sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM customers WHERE external_id GLOB 'bulk-[0-9]*')
           OR EXISTS (SELECT 1 FROM invoices WHERE number GLOB 'B-[0-9]*') AS found`,
    )
    .get() as { found: number };
  if (clash.found) {
    throw new BulkSeedError(
      'This database already holds bulk data (B-… invoices or bulk-… customers); use a new file.',
    );
  }
  return seed;
}

/**
 * Which customer each invoice belongs to (by index), how many lines it has and whether it is open,
 * paid or partly paid. Drawn up front so the progress total is exact.
 */
function planInvoices(random: () => number, customers: number, invoices: number) {
  const owner = new Int32Array(invoices);
  const big = bigAccountInvoiceCount(customers, invoices);
  // The rest are skewed toward low indexes: customers #2, #3, … get thousands, the long tail a few.
  for (let i = big; i < invoices; i++) {
    const r = random();
    owner[i] = 1 + Math.floor((customers - 1) * r * r);
  }
  for (let i = invoices - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = owner[i]!;
    owner[i] = owner[j]!;
    owner[j] = t;
  }
  const lineCount = new Uint8Array(invoices);
  /** 0 open, 1 paid, 2 partly paid. */
  const outcome = new Uint8Array(invoices);
  const age = new Uint16Array(invoices);
  let lines = 0;
  let settled = 0;
  for (let i = 0; i < invoices; i++) {
    // Numbers follow issue dates; u² makes recent days busier than old ones.
    const u = 1 - (i + 0.5) / invoices;
    age[i] = Math.floor(HISTORY_DAYS * u * u);
    lineCount[i] = 1 + Math.floor(random() * 3);
    lines += lineCount[i]!;
    // Older invoices are likelier paid: 15 % at issue, 75 % a year on, about 35 % overall.
    const r = random();
    outcome[i] = r < 0.15 + (0.6 * age[i]!) / HISTORY_DAYS ? 1 : random() < 0.1 ? 2 : 0;
    if (outcome[i] !== 0) settled++;
  }
  return { owner, lineCount, outcome, age, lines, settled, big };
}

/**
 * Speed over crash safety for the load only (an OS crash mid-load can corrupt the file; seed data is
 * rebuilt, not recovered); the connection's own settings come back afterwards.
 */
function withLoadPragmas<T>(sqlite: Database.Database, load: () => T): T {
  const saved = {
    synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
    cache_size: sqlite.pragma('cache_size', { simple: true }) as number,
    foreign_keys: sqlite.pragma('foreign_keys', { simple: true }) as number,
  };
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576'); // 1 GiB: the random-keyed indexes stay in memory
  // The generator only writes rows whose parents it has just written; checking each is wasted work.
  sqlite.pragma('foreign_keys = OFF');
  try {
    return load();
  } finally {
    for (const [name, value] of Object.entries(saved)) sqlite.pragma(`${name} = ${value}`);
  }
}

/**
 * Loads `customers` customers and `invoices` invoices into a migrated database, beside whatever it
 * holds (the demo company included): ids have newId's shape and cannot meet the demo's hand-made
 * ones, numbers are `B-…`, external ids `bulk-…`, emails `@bulk.test`. Refuses a database that already holds bulk data. Batches commit
 * as they go, so a load that fails part way leaves the batches before it.
 */
export function seedBulk(sqlite: Database.Database, options: BulkSeedOptions): BulkSeedResult {
  const seed = checkOptions(sqlite, options);
  const { customers: customerCount, invoices: invoiceCount, now } = options;
  const nowMs = now.getTime();
  const today = calendarDate(now, companyTimeZone(sqlite));
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const plan = planInvoices(seededRandom(seed), customerCount, invoiceCount);
  const random = seededRandom((seed ^ 0x5eed_b01c) >>> 0);
  const id = bulkIdSource(seededRandom((seed ^ 0x1d5_0f1d) >>> 0));

  const total = customerCount * 2 + invoiceCount + plan.lines + plan.settled * 2 + 1;
  let done = 0;
  const progress = (rows: number) => {
    done += rows;
    options.onProgress?.(done, total);
  };
  const dates = new Map<number, string>();
  const dateAt = (offset: number) => {
    let d = dates.get(offset);
    if (d === undefined) dates.set(offset, (d = addDays(today, offset)));
    return d;
  };
  // An instant on the calendar day `offset` days from today, never after now.
  const instantAt = (offset: number, hour: number) => Math.min(nowMs, todayMs + offset * DAY_MS + hour * 3_600_000);

  return withLoadPragmas(sqlite, () => {
    const insertCustomer = sqlite.prepare(
      `INSERT INTO customers (id, external_id, name, currency, payment_terms_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertContact = sqlite.prepare(
      `INSERT INTO contacts (id, customer_id, email, name, created_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const insertInvoice = sqlite.prepare(
      `INSERT INTO invoices (id, customer_id, number, po_number, issue_date, due_date, currency, subtotal, tax_total, total,
         amount_paid, amount_credited, balance, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    const insertLine = sqlite.prepare(
      `INSERT INTO invoice_lines (id, invoice_id, line_no, description, sku, quantity_milli, unit_price, amount, tax)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPayment = sqlite.prepare(
      `INSERT INTO payments (id, customer_id, amount, surcharge, currency, method, provider, provider_ref, status,
         created_at, updated_at, succeeded_at) VALUES (?, ?, ?, 0, ?, ?, '${BULK_PROVIDER}', ?, 'succeeded', ?, ?, ?)`,
    );
    const insertAllocation = sqlite.prepare(
      `INSERT INTO allocations (id, payment_id, invoice_id, amount, created_at) VALUES (?, ?, ?, ?, ?)`,
    );

    // Customers, with what their invoices need kept in typed arrays.
    const customerIds: string[] = new Array<string>(customerCount);
    const currencyEur = new Uint8Array(customerCount);
    const terms = new Uint8Array(customerCount);
    const taxBp = new Uint16Array(customerCount);
    const createdMs = instantAt(-HISTORY_DAYS - 30, 9);
    const writeCustomers = sqlite.transaction((from: number, to: number) => {
      for (let c = from; c < to; c++) {
        const n = c + 1;
        const customerId = id('cus');
        customerIds[c] = customerId;
        // The big account is a plain USD, net-30, taxed customer so benchmarks on it compare across seeds.
        const big = c === 0;
        currencyEur[c] = !big && random() < 0.05 ? 1 : 0;
        terms[c] = big ? 30 : pick(random, TERMS);
        // EUR customers carry 20 % VAT; US customers 8.25 % sales tax unless exempt.
        taxBp[c] = currencyEur[c] ? 2000 : !big && random() < 0.1 ? 0 : 825;
        const trade = pick(random, NAME_TRADES);
        const name = `${pick(random, NAME_HEADS)} ${trade} ${pick(random, NAME_FORMS)}`.trimEnd();
        const currency = currencyEur[c] ? 'EUR' : 'USD';
        insertCustomer.run(customerId, bulkCustomerExternalId(n), name, currency, terms[c], createdMs, createdMs);
        const person = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
        insertContact.run(id('con'), customerId, bulkContactEmail(n), person, createdMs);
      }
    });
    const customerBatch = BATCH_INVOICES * 2;
    for (let from = 0; from < customerCount; from += customerBatch) {
      const to = Math.min(customerCount, from + customerBatch);
      writeCustomers(from, to);
      progress((to - from) * 2);
    }

    let lineRows = 0;
    let paymentRows = 0;
    let totalsSum = 0;
    const writeInvoices = sqlite.transaction((from: number, to: number) => {
      let rows = 0;
      for (let i = from; i < to; i++) {
        const c = plan.owner[i]!;
        const customerId = customerIds[c]!;
        const currency = currencyEur[c] ? 'EUR' : 'USD';
        const invoiceId = id('inv');
        const number = bulkInvoiceNumber(i + 1);
        const issueOffset = -plan.age[i]!;
        const issuedMs = instantAt(issueOffset, 13);
        const lineCount = plan.lineCount[i]!;
        let subtotal = 0;
        let taxTotal = 0;
        const lineArgs: unknown[][] = [];
        for (let l = 1; l <= lineCount; l++) {
          const [sku, description, unitPrice, fractional] = pick(random, CATALOGUE);
          const quantityMilli = fractional
            ? 250 * (1 + Math.floor(random() * 40))
            : 1000 * (1 + Math.floor(random() * random() * 24));
          const amount = lineAmount(quantityMilli, unitPrice);
          const tax = lineTax(amount, taxBp[c]!);
          subtotal += amount;
          taxTotal += tax;
          lineArgs.push([`${invoiceId}_l${l}`, invoiceId, l, description, sku, quantityMilli, unitPrice, amount, tax]);
        }
        const invoiceTotal = subtotal + taxTotal;
        totalsSum += invoiceTotal;
        const outcome = plan.outcome[i]!;
        const paid =
          outcome === 1
            ? invoiceTotal
            : outcome === 2
              ? Math.max(1, Math.floor(invoiceTotal * (0.1 + random() * 0.8)))
              : 0;
        // Paid some days after issue, but not in the future.
        const paidOffset = paid ? Math.min(0, issueOffset + Math.floor(random() * (terms[c]! + 20))) : 0;
        const paidMs = paid ? Math.max(issuedMs, instantAt(paidOffset, 16)) : issuedMs;
        const po = random() < 0.5 ? `PO-${10_000 + Math.floor(random() * 90_000)}` : null;
        insertInvoice.run(
          invoiceId,
          customerId,
          number,
          po,
          dateAt(issueOffset),
          dateAt(issueOffset + terms[c]!),
          currency,
          subtotal,
          taxTotal,
          invoiceTotal,
          paid,
          invoiceTotal - paid,
          issuedMs,
          paidMs,
        );
        for (const args of lineArgs) insertLine.run(args);
        rows += 1 + lineCount;
        lineRows += lineCount;
        if (paid) {
          const paymentId = id('pay');
          const method = pick(random, METHODS);
          insertPayment.run(paymentId, customerId, paid, currency, method, `bulk-${number}`, paidMs, paidMs, paidMs);
          insertAllocation.run(id('alc'), paymentId, invoiceId, paid, paidMs);
          rows += 2;
          paymentRows++;
        }
      }
      return rows;
    });
    for (let from = 0; from < invoiceCount; from += BATCH_INVOICES) {
      progress(writeInvoices(from, Math.min(invoiceCount, from + BATCH_INVOICES)));
    }

    const result: BulkSeedResult = {
      customers: customerCount,
      contacts: customerCount,
      invoices: invoiceCount,
      invoiceLines: lineRows,
      payments: paymentRows,
      allocations: paymentRows,
      rows: total,
      bigCustomer: { id: customerIds[0]!, externalId: bulkCustomerExternalId(1), invoices: plan.big },
      firstNumber: invoiceCount ? bulkInvoiceNumber(1) : null,
      lastNumber: invoiceCount ? bulkInvoiceNumber(invoiceCount) : null,
    };
    const { rows: _rows, ...counts } = result;
    sqlite
      .prepare(`INSERT INTO events (type, actor_type, data, created_at) VALUES ('seed.bulk_loaded', 'system', ?, ?)`)
      .run(JSON.stringify({ ...counts, seed, today, invoiceTotalsSum: totalsSum }), nowMs);
    progress(1);
    // Fold the WAL back so the file's size is the data's and the next reader starts clean.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  });
}
