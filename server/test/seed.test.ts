import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/client';
import { lineAmount, lineTax } from '../src/contract/money';
import { bigAccountInvoiceCount, BulkSeedError, seedBulk, type BulkSeedResult } from '../src/seed/bulk';
import { seedDemo } from '../src/seed/demo';

const NOW = new Date('2026-11-20T15:00:00Z');
const TODAY = '2026-11-20';
const CUSTOMERS = 200;
const INVOICES = 5_000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portico-seed-'));
  dirs.push(dir);
  return join(dir, 'portico.sqlite');
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Database = ReturnType<typeof openDatabase>;

function scalar(database: Database, query: string, ...params: unknown[]): number {
  return database.sqlite
    .prepare(query)
    .pluck()
    .get(...params) as number;
}

function bulkLoaded(seed = 7) {
  const database = openDatabase(tempPath());
  const progress: [number, number][] = [];
  const result = seedBulk(database.sqlite, {
    customers: CUSTOMERS,
    invoices: INVOICES,
    seed,
    now: NOW,
    onProgress: (done, total) => progress.push([done, total]),
  });
  return { database, result, progress };
}

describe('seedBulk', () => {
  let database: Database;
  let result: BulkSeedResult;
  let progress: [number, number][];

  before(() => {
    ({ database, result, progress } = bulkLoaded());
  });
  after(() => database.close());

  it('writes the rows it reports', () => {
    assert.equal(scalar(database, `SELECT count(*) FROM customers WHERE external_id GLOB 'bulk-*'`), CUSTOMERS);
    assert.equal(scalar(database, `SELECT count(*) FROM contacts WHERE email GLOB 'ap+*@bulk.test'`), CUSTOMERS);
    assert.equal(scalar(database, `SELECT count(*) FROM invoices`), INVOICES);
    assert.equal(
      scalar(database, `SELECT count(DISTINCT number) FROM invoices WHERE number GLOB 'B-[0-9]*'`),
      INVOICES,
    );
    assert.equal(scalar(database, `SELECT count(*) FROM invoice_lines`), result.invoiceLines);
    assert.equal(scalar(database, `SELECT count(*) FROM payments`), result.payments);
    assert.equal(scalar(database, `SELECT count(*) FROM allocations`), result.allocations);
    assert.equal(result.rows, CUSTOMERS * 2 + INVOICES + result.invoiceLines + result.payments * 2 + 1);
    assert.deepEqual([result.firstNumber, result.lastNumber], ['B-0000001', 'B-0005000']);
  });

  it('gives every invoice one to three lines whose amounts and taxes add up to its total', () => {
    const mismatched = scalar(
      database,
      `SELECT count(*) FROM invoices i
         JOIN (SELECT invoice_id, count(*) n, sum(amount) amount, sum(tax) tax FROM invoice_lines GROUP BY invoice_id) l
           ON l.invoice_id = i.id
        WHERE l.n NOT BETWEEN 1 AND 3 OR i.subtotal <> l.amount OR i.tax_total <> l.tax OR i.total <> l.amount + l.tax`,
    );
    assert.equal(mismatched, 0);
    assert.equal(
      scalar(database, `SELECT count(*) FROM invoices WHERE id NOT IN (SELECT invoice_id FROM invoice_lines)`),
      0,
    );
  });

  it('rounds line amounts and taxes as the ledger does', () => {
    const lines = database.sqlite
      .prepare(
        `SELECT l.quantity_milli q, l.unit_price p, l.amount, l.tax, c.currency FROM invoice_lines l
           JOIN invoices i ON i.id = l.invoice_id JOIN customers c ON c.id = i.customer_id`,
      )
      .all() as { q: number; p: number; amount: number; tax: number; currency: string }[];
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

  it('keeps balance = total − amount paid − amount credited, never negative', () => {
    assert.equal(
      scalar(database, `SELECT count(*) FROM invoices WHERE balance <> total - amount_paid - amount_credited`),
      0,
    );
    assert.equal(
      scalar(database, `SELECT count(*) FROM invoices WHERE balance < 0 OR amount_paid < 0 OR total <= 0`),
      0,
    );
  });

  it('makes each amount paid the sum of its allocations from succeeded payments of the same customer', () => {
    const mismatched = scalar(
      database,
      `SELECT count(*) FROM invoices i
        WHERE i.amount_paid <> (SELECT coalesce(sum(a.amount), 0) FROM allocations a
                                  JOIN payments p ON p.id = a.payment_id
                                 WHERE a.invoice_id = i.id AND a.reversed_at IS NULL AND p.status = 'succeeded'
                                   AND p.customer_id = i.customer_id AND p.currency = i.currency)`,
    );
    assert.equal(mismatched, 0);
    const overAllocated = scalar(
      database,
      `SELECT count(*) FROM payments p WHERE p.amount <> (SELECT sum(amount) FROM allocations WHERE payment_id = p.id)`,
    );
    assert.equal(overAllocated, 0);
  });

  it('pays about 35 % in full, some in part, and leaves some past due and some not yet due', () => {
    const paid = scalar(database, `SELECT count(*) FROM invoices WHERE balance = 0`) / INVOICES;
    assert.ok(paid > 0.3 && paid < 0.4, `paid share ${paid}`);
    assert.ok(scalar(database, `SELECT count(*) FROM invoices WHERE amount_paid > 0 AND balance > 0`) > 100);
    assert.ok(scalar(database, `SELECT count(*) FROM invoices WHERE balance > 0 AND due_date < ?`, TODAY) > 1000);
    assert.ok(scalar(database, `SELECT count(*) FROM invoices WHERE balance > 0 AND due_date >= ?`, TODAY) > 500);
    assert.equal(
      scalar(database, `SELECT count(*) FROM invoices WHERE issue_date > ? OR due_date <= issue_date`, TODAY),
      0,
    );
    assert.equal(scalar(database, `SELECT count(*) FROM payments WHERE succeeded_at > ?`, NOW.getTime()), 0);
  });

  it('gives customer bulk-0000001 its share, more than any other account', () => {
    const counts = database.sqlite
      .prepare(
        `SELECT c.external_id id, count(*) n FROM invoices i JOIN customers c ON c.id = i.customer_id
          GROUP BY c.id ORDER BY n DESC LIMIT 2`,
      )
      .all() as { id: string; n: number }[];
    assert.equal(bigAccountInvoiceCount(CUSTOMERS, INVOICES), 500);
    assert.deepEqual(counts[0], { id: 'bulk-0000001', n: 500 });
    assert.deepEqual(result.bigCustomer.invoices, 500);
    assert.ok(counts[1]!.n < 500);
    assert.equal(bigAccountInvoiceCount(100_000, 1_000_000), 10_000);
  });

  it('leaves no dangling references and puts the connection settings back', () => {
    assert.deepEqual(database.sqlite.pragma('foreign_key_check'), []);
    assert.equal(database.sqlite.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(database.sqlite.pragma('synchronous', { simple: true }), 1);
  });

  it('uses newId-shaped ids', () => {
    const ids = database.sqlite.prepare(`SELECT id FROM invoices LIMIT 100`).pluck().all() as string[];
    for (const id of ids) assert.match(id, /^inv_[0-9a-hjkmnp-tv-z]{16}$/);
  });

  it('records one seed.bulk_loaded event with the counts, and no event per row', () => {
    const rows = database.sqlite.prepare(`SELECT type, actor_type, data FROM events`).all() as {
      type: string;
      actor_type: string;
      data: string;
    }[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.type, 'seed.bulk_loaded');
    assert.equal(rows[0]!.actor_type, 'system');
    const data = JSON.parse(rows[0]!.data) as Record<string, unknown>;
    assert.equal(data.invoices, INVOICES);
    assert.equal(data.customers, CUSTOMERS);
    assert.equal(data.seed, 7);
  });

  it('reports progress up to the rows written', () => {
    assert.ok(progress.length >= 2);
    assert.deepEqual(progress.at(-1), [result.rows, result.rows]);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] > progress[i - 1]![0]);
  });

  it('writes the same rows for the same seed, and others for another', () => {
    const fingerprint = (d: Database) =>
      d.sqlite
        .prepare(`SELECT sum(total), sum(amount_paid), min(id), max(id), count(DISTINCT customer_id) FROM invoices`)
        .raw()
        .get();
    const again = bulkLoaded(7);
    const other = bulkLoaded(8);
    try {
      assert.deepEqual(fingerprint(again.database), fingerprint(database));
      assert.notDeepEqual(fingerprint(other.database), fingerprint(database));
    } finally {
      again.database.close();
      other.database.close();
    }
  });

  it('refuses a database that already holds bulk data, adding nothing', () => {
    assert.throws(
      () => seedBulk(database.sqlite, { customers: 10, invoices: 10, now: NOW }),
      (err) => err instanceof BulkSeedError && /already holds bulk data/.test(err.message),
    );
    assert.equal(scalar(database, `SELECT count(*) FROM invoices`), INVOICES);
  });

  it('rejects counts that are not whole numbers', () => {
    for (const bad of [
      { customers: 0, invoices: 10 },
      { customers: 1.5, invoices: 10 },
      { customers: 5, invoices: -1 },
    ]) {
      assert.throws(() => seedBulk(database.sqlite, { ...bad, now: NOW }), BulkSeedError);
    }
  });
});

describe('seedBulk on top of the demo company', () => {
  it('adds its rows beside the demo without touching it', () => {
    const database = openDatabase(tempPath());
    try {
      assert.equal(seedDemo(database.db, NOW), true);
      const demoInvoices = `SELECT count(*) || ':' || sum(total) || ':' || sum(balance) FROM invoices`;
      const before = database.sqlite.prepare(demoInvoices).pluck().get();
      const demoEvents = scalar(database, `SELECT count(*) FROM events`);

      const result = seedBulk(database.sqlite, { customers: CUSTOMERS, invoices: INVOICES, seed: 3, now: NOW });

      assert.equal(
        database.sqlite
          .prepare(demoInvoices.replace('FROM invoices', `FROM invoices WHERE number GLOB 'INV-*'`))
          .pluck()
          .get(),
        before,
      );
      assert.equal(scalar(database, `SELECT count(*) FROM invoices WHERE number GLOB 'B-*'`), INVOICES);
      assert.equal(scalar(database, `SELECT count(*) FROM customers`), CUSTOMERS + 4);
      assert.equal(scalar(database, `SELECT count(*) FROM events`), demoEvents + 1);
      assert.equal(result.bigCustomer.invoices, 500);
      assert.equal(
        scalar(database, `SELECT count(*) FROM invoices WHERE balance <> total - amount_paid - amount_credited`),
        0,
      );
      assert.deepEqual(database.sqlite.pragma('foreign_key_check'), []);
    } finally {
      database.close();
    }
  });
});

function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/seed/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: '', ...env },
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
      const { code, stderr } = await runCli([...args, '--database', tempPath()]);
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

  it('seeds the demo and a bulk load into DATABASE_PATH and prints a summary', async () => {
    const path = tempPath();
    const { code, stdout, stderr } = await runCli(['--demo', '--customers', '20', '--invoices', '300', '--seed', '5'], {
      DATABASE_PATH: path,
    });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Demo company seeded/);
    assert.match(stdout, /invoices {5}300 \(B-0000001 … B-0000300\)/);
    assert.match(stdout, /rows in [\d.]+ s, [\d,]+ rows\/s; file [\d.]+ MiB/);
    assert.match(stderr, /Loading: [\d,]+ of [\d,]+ rows \(100 %\)/);

    const database = openDatabase(path);
    try {
      assert.equal(scalar(database, `SELECT count(*) FROM invoices WHERE number GLOB 'B-*'`), 300);
      assert.equal(scalar(database, `SELECT count(*) FROM customers WHERE id = 'cus_northwind'`), 1);
    } finally {
      database.close();
    }

    const again = await runCli(['--demo', '--customers', '20', '--invoices', '300', '--database', path]);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /Demo company not seeded/);
    assert.match(again.stderr, /already holds bulk data/);
  });
});
