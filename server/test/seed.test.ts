import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { asc, sql, type SQL } from 'drizzle-orm';
import { events } from '../src/db/schema';
import { lineAmount, lineTax } from '../src/contract/money';
import { bigAccountInvoiceCount, BulkSeedError, seedBulk, type BulkSeedResult } from '../src/seed/bulk';
import { seedDemo } from '../src/seed/demo';
import { openTestDatabase } from './postgres-support';

const NOW = new Date('2026-11-20T15:00:00Z');
const TODAY = '2026-11-20';
const CUSTOMERS = 200;
const INVOICES = 5_000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portico-seed-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Database = Awaited<ReturnType<typeof openTestDatabase>>;

/** The first column of the first row, as a number (counts and sums on either engine). */
async function scalar(database: Database, query: SQL): Promise<number> {
  const row = await database.db.get<unknown[]>(query);
  return Number(row[0]);
}

/** The rows of a plain SQL query, each as an array of its columns. */
function arrays<T extends unknown[]>(database: Database, query: SQL): Promise<T[]> {
  return database.db.all<T>(query);
}

async function bulkLoaded(seed = 7) {
  const database = await openTestDatabase(tempDir());
  const progress: [number, number][] = [];
  const result = await seedBulk(database, {
    customers: CUSTOMERS,
    invoices: INVOICES,
    seed,
    now: NOW,
    onProgress: (done, total) => progress.push([done, total]),
  });
  return { database, result, progress };
}

/** References the bulk rows make that lead nowhere (PostgreSQL refuses them; SQLite loads with checks off). */
const DANGLING = sql`SELECT
    (SELECT count(*) FROM contacts WHERE customer_id NOT IN (SELECT id FROM customers))
  + (SELECT count(*) FROM invoices WHERE customer_id NOT IN (SELECT id FROM customers))
  + (SELECT count(*) FROM invoice_lines WHERE invoice_id NOT IN (SELECT id FROM invoices))
  + (SELECT count(*) FROM payments WHERE customer_id NOT IN (SELECT id FROM customers))
  + (SELECT count(*) FROM allocations WHERE payment_id NOT IN (SELECT id FROM payments)
                                        OR invoice_id NOT IN (SELECT id FROM invoices))`;

describe('seedBulk', () => {
  let database: Database;
  let result: BulkSeedResult;
  let progress: [number, number][];

  before(async () => {
    ({ database, result, progress } = await bulkLoaded());
  });
  after(() => database.close());

  it('writes the rows it reports', async () => {
    assert.equal(
      await scalar(database, sql`SELECT count(*) FROM customers WHERE external_id LIKE 'bulk-%'`),
      CUSTOMERS,
    );
    assert.equal(
      await scalar(database, sql`SELECT count(*) FROM contacts WHERE email LIKE 'ap+%@bulk.test'`),
      CUSTOMERS,
    );
    assert.equal(await scalar(database, sql`SELECT count(*) FROM invoices`), INVOICES);
    assert.equal(
      await scalar(database, sql`SELECT count(DISTINCT number) FROM invoices WHERE number LIKE 'B-%'`),
      INVOICES,
    );
    assert.equal(await scalar(database, sql`SELECT count(*) FROM invoice_lines`), result.invoiceLines);
    assert.equal(await scalar(database, sql`SELECT count(*) FROM payments`), result.payments);
    assert.equal(await scalar(database, sql`SELECT count(*) FROM allocations`), result.allocations);
    assert.equal(result.rows, CUSTOMERS * 2 + INVOICES + result.invoiceLines + result.payments * 2 + 1);
    assert.deepEqual([result.firstNumber, result.lastNumber], ['B-0000001', 'B-0005000']);
  });

  it('gives every invoice one to three lines whose amounts and taxes add up to its total', async () => {
    const mismatched = await scalar(
      database,
      sql`SELECT count(*) FROM invoices i
         JOIN (SELECT invoice_id, count(*) n, sum(amount) amount, sum(tax) tax FROM invoice_lines GROUP BY invoice_id) l
           ON l.invoice_id = i.id
        WHERE l.n NOT BETWEEN 1 AND 3 OR i.subtotal <> l.amount OR i.tax_total <> l.tax OR i.total <> l.amount + l.tax`,
    );
    assert.equal(mismatched, 0);
    assert.equal(
      await scalar(database, sql`SELECT count(*) FROM invoices WHERE id NOT IN (SELECT invoice_id FROM invoice_lines)`),
      0,
    );
  });

  it('rounds line amounts and taxes as the ledger does', async () => {
    const lines = (
      await arrays<[number, number, number, number, string]>(
        database,
        sql`SELECT l.quantity_milli, l.unit_price, l.amount, l.tax, c.currency FROM invoice_lines l
           JOIN invoices i ON i.id = l.invoice_id JOIN customers c ON c.id = i.customer_id`,
      )
    ).map(([q, p, amount, tax, currency]) => ({ q, p, amount, tax, currency }));
    for (const l of lines) {
      assert.equal(l.amount, lineAmount(l.q, l.p));
      const rates = l.currency === 'EUR' ? [2000] : [825, 0];
      assert.ok(
        rates.some((bp) => lineTax(l.amount, bp) === l.tax),
        `tax ${l.tax} on ${l.amount} ${l.currency}`,
      );
    }
    assert.ok(
      lines.some((l) => l.q % 1000 !== 0),
      'some fractional quantities',
    );
  });

  it('keeps balance = total − amount paid − amount credited, never negative', async () => {
    assert.equal(
      await scalar(database, sql`SELECT count(*) FROM invoices WHERE balance <> total - amount_paid - amount_credited`),
      0,
    );
    assert.equal(
      await scalar(database, sql`SELECT count(*) FROM invoices WHERE balance < 0 OR amount_paid < 0 OR total <= 0`),
      0,
    );
  });

  it('makes each amount paid the sum of its allocations from succeeded payments of the same customer', async () => {
    const mismatched = await scalar(
      database,
      sql`SELECT count(*) FROM invoices i
        WHERE i.amount_paid <> (SELECT coalesce(sum(a.amount), 0) FROM allocations a
                                  JOIN payments p ON p.id = a.payment_id
                                 WHERE a.invoice_id = i.id AND a.reversed_at IS NULL AND p.status = 'succeeded'
                                   AND p.customer_id = i.customer_id AND p.currency = i.currency)`,
    );
    assert.equal(mismatched, 0);
    const overAllocated = await scalar(
      database,
      sql`SELECT count(*) FROM payments p WHERE p.amount <> (SELECT sum(amount) FROM allocations WHERE payment_id = p.id)`,
    );
    assert.equal(overAllocated, 0);
  });

  it('pays about 35 % in full, some in part, and leaves some past due and some not yet due', async () => {
    const paid = (await scalar(database, sql`SELECT count(*) FROM invoices WHERE balance = 0`)) / INVOICES;
    assert.ok(paid > 0.3 && paid < 0.4, `paid share ${paid}`);
    assert.ok((await scalar(database, sql`SELECT count(*) FROM invoices WHERE amount_paid > 0 AND balance > 0`)) > 100);
    assert.ok(
      (await scalar(database, sql`SELECT count(*) FROM invoices WHERE balance > 0 AND due_date < ${TODAY}`)) > 1000,
    );
    assert.ok(
      (await scalar(database, sql`SELECT count(*) FROM invoices WHERE balance > 0 AND due_date >= ${TODAY}`)) > 500,
    );
    assert.equal(
      await scalar(database, sql`SELECT count(*) FROM invoices WHERE issue_date > ${TODAY} OR due_date <= issue_date`),
      0,
    );
    assert.equal(await scalar(database, sql`SELECT count(*) FROM payments WHERE succeeded_at > ${NOW.getTime()}`), 0);
  });

  it('gives customer bulk-0000001 its share, more than any other account', async () => {
    const counts = (
      await arrays<[string, number]>(
        database,
        sql`SELECT c.external_id, count(*) AS n FROM invoices i JOIN customers c ON c.id = i.customer_id
          GROUP BY c.id, c.external_id ORDER BY n DESC, c.id LIMIT 2`,
      )
    ).map(([id, n]) => ({ id, n: Number(n) }));
    assert.equal(bigAccountInvoiceCount(CUSTOMERS, INVOICES), 500);
    assert.deepEqual(counts[0], { id: 'bulk-0000001', n: 500 });
    assert.deepEqual(result.bigCustomer.invoices, 500);
    assert.ok(counts[1]!.n < 500);
    assert.equal(bigAccountInvoiceCount(100_000, 1_000_000), 10_000);
  });

  it('leaves no dangling references and puts the connection settings back', async () => {
    assert.equal(await scalar(database, DANGLING), 0);
    // SQLite loads with its checks off and its writes unsynced; the connection has its own back after.
    if (database.sqlite) {
      assert.deepEqual(database.sqlite.pragma('foreign_key_check'), []);
      assert.equal(database.sqlite.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(database.sqlite.pragma('synchronous', { simple: true }), 1);
    }
  });

  it('uses newId-shaped ids', async () => {
    const ids = await arrays<[string]>(database, sql`SELECT id FROM invoices LIMIT 100`);
    for (const [id] of ids) assert.match(id, /^inv_[0-9a-hjkmnp-tv-z]{16}$/);
  });

  it('records one seed.bulk_loaded event with the counts, and no event per row', async () => {
    const rows = await database.db
      .select({ type: events.type, actorType: events.actorType, data: events.data })
      .from(events)
      .orderBy(asc(events.id))
      .all();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.type, 'seed.bulk_loaded');
    assert.equal(rows[0]!.actorType, 'system');
    const data = rows[0]!.data;
    assert.equal(data.invoices, INVOICES);
    assert.equal(data.customers, CUSTOMERS);
    assert.equal(data.seed, 7);
  });

  it('reports progress up to the rows written', () => {
    assert.ok(progress.length >= 2);
    assert.deepEqual(progress.at(-1), [result.rows, result.rows]);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] > progress[i - 1]![0]);
  });

  it('writes the same rows for the same seed, and others for another', async () => {
    const fingerprint = async (d: Database) =>
      (
        await arrays(
          d,
          sql`SELECT sum(total), sum(amount_paid), min(id), max(id), count(DISTINCT customer_id) FROM invoices`,
        )
      )[0]!.map((value) => (typeof value === 'string' ? value : Number(value)));
    const again = await bulkLoaded(7);
    const other = await bulkLoaded(8);
    try {
      assert.deepEqual(await fingerprint(again.database), await fingerprint(database));
      assert.notDeepEqual(await fingerprint(other.database), await fingerprint(database));
    } finally {
      await again.database.close();
      await other.database.close();
    }
  });

  it('refuses a database that already holds bulk data, adding nothing', async () => {
    await assert.rejects(
      () => seedBulk(database, { customers: 10, invoices: 10, now: NOW }),
      (err) => err instanceof BulkSeedError && /already holds bulk data/.test(err.message),
    );
    assert.equal(await scalar(database, sql`SELECT count(*) FROM invoices`), INVOICES);
  });

  it('rejects counts that are not whole numbers', async () => {
    for (const bad of [
      { customers: 0, invoices: 10 },
      { customers: 1.5, invoices: 10 },
      { customers: 5, invoices: -1 },
    ]) {
      await assert.rejects(() => seedBulk(database, { ...bad, now: NOW }), BulkSeedError);
    }
  });
});

describe('seedBulk on top of the demo company', () => {
  it('adds its rows beside the demo without touching it', async () => {
    const database = await openTestDatabase(tempDir());
    try {
      assert.equal(await seedDemo(database.db, NOW), true);
      const demoInvoices = (where: SQL) =>
        arrays(database, sql`SELECT count(*), sum(total), sum(balance) FROM invoices WHERE ${where}`);
      const before = await demoInvoices(sql`1 = 1`);
      const demoEvents = await scalar(database, sql`SELECT count(*) FROM events`);

      const result = await seedBulk(database, { customers: CUSTOMERS, invoices: INVOICES, seed: 3, now: NOW });

      assert.deepEqual(await demoInvoices(sql`number LIKE 'INV-%'`), before);
      assert.equal(await scalar(database, sql`SELECT count(*) FROM invoices WHERE number LIKE 'B-%'`), INVOICES);
      assert.equal(await scalar(database, sql`SELECT count(*) FROM customers`), CUSTOMERS + 4);
      assert.equal(await scalar(database, sql`SELECT count(*) FROM events`), demoEvents + 1);
      assert.equal(result.bigCustomer.invoices, 500);
      assert.equal(
        await scalar(
          database,
          sql`SELECT count(*) FROM invoices WHERE balance <> total - amount_paid - amount_credited`,
        ),
        0,
      );
      assert.equal(await scalar(database, DANGLING), 0);
      if (database.sqlite) assert.deepEqual(database.sqlite.pragma('foreign_key_check'), []);
    } finally {
      await database.close();
    }
  });
});

function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: '', ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/seed/cli.ts', ...args], {
      cwd: root,
      env: childEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('seed CLI', () => {
  it('exits 2 with a message on bad arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['--customers', 'ten', '--invoices', '100'], /--customers must be a positive whole number/],
      [['--customers', '10', '--invoices', '0'], /--invoices must be a positive whole number/],
      [['--customers', '10'], /--customers and --invoices go together/],
      [['--customers', '10', '--invoices', '10', '--seed', '-1'], /--seed/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [[], /Nothing to seed/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli([...args, '--database', join(tempDir(), 'portico.sqlite')]);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /--help/);
    }
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: npm run seed -- /);
  });

  it('seeds the demo and a bulk load into DATABASE_PATH (DATABASE_URL on PostgreSQL) and prints a summary', async () => {
    // The database the CLI seeds: this run's engine, named the way a deployment names it.
    const database = await openTestDatabase(tempDir());
    const { DATABASE_PATH, DATABASE_URL } = database.config;
    const env: Record<string, string> = DATABASE_URL ? { DATABASE_URL } : { DATABASE_PATH };
    try {
      const { code, stdout, stderr } = await runCli(
        ['--demo', '--customers', '20', '--invoices', '300', '--seed', '5'],
        env,
      );
      assert.equal(code, 0, stderr);
      assert.match(stdout, /Demo company seeded/);
      assert.match(stdout, /invoices {5}300 \(B-0000001 … B-0000300\)/);
      assert.match(
        stdout,
        DATABASE_URL ? /rows in [\d.]+ s, [\d,]+ rows\/s$/m : /rows in [\d.]+ s, [\d,]+ rows\/s; file [\d.]+ MiB/,
      );
      assert.match(stderr, /Loading: [\d,]+ of [\d,]+ rows \(100 %\)/);

      assert.equal(await scalar(database, sql`SELECT count(*) FROM invoices WHERE number LIKE 'B-%'`), 300);
      assert.equal(await scalar(database, sql`SELECT count(*) FROM customers WHERE id = 'cus_northwind'`), 1);

      const again = await runCli(
        ['--demo', '--customers', '20', '--invoices', '300', ...(DATABASE_URL ? [] : ['--database', DATABASE_PATH])],
        DATABASE_URL ? env : {},
      );
      assert.equal(again.code, 1);
      assert.match(again.stdout, /Demo company not seeded/);
      assert.match(again.stderr, /already holds bulk data/);
    } finally {
      await database.close();
    }
  });
});
