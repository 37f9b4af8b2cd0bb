/**
 * End to end in Chromium: a Northwind contact disputes two lines of an invoice with a photo, pays the
 * undisputed rest from the confirmation, a collector (over the API until the staff console exists)
 * takes it up and resolves it with a partial credit note, and the customer gets the resolution email,
 * sees the credit on the statement and the balance left, and the dispute's page says it is resolved.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DisputeList, DisputeView, InvoiceDetail, InvoiceList, Statement } from '../../server/src/contract';
import { startDemoStack, type DemoStack } from '../support/demo-stack';
import { apiAs, signInLink as signIn, type Audience } from '../support/e2e-api';

const CUSTOMER = 'ap@northwind.test';
const COLLECTOR = 'collector@acme.test';
/** A 1×1 PNG: the photo of the damaged box. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('a dispute, from two lines in the portal to a credit note', () => {
  let stack: DemoStack;
  let invoice: InvoiceDetail;
  let dispute: DisputeView;

  before(async () => {
    stack = await startDemoStack();
  });
  after(() => stack?.stop());

  const signInLink = (email: string, audience: Audience = 'customer') => signIn(stack, email, audience);
  const api = (email: string, audience: Audience = 'customer') => apiAs(stack, email, audience);

  it('disputes two lines with a photo, then pays the undisputed rest', async () => {
    // An open Northwind invoice of two lines or more, under no dispute, whose lines leave a rest to pay.
    const customer = await api(CUSTOMER);
    const { body: list } = await customer<InvoiceList>('/invoices?account=cus_northwind&status=open&limit=100');
    for (const summary of list.items.filter((i) => !i.dispute && !i.promise && i.payable === i.balance)) {
      const { body: detail } = await customer<InvoiceDetail>(`/invoices/${summary.number}`);
      const [one, two] = detail.lines;
      // Lines that hold what is disputed below ($40.00 and $20.00 with their tax), and a rest to pay.
      if (one && two && one.amount + one.tax >= 4_000 && two.amount + two.tax >= 2_000 && detail.balance > 10_000) {
        invoice = detail;
        break;
      }
    }
    assert.ok(invoice, 'an invoice to dispute');

    const { url: link } = await signInLink(CUSTOMER);
    const page: Page = await (await stack.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(link);
    await page.getByRole('button', { name: /^Continue as / }).click();
    const rows = page.locator('ar-invoice-list');
    await rows.locator('[part~="table"]').scrollIntoViewIfNeeded();
    await rows.getByRole('checkbox', { name: `Select ${invoice.number}` }).check({ timeout: 15_000 });
    await rows.getByRole('button', { name: 'Dispute', exact: true }).click();

    const editor = page.locator('ar-dispute-editor');
    await editor.getByRole('heading', { name: `Dispute invoice ${invoice.number}` }).waitFor({ timeout: 15_000 });
    const ticks = editor.getByRole('checkbox', { name: 'Dispute this line' });
    await ticks.nth(0).check();
    await editor.getByLabel('Reason').nth(0).selectOption('damaged');
    await editor.getByLabel('Amount disputed').nth(0).fill('40.00');
    await ticks.nth(1).check();
    await editor.getByLabel('Reason').nth(1).selectOption('pricing');
    await editor.getByLabel('Amount disputed').nth(1).fill('20.00');
    await editor
      .getByLabel(/^Your message to /)
      .fill('The first case arrived crushed, and the second line is priced above our quote.');
    await editor.getByLabel('Photos or documents (optional)').setInputFiles({
      name: 'crushed-box.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await editor.getByText('crushed-box.png').waitFor();
    const screenshot = join(tmpdir(), 'portico-dispute-editor.png');
    await editor.screenshot({ path: screenshot });
    await editor.getByRole('button', { name: 'Open a dispute for $60.00' }).click();
    await editor.getByRole('heading', { name: 'Dispute opened' }).waitFor({ timeout: 15_000 });
    await editor.getByText('1 file attached.').waitFor({ timeout: 15_000 });

    const rest = invoice.balance - 6_000;
    const dollars = (minor: number) =>
      `$${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    await editor.getByRole('button', { name: `Pay the undisputed ${dollars(rest)} now` }).click();
    const pay = page.locator('ar-easy-pay');
    await pay.getByText(`${dollars(6_000)} disputed — paying the undisputed rest`).waitFor({ timeout: 15_000 });
    await pay.getByLabel('Card number').fill('4242 4242 4242 4242');
    await pay.getByLabel(/Expiry date/).fill('12/30');
    await pay.getByLabel(/Security code/).fill('123');
    await pay.getByLabel('Name on card').fill('Nancy Davolio');
    await pay.getByRole('button', { name: /^Pay \$/ }).click();
    await pay.getByRole('heading', { name: 'Payment received' }).waitFor({ timeout: 15_000 });
    await page.context().close();

    const { body: disputes } = await customer<DisputeList>(`/disputes?account=cus_northwind&invoice=${invoice.id}`);
    assert.equal(disputes.items.length, 1);
    const { body: opened } = await customer<DisputeView>(`/disputes/${disputes.items[0]!.id}`);
    dispute = opened;
    assert.equal(dispute.status, 'open');
    assert.deepEqual(
      dispute.lines.map((l) => [l.reason, l.amount]),
      [
        ['damaged', 4_000],
        ['pricing', 2_000],
      ],
    );
    assert.deepEqual(
      dispute.attachments.map((a) => [a.name, a.type]),
      [['crushed-box.png', 'image/png']],
    );
    // The rest is paid: what is left on the invoice is what is in question.
    assert.equal(dispute.invoice.balance, 6_000);
    assert.equal(dispute.undisputed, 0);
    console.log(`The dispute form, for a person to look at: ${screenshot}`);
  });

  it('a collector resolves it with a partial credit note; the customer sees it everywhere', async () => {
    assert.ok(dispute, 'the dispute was not opened');
    const staff = await api(COLLECTOR, 'staff');
    assert.equal((await staff<DisputeView>(`/admin/disputes/${dispute.id}/review`, {})).status, 200);
    const resolved = await staff<DisputeView>(`/admin/disputes/${dispute.id}/resolve`, {
      creditAmount: 4_000,
      note: 'The damaged case is credited; the price is as quoted.',
    });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.status, 'resolved');

    const email = await stack.mail.waitFor(CUSTOMER, {
      subject: new RegExp(`^Dispute of invoice ${invoice.number} resolved: \\$40\\.00 credited`),
      timeoutMs: 15_000,
    });
    assert.match(email.text, /The damaged case is credited/);

    const customer = await api(CUSTOMER);
    const { body: statement } = await customer<Statement>('/statement?account=cus_northwind');
    const credit = statement.lines.find((l) => l.reference === resolved.body.resolution!.creditNoteNumber);
    assert.ok(credit, 'the credit note is on the statement');
    assert.equal(credit.amount, -4_000);
    const { body: after } = await customer<InvoiceDetail>(`/invoices/${invoice.number}`);
    assert.equal(after.balance, 2_000);
    assert.equal(after.dispute, null);
    assert.equal(after.status === 'past_due' || after.status === 'open', true);

    // The link in the email opens the dispute's page, which says it is resolved.
    const link = /(https?:\/\/\S+#portico-link=[A-Za-z0-9_-]+)/.exec(email.text)?.[1];
    assert.ok(link, email.text);
    const page: Page = await (await stack.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(link);
    const landing = page.locator('ar-login [part="pay-landing"]');
    await landing
      .getByRole('heading', { name: `Your dispute of invoice ${invoice.number}` })
      .waitFor({ timeout: 15_000 });
    await landing.getByRole('button', { name: 'See the dispute' }).click();
    const shown = page.locator('ar-dispute');
    await shown.getByText(resolved.body.resolution!.creditNoteNumber).first().waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
