/**
 * Test data shaped by the API contract: the demo's customers and people, sessions and invoices.
 * Amounts are integer minor units, as the server sends them.
 */
import type {
  AccountList,
  AccountSummary,
  InvoiceDetail,
  InvoiceSummary,
  LinkPreview,
  PaymentConfig,
  PaymentView,
  PromiseConfig,
  PromiseView,
  SessionCreated,
  SessionInfo,
  Statement,
} from '../src/internal/types.js';

/**
 * The Portico server the tests' elements talk to; only msw answers it. One host per test file: test
 * files run side by side in pages that share localStorage, whose keys are per API base.
 */
export const API = `https://ar-${crypto.randomUUID().slice(0, 8)}.acme.test`;

export const company: AccountList['company'] = { name: 'Acme Supplies', timeZone: 'America/New_York' };

export const northwind: AccountSummary = {
  id: 'acc_northwind',
  name: 'Northwind Traders',
  currency: 'USD',
  balance: 1_845_000,
  pastDue: 612_550,
  disputed: 120_000,
  credit: 0,
  inFlight: 0,
  openCount: 12,
  pastDueCount: 5,
  counts: { open: 12, past_due: 5, paid: 30, disputed: 1, all: 42 },
};

export const globex: AccountSummary = {
  id: 'acc_globex',
  name: 'Globex',
  currency: 'USD',
  balance: 420_000,
  pastDue: 0,
  disputed: 0,
  credit: 15_000,
  inFlight: 0,
  openCount: 3,
  pastDueCount: 0,
  counts: { open: 3, past_due: 0, paid: 8, disputed: 0, all: 11 },
};

export const initech: AccountSummary = {
  id: 'acc_initech',
  name: 'Initech',
  currency: 'USD',
  balance: 98_000,
  pastDue: 98_000,
  disputed: 0,
  credit: 0,
  inFlight: 0,
  openCount: 1,
  pastDueCount: 1,
  counts: { open: 1, past_due: 1, paid: 3, disputed: 0, all: 4 },
};

export function accountList(...items: AccountSummary[]): AccountList {
  return { items, company };
}

export function sessionInfo(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    expiresAt: '2030-01-01T00:00:00.000Z',
    audience: 'customer',
    user: { email: 'ap@northwind.test', name: 'Northwind AP' },
    accounts: [{ id: northwind.id, name: northwind.name }],
    target: null,
    scope: null,
    ...overrides,
  };
}

export function sessionCreated(overrides: Partial<SessionCreated> = {}): SessionCreated {
  return { token: 'session-token-northwind', ...sessionInfo(overrides), ...overrides };
}

export const bookkeeper = sessionCreated({
  token: 'session-token-bookkeeper',
  user: { email: 'bookkeeper@ledger.test', name: 'Ledger Bookkeeping' },
  accounts: [
    { id: globex.id, name: globex.name },
    { id: initech.id, name: initech.name },
  ],
});

export const staffSession = sessionCreated({
  token: 'session-token-staff',
  audience: 'staff',
  user: { email: 'ar@acme.test', name: 'Alex Rivera', role: 'admin' },
  accounts: [],
});

export function linkPreview(overrides: Partial<LinkPreview> = {}): LinkPreview {
  return {
    email: 'a•••@northwind.test',
    audience: 'customer',
    sameBrowser: false,
    expiresAt: '2030-01-01T00:00:00.000Z',
    purpose: 'sign_in',
    pay: null,
    ...overrides,
  };
}

/** `payable` follows `balance` and `inFlight` unless given. */
export function invoice(overrides: Partial<InvoiceSummary> & { number: string }): InvoiceSummary {
  const made: InvoiceSummary = {
    id: `inv_${overrides.number}`,
    accountId: northwind.id,
    poNumber: null,
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    currency: 'USD',
    total: 125_000,
    balance: 125_000,
    status: 'open',
    daysPastDue: 0,
    inFlight: null,
    payable: 0,
    promise: null,
    dispute: null,
    ...overrides,
  };
  if (overrides.payable === undefined) made.payable = Math.max(0, made.balance - (made.inFlight?.amount ?? 0));
  return made;
}

/** `count` invoices numbered from `first`: INV-1001, INV-1002… */
export function invoices(count: number, first = 1001, overrides: Partial<InvoiceSummary> = {}): InvoiceSummary[] {
  return Array.from({ length: count }, (_, i) => invoice({ number: `INV-${first + i}`, ...overrides }));
}

/** INV-1042 in full (`payable` follows `balance` and `inFlight` unless given): two lines, one payment, one credit note, three history entries; $420.00 left. */
export function invoiceDetail(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  const made: InvoiceDetail = {
    ...invoice({
      number: 'INV-1042',
      id: 'inv_01HX1042',
      poNumber: 'PO-7781',
      issueDate: '2026-09-15',
      dueDate: '2026-10-15',
      total: 163_500,
      balance: 42_000,
      status: 'past_due',
      daysPastDue: 38,
    }),
    accountName: 'Northwind Traders',
    subtotal: 150_000,
    taxTotal: 13_500,
    amountPaid: 100_000,
    amountCredited: 21_500,
    lines: [
      {
        lineNo: 1,
        description: 'Copy paper, A4, 80 gsm (box of 5 reams)',
        sku: 'PAP-A4-80',
        quantity: 40,
        unitPrice: 2_500,
        amount: 100_000,
        tax: 9_000,
      },
      {
        lineNo: 2,
        description: 'Delivery, pallet',
        sku: null,
        quantity: 2.5,
        unitPrice: 20_000,
        amount: 50_000,
        tax: 4_500,
      },
    ],
    payments: [
      {
        paymentId: 'pay_1',
        receiptNumber: 'R-2026-000101',
        date: '2026-10-01',
        method: 'ACH',
        reference: 'ACH-55120',
        amount: 100_000,
      },
    ],
    credits: [
      { creditNoteId: 'cn_1', number: 'CN-0031', date: '2026-10-05', amount: 21_500, reason: 'Damaged in transit' },
    ],
    history: [
      { at: '2026-09-15T14:00:00.000Z', type: 'invoice.created', label: 'Invoice issued' },
      { at: '2026-10-01T16:30:00.000Z', type: 'payment.applied', label: 'Payment ACH-55120 applied: $1,000.00' },
      { at: '2026-10-05T09:10:00.000Z', type: 'credit.applied', label: 'Credit note CN-0031 applied: $215.00' },
    ],
    disputes: [],
    ...overrides,
  };
  if (overrides.payable === undefined) made.payable = Math.max(0, made.balance - (made.inFlight?.amount ?? 0));
  return made;
}

/** A 90-day statement for Northwind: opening $1,000.00, an invoice, a payment, a credit; closing $2,000.00. */
export function statement(overrides: Partial<Statement> = {}): Statement {
  return {
    account: { id: northwind.id, name: northwind.name, currency: 'USD', billingAddress: '1 Harbour Rd, Seattle WA' },
    company: { name: company.name, address: '100 Main St, Springfield', timeZone: company.timeZone },
    from: '2026-08-01',
    to: '2026-10-30',
    currency: 'USD',
    openingBalance: 100_000,
    lines: [
      {
        date: '2026-08-10',
        type: 'invoice',
        reference: 'INV-1042',
        description: 'Invoice',
        amount: 163_500,
        balance: 263_500,
      },
      {
        date: '2026-09-01',
        type: 'payment',
        reference: 'ACH-55120',
        description: 'Payment, ACH',
        amount: -42_000,
        balance: 221_500,
      },
      {
        date: '2026-09-05',
        type: 'credit',
        reference: 'CN-0031',
        description: 'Damaged in transit',
        amount: -21_500,
        balance: 200_000,
      },
    ],
    totals: { invoiced: 163_500, paid: 42_000, credited: 21_500 },
    closingBalance: 200_000,
    unappliedCredit: 5_000,
    aging: { current: 50_000, days1to30: 40_000, days31to60: 30_000, days61to90: 20_000, over90: 60_000 },
    disputed: { total: 0, aging: { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 }, items: [] },
    ...overrides,
  };
}

/** Northwind's pay form: card (3 % surcharge, capped at $50.00), debit, ACH and PayPal in the sandbox. */
export function paymentConfig(overrides: Partial<PaymentConfig> = {}): PaymentConfig {
  return {
    accountId: northwind.id,
    currency: 'USD',
    methods: [
      { method: 'card', provider: 'sandbox' },
      { method: 'debit', provider: 'sandbox' },
      { method: 'ach', provider: 'sandbox' },
      { method: 'paypal', provider: 'sandbox' },
    ],
    surcharge: { rateBp: 300, cap: 5_000 },
    allowOverpayment: false,
    credit: 0,
    stripe: null,
    paypal: null,
    ...overrides,
  };
}

/** A succeeded card payment of INV-1042's $420.00 balance, with its $12.60 surcharge. */
export function paymentView(overrides: Partial<PaymentView> = {}): PaymentView {
  return {
    id: 'pay_01HXPAY',
    accountId: northwind.id,
    status: 'succeeded',
    method: 'card',
    provider: 'sandbox',
    currency: 'USD',
    amount: 42_000,
    surcharge: 1_260,
    total: 43_260,
    credit: 0,
    unapplied: 0,
    refunded: 0,
    refundStatus: null,
    allocations: [{ invoiceId: 'inv_01HX1042', number: 'INV-1042', amount: 42_000, source: 'payment' }],
    failure: null,
    nextAction: null,
    createdAt: '2026-11-20T15:04:00.000Z',
    succeededAt: '2026-11-20T15:04:05.000Z',
    receiptNumber: 'R-2026-000123',
    expiresAt: null,
    ...overrides,
  };
}

/** Northwind's promise form on 2026-12-03 in New York: from tomorrow to 30 days out, 2 days' grace. */
export function promiseConfig(overrides: Partial<PromiseConfig> = {}): PromiseConfig {
  return {
    accountId: northwind.id,
    currency: 'USD',
    today: '2026-12-03',
    minDate: '2026-12-04',
    maxDate: '2027-01-02',
    toleranceDays: 2,
    timeZone: company.timeZone,
    autopayMethods: [],
    ...overrides,
  };
}

/** An open promise of $1,250.00 by 2026-12-14 for INV-1001 ($750.00) and INV-1002 ($500.00), nothing paid yet. */
export function promiseView(overrides: Partial<PromiseView> = {}): PromiseView {
  return {
    id: 'ptp_01HXPROMISE',
    accountId: northwind.id,
    status: 'open',
    amount: 125_000,
    currency: 'USD',
    promisedDate: '2026-12-14',
    deadlineDate: '2026-12-16',
    deadline: '2026-12-17T05:00:00.000Z',
    reminderDate: '2026-12-13',
    note: null,
    invoices: [
      { id: 'inv_INV-1001', number: 'INV-1001', dueDate: '2026-10-01', balance: 75_000 },
      { id: 'inv_INV-1002', number: 'INV-1002', dueDate: '2026-10-01', balance: 50_000 },
    ],
    paid: 0,
    remaining: 125_000,
    createdBy: 'ap@northwind.test',
    createdAt: '2026-12-03T15:00:00.000Z',
    decidedAt: null,
    cancelledAt: null,
    autopay: null,
    ...overrides,
  };
}
