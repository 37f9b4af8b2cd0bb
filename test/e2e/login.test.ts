/**
 * End to end in Chromium: the real server process with the demo company, the built widget bundle on
 * the demo site, and email read from a real SMTP server on loopback.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDemoStack, type DemoStack } from '../support/demo-stack';
import { launchChromium } from '../support/browser';
import { startPortico, type PorticoProcess } from '../support/portico-process';
import { linkFrom, type SmtpCapture } from '../support/smtp-capture';

let portico: PorticoProcess;
let mail: SmtpCapture;
let browser: Browser;

async function askForLink(page: Page, email: string, path = '/'): Promise<{ url: string; code: string }> {
  const before = mail.to(email).length;
  await page.goto(`${portico.url}${path}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  return linkFrom(
    await mail.waitFor(email, { after: before, timeoutMs: 10_000, subject: /sign-in link|lien de connexion/ }),
  );
}

const ROWS = 'ar-invoice-list tr[part~="row"]';

/** Scrolls the list into view: its rows are virtualized, so only rows on screen are rendered. */
async function showList(page: Page): Promise<void> {
  await page.locator('ar-invoice-list [part~="table"]').scrollIntoViewIfNeeded();
}

/** The invoice table's rows (not the loading skeleton's), as the customer reads them, once they stop changing. */
async function invoiceRows(page: Page): Promise<string[]> {
  await showList(page);
  await page.locator(ROWS).first().waitFor();
  await page.locator('ar-invoice-list table.skeleton').waitFor({ state: 'detached' });
  return page.locator(ROWS).allInnerTexts();
}

describe('signing in on the demo site', () => {
  let stack: DemoStack | undefined;
  before(async () => {
    stack = await startDemoStack();
    ({ portico, mail, browser } = stack);
  });
  after(() => stack?.stop());

  it('takes Northwind from the emailed link to its past-due invoices, then logs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { url } = await askForLink(page, 'ap@northwind.test');
    assert.ok(url.startsWith(`${portico.url}/#portico-link=`), url);

    await page.goto(url);
    const rows = await invoiceRows(page);
    assert.equal(rows.length, 6, rows.join('\n'));
    assert.ok(
      rows.every((r) => /past due/i.test(r)),
      rows.join('\n'),
    );
    assert.ok(!page.url().includes('portico-link'), 'the token left the address bar');
    assert.ok(await page.getByText('Northwind Traders').first().isVisible());

    // The rest of the account is a click away.
    await page.getByRole('tab', { name: /^All/ }).click();
    await showList(page);
    await page.locator(ROWS).nth(6).waitFor();
    assert.ok((await invoiceRows(page)).some((r) => /paid/i.test(r)));

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByLabel('Email address').waitFor();
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage));
    assert.ok(!stored.includes('pts_'), 'no session token left in storage');
    await context.close();
  });

  it('signs in with the 6-digit code in the browser that asked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { code } = await askForLink(page, 'compta@lumiere.test');
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Sign in with code' }).click();
    const rows = await invoiceRows(page);
    assert.ok(
      rows.some((r) => r.includes('€')),
      `amounts in euros: ${rows.join(' | ')}`,
    );
    await context.close();
  });

  it('asks "Continue as …" when the link is opened in another browser, and signs in only on the click', async () => {
    const asking = await browser.newContext();
    const { url } = await askForLink(await asking.newPage(), 'ap@northwind.test');
    await asking.close();

    const other = await browser.newContext();
    const page = await other.newPage();
    await page.goto(url);
    const button = page.getByRole('button', { name: 'Continue as a•••@northwind.test' });
    await button.waitFor();
    // A scanner that only loads the page burns nothing: the link still works after a reload.
    await page.goto(url);
    await button.click();
    assert.ok((await invoiceRows(page)).length > 0);
    await other.close();
  });

  it('says a used link is used, and sends a new one in one click', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { url } = await askForLink(page, 'cfo@globex.test');
    await page.goto(url);
    await invoiceRows(page);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();

    const before = mail.to('cfo@globex.test').length;
    await page.goto(url);
    await page.getByText('This sign-in link has already been used.').waitFor();
    await page.getByRole('button', { name: 'Send me a new link' }).click();
    const fresh = linkFrom(await mail.waitFor('cfo@globex.test', { after: before, timeoutMs: 10_000 }));
    await page.goto(fresh.url);
    assert.ok((await invoiceRows(page)).length > 0);
    await context.close();
  });

  it('lets a bookkeeper switch between Globex and Initech', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { url } = await askForLink(page, 'bookkeeper@ledger.test');
    await page.goto(url);
    const account = page.getByLabel('Account');
    await account.waitFor();
    const options = await account.locator('option').allInnerTexts();
    assert.deepEqual(
      options.map((o) => o.trim()),
      ['Globex', 'Initech'],
    );
    await account.selectOption({ label: 'Initech' });
    await page.getByRole('tab', { name: /^All/ }).click();
    // Initech's four invoices are INV-1039 to INV-1042.
    await showList(page);
    await page.locator(ROWS, { hasText: 'INV-1042' }).waitFor();
    const rows = await invoiceRows(page);
    assert.deepEqual(rows.map((r) => /INV-\d+/.exec(r)?.[0]).sort(), ['INV-1039', 'INV-1040', 'INV-1041', 'INV-1042']);
    await context.close();
  });

  it('signs staff in on the staff page and shows who is signed in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { url } = await askForLink(page, 'ar@acme.test', '/staff.html');
    assert.ok(url.startsWith(`${portico.url}/staff.html#portico-link=`), url);
    await page.goto(url);
    await page.getByText('ar@acme.test').first().waitFor();
    assert.ok(await page.getByText(/admin/i).first().isVisible());
    await context.close();
  });
});

describe('the demo with no mail server', () => {
  let demo: PorticoProcess;
  let chromium: Browser;
  before(async () => {
    demo = await startPortico({});
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('delivers the link to the dev mailbox, where one click signs Northwind in', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.url}/`);
    await page.getByLabel('Email address').fill('ap@northwind.test');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    await page.goto(`${demo.url}/api/v1/dev/mailbox`);
    await page
      .getByRole('heading', { name: /Your sign-in link/ })
      .first()
      .waitFor();
    await page
      .getByRole('link', { name: /portico-link=/ })
      .first()
      .click();
    const rows = await invoiceRows(page);
    assert.equal(rows.length, 6);
    assert.ok(rows.every((r) => /past due/i.test(r)));
    await context.close();
  });
});
