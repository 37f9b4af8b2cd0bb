/**
 * End to end in Chromium: a customer reads an invoice, downloads its PDF, and reads and downloads a
 * statement, against the real server with the demo company and the built bundle.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDemoStack, type DemoStack } from '../support/demo-stack';
import type { PorticoProcess } from '../support/portico-process';
import { linkFrom, type SmtpCapture } from '../support/smtp-capture';

let portico: PorticoProcess;
let mail: SmtpCapture;
let browser: Browser;

/** Signs `email` in through a real link, asked for with `target`, and returns the page. */
async function signedIn(email: string, target?: string): Promise<Page> {
  const before = mail.to(email).length;
  const res = await fetch(`${portico.url}/api/v1/auth/links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portico.url },
    body: JSON.stringify({ email, returnTo: `${portico.url}/`, ...(target ? { target } : {}) }),
  });
  assert.equal(res.status, 202);
  const { url } = linkFrom(await mail.waitFor(email, { after: before, timeoutMs: 10_000, subject: /sign-in link/ }));
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(url);
  // Asked for outside this browser, so the portal asks before it signs in.
  await page.getByRole('button', { name: /^Continue as / }).click();
  return page;
}

describe("a customer's account in depth", () => {
  let stack: DemoStack | undefined;
  before(async () => {
    stack = await startDemoStack();
    ({ portico, mail, browser } = stack);
  });
  after(() => stack?.stop());

  it('opens an invoice from the list, shows its lines and payment, and downloads its PDF', async () => {
    const page = await signedIn('ap@northwind.test');
    const row = page.locator('ar-invoice-list tr[part~="row"]', { hasText: 'INV-1023' });
    await page.locator('ar-invoice-list [part~="table"]').scrollIntoViewIfNeeded();
    await row.click();
    const detail = page.locator('ar-invoice-detail');
    await detail.getByRole('heading', { name: /INV-1023/ }).waitFor();
    assert.ok(await detail.getByText('Payments applied').isVisible());
    assert.ok((await detail.locator('[part~="lines"] tbody tr').count()) >= 2);

    const downloading = page.waitForEvent('download');
    await detail.getByRole('button', { name: /Download PDF/ }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'INV-1023.pdf');
    const pdf = await readFile((await download.path())!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');

    await detail.getByRole('button', { name: /Back to invoices/ }).click();
    await row.waitFor();
    await page.context().close();
  });

  it('lands on the invoice a link was sent for', async () => {
    const page = await signedIn('ap@northwind.test', 'invoices/INV-1029');
    const detail = page.locator('ar-invoice-detail');
    await detail.getByRole('heading', { name: /INV-1029/ }).waitFor();
    assert.ok(
      await detail
        .getByText(/Disputed/)
        .first()
        .isVisible(),
    );
    await page.context().close();
  });

  it('shows a statement that adds up, and downloads it as CSV', async () => {
    const page = await signedIn('cfo@globex.test');
    await page
      .getByRole('button', { name: 'Statement' })
      .or(page.getByRole('link', { name: 'Statement' }))
      .first()
      .click();
    const statement = page.locator('ar-statement');
    await statement.getByText('Closing balance').first().waitFor();
    assert.ok(await statement.getByText('Unapplied credit').first().isVisible());
    assert.ok(await statement.getByText('$150.00').first().isVisible(), 'the rebate credit note is unapplied credit');

    const downloading = page.waitForEvent('download');
    await statement.getByRole('button', { name: /CSV/ }).click();
    const csv = await readFile((await (await downloading).path())!, 'utf8');
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'Date,Type,Reference,Description,Amount (USD),Balance (USD)');
    assert.match(lines.at(-1)!, /,closing,,Closing balance,,/);
    await page.context().close();
  });
});
