/**
 * The emails of dunning and promises to pay, in English and French: the amounts, dates and links
 * they must carry, the words that change with the situation, and every name escaped in HTML.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmailContent } from '../src/domain/notifications';
import {
  promiseBrokenNoticeEmail,
  promiseConfirmationEmail,
  promiseMissedEmail,
  promiseReminderEmail,
} from '../src/mail/promise-templates';
import { reminderEmail, type ReminderAccount, type ReminderInvoice } from '../src/mail/reminder-templates';

function assertIncludes(text: string, ...expected: string[]) {
  for (const e of expected) assert.ok(text.includes(e), `expected ${JSON.stringify(e)} in:\n${text}`);
}

function assertExcludes(text: string, ...unexpected: string[]) {
  for (const e of unexpected) assert.ok(!text.includes(e), `did not expect ${JSON.stringify(e)} in:\n${text}`);
}

/** Subject, text and HTML: where a fact must show in all three. */
const everywhere = (email: EmailContent) => [email.subject, email.text, email.html];

const HOSTILE = 'Globex <script>alert(1)</script>';
const footer = { address: '1 Main St', portalUrl: 'https://portal.acme.test' };

/** Money and dates as each locale writes them (fr-FR: narrow no-break space, no-break space before €). */
const locales = {
  en: { currency: 'USD', big: '$1,234.56', small: '$500.00', total: '$1,734.56', date: '2027-01-14' },
  'fr-FR': {
    currency: 'EUR',
    big: '1\u202f234,56\u00a0€',
    small: '500,00\u00a0€',
    total: '1\u202f734,56\u00a0€',
    date: '14 janv. 2027',
  },
} as const;

function invoice(over: Partial<ReminderInvoice> = {}): ReminderInvoice {
  return {
    number: 'INV-1042',
    dueDate: '2027-01-14',
    amountDue: 123_456,
    disputed: 0,
    daysPastDue: 3,
    payUrl: 'https://portal.acme.test/pay/e/INV-1042-secret',
    ...over,
  };
}

function reminder(locale: string, invoices: ReminderInvoice[], more: ReminderAccount[] = []) {
  const currency = locales[locale as keyof typeof locales].currency;
  return reminderEmail({
    company: 'Acme Supplies',
    to: 'ap@globex.test',
    accounts: [{ customerName: HOSTILE, currency, invoices }, ...more],
    pastDueUrl: 'https://portal.acme.test/auth/past-due-secret',
    supportEmail: 'ar@acme.test',
    footer,
    locale,
  });
}

const base = (locale: keyof typeof locales) => ({
  company: 'Acme Supplies',
  to: 'ap@globex.test',
  customerName: HOSTILE,
  currency: locales[locale].currency,
  supportEmail: 'ar@acme.test',
  footer,
  locale,
});

describe('the payment reminder', () => {
  for (const [locale, f] of Object.entries(locales)) {
    it(`${locale}: carries the amount asked, the due date, the pay link and the past-due list`, () => {
      const email = reminder(locale, [invoice()]);
      assert.equal(email.kind, 'reminder');
      assert.equal(email.sensitive, true);
      assert.equal(email.to, 'ap@globex.test');
      for (const part of everywhere(email)) assertIncludes(part, 'INV-1042', f.big);
      for (const part of [email.text, email.html])
        assertIncludes(
          part,
          f.date,
          'https://portal.acme.test/pay/e/INV-1042-secret',
          'https://portal.acme.test/auth/past-due-secret',
          'ar@acme.test',
        );
      assertIncludes(email.text, '1 Main St', 'https://portal.acme.test');
      assert.match(email.html, new RegExp(`<html lang="${locale}">`));
    });

    it(`${locale}: escapes the customer's name in HTML`, () => {
      const email = reminder(locale, [invoice()]);
      assertExcludes(email.html, '<script>');
      assertIncludes(email.html, 'Globex &#60;script&#62;alert(1)&#60;/script&#62;');
      assertIncludes(email.text, HOSTILE);
    });

    it(`${locale}: notes a disputed part only when there is one`, () => {
      const plain = reminder(locale, [invoice()]);
      const disputed = reminder(locale, [invoice({ amountDue: 73_456, disputed: 50_000 })]);
      const note = locale === 'en' ? 'in dispute' : 'contestée';
      for (const part of [plain.text, plain.html]) assertExcludes(part, note);
      for (const part of [disputed.text, disputed.html]) assertIncludes(part, note, f.small);
    });
  }

  it('says how each invoice stands against its due date, in its subject when alone', () => {
    const one = (daysPastDue: number, locale = 'en') => reminder(locale, [invoice({ daysPastDue })]);
    assert.equal(one(1).subject, 'Payment reminder: invoice INV-1042 is 1 day past due ($1,234.56)');
    assert.equal(one(3).subject, 'Payment reminder: invoice INV-1042 is 3 days past due ($1,234.56)');
    assert.equal(one(0).subject, 'Reminder: invoice INV-1042 ($1,234.56) is due today');
    assert.equal(one(-3).subject, 'Reminder: invoice INV-1042 ($1,234.56) is due on 2027-01-14');
    assertIncludes(one(3).text, 'INV-1042: $1,234.56, due 2027-01-14 (3 days past due)');
    assertIncludes(one(0).text, '(today)');
    assertIncludes(one(-1).text, '(tomorrow)');
    assertIncludes(one(-3).text, '(in 3 days)');
    assert.equal(
      one(1, 'fr-FR').subject,
      'Relance\u00a0: la facture INV-1042 est en retard de 1 jour (1\u202f234,56\u00a0€)',
    );
    assert.equal(
      one(3, 'fr-FR').subject,
      'Relance\u00a0: la facture INV-1042 est en retard de 3 jours (1\u202f234,56\u00a0€)',
    );
    assert.equal(
      one(-3, 'fr-FR').subject,
      'Rappel\u00a0: la facture INV-1042 (1\u202f234,56\u00a0€) arrive à échéance le 14 janv. 2027',
    );
    assertIncludes(one(-3, 'fr-FR').text, '(dans 3 jours)');
  });

  it('sums several invoices in the subject, past due apart from what is coming due', () => {
    const pastDue = [invoice(), invoice({ number: 'INV-1043', amountDue: 50_000, daysPastDue: 10 })];
    const coming = [
      invoice({ daysPastDue: -3, dueDate: '2027-01-17' }),
      invoice({ number: 'INV-1043', amountDue: 50_000, daysPastDue: 0 }),
    ];
    const today = coming.map((i) => ({ ...i, daysPastDue: 0 }));
    assert.equal(reminder('en', pastDue).subject, 'Payment reminder: 2 invoices, $1,734.56 past due');
    assert.equal(reminder('en', coming).subject, 'Reminder: 2 invoices, $1,734.56 due by 2027-01-17');
    assert.equal(reminder('en', today).subject, 'Reminder: 2 invoices, $1,734.56 due today');
    assert.equal(
      reminder('en', [invoice(), coming[0]!]).subject,
      'Payment reminder: 2 invoices, $1,234.56 past due and $1,234.56 due by 2027-01-17',
    );
    assert.equal(reminder('fr-FR', pastDue).subject, 'Relance\u00a0: 2 factures, 1\u202f734,56\u00a0€ en retard');
    assertIncludes(reminder('en', pastDue).text, 'the invoices below are past due', 'Total to pay: $1,734.56');
    assertIncludes(reminder('en', [invoice()]).text, 'the invoice below is past due');
    assertIncludes(reminder('en', [invoice(), coming[0]!]).text, 'one of the invoices below is past due');
    assertIncludes(reminder('en', today).text, 'the invoices below are due today');
  });

  it('gives each account its section, and never adds up two currencies', () => {
    const euros = { customerName: 'Globex Europe', currency: 'EUR', invoices: [invoice({ number: 'F-7' })] };
    const email = reminder('en', [invoice()], [euros]);
    assert.equal(email.subject, 'Payment reminder: 2 invoices, $1,234.56 + €1,234.56 past due');
    for (const part of [email.text, email.html]) assertIncludes(part, 'For Globex Europe', 'F-7', '€1,234.56');
  });
});

describe('the promise emails', () => {
  for (const [locale, f] of Object.entries(locales) as [keyof typeof locales, (typeof locales)['en']][]) {
    it(`${locale}: confirms what was promised and until when reminders stop`, () => {
      const email = promiseConfirmationEmail({
        ...base(locale),
        amount: 173_456,
        promisedDate: '2027-01-14',
        deadlineDate: '2027-01-16',
        reminderDate: '2027-01-13',
        invoices: [{ number: 'INV-1042' }, { number: 'INV-1043' }],
      });
      assert.equal(email.kind, 'promise.confirmation');
      assert.equal(email.sensitive, false);
      for (const part of everywhere(email)) assertIncludes(part, f.total, f.date);
      const [until, remind] = locale === 'en' ? ['2027-01-16', '2027-01-13'] : ['16 janv. 2027', '13 janv. 2027'];
      for (const part of [email.text, email.html]) assertIncludes(part, 'INV-1042, INV-1043', until, remind);
      assertExcludes(email.html, '<script>');
    });

    it(`${locale}: reminds of what is left to pay with one pay link`, () => {
      const email = promiseReminderEmail({
        ...base(locale),
        amount: 173_456,
        paid: 50_000,
        remaining: 123_456,
        promisedDate: '2027-01-14',
        onTheDay: false,
        invoices: [
          { number: 'INV-1042', balance: 123_456 },
          { number: 'INV-1043', balance: 0 },
        ],
        payUrl: 'https://portal.acme.test/pay/e/promise-secret',
      });
      assert.equal(email.kind, 'promise.reminder');
      assert.equal(email.sensitive, true);
      for (const part of everywhere(email)) assertIncludes(part, f.big, f.date);
      for (const part of [email.text, email.html])
        assertIncludes(part, f.total, f.small, 'INV-1042', 'https://portal.acme.test/pay/e/promise-secret');
      for (const part of [email.text, email.html]) assertExcludes(part, 'INV-1043');
      assertExcludes(email.html, '<script>');
    });

    it(`${locale}: says the promise was missed, with a pay link per invoice and the past-due list`, () => {
      const email = promiseMissedEmail({
        ...base(locale),
        amount: 173_456,
        paid: 0,
        promisedDate: '2027-01-14',
        invoices: [
          { number: 'INV-1042', balance: 123_456, payUrl: 'https://portal.acme.test/pay/e/1042-secret' },
          { number: 'INV-1043', balance: 50_000, payUrl: 'https://portal.acme.test/pay/e/1043-secret' },
        ],
        pastDueUrl: 'https://portal.acme.test/auth/past-due-secret',
      });
      assert.equal(email.kind, 'promise.missed');
      assert.equal(email.sensitive, true);
      for (const part of everywhere(email)) assertIncludes(part, f.total, f.date);
      for (const part of [email.text, email.html])
        assertIncludes(
          part,
          f.big,
          f.small,
          'https://portal.acme.test/pay/e/1042-secret',
          'https://portal.acme.test/pay/e/1043-secret',
          'https://portal.acme.test/auth/past-due-secret',
        );
      assertExcludes(email.html, '<script>');
    });

    it(`${locale}: tells the collector, with no link`, () => {
      const email = promiseBrokenNoticeEmail({
        company: 'Acme Supplies',
        to: 'collector@acme.test',
        customerName: HOSTILE,
        currency: f.currency,
        locale,
        amount: 173_456,
        paid: 0,
        promisedDate: '2027-01-14',
        madeBy: 'ap@globex.test',
        invoices: [{ number: 'INV-1042', balance: 123_456 }],
      });
      assert.equal(email.kind, 'promise.broken_notice');
      assert.equal(email.sensitive, false);
      assert.equal(email.to, 'collector@acme.test');
      for (const part of everywhere(email)) assertIncludes(part, f.total, f.date, 'Globex');
      for (const part of [email.text, email.html]) assertIncludes(part, f.big, 'INV-1042', 'ap@globex.test');
      assertExcludes(email.html, '<script>', 'href="https://portal');
      assertIncludes(email.html, '&#60;script&#62;');
    });
  }

  it('tells a broken promise from a partly kept one', () => {
    const missed = (paid: number, locale = 'en') =>
      promiseMissedEmail({
        ...base(locale as keyof typeof locales),
        amount: 173_456,
        paid,
        promisedDate: '2027-01-14',
        invoices: [{ number: 'INV-1042', balance: 123_456, payUrl: 'https://p.test/1' }],
        pastDueUrl: 'https://p.test/list',
      });
    assert.equal(missed(0).subject, 'We have not received the $1,734.56 you promised by 2027-01-14');
    assert.equal(missed(50_000).subject, 'We received $500.00 of the $1,734.56 you promised by 2027-01-14');
    assert.equal(
      missed(50_000, 'fr-FR').subject,
      'Nous avons reçu 500,00\u00a0€ sur les 1\u202f734,56\u00a0€ promis pour le 14 janv. 2027',
    );
    assertIncludes(missed(0).text, 'Reminders for this invoice start again.');
    const notice = (paid: number) =>
      promiseBrokenNoticeEmail({
        company: 'Acme Supplies',
        to: 'collector@acme.test',
        customerName: 'Globex',
        currency: 'USD',
        locale: 'en',
        amount: 173_456,
        paid,
        promisedDate: '2027-01-14',
        madeBy: null,
        invoices: [{ number: 'INV-1042', balance: 123_456 }],
      });
    assert.equal(notice(0).subject, 'Promise broken: Globex did not pay the $1,734.56 promised by 2027-01-14');
    assert.equal(
      notice(50_000).subject,
      'Promise partly kept: Globex paid $500.00 of the $1,734.56 promised by 2027-01-14',
    );
    assertExcludes(notice(0).text, 'made by');
  });

  it('says "this invoice" for one and "these invoices" for several, and names the day', () => {
    const confirmation = (count: number, locale: keyof typeof locales = 'en') =>
      promiseConfirmationEmail({
        ...base(locale),
        amount: 123_456,
        promisedDate: '2027-01-14',
        deadlineDate: '2027-01-16',
        reminderDate: '2027-01-13',
        invoices: ['INV-1042', 'INV-1043'].slice(0, count).map((number) => ({ number })),
      });
    assertIncludes(confirmation(1).text, 'Invoice: INV-1042', 'Reminders for this invoice stop until 2027-01-16');
    assertIncludes(confirmation(2).text, 'Invoices: INV-1042, INV-1043', 'Reminders for these invoices stop');
    assertIncludes(confirmation(1, 'fr-FR').text, 'Facture\u00a0: INV-1042', 'Les relances de cette facture');
    assertIncludes(confirmation(2, 'fr-FR').text, 'Les relances de ces factures s’arrêtent jusqu’au 16 janv. 2027');
    const promiseReminder = (onTheDay: boolean, locale: keyof typeof locales = 'en') =>
      promiseReminderEmail({
        ...base(locale),
        amount: 123_456,
        paid: 0,
        remaining: 123_456,
        promisedDate: '2027-01-14',
        onTheDay,
        invoices: [{ number: 'INV-1042', balance: 123_456 }],
        payUrl: 'https://p.test/pay',
      });
    assert.equal(promiseReminder(false).subject, 'Reminder: $1,234.56 to pay tomorrow, 2027-01-14, as promised');
    assert.equal(promiseReminder(true).subject, 'Reminder: $1,234.56 to pay today, as promised');
    assert.equal(
      promiseReminder(true, 'fr-FR').subject,
      'Rappel\u00a0: 1\u202f234,56\u00a0€ à payer aujourd’hui, comme promis',
    );
    assertExcludes(promiseReminder(false).text, 'received');
  });
});
