/**
 * The contract's request schemas (server/src/contract/schemas/) on their own, without HTTP: each takes a
 * good request and refuses bad ones. A refusal of a body or query is a `400 invalid_request` whose
 * `issues` name the field (http/validate.ts, exercised by http.test.ts and fuzz.test.ts); an ERP row's
 * refusal carries a stable row error code (`ErpRowErrorCode`), checked here through `parseRow`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { isCalendarDate } from '../src/contract/dates';
import { isEmailAddress, maskEmail, normalizeEmail } from '../src/contract/email';
import type { ErpRowErrorCode } from '../src/contract/erp';
import { canonicalLocale } from '../src/contract/locale';
import { MAX_PAYMENT } from '../src/contract/money';
import {
  accountQuery,
  devMailboxQuery,
  erpCustomerRow,
  erpCustomersBody,
  erpInvoiceFeedQuery,
  erpInvoiceRow,
  erpInvoicesBody,
  erpPaymentFeedQuery,
  erpWebhookDeliveriesQuery,
  erpWebhookEndpointBody,
  idempotencyKey,
  invoiceIdOrNumber,
  invoiceListQuery,
  linkBody,
  linkPreviewBody,
  linkRequestBody,
  linkResendBody,
  localeQuery,
  localeSchema,
  parseRow,
  paymentConfirmBody,
  paymentId,
  paymentRequestBody,
  devClockBody,
  promiseId,
  promiseListQuery,
  promiseRequestBody,
  sessionRequestBody,
  statementQuery,
} from '../src/contract/schemas';

const NONCE = 'n0nce-0123456789abcdef';

/** The paths of the fields a schema refuses `input` for (`(body)` for the whole), as the 400's `issues` name them. */
function refusedFields(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, `expected ${JSON.stringify(input)} to be refused`);
  return result.error!.issues.map((issue) => issue.path.join('.') || '(body)');
}

function accepts<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  assert.ok(result.success, `expected ${JSON.stringify(input)} to be taken: ${result.error?.message}`);
  return result.data;
}

/** The row error codes `parseRow` reports for `row`, as `field: code`. */
function rowCodes(schema: z.ZodType, row: unknown): string[] {
  const parsed = parseRow(schema, row, 0);
  assert.equal(parsed.ok, false, `expected ${JSON.stringify(row)} to be refused`);
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.field}: ${e.code}`);
}

describe('sign-in requests', () => {
  it('takes a link request, with the customer audience by default', () => {
    const body = accepts(linkRequestBody, { email: 'ap@northwind.test', returnTo: 'https://shop.test/pay' });
    assert.equal(body.audience, 'customer');
    assert.deepEqual(refusedFields(linkRequestBody, { email: 'ap@northwind.test' }), ['returnTo']);
    assert.deepEqual(refusedFields(linkRequestBody, { email: 'x'.repeat(321), returnTo: '/' }), ['email']);
    assert.deepEqual(refusedFields(linkRequestBody, { email: 'a@b.test', returnTo: '/', audience: 'admin' }), [
      'audience',
    ]);
  });

  it('refuses a nonce that is not 16–128 URL-safe characters, saying so', () => {
    const result = linkRequestBody.safeParse({ email: 'a@b.test', returnTo: '/', nonce: 'short' });
    assert.equal(result.success, false);
    assert.equal(result.error!.issues[0]!.message, 'nonce must be 16–128 URL-safe characters');
    accepts(linkRequestBody, { email: 'a@b.test', returnTo: '/', nonce: NONCE });
  });

  it('reads a body with a resendToken as a resend, and caps tokens before any work', () => {
    const body = accepts(linkBody, { resendToken: 'tok', returnTo: 'https://shop.test/' });
    assert.ok('resendToken' in body);
    accepts(linkResendBody, { resendToken: 'tok', returnTo: '/', nonce: NONCE });
    assert.deepEqual(refusedFields(linkResendBody, { resendToken: 't'.repeat(201), returnTo: '/' }), ['resendToken']);
    assert.deepEqual(refusedFields(linkPreviewBody, { token: '' }), ['token']);
    accepts(linkPreviewBody, { token: 'abc', nonce: NONCE });
  });

  it('takes a session request by token or by email and code, nothing else', () => {
    accepts(sessionRequestBody, { token: 'abc', audience: 'staff' });
    const byCode = accepts(sessionRequestBody, { email: 'a@b.test', code: '123456' });
    assert.equal('audience' in byCode && byCode.audience, 'customer');
    sessionRequestBody.parse({ email: 'a@b.test', code: '1'.repeat(32) });
    assert.ok(!sessionRequestBody.safeParse({ email: 'a@b.test', code: '1'.repeat(33) }).success);
    assert.ok(!sessionRequestBody.safeParse({ email: 'a@b.test' }).success);
  });
});

describe('invoice and statement queries', () => {
  it('takes the list query from a query string, with its defaults', () => {
    assert.deepEqual(accepts(invoiceListQuery, {}), { status: 'all', sort: 'priority', limit: 50 });
    const query = accepts(invoiceListQuery, { status: 'past_due', sort: '-balance', limit: '20', q: '  1,234.56 ' });
    assert.deepEqual(query, { status: 'past_due', sort: '-balance', limit: 20, q: '1,234.56' });
    assert.deepEqual(refusedFields(invoiceListQuery, { status: 'late' }), ['status']);
    assert.deepEqual(refusedFields(invoiceListQuery, { sort: 'amount' }), ['sort']);
    assert.deepEqual(refusedFields(invoiceListQuery, { limit: '201' }), ['limit']);
    assert.deepEqual(refusedFields(invoiceListQuery, { limit: '2.5' }), ['limit']);
    assert.deepEqual(refusedFields(accountQuery, { account: 'a'.repeat(65) }), ['account']);
  });

  it('takes an invoice id or number of up to 128 characters', () => {
    accepts(invoiceIdOrNumber, '2024/001');
    assert.ok(!invoiceIdOrNumber.safeParse('').success);
    assert.ok(!invoiceIdOrNumber.safeParse('x'.repeat(129)).success);
  });

  it('takes a statement period of real dates, as JSON unless a download is asked for', () => {
    assert.deepEqual(accepts(statementQuery, { from: '2024-02-29', to: '2024-03-31' }), {
      from: '2024-02-29',
      to: '2024-03-31',
      format: 'json',
    });
    assert.equal(accepts(statementQuery, { format: 'pdf' }).format, 'pdf');
    assert.deepEqual(refusedFields(statementQuery, { from: '2026-02-29' }), ['from']);
    assert.deepEqual(refusedFields(statementQuery, { to: '2026-13-01' }), ['to']);
    assert.deepEqual(refusedFields(statementQuery, { format: 'xlsx' }), ['format']);
  });

  it('takes a download locale in canonical form and refuses what is not a language tag', () => {
    assert.deepEqual(accepts(localeQuery, { locale: 'fr_ca' }), { locale: 'fr-CA' });
    assert.deepEqual(refusedFields(localeQuery, { locale: 'not a locale!' }), ['locale']);
    assert.equal(accepts(localeSchema, ' EN-gb '), 'en-GB');
  });

  it('lower-cases the dev mailbox address', () => {
    assert.deepEqual(accepts(devMailboxQuery, { to: ' AP@Northwind.TEST ' }), { to: 'ap@northwind.test' });
  });
});

describe('payment requests', () => {
  const good = { account: 'cus_1', allocations: [{ invoiceId: 'inv_1', amount: 1250 }], method: 'card' };

  it('takes a payment in integer minor units up to MAX_PAYMENT', () => {
    accepts(paymentRequestBody, good);
    accepts(paymentRequestBody, {
      ...good,
      allocations: [{ invoiceId: 'inv_1', amount: MAX_PAYMENT }],
      credit: 0,
      overpayment: 100,
      paymentMethod: 'tok_visa',
      expectedTotal: MAX_PAYMENT * 2,
      applyRestToOldest: true,
    });
  });

  it('refuses amounts that are strings, fractions, zero or too large', () => {
    for (const amount of ['1250', 12.5, 0, -1, MAX_PAYMENT + 1]) {
      const body = { ...good, allocations: [{ invoiceId: 'inv_1', amount }] };
      assert.deepEqual(refusedFields(paymentRequestBody, body), ['allocations.0.amount'], String(amount));
    }
    assert.deepEqual(refusedFields(paymentRequestBody, { ...good, credit: -1 }), ['credit']);
    assert.deepEqual(refusedFields(paymentRequestBody, { ...good, expectedTotal: MAX_PAYMENT * 2 + 1 }), [
      'expectedTotal',
    ]);
  });

  it('refuses no allocations, an unknown method, unknown fields and card numbers', () => {
    assert.deepEqual(refusedFields(paymentRequestBody, { ...good, allocations: [] }), ['allocations']);
    assert.deepEqual(refusedFields(paymentRequestBody, { ...good, method: 'cash' }), ['method']);
    assert.deepEqual(refusedFields(paymentRequestBody, { ...good, tip: 5 }), ['(body)']);
    const card = paymentRequestBody.safeParse({ ...good, paymentMethod: '4242424242424242' });
    assert.equal(card.success, false);
    assert.match(card.error!.issues[0]!.message, /never card or bank numbers/);
  });

  it('takes a confirmation, an Idempotency-Key and a payment id in their shapes only', () => {
    accepts(paymentConfirmBody, { outcome: 'cancel' });
    assert.deepEqual(refusedFields(paymentConfirmBody, { outcome: 'maybe' }), ['outcome']);
    accepts(idempotencyKey, '3f2b8c4e-1d2a-4b5c-9e8f-0a1b2c3d4e5f');
    assert.ok(!idempotencyKey.safeParse('short').success);
    assert.ok(!idempotencyKey.safeParse('has a space in it').success);
    accepts(paymentId, 'pay_abc123');
    assert.ok(!paymentId.safeParse('inv_abc123').success);
  });
});

describe('promise requests', () => {
  const good = { account: 'cus_a', invoices: ['inv_1'], amount: 12_345, promisedDate: '2027-01-14' };

  it('takes a promise in integer minor units on a real date, with a note and automatic payment', () => {
    assert.deepEqual(accepts(promiseRequestBody, good), good);
    const full = accepts(promiseRequestBody, {
      ...good,
      note: '  Paying from the new account  ',
      autopay: { method: 'ach', paymentMethod: 'btok_settles' },
    });
    assert.equal(full.note, 'Paying from the new account');
    assert.deepEqual(full.autopay, { method: 'ach', paymentMethod: 'btok_settles' });
  });

  it('refuses amounts that are strings, fractions, zero or negative, dates that are not, and extra fields', () => {
    for (const amount of ['100', 10.5, 0, -1, MAX_PAYMENT + 1]) {
      assert.deepEqual(refusedFields(promiseRequestBody, { ...good, amount }), ['amount']);
    }
    for (const promisedDate of ['2026-02-30', '14/01/2027', '2027-1-14', '']) {
      assert.deepEqual(refusedFields(promiseRequestBody, { ...good, promisedDate }), ['promisedDate']);
    }
    assert.deepEqual(refusedFields(promiseRequestBody, { ...good, invoices: [] }), ['invoices']);
    assert.deepEqual(refusedFields(promiseRequestBody, { ...good, note: 'x'.repeat(1001) }), ['note']);
    assert.deepEqual(refusedFields(promiseRequestBody, { ...good, status: 'kept' }), ['(body)']);
    assert.deepEqual(
      refusedFields(promiseRequestBody, { ...good, autopay: { method: 'paypal', paymentMethod: 'tok_visa' } }),
      ['autopay.method'],
    );
    assert.deepEqual(
      refusedFields(promiseRequestBody, { ...good, autopay: { method: 'card', paymentMethod: '4242424242424242' } }),
      ['autopay.paymentMethod'],
    );
  });

  it('takes the list query, a promise id and the demo clock in their shapes only', () => {
    assert.deepEqual(accepts(promiseListQuery, { status: 'broken' }), { status: 'broken' });
    assert.deepEqual(refusedFields(promiseListQuery, { status: 'late' }), ['status']);
    accepts(promiseId, 'ptp_abc123');
    refusedFields(promiseId, 'pay_abc123');
    assert.deepEqual(accepts(devClockBody, { days: 0 }), { days: 0 });
    assert.deepEqual(refusedFields(devClockBody, { days: 32 }), ['days']);
    assert.deepEqual(refusedFields(devClockBody, { days: 1.5 }), ['days']);
  });
});

describe('ERP rows', () => {
  const customer = {
    externalId: 'C-1',
    name: 'Northwind',
    currency: 'USD',
    contacts: [{ email: ' AP@Northwind.test ', locale: 'fr_ca' }],
  };
  const invoice = {
    externalId: 'I-1',
    number: 'INV-1',
    customerExternalId: 'C-1',
    issueDate: '2026-01-10',
    dueDate: '2026-02-09',
    currency: 'USD',
    lines: [{ description: 'Widgets', quantity: '2.5', unitPrice: 1001, taxRateBp: 825 }],
  };

  it('takes a customer, with its defaults and its contacts normalised', () => {
    const parsed = parseRow(erpCustomerRow, customer, 0);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.paymentTermsDays, 30);
    assert.equal(parsed.value.billingAddress, null);
    assert.deepEqual(parsed.value.contacts, [{ email: 'ap@northwind.test', name: '', locale: 'fr-CA' }]);
  });

  it('names what is wrong with a customer with its row error code', () => {
    const cases: [unknown, string[]][] = [
      [{ ...customer, name: undefined }, ['name: required']],
      [{ ...customer, name: '   ' }, ['name: too_small']],
      [{ ...customer, currency: 'ABC' }, ['currency: invalid_currency']],
      [{ ...customer, paymentTermsDays: 30.5 }, ['paymentTermsDays: not_integer']],
      [{ ...customer, paymentTermsDays: 366 }, ['paymentTermsDays: too_large']],
      [{ ...customer, region: 'EU' }, ['region: unknown_field']],
      [{ ...customer, contacts: [{ email: 'not an email' }] }, ['contacts.0.email: invalid_email']],
      [
        { ...customer, contacts: [{ email: 'a@b.test' }, { email: 'A@B.test' }] },
        ['contacts.1.email: duplicate_email'],
      ],
      [{ ...customer, contacts: [{ email: 'a@b.test', locale: 'fr--FR' }] }, ['contacts.0.locale: invalid_locale']],
    ];
    for (const [row, codes] of cases) assert.deepEqual(rowCodes(erpCustomerRow, row), codes);
  });

  it('takes an invoice and derives its line amounts, taxes and total in integers', () => {
    const parsed = parseRow(erpInvoiceRow, invoice, 0);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.lines[0], {
      description: 'Widgets',
      sku: null,
      quantityMilli: 2500,
      unitPrice: 1001,
      amount: 2503,
      tax: 206,
    });
    assert.equal(parsed.value.total, 2709);
    assert.equal(parsed.value.void, false);
  });

  it('names what is wrong with an invoice with its row error code', () => {
    const line = invoice.lines[0]!;
    const cases: [unknown, ErpRowErrorCode, string][] = [
      [{ ...invoice, issueDate: '2026-02-30' }, 'invalid_date', 'issueDate'],
      [{ ...invoice, dueDate: '2026-01-09' }, 'due_before_issue', 'dueDate'],
      [{ ...invoice, currency: 'usd' }, 'invalid_currency', 'currency'],
      [{ ...invoice, number: 'INV\n1' }, 'invalid_format', 'number'],
      [{ ...invoice, lines: [] }, 'too_small', 'lines'],
      [{ ...invoice, lines: [{ ...line, quantity: '1.2345' }] }, 'invalid_quantity', 'lines.0.quantity'],
      [{ ...invoice, lines: [{ ...line, quantity: true }] }, 'invalid_type', 'lines.0.quantity'],
      [{ ...invoice, lines: [{ ...line, unitPrice: '10' }] }, 'invalid_type', 'lines.0.unitPrice'],
      [{ ...invoice, lines: [{ ...line, amount: 2500 }] }, 'amount_mismatch', 'lines.0.amount'],
      [{ ...invoice, lines: [{ ...line, tax: 1 }] }, 'tax_mismatch', 'lines.0.tax'],
      [{ ...invoice, lines: [{ ...line, quantity: 1_000_000, unitPrice: 9e15 }] }, 'too_large', 'lines.0.unitPrice'],
    ];
    for (const [row, code, field] of cases) assert.deepEqual(rowCodes(erpInvoiceRow, row), [`${field}: ${code}`]);
  });

  it('takes the upsert bodies as arrays of rows, each checked on its own', () => {
    accepts(erpCustomersBody, { customers: [customer, 'anything'] });
    accepts(erpInvoicesBody, { invoices: [] });
    assert.deepEqual(refusedFields(erpInvoicesBody, { invoices: {} }), ['invoices']);
    assert.deepEqual(refusedFields(erpCustomersBody, { customers: [], invoices: [] }), ['(body)']);
  });
});

describe('ERP feeds and webhooks', () => {
  it('takes the feed queries with their defaults and caps', () => {
    const feed = accepts(erpInvoiceFeedQuery, { updatedSince: '2026-01-01T00:00:00+01:00', limit: '1000' });
    assert.deepEqual(feed, { updatedSince: new Date('2025-12-31T23:00:00Z'), limit: 1000 });
    assert.deepEqual(refusedFields(erpInvoiceFeedQuery, { updatedSince: '2026-01-01' }), ['updatedSince']);
    assert.deepEqual(refusedFields(erpInvoiceFeedQuery, { limit: '0' }), ['limit']);
    assert.deepEqual(accepts(erpPaymentFeedQuery, {}), { limit: 100 });
    assert.deepEqual(refusedFields(erpPaymentFeedQuery, { since: 'x'.repeat(21) }), ['since']);
    assert.deepEqual(accepts(erpWebhookDeliveriesQuery, {}), { limit: 50 });
    assert.deepEqual(refusedFields(erpWebhookDeliveriesQuery, { limit: '201' }), ['limit']);
  });

  it('takes a webhook endpoint whose URL the server accepts, and names the URL when it does not', () => {
    const body = erpWebhookEndpointBody((url) => (url.startsWith('https://') ? null : 'must be https'));
    assert.deepEqual(accepts(body, { url: ' https://erp.test/hook ', events: ['payment.applied'] }), {
      url: 'https://erp.test/hook',
      events: ['payment.applied'],
    });
    const refused = body.safeParse({ url: 'http://erp.test/hook' });
    assert.deepEqual(
      refused.error?.issues.map((i) => [i.path.join('.'), i.message]),
      [['url', 'must be https']],
    );
    assert.deepEqual(refusedFields(body, { url: 'https://erp.test/hook', events: ['invoice.paid'] }), ['events.0']);
    assert.deepEqual(refusedFields(body, { url: 'https://erp.test/hook', secret: 'x' }), ['(body)']);
  });
});

describe('the rules under the schemas', () => {
  it('knows real calendar dates', () => {
    for (const date of ['2024-02-29', '2000-02-29', '0000-02-29', '2026-12-31']) assert.ok(isCalendarDate(date), date);
    for (const date of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-1-01', '2026-01-01T00:00Z', ''])
      assert.ok(!isCalendarDate(date), date);
  });

  it('takes one plain email address, trimmed and lower-cased', () => {
    assert.equal(normalizeEmail('  AP@Northwind.TEST '), 'ap@northwind.test');
    assert.equal(maskEmail('jane@acme.com'), 'j•••@acme.com');
    for (const raw of ['ap@northwind', 'a b@c.test', 'a@b.test,c@d.test', '"a"@b.test', `${'a'.repeat(250)}@b.test`])
      assert.equal(isEmailAddress(raw), false, raw);
  });

  it('canonicalises BCP 47 tags and refuses what is not one', () => {
    assert.equal(canonicalLocale('fr_ca'), 'fr-CA');
    assert.equal(canonicalLocale('x'.repeat(65)), null);
  });
});
