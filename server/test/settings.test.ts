import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { testConfig } from '../src/config';
import { events as eventsTable } from '../src/db/schema';
import {
  defaultSettings,
  getSettings,
  LOGO_MAX_BYTES,
  logoBytes,
  logoDataUrl,
  putSettings,
  SettingsError,
  storedSettings,
  updateSettings,
  validateSettings,
} from '../src/domain/settings';
import { drawInvoicePdf } from '../src/pdf/invoice-pdf';
import { openTestDatabase } from './postgres-support';
import { makePng } from './settings-fixtures';

const now = new Date('2026-11-20T15:00:00Z');
const actor = { type: 'system' as const, id: 'test' };
let dir: string;
let database: Awaited<ReturnType<typeof openTestDatabase>>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-settings-'));
  database = await openTestDatabase(dir);
});
after(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

function events(): Promise<{ type: string; actorId: string | null; data: Record<string, unknown> }[]> {
  return database.db
    .select({ type: eventsTable.type, actorId: eventsTable.actorId, data: eventsTable.data })
    .from(eventsTable)
    .where(eq(eventsTable.type, 'settings.updated'))
    .orderBy(asc(eventsTable.id))
    .all();
}

describe('company settings', () => {
  it('defaults the portal URL to PORTAL_URL, else to the page at PUBLIC_URL', async () => {
    const db = database.db;
    assert.equal(
      (await getSettings(db, testConfig({ PUBLIC_URL: 'https://ar.acme.test' }))).portalUrl,
      'https://ar.acme.test/',
    );
    const configured = testConfig({ PUBLIC_URL: 'https://ar.acme.test', PORTAL_URL: 'https://acme.test/pay' });
    assert.equal((await getSettings(db, configured)).portalUrl, 'https://acme.test/pay');
    assert.equal((await getSettings(db, configured)).companyName, defaultSettings.companyName);
    assert.equal((await getSettings(db, configured)).logo, null);
  });

  it('stores checked values with one event, and a stored portal URL wins over configuration', async () => {
    const before = (await events()).length;
    const result = await updateSettings(
      database.db,
      {
        values: {
          portalUrl: 'https://pay.acme.test/portal',
          companyName: '  Acme Supplies  ',
          timeZone: 'Europe/Paris',
          logo: logoDataUrl(makePng(40, 20)),
        },
      },
      actor,
      now,
    );
    assert.deepEqual(result.set.sort(), ['companyName', 'logo', 'portalUrl', 'timeZone']);
    const settings = await getSettings(database.db, testConfig({ PORTAL_URL: 'https://elsewhere.test/' }));
    assert.equal(settings.portalUrl, 'https://pay.acme.test/portal');
    assert.equal(settings.companyName, 'Acme Supplies', 'trimmed');
    assert.equal(settings.timeZone, 'Europe/Paris');
    assert.ok(logoBytes(settings.logo)!.equals(makePng(40, 20)));
    // Read once more (the logo is cached by its digest), then replaced: the new one is read.
    assert.ok(logoBytes((await getSettings(database.db)).logo)!.equals(makePng(40, 20)));
    await updateSettings(database.db, { values: { logo: logoDataUrl(makePng(30, 30)) } }, actor, now);
    assert.ok(logoBytes((await getSettings(database.db)).logo)!.equals(makePng(30, 30)));

    const added = (await events()).slice(before);
    assert.equal(added.length, 2);
    assert.equal(added[0]!.actorId, 'test');
    const data = added[0]!.data as { set: Record<string, unknown> };
    assert.equal(data.set.portalUrl, 'https://pay.acme.test/portal');
    assert.match(String(data.set.logo), /^image\/png, \d+ bytes$/, 'the event names the logo, not its bytes');
  });

  it('refuses bad values all at once and changes nothing', async () => {
    const stored = await storedSettings(database.db);
    const before = (await events()).length;
    await assert.rejects(
      () =>
        updateSettings(
          database.db,
          {
            values: {
              companyName: 'Renamed',
              portalUrl: 'javascript:alert(1)',
              timeZone: 'Mars/Olympus_Mons',
              supportEmail: 'not an email',
              currency: 'usd',
              surchargeRateBp: 2.5,
              colour: 'blue',
            },
          },
          actor,
          now,
        ),
      (err: unknown) => {
        assert.ok(err instanceof SettingsError);
        assert.deepEqual(err.issues.map((i) => i.key).sort(), [
          'colour',
          'currency',
          'portalUrl',
          'supportEmail',
          'surchargeRateBp',
          'timeZone',
        ]);
        return true;
      },
    );
    assert.deepEqual(await storedSettings(database.db), stored);
    assert.equal((await events()).length, before);
  });

  it('refuses a portal URL with a password in it, and any URL that is not http or https', () => {
    for (const portalUrl of ['https://user:pw@pay.acme.test/', 'ftp://pay.acme.test/', 'pay.acme.test']) {
      assert.throws(() => validateSettings({ portalUrl }), SettingsError, portalUrl);
    }
    assert.deepEqual(validateSettings({ portalUrl: '' }), { portalUrl: '' }, 'empty: print no link');
  });

  it('takes a PNG or JPEG logo up to the size limit, checked by its bytes', () => {
    assert.match(logoDataUrl(makePng(8, 8)), /^data:image\/png;base64,/);
    assert.match(logoDataUrl(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), /^data:image\/jpeg;base64,/);
    assert.throws(() => logoDataUrl(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), /PNG or JPEG/);
    assert.throws(() => logoDataUrl(Buffer.alloc(0)), /empty/);
    const huge = Buffer.concat([makePng(1, 1), Buffer.alloc(LOGO_MAX_BYTES)]);
    assert.throws(() => logoDataUrl(huge), /at most 100 KB/);
    // A stored data URL is checked the same way, not trusted for its label.
    const gif = `data:image/png;base64,${Buffer.from('GIF89a').toString('base64')}`;
    assert.throws(() => validateSettings({ logo: gif }), SettingsError);
    assert.deepEqual(validateSettings({ logo: null }), { logo: null });
  });

  it('reads a stored value that fails its check as the default', async () => {
    await putSettings(database.db, { timeZone: 'Not/AZone', surchargeRateBp: -5 }, now);
    const settings = await getSettings(database.db, testConfig());
    assert.equal(settings.timeZone, defaultSettings.timeZone);
    assert.equal(settings.surchargeRateBp, defaultSettings.surchargeRateBp);
  });

  it('resets settings to their defaults', async () => {
    await updateSettings(database.db, { reset: ['portalUrl', 'logo'] }, actor, now);
    const settings = await getSettings(database.db, testConfig({ PUBLIC_URL: 'https://ar.acme.test' }));
    assert.equal(settings.portalUrl, 'https://ar.acme.test/');
    assert.equal(settings.logo, null);
    await assert.rejects(() => updateSettings(database.db, { reset: ['nope'] }, actor, now), SettingsError);
  });

  it('prints the logo on a PDF, and a logo PDFKit cannot read is left out rather than failing the PDF', async () => {
    const company = { ...defaultSettings, companyName: 'Acme Supplies', logo: logoDataUrl(makePng(120, 40)) };
    const invoice = {
      id: 'inv_1',
      number: 'INV-1',
      accountId: 'cus_1',
      accountName: 'Northwind Traders',
      poNumber: null,
      issueDate: '2026-11-01',
      dueDate: '2026-12-01',
      currency: 'USD',
      subtotal: 1000,
      taxTotal: 0,
      total: 1000,
      amountPaid: 0,
      amountCredited: 0,
      balance: 1000,
      status: 'open' as const,
      daysPastDue: 0,
      inFlight: null,
      payable: 1000,
      lines: [],
      payments: [],
      credits: [],
      history: [],
      dispute: null,
      disputes: [],
      promise: null,
    };
    const bytes = async (doc: PDFKit.PDFDocument) => {
      const chunks: Buffer[] = [];
      for await (const chunk of doc) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('latin1');
    };
    const customer = { name: 'Northwind Traders', billingAddress: null };
    const withLogo = await bytes(drawInvoicePdf({ invoice, company, customer }));
    assert.match(withLogo, /\/Subtype \/Image[\s\S]*\/Width 120[\s\S]*\/Height 40|\/Height 40[\s\S]*\/Width 120/);
    // PNG magic and nothing after it: passes the type check, fails PDFKit's reader.
    const broken = `data:image/png;base64,${makePng(1, 1).subarray(0, 8).toString('base64')}`;
    const without = await bytes(drawInvoicePdf({ invoice, company: { ...company, logo: broken }, customer }));
    assert.ok(!without.includes('/Subtype /Image'));
    assert.ok(without.startsWith('%PDF-'));
  });
});
