/**
 * The emails of a dispute, in English and French: to the customer at each step (with the link that opens
 * the dispute), and the notice to staff (no link); the amounts, invoice and reasons they must carry, and
 * everything a person wrote (names, messages, notes, reasons) escaped in HTML.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmailContent } from '../src/domain/notifications';
import {
  disputeCustomerEmail,
  disputeStaffNotice,
  type DisputeCustomerStep,
  type DisputeEmailLine,
} from '../src/mail/dispute-templates';

function assertIncludes(text: string, ...expected: string[]) {
  for (const e of expected) assert.ok(text.includes(e), `expected ${JSON.stringify(e)} in:\n${text}`);
}

function assertExcludes(text: string, ...unexpected: string[]) {
  for (const e of unexpected) assert.ok(!text.includes(e), `did not expect ${JSON.stringify(e)} in:\n${text}`);
}

/** Subject, text and HTML: where a fact must show in all three. */
const everywhere = (email: EmailContent) => [email.subject, email.text, email.html];

const HOSTILE = 'Globex <script>alert(1)</script>';
const SCRIPT = '<script>alert(2)</script>';
const ESCAPED = '&#60;script&#62;alert(2)&#60;/script&#62;';
const URL = 'https://portal.acme.test/auth/dispute-secret';

/** Money as each locale writes it (fr-FR: narrow no-break space, no-break space before €). */
const locales = {
  en: {
    files: '2 files attached',
    currency: 'USD',
    amount: '$350.00',
    line: '$230.00',
    rest: '$473.74',
    credit: '$120.00',
    balance: '$703.74',
  },
  'fr-FR': {
    files: '2 fichiers joints',
    currency: 'EUR',
    amount: '350,00\u00a0€',
    line: '230,00\u00a0€',
    rest: '473,74\u00a0€',
    credit: '120,00\u00a0€',
    balance: '703,74\u00a0€',
  },
} as const;
type Locale = keyof typeof locales;

const lines: DisputeEmailLine[] = [
  { description: 'Toner cartridge, black', reason: 'damaged', quantity: 2, amount: 23_000, note: `Crushed ${SCRIPT}` },
  { description: 'Copy paper A4', reason: 'pricing', quantity: null, amount: 12_000, note: null },
];

function customerEmail(locale: Locale, step: DisputeCustomerStep): EmailContent {
  return disputeCustomerEmail({
    company: 'Acme Supplies',
    to: 'ap@globex.test',
    customerName: HOSTILE,
    currency: locales[locale].currency,
    supportEmail: 'ar@acme.test',
    footer: { address: '1 Main St', portalUrl: 'https://portal.acme.test' },
    locale,
    invoiceNumber: 'INV-1042',
    amount: 35_000,
    disputeUrl: URL,
    ...step,
  });
}

function notice(locale: Locale, over: Partial<Parameters<typeof disputeStaffNotice>[0]> = {}): EmailContent {
  return disputeStaffNotice({
    company: 'Acme Supplies',
    to: 'sales@acme.test',
    locale,
    currency: locales[locale].currency,
    customerName: HOSTILE,
    invoiceNumber: 'INV-1042',
    amount: 35_000,
    event: 'opened',
    lines,
    message: `Two boxes arrived crushed. ${SCRIPT}`,
    openedBy: 'ap@globex.test',
    attachments: 2,
    ...over,
  });
}

const steps: DisputeCustomerStep[] = [
  { step: 'opened', lines, message: `Please look. ${SCRIPT}`, undisputed: 47_374 },
  { step: 'under_review', staffName: 'Dana <b>Reyes</b>' },
  { step: 'message', staffName: 'Dana Reyes', body: `We are checking with the carrier.\n${SCRIPT}` },
  { step: 'resolved', creditAmount: 12_000, creditNoteNumber: 'CN-0012', note: `Partial ${SCRIPT}`, balance: 70_374 },
  { step: 'rejected', reason: `Delivered in good order ${SCRIPT}`, balance: 70_374 },
  { step: 'withdrawn', balance: 70_374 },
];

describe('the dispute emails to the customer', () => {
  for (const locale of Object.keys(locales) as Locale[]) {
    const f = locales[locale];
    for (const step of steps) {
      it(`${locale}, ${step.step}: names the invoice, links to the dispute, and escapes what people wrote`, () => {
        const email = customerEmail(locale, step);
        assert.equal(email.kind, `dispute.${step.step}`);
        assert.equal(email.sensitive, true, 'the link signs in');
        assert.equal(email.to, 'ap@globex.test');
        for (const part of everywhere(email)) assertIncludes(part, 'INV-1042');
        for (const part of [email.text, email.html]) assertIncludes(part, URL, 'ar@acme.test');
        assertIncludes(email.text, '1 Main St');
        assert.match(email.html, new RegExp(`<html lang="${locale}">`));
        assertExcludes(email.html, '<script>', '<b>Reyes');
      });
    }

    it(`${locale}: says what was received, line by line, and that the rest may be paid`, () => {
      const email = customerEmail(locale, steps[0]!);
      for (const part of [email.text, email.html])
        assertIncludes(part, f.amount, f.line, f.rest, 'Toner cartridge, black', 'Copy paper A4');
      const [damaged, pricing] = locale === 'en' ? ['Damaged', 'Wrong price'] : ['Endommagé', 'Prix erroné'];
      for (const part of [email.text, email.html]) assertIncludes(part, damaged, pricing);
      assertIncludes(email.text, `Please look. ${SCRIPT}`, `Crushed ${SCRIPT}`);
      assertIncludes(email.html, `Please look. ${ESCAPED}`, `Crushed ${ESCAPED}`, 'Globex &#60;script&#62;');
    });

    it(`${locale}: tells of the credit note and the balance after it`, () => {
      const email = customerEmail(locale, steps[3]!);
      for (const part of everywhere(email)) assertIncludes(part, f.credit);
      for (const part of [email.text, email.html]) assertIncludes(part, 'CN-0012', f.amount, f.balance);
      assertIncludes(email.html, `Partial ${ESCAPED}`);
    });

    it(`${locale}: quotes the staff reply and the reason of a rejection, escaped`, () => {
      const reply = customerEmail(locale, steps[2]!);
      assertIncludes(reply.text, 'Dana Reyes', `> ${SCRIPT}`);
      assertIncludes(reply.html, 'Dana Reyes', `We are checking with the carrier.<br>${ESCAPED}`);
      const rejected = customerEmail(locale, steps[4]!);
      assertIncludes(rejected.text, `> Delivered in good order ${SCRIPT}`, f.balance);
      assertIncludes(rejected.html, `Delivered in good order ${ESCAPED}`, f.balance);
    });
  }

  it('writes the subjects a customer recognises at a glance', () => {
    const subject = (i: number, locale: Locale = 'en') => customerEmail(locale, steps[i]!).subject;
    assert.equal(subject(0), 'Dispute of invoice INV-1042 received');
    assert.equal(subject(1), 'Dispute of invoice INV-1042 is under review');
    assert.equal(subject(2), 'New reply about your dispute of INV-1042');
    assert.equal(subject(3), 'Dispute of invoice INV-1042 resolved: $120.00 credited');
    assert.equal(subject(4), 'Dispute of invoice INV-1042 not accepted');
    assert.equal(subject(5), 'Dispute of invoice INV-1042 withdrawn');
    assert.equal(subject(0, 'fr-FR'), 'Contestation de la facture INV-1042 reçue');
    assert.equal(subject(3, 'fr-FR'), 'Contestation de la facture INV-1042 réglée\u00a0: avoir de 120,00\u00a0€');
  });

  it('says when the whole balance is in question, and when nothing is left to pay', () => {
    const all = customerEmail('en', { step: 'opened', lines, message: '', undisputed: 0 });
    assertIncludes(all.text, 'The whole balance of this invoice is in question');
    assertExcludes(all.text, 'undisputed', 'Your message');
    const whole = customerEmail('en', {
      step: 'resolved',
      creditAmount: 35_000,
      creditNoteNumber: 'CN-0013',
      note: '',
      balance: 0,
    });
    assertIncludes(whole.text, 'credit note CN-0013 for the $350.00 in question', 'Nothing is left to pay');
    const review = customerEmail('en', { step: 'under_review', staffName: null });
    assertIncludes(review.text, 'We are now reviewing your dispute of invoice INV-1042 ($350.00 in question).');
    const named = customerEmail('en', { step: 'under_review', staffName: 'Dana Reyes' });
    assertIncludes(named.text, 'Dana Reyes is now reviewing');
    const fromCompany = customerEmail('en', { step: 'message', staffName: null, body: 'Noted.' });
    assertIncludes(fromCompany.text, 'Acme Supplies replied about your dispute of invoice INV-1042:\n> Noted.');
  });
});

describe('the dispute notice to staff', () => {
  for (const locale of Object.keys(locales) as Locale[]) {
    const f = locales[locale];
    it(`${locale}: tells of a new dispute with its lines, message and contact, and no link`, () => {
      const email = notice(locale);
      assert.equal(email.kind, 'dispute.notice');
      assert.equal(email.sensitive, false);
      assert.equal(email.to, 'sales@acme.test');
      for (const part of everywhere(email)) assertIncludes(part, 'INV-1042', f.amount, 'Globex');
      for (const part of [email.text, email.html])
        assertIncludes(part, 'Toner cartridge, black', 'Copy paper A4', 'ap@globex.test', f.files);
      assertIncludes(email.text, `Two boxes arrived crushed. ${SCRIPT}`, HOSTILE);
      assertIncludes(email.html, `Two boxes arrived crushed. ${ESCAPED}`, 'Globex &#60;script&#62;alert(1)');
      assertExcludes(email.html, '<script>', 'href="https://portal', 'secret');
      assertExcludes(email.text, 'https://', 'secret');
    });
  }

  it('names the event in the subject', () => {
    assert.equal(notice('en').subject, `New dispute: ${HOSTILE}, INV-1042, $350.00`);
    assert.equal(
      notice('en', { customerName: 'Northwind Traders' }).subject,
      'New dispute: Northwind Traders, INV-1042, $350.00',
    );
    assert.equal(
      notice('en', { event: 'message', customerName: 'Northwind Traders' }).subject,
      'New reply on a dispute: Northwind Traders, INV-1042, $350.00',
    );
    assert.equal(
      notice('en', { event: 'withdrawn', customerName: 'Northwind Traders', lines: [], message: null }).subject,
      'Dispute withdrawn: Northwind Traders, INV-1042, $350.00',
    );
    assert.equal(
      notice('fr-FR', { customerName: 'Lumière SARL' }).subject,
      'Nouvelle contestation\u00a0: Lumière SARL, INV-1042, 350,00\u00a0€',
    );
  });

  it('leaves out what it was not given', () => {
    const bare = notice('en', { event: 'withdrawn', lines: [], message: null, openedBy: null, attachments: 0 });
    assertIncludes(bare.text, 'withdrew their dispute of invoice INV-1042');
    assertExcludes(bare.text, 'Contact', 'Their message', 'attached', 'Total in dispute');
    assertIncludes(notice('en', { attachments: 1 }).text, '1 file attached so far.');
  });
});
