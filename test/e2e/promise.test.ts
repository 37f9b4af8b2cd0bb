/**
 * End to end in Chromium: a Northwind contact promises to pay two past-due invoices from the list; the
 * demo's clock moves past the promised date and its grace days, the promise is broken, the customer
 * gets the "promise missed" email, the collector a notice, and the payment reminders start again.
 * Then a second promise is kept by paying through the Easy Pay link of the reminder that comes the day
 * before its date.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { InvoiceDetail, PromiseList, PromiseView } from '../../server/src/contract';
import { addDays } from '../../server/src/contract/dates';
import { startDemoStack, type DemoStack } from '../support/demo-stack';
import { apiAs, signInLink as signIn } from '../support/e2e-api';
import type { CapturedEmail } from '../support/smtp-capture';

const CUSTOMER = 'ap@northwind.test';
const COLLECTOR = 'collector@acme.test';
const EASY_PAY_LINK = /(https?:\/\/\S+#portico-link=[A-Za-z0-9_-]+)/;

/** A payment reminder (dunning), not a promise's own reminder. */
const isDunning = (email: { subject: string }) =>
  /^(Payment reminder|Reminder): /.test(email.subject) && !email.subject.endsWith('as promised');
const isMissed = (email: { subject: string }) => /^We have not received the \$/.test(email.subject);

describe('promises to pay, from the list to a verdict', () => {
  let stack: DemoStack;
  let url: string;
  /** The first promise: INV-1021 and INV-1022, made in the portal. */
  let first: PromiseView | undefined;

  before(async () => {
    stack = await startDemoStack();
    url = stack.portico.url;
  });
  after(() => stack?.stop());

  const signInLink = (email: string) => signIn(stack, email);
  /** The API as `email`, through a session of its own (the demo clock's jumps outlast any session). */
  const customerApi = (email: string) => apiAs(stack, email);

  /** Moves the demo's clock forward, running what each day brings; the demo's date after. */
  async function moveClock(days: number): Promise<string> {
    const res = await fetch(`${url}/api/v1/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { today: string }).today;
  }

  async function demoToday(): Promise<string> {
    return ((await (await fetch(`${url}/api/v1/dev/clock`)).json()) as { today: string }).today;
  }

  /** Waits until every email queued so far has been delivered to the SMTP capture. */
  async function delivered(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const outbox = (await (await fetch(`${url}/api/v1/dev/mailbox/messages.json`)).json()) as { status: string }[];
      if (!outbox.some((email) => email.status === 'pending')) return;
      assert.ok(Date.now() < deadline, 'emails still pending after 20 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  let seen = 0;
  /** One day on: the demo's date and the emails the customer got that day. */
  async function nextDay(): Promise<{ today: string; emails: CapturedEmail[] }> {
    const today = await moveClock(1);
    await delivered();
    const emails = stack.mail.to(CUSTOMER).slice(seen);
    seen += emails.length;
    return { today, emails };
  }

  it('promises two past-due invoices from the list, which then shows them as promised', async () => {
    const { url: link } = await signInLink(CUSTOMER);
    const page: Page = await (await stack.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(link);
    await page.getByRole('button', { name: /^Continue as / }).click();

    const list = page.locator('ar-invoice-list');
    await list.locator('[part~="table"]').scrollIntoViewIfNeeded();
    await list.getByRole('checkbox', { name: 'Select INV-1021' }).check({ timeout: 15_000 });
    await list.getByRole('checkbox', { name: 'Select INV-1022' }).check();
    await list.getByRole('button', { name: 'Promise to pay', exact: true }).click();

    const form = page.locator('ar-promise-to-pay');
    await form.getByRole('heading', { name: 'Promise to pay 2 invoices' }).waitFor({ timeout: 15_000 });
    const promisedDate = addDays(await demoToday(), 3);
    await form.getByLabel('Date you will pay by').fill(promisedDate);
    // The amount is their balance unless changed: the whole of both.
    const amount = await form.getByLabel('Amount you will pay').inputValue();
    await form
      .locator('[part~="what-happens"]')
      .getByText(/^Reminders for these invoices stop until /)
      .waitFor();
    const screenshot = join(tmpdir(), 'portico-promise-form.png');
    await form.screenshot({ path: screenshot });
    await form.getByRole('button', { name: `Promise to pay $${amount}` }).click();
    await form.getByRole('heading', { name: 'Promise recorded' }).waitFor({ timeout: 15_000 });

    await form.getByRole('button', { name: 'Back to invoices' }).first().click();
    for (const number of ['INV-1021', 'INV-1022']) {
      const row = list.locator('tr[part~="row"]', { hasText: number });
      await row.getByText(/^Promised · /).waitFor({ timeout: 15_000 });
    }
    await page.context().close();

    const api = await customerApi(CUSTOMER);
    const { body: promises } = await api<PromiseList>('/promises?status=open');
    assert.equal(promises.items.length, 1);
    first = promises.items[0]!;
    assert.deepEqual(
      first.invoices.map((i) => i.number),
      ['INV-1021', 'INV-1022'],
    );
    assert.equal(first.promisedDate, promisedDate);
    assert.equal(first.deadlineDate, addDays(promisedDate, 2));
    assert.equal(
      first.amount,
      first.invoices.reduce((sum, i) => sum + i.balance, 0),
    );
    const { body: invoice } = await api<InvoiceDetail>('/invoices/INV-1021');
    assert.deepEqual(invoice.promise, { id: first.id, promisedDate });
    // Whatever came before the days move on (sign-in links, the confirmation) is not a day's email.
    await delivered();
    seen = stack.mail.to(CUSTOMER).length;
    console.log(`The promise form, for a person to look at: ${screenshot}`);
  });

  it('pauses reminders until the verdict, then says the promise was missed and reminds again', async () => {
    assert.ok(first, 'the first promise was not made');
    const promised = ['INV-1021', 'INV-1022'];
    const named = (email: CapturedEmail) => promised.filter((number) => email.text.includes(number));
    let missedOn: string | undefined;
    let missed: CapturedEmail | undefined;
    for (let day = 1; day <= 8 && !missed; day++) {
      const { today, emails } = await nextDay();
      for (const email of emails.filter(isDunning)) {
        assert.deepEqual(named(email), [], `${today}: "${email.subject}" asks for a promised invoice`);
      }
      missed = emails.find(isMissed);
      if (missed) missedOn = today;
    }
    assert.ok(missed, 'no "promise missed" email');
    // The verdict falls at the end of the deadline day, in the company's time zone.
    assert.equal(missedOn, addDays(first.deadlineDate, 1));
    assert.deepEqual(named(missed), promised);
    assert.match(missed.text, EASY_PAY_LINK);
    const notice = await stack.mail.waitFor(COLLECTOR, { subject: /^Promise broken: Northwind Traders did not pay / });
    assert.match(notice.text, /ap@northwind\.test/);
    const api = await customerApi(CUSTOMER);
    assert.equal((await api<PromiseView>(`/promises/${first.id}`)).body.status, 'broken');

    // Dunning resumes from the next step of each: INV-1022 at 58 days past due, INV-1021 at 86.
    const resumed = new Set<string>();
    for (let day = 1; day <= 14 && resumed.size < promised.length; day++) {
      for (const email of (await nextDay()).emails.filter(isDunning))
        for (const number of named(email)) resumed.add(number);
    }
    assert.deepEqual([...resumed].sort(), promised);

    // Never two reminders to one contact on one day (in the company's time zone): the "promise missed"
    // email took the place of that day's reminder.
    const { timeZone } = (await (await fetch(`${url}/api/v1/dev/clock`)).json()) as { timeZone: string };
    const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone });
    const outbox = (await (
      await fetch(`${url}/api/v1/dev/mailbox/messages.json?to=${encodeURIComponent(CUSTOMER)}`)
    ).json()) as { subject: string; createdAt: string }[];
    const days = outbox
      .filter((email) => isDunning(email) || isMissed(email))
      .map((email) => dayOf.format(new Date(email.createdAt)));
    assert.deepEqual(
      days.filter((day, i) => days.indexOf(day) !== i),
      [],
      'days with two reminders',
    );
  });

  it('keeps a second promise paid through the Easy Pay link of its reminder', async () => {
    const api = await customerApi(CUSTOMER);
    const { body: invoice } = await api<InvoiceDetail>('/invoices/INV-1024');
    assert.equal(invoice.promise, null);
    const promisedDate = addDays(await demoToday(), 2);
    const made = await api<PromiseView>('/promises', {
      account: 'cus_northwind',
      invoices: [invoice.id],
      amount: invoice.balance,
      promisedDate,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    // The same invoice cannot be promised twice.
    const again = await api<{ error: { code: string } }>('/promises', {
      account: 'cus_northwind',
      invoices: [invoice.id],
      amount: 100,
      promisedDate,
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'invoice_promised');

    // Two days on, the reminder of the day before has gone out with one Easy Pay link.
    const sent = stack.mail.to(CUSTOMER).length;
    await moveClock(2);
    const reminder = await stack.mail.waitFor(CUSTOMER, {
      after: sent,
      subject: /^Reminder: \$[\d,.]+ to pay tomorrow, .* as promised$/,
      timeoutMs: 20_000,
    });
    const link = EASY_PAY_LINK.exec(reminder.text)?.[1];
    assert.ok(link, reminder.text);

    const page = await (await stack.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(link);
    const landing = page.locator('ar-login [part="pay-landing"]');
    await landing.getByRole('heading', { name: 'Pay invoice INV-1024' }).waitFor({ timeout: 15_000 });
    await landing.getByRole('button', { name: 'Review and pay' }).click();
    const pay = page.locator('ar-easy-pay');
    await pay.getByLabel('Card number').fill('4242 4242 4242 4242');
    await pay.getByLabel(/Expiry date/).fill('12/30');
    await pay.getByLabel(/Security code/).fill('123');
    await pay.getByLabel('Name on card').fill('Nancy Davolio');
    await pay.getByRole('button', { name: /^Pay \$/ }).click();
    await pay.getByRole('heading', { name: 'Payment received' }).waitFor({ timeout: 15_000 });
    await page.context().close();

    // Kept at once, not at its deadline: the cash covers it. (The session above aged two days.)
    const later = await customerApi(CUSTOMER);
    const { body: kept } = await later<PromiseView>(`/promises/${made.body.id}`);
    assert.equal(kept.status, 'kept');
    assert.equal(kept.remaining, 0);
    assert.equal(kept.paid, invoice.balance);
    // Newest first, beside the first promise with its verdict.
    const { body: all } = await later<PromiseList>('/promises');
    assert.deepEqual(
      all.items.map((p) => [p.id, p.status]),
      [
        [made.body.id, 'kept'],
        [first?.id, 'broken'],
      ],
    );
  });
});
