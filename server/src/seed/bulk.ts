/**
 * A large synthetic ledger for benchmarks and list-virtualization work: customers with one contact
 * each, invoices with lines, and settled payments applied to them, written through the database
 * handle as multi-row inserts, a few hundred invoices (with their lines and payments) per
 * transaction, so it loads SQLite and PostgreSQL alike. Every stored total is derived the way
 * `ledger.ts` derives it (lineAmount, lineTax), so the bulk rows satisfy the same invariants as rows
 * the app writes.
 *
 * The data is a function of (seed, options, today): ids come from a seeded source too.
 */
import { eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { AsyncDatabase } from '../db/async';
import type { Db } from '../db/client';
import { allocations, contacts, customers, events, invoiceLines, invoices, payments, settings } from '../db/schema';
import { forgetArAggregates } from '../domain/ar-aggregates';
import { addDays, calendarDate, isTimeZone } from '../domain/dates';
import { lineAmount, lineTax } from '../contract/money';
import { defaultSettings } from '../domain/settings';
import { seededRandom } from './demo';
import { bigAccountInvoiceCount, bulkIdSource, HISTORY_DAYS, planInvoices } from './bulk-plan';
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
/**
 * Invoices per transaction, with their lines and payments: about 750 rows, each table's share one
 * multi-row INSERT (the largest, the lines, at most 600 rows of 9 columns: 5,400 parameters, well
 * under SQLite's 32,766 and PostgreSQL's 65,535), so the write lock is held briefly. Building the
 * statements, not the database, takes most of a load's time; batches of 1,000 measured no faster.
 * Customers go 500 a transaction, each with its contact.
 */
const BATCH_INVOICES = 200;
const BATCH_CUSTOMERS = 500;
const DAY_MS = 86_400_000;

export const bulkCustomerExternalId = (n: number) => `bulk-${String(n).padStart(7, '0')}`;
export const bulkInvoiceNumber = (n: number) => `B-${String(n).padStart(7, '0')}`;
export const bulkContactEmail = (n: number) => `ap+${n}@${BULK_EMAIL_DOMAIN}`;
export { bigAccountInvoiceCount };

async function companyTimeZone(db: Db): Promise<string> {
  const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'timeZone')).get();
  const zone = row?.value;
  return typeof zone === 'string' && isTimeZone(zone) ? zone : defaultSettings.timeZone;
}

/** `column` starts with `prefix` and a digit, case and all, on either engine (as GLOB 'prefix[0-9]*' did). */
function numbered(column: SQLWrapper, prefix: string) {
  return sql`substr(${column}, 1, ${prefix.length}) = ${prefix} and substr(${column}, ${prefix.length + 1}, 1) between '0' and '9'`;
}

async function checkOptions(db: Db, o: BulkSeedOptions): Promise<number> {
  const seed = o.seed ?? 1;
  const problem = (
    [
      [!Number.isSafeInteger(o.customers) || o.customers < 1, 'customers must be a positive whole number.'],
      [!Number.isSafeInteger(o.invoices) || o.invoices < 0, 'invoices must be a whole number.'],
      [!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff, 'seed must be a whole number from 0 to 4294967295.'],
      [Number.isNaN(o.now.getTime()), 'now must be a valid date.'],
    ] as const
  ).find(([bad]) => bad)?.[1];
  if (problem) throw new BulkSeedError(problem);
  // Bulk numbers and external ids must not meet rows already there (an earlier load, or an ERP's own).
  const clash =
    (await db
      .select({ id: customers.id })
      .from(customers)
      .where(numbered(customers.externalId, 'bulk-'))
      .limit(1)
      .get()) ??
    (await db.select({ id: invoices.id }).from(invoices).where(numbered(invoices.number, 'B-')).limit(1).get());
  if (clash) {
    throw new BulkSeedError('This database already holds bulk data (B-… invoices or bulk-… customers); use a new one.');
  }
  return seed;
}

/**
 * On SQLite, speed over crash safety for the load only (an OS crash mid-load can corrupt the file;
 * seed data is rebuilt, not recovered); the connection's own settings come back afterwards. The
 * pragmas are set on the writer connection, which the handle's writes go through. PostgreSQL loads
 * with its own settings.
 */
async function withLoadPragmas<T>(sqlite: AsyncDatabase['sqlite'], load: () => Promise<T>): Promise<T> {
  if (!sqlite) return load();
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
    const result = await load();
    // Fold the WAL back so the file's size is the data's and the next reader starts clean.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  } finally {
    for (const [name, value] of Object.entries(saved)) sqlite.pragma(`${name} = ${value}`);
  }
}

type InvoiceRow = typeof invoices.$inferInsert;
type LineRow = typeof invoiceLines.$inferInsert;
type PaymentRow = typeof payments.$inferInsert;
type AllocationRow = typeof allocations.$inferInsert;

/**
 * Loads `customers` customers and `invoices` invoices into a migrated database (SQLite or
 * PostgreSQL), beside whatever it holds (the demo company included): ids have newId's shape and
 * cannot meet the demo's hand-made ones, numbers are `B-…`, external ids `bulk-…`, emails
 * `@bulk.test`. Refuses a database that already holds bulk data. Batches commit as they go, so a
 * load that fails part way leaves the batches before it.
 */
export async function seedBulk(
  database: Pick<AsyncDatabase, 'db' | 'sqlite'>,
  options: BulkSeedOptions,
): Promise<BulkSeedResult> {
  const { db } = database;
  const seed = await checkOptions(db, options);
  const { customers: customerCount, invoices: invoiceCount, now } = options;
  const nowMs = now.getTime();
  const today = calendarDate(now, await companyTimeZone(db));
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

  return withLoadPragmas(database.sqlite, async () => {
    // Customers, with what their invoices need kept in typed arrays.
    const customerIds: string[] = new Array<string>(customerCount);
    const currencyEur = new Uint8Array(customerCount);
    const terms = new Uint8Array(customerCount);
    const taxBp = new Uint16Array(customerCount);
    const created = new Date(instantAt(-HISTORY_DAYS - 30, 9));
    for (let from = 0; from < customerCount; from += BATCH_CUSTOMERS) {
      const to = Math.min(customerCount, from + BATCH_CUSTOMERS);
      const customerRows: (typeof customers.$inferInsert)[] = [];
      const contactRows: (typeof contacts.$inferInsert)[] = [];
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
        customerRows.push({
          id: customerId,
          externalId: bulkCustomerExternalId(n),
          name,
          currency,
          paymentTermsDays: terms[c],
          createdAt: created,
          updatedAt: created,
        });
        const person = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
        contactRows.push({ id: id('con'), customerId, email: bulkContactEmail(n), name: person, createdAt: created });
      }
      await db.transaction(async (tx) => {
        await tx.insert(customers).values(customerRows).run();
        await tx.insert(contacts).values(contactRows).run();
      });
      progress((to - from) * 2);
    }

    let lineRows = 0;
    let paymentRows = 0;
    let totalsSum = 0;
    for (let from = 0; from < invoiceCount; from += BATCH_INVOICES) {
      const to = Math.min(invoiceCount, from + BATCH_INVOICES);
      const invoiceRows: InvoiceRow[] = [];
      const lineBatch: LineRow[] = [];
      const paymentBatch: PaymentRow[] = [];
      const allocationBatch: AllocationRow[] = [];
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
        for (let l = 1; l <= lineCount; l++) {
          const [sku, description, unitPrice, fractional] = pick(random, CATALOGUE);
          const quantityMilli = fractional
            ? 250 * (1 + Math.floor(random() * 40))
            : 1000 * (1 + Math.floor(random() * random() * 24));
          const amount = lineAmount(quantityMilli, unitPrice);
          const tax = lineTax(amount, taxBp[c]!);
          subtotal += amount;
          taxTotal += tax;
          lineBatch.push({
            id: `${invoiceId}_l${l}`,
            invoiceId,
            lineNo: l,
            description,
            sku,
            quantityMilli,
            unitPrice,
            amount,
            tax,
          });
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
        const paidAt = new Date(paid ? Math.max(issuedMs, instantAt(paidOffset, 16)) : issuedMs);
        const po = random() < 0.5 ? `PO-${10_000 + Math.floor(random() * 90_000)}` : null;
        invoiceRows.push({
          id: invoiceId,
          customerId,
          number,
          poNumber: po,
          issueDate: dateAt(issueOffset),
          dueDate: dateAt(issueOffset + terms[c]!),
          currency,
          subtotal,
          taxTotal,
          total: invoiceTotal,
          amountPaid: paid,
          amountCredited: 0,
          balance: invoiceTotal - paid,
          createdAt: new Date(issuedMs),
          updatedAt: paidAt,
        });
        lineRows += lineCount;
        if (paid) {
          const paymentId = id('pay');
          const method = pick(random, METHODS);
          paymentBatch.push({
            id: paymentId,
            customerId,
            amount: paid,
            surcharge: 0,
            currency,
            method,
            provider: BULK_PROVIDER,
            providerRef: `bulk-${number}`,
            status: 'succeeded',
            createdAt: paidAt,
            updatedAt: paidAt,
            succeededAt: paidAt,
          });
          allocationBatch.push({ id: id('alc'), paymentId, invoiceId, amount: paid, createdAt: paidAt });
          paymentRows++;
        }
      }
      // Parents first: PostgreSQL checks every reference as each row goes in.
      await db.transaction(async (tx) => {
        await tx.insert(invoices).values(invoiceRows).run();
        await tx.insert(invoiceLines).values(lineBatch).run();
        if (paymentBatch.length) {
          await tx.insert(payments).values(paymentBatch).run();
          await tx.insert(allocations).values(allocationBatch).run();
        }
      });
      progress(invoiceRows.length + lineBatch.length + paymentBatch.length * 2);
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
    await db
      .insert(events)
      .values({
        type: 'seed.bulk_loaded',
        actorType: 'system',
        data: { ...counts, seed, today, invoiceTotalsSum: totalsSum },
        createdAt: now,
      })
      .run();
    // Written around the ledger's upkeep: the staff console's aggregates are built again on their next read.
    await forgetArAggregates(db);
    progress(1);
    return result;
  });
}
