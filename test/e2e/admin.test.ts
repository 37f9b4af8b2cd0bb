/**
 * End to end in Chromium: the staff console. A collector signs in on the staff page, finds Northwind at
 * the top of the worklist, sends an Easy Pay link (the customer's mailbox gets it), records a promise taken
 * by phone and resolves the demo's dispute with a credit note; an admin changes the card surcharge and the
 * customer's next card payment carries it; a collector who opens settings is refused, by the console and
 * by the server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type {
  AdminPromisePage,
  AdminSettings,
  DisputeView,
  PaymentConfig,
  PaymentView,
} from '../../server/src/contract';
import { startDemoStack, type DemoStack } from '../support/demo-stack';
import { apiAs } from '../support/e2e-api';
import { linkFrom } from '../support/smtp-capture';

const COLLECTOR = 'collector@acme.test';
const ADMIN = 'ar@acme.test';
const CUSTOMER = 'ap@northwind.test';
const WAIT = { timeout: 15_000 };

describe('the staff console', () => {
  let stack: DemoStack;
  let url: string;

  before(async () => {
    stack = await startDemoStack();
    url = stack.portico.url;
  });
  after(() => stack?.stop());

  /** Signs `email` in on the demo's staff page, through the console's own form and the emailed link. */
  async function signInOnStaffPage(email: string): Promise<Page> {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/staff.html`);
    const before = stack.mail.to(email).length;
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor(WAIT);
    const link = linkFrom(
      await stack.mail.waitFor(email, { after: before, timeoutMs: 15_000, subject: /sign-in link/ }),
    );
    await page.goto(link.url);
    await page.getByRole('navigation', { name: 'Console' }).waitFor(WAIT);
    return page;
  }

  /** The demo's date in its time zone (the demo clock runs at real time here). */
  function demoDatePlus(days: number): string {
    return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  }

  it('a collector works Northwind: an Easy Pay link, a phone promise, a dispute resolved with a credit note', async () => {
    const page = await signInOnStaffPage(COLLECTOR);
    const worklist = page.locator('ar-admin-worklist');
    // A collector starts on their own accounts; the demo assigns none, so the console offers them all.
    const showAll = worklist.getByRole('button', { name: 'Show all accounts' });
    const firstRow = worklist.locator('tbody tr').first();
    await Promise.race([showAll.waitFor(WAIT), firstRow.waitFor(WAIT)]);
    if (await showAll.isVisible()) await showAll.click();
    await firstRow.getByRole('link', { name: 'Northwind Traders' }).waitFor(WAIT);

    // Northwind's page, from the worklist.
    await firstRow.getByRole('link', { name: 'Northwind Traders' }).click();
    const customer = page.locator('ar-admin-customer');
    await customer.getByRole('heading', { name: 'Northwind Traders' }).waitFor(WAIT);
    assert.match(page.url(), /#admin\/customers\/cus_northwind/);

    // An Easy Pay link to the accounts-payable contact: the customer's mailbox gets it.
    const sentBefore = stack.mail.to(CUSTOMER).length;
    await customer.getByRole('button', { name: 'Send link', exact: true }).click();
    await customer.getByLabel('Contact').selectOption({ label: `Nancy Davolio <${CUSTOMER}>` });
    await customer.getByLabel('Easy Pay links for the open invoices').check();
    await customer.getByRole('button', { name: 'Send', exact: true }).click();
    await customer.getByText(/emails? sent\./).waitFor(WAIT);
    const invoiceEmail = await stack.mail.waitFor(CUSTOMER, {
      after: sentBefore,
      timeoutMs: 15_000,
      subject: /Invoice INV-/,
    });
    assert.match(invoiceEmail.text, /#portico-link=[A-Za-z0-9_-]{43}/, 'the email holds an Easy Pay link');

    // A promise the customer made on the phone, for the first open invoice.
    const promisedDate = demoDatePlus(7);
    await customer.getByRole('button', { name: 'Record promise', exact: true }).click();
    const promiseForm = customer.locator('form', { has: page.getByText('Invoices promised') });
    await promiseForm.getByRole('checkbox').first().check();
    await promiseForm.getByLabel('Promised for').fill(promisedDate);
    await promiseForm.getByRole('button', { name: 'Record promise' }).click();
    await customer.getByText('Promise recorded.').waitFor(WAIT);
    const staff = await apiAs(stack, COLLECTOR, 'staff');
    const { body: promises } = await staff<AdminPromisePage>('/admin/promises?customer=cus_northwind');
    const phone = promises.items.find((p) => p.source === 'staff');
    assert.ok(phone, 'the phone promise is in the queue');
    assert.equal(phone.promisedDate, promisedDate);
    assert.equal(phone.takenBy, 'Casey Collins');

    // The demo's open dispute, resolved with a credit note of the disputed amount.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Disputes' }).click();
    const disputes = page.locator('ar-admin-disputes');
    await disputes.getByRole('link', { name: 'INV-1029' }).click(WAIT);
    await disputes.getByRole('button', { name: 'Resolve with a credit note' }).click(WAIT);
    await disputes.getByLabel('Note', { exact: true }).fill('The damaged boxes are credited in full.');
    const customerMail = stack.mail.to(CUSTOMER).length;
    await disputes.getByRole('button', { name: 'Confirm' }).click();
    await disputes.getByText('Done. The dispute is up to date.').waitFor(WAIT);
    const { body: resolved } = await staff<DisputeView>('/admin/disputes/dsp_demo1');
    assert.equal(resolved.status, 'resolved');
    assert.ok(resolved.resolution?.creditNoteNumber, 'a credit note was issued');
    const told = await stack.mail.waitFor(CUSTOMER, { after: customerMail, timeoutMs: 15_000, subject: /dispute/i });
    assert.match(told.text, /INV-1029/);
    await page.context().close();
  });

  it('an admin changes the card surcharge and the customer’s next card payment carries it', async () => {
    const page = await signInOnStaffPage(ADMIN);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Settings' }).click();
    const settings = page.locator('ar-admin-settings');
    await settings.getByRole('link', { name: 'Payments' }).click(WAIT);
    await settings.getByLabel('Card surcharge (%)').fill('3');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved.').waitFor(WAIT);

    const admin = await apiAs(stack, ADMIN, 'staff');
    const { body: saved } = await admin<AdminSettings>('/admin/settings');
    assert.equal(saved.settings.surchargeRateBp, 300);

    // The customer pays one invoice by card (the sandbox's test card): 3% on top (the demo had 2.5%).
    const customer = await apiAs(stack, CUSTOMER);
    const { body: config } = await customer<PaymentConfig>('/payments/config?account=cus_northwind');
    assert.equal(config.surcharge?.rateBp, 300);
    const { body: invoices } = await customer<{ items: { id: string; payable: number }[] }>(
      '/invoices?account=cus_northwind&status=open&limit=1',
    );
    const invoice = invoices.items[0]!;
    const amount = Math.min(invoice.payable, 10_000);
    const { status, body: payment } = await customer<PaymentView>(
      '/payments',
      {
        account: 'cus_northwind',
        method: 'card',
        allocations: [{ invoiceId: invoice.id, amount }],
        paymentMethod: 'tok_visa',
      },
      { headers: { 'idempotency-key': `e2e-surcharge-${Date.now()}` } },
    );
    assert.equal(status, 201, JSON.stringify(payment));
    assert.equal(payment.surcharge, Math.round((amount * 300) / 10_000));
    await page.context().close();
  });

  it('refuses settings to a collector, in the console and on the server', async () => {
    const page = await signInOnStaffPage(COLLECTOR);
    const nav = page.getByRole('navigation', { name: 'Console' });
    assert.equal(await nav.getByRole('link', { name: 'Settings' }).count(), 0, 'no Settings for a collector');
    await page.evaluate(() => {
      location.hash = '#admin/settings/payments';
    });
    await page.getByText('Your role cannot open this page').waitFor(WAIT);
    const collector = await apiAs(stack, COLLECTOR, 'staff');
    const refused = await collector<{ error: { code: string } }>(
      '/admin/settings',
      { surchargeRateBp: 0 },
      { method: 'PATCH' },
    );
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    await page.context().close();
  });
});
