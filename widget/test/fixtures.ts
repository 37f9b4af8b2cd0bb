/**
 * Test data shaped by the API contract: the demo's customers and people, sessions and invoices.
 * Amounts are integer minor units, as the server sends them.
 */
import type {
  AccountList,
  AccountSummary,
  InvoiceSummary,
  LinkPreview,
  SessionCreated,
  SessionInfo,
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
  credit: 0,
  openCount: 12,
  pastDueCount: 5,
};

export const globex: AccountSummary = {
  id: 'acc_globex',
  name: 'Globex',
  currency: 'USD',
  balance: 420_000,
  pastDue: 0,
  credit: 15_000,
  openCount: 3,
  pastDueCount: 0,
};

export const initech: AccountSummary = {
  id: 'acc_initech',
  name: 'Initech',
  currency: 'USD',
  balance: 98_000,
  pastDue: 98_000,
  credit: 0,
  openCount: 1,
  pastDueCount: 1,
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
    ...overrides,
  };
}

export function invoice(overrides: Partial<InvoiceSummary> & { number: string }): InvoiceSummary {
  return {
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
    ...overrides,
  };
}

/** `count` invoices numbered from `first`: INV-1001, INV-1002… */
export function invoices(count: number, first = 1001, overrides: Partial<InvoiceSummary> = {}): InvoiceSummary[] {
  return Array.from({ length: count }, (_, i) => invoice({ number: `INV-${first + i}`, ...overrides }));
}
