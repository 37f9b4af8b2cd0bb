/**
 * `npm run seed -- [--demo] [--customers N --invoices M] [--database PATH] [--seed S]`
 *
 * Seeds the demo company and/or a large synthetic ledger into the database (created and migrated
 * if needed): the SQLite file `--database` names, else the PostgreSQL database at `$DATABASE_URL`,
 * else the SQLite file at `$DATABASE_PATH`. Exit codes: 0 done, 1 the seed failed, 2 bad arguments.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock';
import { openDb } from '../db/client';
import { BulkSeedError, seedBulk, type BulkSeedResult } from './bulk';
import { seedDemo } from './demo';

const DEFAULT_DATABASE = 'data/portico.sqlite';
const MAX_COUNT = 100_000_000;

const USAGE = `Usage: npm run seed -- [--demo] [--customers N --invoices M] [--database PATH] [--seed S]

  --demo            Seed the demo company (Acme Supplies) if the database is empty.
  --customers N     Bulk-load N synthetic customers, each with one contact (ap+<n>@bulk.test).
  --invoices M      ... and M invoices over them with lines and payments; customer bulk-0000001
                    holds 10,000 of them (a tenth when M is under 100,000).
  --seed S          Seed for the bulk data, 0 to 4294967295 (default 1); same seed, same rows.
  --database PATH   SQLite file (default: the PostgreSQL database at $DATABASE_URL when set,
                    else $DATABASE_PATH, else ${DEFAULT_DATABASE}).
  -h, --help        Show this help.

The demo runs first, so --demo with a bulk load gives the demo company plus the bulk data.
A bulk load goes into a database without bulk data; load again into a new one.`;

class UsageError extends Error {}

interface SeedCommand {
  /** The SQLite file, or (with `url`) the PostgreSQL database's name for messages. */
  database: string;
  /** The PostgreSQL database's URL, when seeding PostgreSQL. */
  url?: string;
  demo: boolean;
  bulk: { customers: number; invoices: number; seed: number } | null;
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = min === 0 ? `0 to ${max}` : `a positive whole number up to ${max.toLocaleString('en-US')}`;
    throw new UsageError(`--${flag} must be ${range}, got "${value}".`);
  }
  return n;
}

function parseCommand(argv: string[], env: NodeJS.ProcessEnv): SeedCommand | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: 'boolean', default: false },
        customers: { type: 'string' },
        invoices: { type: 'string' },
        seed: { type: 'string' },
        database: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  if ((values.customers === undefined) !== (values.invoices === undefined)) {
    throw new UsageError('--customers and --invoices go together: give both for a bulk load.');
  }
  const bulk =
    values.customers === undefined || values.invoices === undefined
      ? null
      : {
          customers: wholeNumber('customers', values.customers, 1, MAX_COUNT),
          invoices: wholeNumber('invoices', values.invoices, 1, MAX_COUNT),
          seed: values.seed === undefined ? 1 : wholeNumber('seed', values.seed, 0, 0xffffffff),
        };
  if (!bulk && values.seed !== undefined)
    throw new UsageError('--seed applies to a bulk load (--customers, --invoices).');
  if (!bulk && !values.demo) throw new UsageError('Nothing to seed: give --demo, or --customers N --invoices M.');
  if (values.database === undefined && env.DATABASE_URL) {
    return { database: postgresName(env.DATABASE_URL), url: env.DATABASE_URL, demo: values.demo, bulk };
  }
  const database = values.database ?? (env.DATABASE_PATH || DEFAULT_DATABASE);
  if (database.trim() === '') throw new UsageError('--database must name a file.');
  return { database, demo: values.demo, bulk };
}

/** A PostgreSQL URL without its user and password, for messages. */
function postgresName(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError('DATABASE_URL must be a postgres:// URL.');
  }
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** A progress line on stderr: rewritten in place on a terminal, every few seconds otherwise. */
function progressReporter(startedAt: number) {
  const tty = process.stderr.isTTY;
  let lastAt = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (!tty && done < total && now - lastAt < 3_000) return;
    lastAt = now;
    const seconds = (now - startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const line = `Loading: ${count(done)} of ${count(total)} rows (${Math.floor((done / total) * 100)} %), ${count(rate)} rows/s`;
    process.stderr.write(tty ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

function summary(command: SeedCommand, r: BulkSeedResult, seconds: number, bytes: number | null): string {
  return [
    `Bulk data loaded into ${command.database} (seed ${command.bulk?.seed}):`,
    `  customers    ${count(r.customers)}, contacts ${count(r.contacts)}`,
    `  invoices     ${count(r.invoices)} (${r.firstNumber} … ${r.lastNumber}), lines ${count(r.invoiceLines)}`,
    `  payments     ${count(r.payments)}, allocations ${count(r.allocations)}`,
    `  big account  ${r.bigCustomer.externalId} (${r.bigCustomer.id}) with ${count(r.bigCustomer.invoices)} invoices`,
    `  ${count(r.rows)} rows in ${seconds.toFixed(1)} s, ${count(Math.round(r.rows / seconds))} rows/s` +
      (bytes === null ? '' : `; file ${(bytes / 1_048_576).toFixed(1)} MiB`),
  ].join('\n');
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

async function run(command: SeedCommand): Promise<number> {
  const database = await openDb({ DATABASE_PATH: command.database, DATABASE_URL: command.url });
  let open = true;
  const close = async () => {
    if (open) await database.close();
    open = false;
  };
  try {
    const now = systemClock.now();
    if (command.demo) {
      console.log(
        (await seedDemo(database.db, now))
          ? `Demo company seeded into ${command.database}.`
          : `Demo company not seeded: ${command.database} already holds customers or staff.`,
      );
    }
    if (!command.bulk) return 0;
    const startedAt = performance.now();
    const result = await seedBulk(database, {
      customers: command.bulk.customers,
      invoices: command.bulk.invoices,
      seed: command.bulk.seed,
      now,
      onProgress: progressReporter(startedAt),
    });
    const seconds = (performance.now() - startedAt) / 1000;
    await close();
    console.log(summary(command, result, seconds, command.url ? null : fileSize(command.database)));
    return 0;
  } catch (err) {
    if (err instanceof BulkSeedError) {
      console.error(`seed: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await close();
  }
}

async function main(): Promise<number> {
  let command: SeedCommand | 'help';
  try {
    command = parseCommand(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`seed: ${err.message}\nRun with --help for usage.`);
    return 2;
  }
  if (command === 'help') {
    console.log(USAGE);
    return 0;
  }
  return run(command);
}

process.exitCode = await main();
