/**
 * End to end in Chromium: money in flight is not offered twice. A customer signs in with the code
 * from the email (typed as the email shows it, "123 456"), pays part of an invoice by bank transfer
 * with the sandbox's test account, goes back and opens the same invoice to pay again: the pay form
 * says a payment is processing and offers only what is left. The Payments view lists the payment by
 * its receipt number.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPortico, type PorticoProcess } from '../support/portico-process';
import { linkFrom, startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';

/** "2,703.13" (en-US, as the pay form fills it) in minor units. */
function minorOf(amount: string): number {
  const digits = amount.replace(/[^0-9]/g, '');
  assert.match(amount, /^\d{1,3}(,\d{3})*\.\d{2}$/, amount);
  return Number(digits);
}

function decimal(minor: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(minor / 100);
}

describe('a payment in flight is not offered again', () => {
  let portico: PorticoProcess;
  let mail: SmtpCapture;
  let browser: Browser;
  before(async () => {
    mail = await startSmtpCapture();
    // The sandbox's bank debit stays processing for the whole test (it settles after an hour).
    portico = await startPortico({
      SMTP_URL: mail.url,
      RESEND_COOLDOWN_SECONDS: '0',
      SANDBOX_SETTLE_SECONDS: '3600',
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await portico?.stop();
    await mail?.close();
  });

  it('pays part of INV-1023 by bank transfer, then offers only the rest, with the payment named', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();

    // Sign in with the code, typed key by key with the space the email shows.
    const sentBefore = mail.to('ap@northwind.test').length;
    await page.goto(`${portico.url}/`);
    await page.getByLabel('Email address').fill('ap@northwind.test');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const { code } = linkFrom(
      await mail.waitFor('ap@northwind.test', { after: sentBefore, timeoutMs: 10_000, subject: /sign-in link/ }),
    );
    await page.getByLabel('6-digit code').pressSequentially(`${code.slice(0, 3)} ${code.slice(3)}`);
    await page.getByRole('button', { name: 'Sign in with code' }).click();

    // Tick INV-1023 in the list and pay it.
    const list = page.locator('ar-invoice-list');
    await list.locator('[part~="table"]').scrollIntoViewIfNeeded();
    const tick = list.getByRole('checkbox', { name: 'Select INV-1023' });
    await tick.check({ timeout: 15_000 });
    await list.getByRole('button', { name: 'Pay', exact: true }).click();

    const pay = page.locator('ar-easy-pay');
    const amount = pay.getByLabel('Amount to pay on invoice INV-1023');
    await amount.waitFor({ timeout: 15_000 });
    const balance = minorOf(await amount.inputValue());
    const first = 100_000;
    assert.ok(balance > first, `INV-1023's balance ${balance} is more than the $1,000.00 paid first`);
    await amount.fill('1,000.00');
    await pay.getByRole('tab', { name: 'Bank transfer (ACH)' }).click();
    await pay.getByLabel('Routing number').fill('110000000');
    await pay.getByLabel('Account number').fill('000123456789');
    await pay.getByLabel('Account holder').fill('Northwind Traders');
    await pay.getByRole('button', { name: 'Pay $1,000.00' }).click();
    await pay.getByRole('heading', { name: 'Payment processing' }).waitFor({ timeout: 15_000 });
    const receipt = (await pay.locator('.receipt-number').innerText()).trim();
    assert.match(receipt, /^R-/);

    // Back to the list, and the same invoice again.
    await pay.getByRole('button', { name: 'Back to invoices' }).click();
    await list.locator('[part~="table"]').scrollIntoViewIfNeeded();
    await tick.check({ timeout: 15_000 });
    await list.getByRole('button', { name: 'Pay', exact: true }).click();
    await amount.waitFor({ timeout: 15_000 });

    const notice = pay.locator('[part="in-flight"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Payment of \$1,000\.00 processing since /);
    assert.ok((await notice.innerText()).includes(receipt), await notice.innerText());
    // Only what is left is offered, and no more can be asked for.
    assert.equal(await amount.inputValue(), decimal(balance - first));
    await amount.fill(decimal(balance));
    await pay.getByRole('tab', { name: 'Bank transfer (ACH)' }).click();
    await pay.getByLabel('Routing number').fill('110000000');
    await pay.getByLabel('Account number').fill('000123456789');
    await pay.getByLabel('Account holder').fill('Northwind Traders');
    await pay.getByRole('button', { name: /^Pay \$/ }).click();
    await pay.getByText(`Enter at most what is left to pay, $${decimal(balance - first)}.`).waitFor();

    // The Payments view lists it by its receipt number, processing.
    await pay.getByRole('button', { name: 'Back to invoices' }).click();
    await page.getByRole('button', { name: 'Payments', exact: true }).click();
    const payment = page.locator('ar-payment-list [part="payment"]', { hasText: receipt });
    await payment.waitFor({ timeout: 15_000 });
    assert.match(await payment.innerText(), /Processing/);
    assert.match(await payment.innerText(), /INV-1023/);
    await context.close();
  });
});
