import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { asc, eq, sql } from 'drizzle-orm';
import { contacts, customers, invoiceLines, invoices } from '../src/db/schema';
import { authenticateErpKey } from '../src/domain/erp/keys';
import { seedDemo } from '../src/seed/demo';
import { scalarOf } from './erp-helpers';
import { openTestDatabase } from './postgres-support';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = new Date('2026-11-20T15:00:00Z');
type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;
let dir: string;
/** The test's database, on this run's engine; the CLI is pointed at it as an operator would point it. */
let database: TestDatabase;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size in bytes, from /proc (Linux); null elsewhere. */
  peakRss: number | null;
}

function readPeakRss(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs `node bin/portico.mjs …` as the user would, against the test's database unless told otherwise
 * (null: none): a SQLite file given with `--database`, a PostgreSQL database with `DATABASE_URL`.
 */
function portico(args: string[], options: { database?: TestDatabase | null } = {}): Promise<Run> {
  const db = options.database === undefined ? database : options.database;
  const url = db?.config.DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: '' };
  if (url) env.DATABASE_URL = url;
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['bin/portico.mjs', ...args, ...(db && !url ? ['--database', db.config.DATABASE_PATH] : [])],
    { cwd: root, env },
  );
  let stdout = '';
  let stderr = '';
  let peakRss: number | null = null;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // VmHWM is the high-water mark so far: the last reading before exit is the peak, within 50 ms.
  const poll = setInterval(() => {
    const rss = child.pid ? readPeakRss(child.pid) : null;
    if (rss !== null) peakRss = Math.max(peakRss ?? 0, rss);
  }, 50);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolvePromise({ code, stdout, stderr, peakRss });
    });
  });
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Rows in `table` matching `where` (the test's own SQL, the same on both engines). */
const count = async (table: string, where = '1 = 1') =>
  (await scalarOf(database.db, sql.raw(`SELECT count(*) FROM ${table} WHERE ${where}`))) as number;
const customer = async (externalId: string) =>
  (await database.db.select().from(customers).where(eq(customers.externalId, externalId)).get())!;
const invoice = async (externalId: string) =>
  (await database.db.select().from(invoices).where(eq(invoices.externalId, externalId)).get())!;

const INVOICE_HEADER =
  'external_id,number,customer_external_id,issue_date,due_date,currency,po_number,description,sku,quantity,unit_price,amount,tax_rate_bp';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-import-'));
  database = await openTestDatabase(dir);
  await seedDemo(database.db, NOW);
});
after(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('portico import customers', () => {
  it('imports a file with a BOM, quoted commas and quoted newlines', async () => {
    const csv = file(
      'customers.csv',
      '\uFEFFexternal_id,name,currency,contacts,billing_address,payment_terms_days\r\n' +
        '"C-1","Acme, Inc.",USD,"Ann Pay <ap@acme-cli.test>; OPS@acme-cli.test","1 Main St\r\nSpringfield",45\r\n' +
        'C-2,Beta GmbH,EUR,,,\r\n',
    );
    const run = await portico(['import', 'customers', csv]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /2 rows, 2 customers; 2 created, 0 updated, 0 unchanged/);
    const acme = await customer('C-1');
    assert.equal(acme.name, 'Acme, Inc.');
    assert.equal(acme.billingAddress, '1 Main St\r\nSpringfield');
    assert.equal(acme.paymentTermsDays, 45);
    const acmeContacts = await database.db
      .select({ email: contacts.email, name: contacts.name })
      .from(contacts)
      .where(eq(contacts.customerId, acme.id))
      .orderBy(asc(contacts.email))
      .all();
    assert.deepEqual(acmeContacts, [
      { email: 'ap@acme-cli.test', name: 'Ann Pay' },
      { email: 'ops@acme-cli.test', name: '' },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const events = await count('events');
    const run = await portico(['import', 'customers', join(dir, 'customers.csv')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /0 created, 0 updated, 2 unchanged/);
    assert.equal(await count('events'), events);
  });

  it('fails fast naming the missing required columns, and writes nothing', async () => {
    const csv = file('no-columns.csv', 'external_id,nam\nC-9,Nine\n');
    const run = await portico(['import', 'customers', csv]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /missing required columns: name, currency, contacts/);
    assert.match(run.stderr, /unknown column: "nam"/);
    assert.equal(await count('customers', `external_id = 'C-9'`), 0);
  });
});

describe('portico import invoices', () => {
  const good =
    `${INVOICE_HEADER}\n` +
    'I-1,CLI-1,C-1,2026-11-01,2026-12-01,USD,PO-1,"Paper, A4",PAP,2,4250,8500,825\n' +
    'I-1,CLI-1,C-1,2026-11-01,2026-12-01,USD,PO-1,"Consulting,\nsecond line",,1.5,10000,,\n' +
    'I-2,CLI-2,C-2,2026-11-02,2026-11-30,EUR,,Widgets,,3,999,,2000\n';

  it('imports one row per line, grouping consecutive rows of an invoice', async () => {
    const run = await portico(['import', 'invoices', file('invoices.csv', good)]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 rows, 2 invoices; 2 created, 0 updated, 0 unchanged, 0 voided/);
    const i1 = await invoice('I-1');
    assert.equal(i1.total, 8500 + 701 + 15_000);
    assert.deepEqual(
      await database.db
        .select({ description: invoiceLines.description, quantityMilli: invoiceLines.quantityMilli })
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, i1.id))
        .orderBy(asc(invoiceLines.lineNo))
        .all(),
      [
        { description: 'Paper, A4', quantityMilli: 2000 },
        { description: 'Consulting,\nsecond line', quantityMilli: 1500 },
      ],
    );
    const i2 = await invoice('I-2');
    assert.equal(i2.total, 2997 + 599);
    assert.equal(i2.currency, 'EUR');
  });

  it('validates a dry run and writes nothing', async () => {
    const invoiceCount = await count('invoices');
    const events = await count('events');
    const run = await portico([
      'import',
      'invoices',
      file('dry.csv', `${INVOICE_HEADER}\nI-3,CLI-3,C-1,2026-11-01,2026-12-01,USD,,Paper,,1,100,,\n`),
      '--dry-run',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Dry run.*would be 1 created.*Nothing was written/);
    assert.equal(await count('invoices'), invoiceCount);
    assert.equal(await count('events'), events);
  });

  describe('a file with bad rows', () => {
    // Line numbers count the header as line 1; row I-10's quoted newline makes it two lines (3 and 4).
    const rows = [
      INVOICE_HEADER,
      'I-9,CLI-9,C-1,2026-11-01,2026-12-01,USD,,Good one,,1,100,,', // 2: fine, but must not be written
      'I-10,CLI-10,C-1,2026-11-01,2026-12-01,USD,,"Two\nlines",,1,100,,', // 3-4: fine
      'I-11,CLI-11,C-1,2026-02-30,2026-12-01,USD,,Bad date,,1,100,,', // 5
      'I-12,CLI-12,C-1,2026-11-01,2026-12-01,USD,,Negative,,1,-100,,', // 6
      'I-13,CLI-13,C-1,2026-11-01,2026-12-01,USD,,Fractional,,1,12.50,,', // 7
      'I-14,CLI-14,C-1,2026-11-01,2026-12-01,XYZ,,Unknown currency,,1,100,,', // 8
      'I-15,INV-1001,C-1,2026-11-01,2026-12-01,USD,,Demo number,,1,100,,', // 9
      'I-16,CLI-9,C-1,2026-11-01,2026-12-01,USD,,Same number as I-9,,1,100,,', // 10
      'I-17,CLI-17,C-1,2026-11-01,2026-12-01,USD,,Line total off,,3,100,301,', // 11
      'I-18,CLI-18,C-1,2026-11-01,2026-12-01,USD,,First line,,1,100,,', // 12
      'I-18,CLI-18,C-1,2026-11-02,2026-12-01,USD,,Other date,,1,100,,', // 13
      'I-19,CLI-19,C-1,2026-11-01,2026-12-01,USD,,Quantity,,0.0001,100,,', // 14
      'I-9,CLI-99,C-1,2026-11-01,2026-12-01,USD,,I-9 again,,1,100,,', // 15
      'I-20,CLI-20,C-1,2026-11-01', // 16: too few fields
    ];
    const expected = [
      ['5', 'issue_date', 'invalid_date', 'I-11'],
      ['6', 'unit_price', 'too_small', 'I-12'],
      ['7', 'unit_price', 'not_integer', 'I-13'],
      ['8', 'currency', 'invalid_currency', 'I-14'],
      ['9', 'number', 'duplicate_number', 'I-15'],
      ['10', 'number', 'duplicate_number', 'I-16'],
      ['11', 'amount', 'amount_mismatch', 'I-17'],
      ['13', 'issue_date', 'inconsistent_invoice', 'I-18'],
      ['14', 'quantity', 'invalid_quantity', 'I-19'],
      ['15', 'external_id', 'duplicate_external_id', 'I-9'],
      ['16', '', 'invalid_row', 'I-20'],
    ];
    let run: Run;
    let errorsFile: string;

    before(async () => {
      errorsFile = join(dir, 'errors.csv');
      run = await portico(['import', 'invoices', file('bad.csv', `${rows.join('\n')}\n`), '--errors', errorsFile]);
    });

    it('exits 1 and writes nothing at all, not even the good rows', async () => {
      assert.equal(run.code, 1);
      assert.match(run.stdout, /11 problems in .*bad\.csv \(14 rows, 13 invoices\); nothing was written/);
      assert.equal(await count('invoices', `external_id IN ('I-9', 'I-10')`), 0);
    });

    it('prints each problem with its line in the file, column and code', () => {
      for (const [line, column, code, externalId] of expected) {
        assert.match(run.stderr, new RegExp(`line ${line} \\(${externalId}\\): ${column || 'row'}: .*\\[${code}\\]`));
      }
    });

    it('writes the same report to --errors as CSV', () => {
      const report = parse(readFileSync(errorsFile), { columns: true }) as Record<string, string>[];
      assert.deepEqual(
        report.map((r) => [r.line, r.column, r.code, r.external_id]),
        expected,
      );
      assert.ok(report.every((r) => r.message!.startsWith(`${r.column || 'row'}: `)));
    });

    it('with --partial writes the good invoices and skips the bad ones', async () => {
      const partial = await portico(['import', 'invoices', join(dir, 'bad.csv'), '--partial']);
      assert.equal(partial.code, 1);
      assert.match(partial.stdout, /2 created.*11 problems: those rows were skipped/);
      const written = await database.db.all<[string]>(
        sql`SELECT external_id FROM invoices
              WHERE substr(external_id, 1, 2) = 'I-' AND external_id NOT IN ('I-1', 'I-2') ORDER BY external_id`,
      );
      assert.deepEqual(
        written.map(([externalId]) => externalId),
        ['I-10', 'I-9'],
      );
    });
  });

  it('refuses a file that is not CSV at all, naming the line', async () => {
    const run = await portico(['import', 'invoices', file('broken.csv', `${INVOICE_HEADER}\nI-30,"unclosed\n`)]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Quote Not Closed/);
    assert.match(run.stderr, /Nothing was written/);
  });

  for (const [what, args] of [
    ['no command', []],
    ['an unknown command', ['export']],
    ['an unknown kind', ['import', 'payments', 'x.csv']],
    ['no file', ['import', 'invoices']],
    ['a file that does not exist', ['import', 'invoices', '/nonexistent/invoices.csv']],
    ['an unknown flag', ['import', 'invoices', 'package.json', '--force']],
    ['--dry-run with --partial', ['import', 'invoices', 'package.json', '--dry-run', '--partial']],
    ['keys without an action', ['keys']],
    ['keys create without a name', ['keys', 'create']],
  ] as const) {
    it(`exits 2 with usage help for ${what}`, async () => {
      const run = await portico([...args]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /portico help/);
    });
  }
});

describe('portico keys', () => {
  it('creates a key shown once, lists it by prefix, and revokes it', async () => {
    const created = await portico(['keys', 'create', '--name', 'NetSuite prod']);
    assert.equal(created.code, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^pk_live_[A-Za-z0-9_-]{43}$/);
    const principal = await authenticateErpKey(database.db, key, new Date());
    assert.equal(principal?.name, 'NetSuite prod');

    const listed = await portico(['keys', 'list']);
    assert.equal(listed.code, 0);
    assert.ok(listed.stdout.includes(key.slice(0, 12)) && !listed.stdout.includes(key));
    assert.match(listed.stdout, new RegExp(`${principal!.id}\\s+NetSuite prod.*live`));

    assert.equal((await portico(['keys', 'revoke', principal!.id])).code, 0);
    const again = await portico(['keys', 'revoke', principal!.id]);
    assert.equal(again.code, 1);
    assert.match((await portico(['keys', 'list'])).stdout, /revoked/);
  });
});

describe('a large file', () => {
  const LINES = 200_000;

  function writeInvoices(path: string, lines: number): void {
    writeFileSync(path, `${INVOICE_HEADER}\n`);
    let chunk = '';
    for (let i = 0; i < lines; i++) {
      const n = Math.floor(i / 2);
      const day = String(1 + (n % 28)).padStart(2, '0');
      chunk += `big-${n},BIG-${n},C-1,2026-10-${day},2026-11-${day},USD,PO-${n % 977},"Item ${i}, bulk",SKU-${i % 50},${1 + (i % 7)},${100 + (i % 5000)},,825\n`;
      if (chunk.length > 1_000_000) {
        appendFileSync(path, chunk);
        chunk = '';
      }
    }
    appendFileSync(path, chunk);
  }

  it(`streams ${LINES.toLocaleString('en-US')} rows in one transaction with flat memory`, async () => {
    const small = join(dir, 'small.csv');
    const big = join(dir, 'big.csv');
    writeInvoices(small, LINES / 2);
    writeInvoices(big, LINES);
    const smallDb = await openTestDatabase(join(dir, 'small'));
    const bigDb = await openTestDatabase(join(dir, 'big'));
    try {
      for (const db of [smallDb, bigDb]) {
        await db.db
          .insert(customers)
          .values({ id: 'cus_c1', externalId: 'C-1', name: 'C', currency: 'USD', updatedAt: new Date(0) });
      }
      await importBoth(small, big, smallDb, bigDb);
    } finally {
      await smallDb.close();
      await bigDb.close();
    }
  });

  async function importBoth(small: string, big: string, smallDb: TestDatabase, bigDb: TestDatabase): Promise<void> {
    const smallRun = await portico(['import', 'invoices', small], { database: smallDb });
    assert.equal(smallRun.code, 0, smallRun.stderr);
    const started = performance.now();
    const bigRun = await portico(['import', 'invoices', big], { database: bigDb });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(bigRun.code, 0, bigRun.stderr);
    assert.match(bigRun.stdout, /200,000 rows, 100,000 invoices; 100,000 created/);
    assert.equal(await scalarOf(bigDb.db, sql`SELECT count(*) FROM invoice_lines`), LINES);
    const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1_048_576).toFixed(0)} MB`);
    console.log(
      `# ${(statSync(big).size / 1_048_576).toFixed(0)} MB file, ${LINES.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s; ` +
        `peak RSS ${mb(bigRun.peakRss)} (half the rows: ${mb(smallRun.peakRss)})`,
    );
    if (bigRun.peakRss !== null && smallRun.peakRss !== null) {
      assert.ok(bigRun.peakRss < 300 * 1_048_576, `peak RSS ${mb(bigRun.peakRss)}`);
      // Twice the rows fill more of the import's 32 MB page cache (on SQLite) and of the set of external ids
      // met, and no more: the rows themselves are not held. (Against a tenth of the rows this measured the
      // process's warm-up instead: a 20,000-row run ends before V8's heap and the page cache reach their working
      // size, so the gap swung between 58 and 93 MB from run to run. On SQLite, 100,000 and 200,000 rows peak at
      // about 255 and 280 MB with the ids in a set; at 243-262 MB for 200,000 and 400,000 rows when the ids past
      // 20,000 went to a temp table.)
      assert.ok(bigRun.peakRss - smallRun.peakRss < 80 * 1_048_576, `${mb(smallRun.peakRss)} → ${mb(bigRun.peakRss)}`);
    }
    if (bigDb.engine === 'sqlite') {
      const wal = `${bigDb.config.DATABASE_PATH}-wal`;
      assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'the WAL is folded back');
    }
  }
});
