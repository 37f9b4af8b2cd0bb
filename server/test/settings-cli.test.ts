/**
 * `portico settings` as an operator runs it: the real CLI in a child process on the server's real
 * database (its SQLite file, or its PostgreSQL database through DATABASE_URL), and what customers then
 * see in PDFs and emails from the running server.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { invoicePdfFile } from './pdf-support';
import { receiptNumber } from '../src/domain/payments';
import { erpCall, erpKey, scalarOf } from './erp-helpers';
import { startTestServer, type TestServer } from './helpers';
import { makePng } from './settings-fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PORTAL = 'https://pay.acme.com/';

let t: TestServer;
let northwind: string;
/** The server's database as its config names it: the CLI is given the same. */
let database: { DATABASE_PATH: string; DATABASE_URL?: string };
let files: string;

/** Runs `portico ARGS…` on the test server's database; its exit code and output. */
function portico(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/portico.mjs'), ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_PATH: database.DATABASE_PATH,
          ...(database.DATABASE_URL ? { DATABASE_URL: database.DATABASE_URL } : {}),
          PUBLIC_URL: 'https://ar.shop.test',
          ALLOWED_ORIGINS: 'https://shop.test,https://pay.acme.com',
        },
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

before(async () => {
  t = await startTestServer({ env: { ALLOWED_ORIGINS: 'https://shop.test,https://pay.acme.com' } });
  database = { DATABASE_PATH: t.deps.config.DATABASE_PATH, DATABASE_URL: t.deps.config.DATABASE_URL };
  files = mkdtempSync(join(tmpdir(), 'portico-settings-cli-'));
  northwind = await t.signIn('ap@northwind.test');
});
after(async () => {
  await t.close();
  rmSync(files, { recursive: true, force: true });
});

describe('portico settings', () => {
  it('sets the portal URL, name, address, time zone and logo from the command line', async () => {
    const logo = join(files, 'logo.png');
    writeFileSync(logo, makePng(160, 48));
    const run = await portico(
      'settings',
      'set',
      `portalUrl=${PORTAL}`,
      'name=Acme Supplies West',
      'address=Acme Supplies West LLC\\n400 Harbor Blvd\\nOakland, CA 94607',
      'timeZone=America/Los_Angeles',
      `logo=${logo}`,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /portalUrl = "https:\/\/pay\.acme\.com\/"/);
    assert.match(run.stdout, /logo = image\/png, \d+ bytes/);
    assert.equal(run.stderr, '', 'pay.acme.com is an allowed origin: no warning');
    const shown = await portico('settings', 'show');
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /companyName +"Acme Supplies West" +\(stored\)/);
    assert.match(shown.stdout, /timeZone +"America\/Los_Angeles" +\(stored\)/);
    assert.match(shown.stdout, /surchargeRateBp +250 +\(stored\)/, "the demo seed's");
  });

  it('puts them on the invoice PDF the customer downloads and the one emailed', async () => {
    const res = await t.call('GET', '/invoices/INV-1023/pdf', { token: northwind });
    assert.equal(res.status, 200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = await pdfText(bytes);
    assert.ok(text.includes(`Pay online: ${PORTAL}`), text);
    assert.ok(!text.includes('localhost'), 'no hard-coded portal left');
    assert.ok(text.includes('Acme Supplies West\nAcme Supplies West LLC\n400 Harbor Blvd\nOakland, CA 94607'));
    assert.match(Buffer.from(bytes).toString('latin1'), /\/Subtype \/Image/, 'the logo is printed');

    const attached = await invoicePdfFile(t.db, 'inv_inv1023', t.clock.now());
    assert.ok((await pdfText(attached.content)).includes(`Pay online: ${PORTAL}`));
  });

  it('sends invoice emails whose Pay now link and footer go to the portal', async () => {
    const { key } = await erpKey(t);
    const res = await erpCall(t, key, 'POST', '/invoices/inv_inv1032/send');
    assert.equal(res.status, 202, await res.clone().text());
    await t.deliver();
    await t.deliver();
    const email = await t.mail.waitFor('ap@northwind.test', { subject: /^Invoice INV-1032 from Acme Supplies West/ });
    assert.match(email.text, /Pay now: https:\/\/pay\.acme\.com\/#portico-link=/);
    assert.ok(email.text.includes(`Customer portal: ${PORTAL}`));
    assert.ok(email.text.includes('400 Harbor Blvd'));
  });

  it('heads the statement and the receipt with them', async () => {
    const statement = await t.call('GET', '/statement?format=pdf', { token: northwind });
    const text = await pdfText(await statement.arrayBuffer());
    assert.ok(text.includes('Acme Supplies West\nAcme Supplies West LLC'));
    assert.ok(text.includes(`Pay online: ${PORTAL}`));

    const paymentId = (await scalarOf(
      t.db,
      sql`SELECT id FROM payments WHERE customer_id = 'cus_northwind' AND status = 'succeeded' ORDER BY id LIMIT 1`,
    )) as string;
    const receipt = await t.call('GET', `/payments/${paymentId}/receipt.pdf`, { token: northwind });
    assert.equal(receipt.status, 200, await receipt.clone().text());
    const bytes = new Uint8Array(await receipt.arrayBuffer());
    const receiptText = await pdfText(bytes);
    assert.ok(receiptText.includes('Acme Supplies West'));
    assert.ok(receiptText.includes(`Receipt number ${receiptNumber(paymentId)}`), receiptText);
    assert.ok(receiptText.includes(`Your payments and receipts: ${PORTAL}`));
    assert.match(Buffer.from(bytes).toString('latin1'), /\/Subtype \/Image/, 'the logo is printed');
  });

  it('refuses bad values, listing each, and changes nothing', async () => {
    const text = join(files, 'not-a-logo.png');
    writeFileSync(text, 'not an image at all');
    const run = await portico(
      'settings',
      'set',
      'portalUrl=pay.acme.com',
      'timeZone=Moon/Base',
      `logo=${text}`,
      'name=Ok',
    );
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Nothing was changed/);
    assert.match(run.stderr, /portalUrl: .*not a page URL/);
    assert.match(run.stderr, /timeZone: must be an IANA time zone/);
    assert.match(run.stderr, /logo: .*must be a PNG or JPEG image/);
    const res = await t.call('GET', '/invoices/INV-1023/pdf', { token: northwind });
    const after = await pdfText(await res.arrayBuffer());
    assert.ok(after.includes(`Pay online: ${PORTAL}`) && after.includes('Acme Supplies West'));

    const usage = await portico('settings', 'set', 'portalUrl');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /"portalUrl" is not KEY=VALUE/);
  });
});

describe('portico settings and dunning for reminders', () => {
  it('sets the reminder sequence and the promise grace days, and shows them as typed', async () => {
    const run = await portico('settings', 'set', 'dunningSequence=-2,0,10 every 5', 'promiseToleranceDays=3');
    assert.equal(run.code, 0, run.stderr);
    const shown = await portico('settings', 'show');
    assert.match(shown.stdout, /dunningSequence\s+-2,0,10 every 5\s+\(stored\)/);
    assert.match(shown.stdout, /promiseToleranceDays\s+3\s+\(stored\)/);
    const bad = await portico('settings', 'set', 'dunningSequence=10,0');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /offsets must rise/);
    assert.equal((await portico('settings', 'reset', 'dunningSequence', 'promiseToleranceDays')).code, 0);
  });

  it('pauses a customer’s reminders until a date and resumes them', async () => {
    const paused = await portico('dunning', 'pause', 'cus_northwind', '--until', '2027-01-31');
    assert.equal(paused.code, 0, paused.stderr);
    assert.match(paused.stdout, /Reminders to Northwind Traders paused until 2027-01-31/);
    const stored = () => scalarOf(t.db, sql`SELECT dunning_paused_until FROM customers WHERE id = 'cus_northwind'`);
    assert.equal(await stored(), '2027-01-31');
    assert.equal(await scalarOf(t.db, sql`SELECT count(*) FROM events WHERE type = 'dunning.paused'`), 1);
    const resumed = await portico('dunning', 'resume', 'cus_northwind');
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(await stored(), null);
    assert.equal((await portico('dunning', 'pause', 'cus_northwind', '--until', '2027-02-30')).code, 2);
    assert.equal((await portico('dunning', 'pause', 'cus_nobody', '--until', '2027-01-31')).code, 1);
    assert.equal((await portico('dunning', 'stop', 'cus_northwind')).code, 2);
  });
});
