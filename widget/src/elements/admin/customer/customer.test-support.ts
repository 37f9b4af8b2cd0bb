/** Test data and helpers for `<ar-admin-customer>`'s tests. */
import { html } from 'lit';
import { fixture, waitUntil } from '../../../../test/testing.js';
import { API, invoice, northwind, sessionCreated, staffSession } from '../../../../test/fixtures.js';
import { endpoint } from '../../../../test/mock-api.js';
import type {
  AuditEventList,
  CustomerDetail,
  CustomerSummaryPage,
  CustomerSummaryRow,
  InvoiceList,
} from '../shared/types.js';
import './define.js';
import type { ArAdminCustomer } from './customer.js';

export const collectorSession = sessionCreated({
  ...staffSession,
  token: 'session-token-collector',
  user: { email: 'collector@acme.test', name: 'Casey Collins', role: 'collector' },
});

export const viewerSession = sessionCreated({
  ...staffSession,
  token: 'session-token-viewer',
  user: { email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer' },
});

export function customerRow(overrides: Partial<CustomerSummaryRow> = {}): CustomerSummaryRow {
  return {
    id: 'cus_northwind',
    name: 'Northwind Traders',
    externalId: 'ERP-0042',
    currency: 'USD',
    balance: 1_845_000,
    pastDue: 612_550,
    disputed: 120_000,
    collector: { id: 'stf_casey', name: 'Casey Collins' },
    credit: 0,
    dunningPausedUntil: null,
    ...overrides,
  };
}

export function customerDetail(overrides: Partial<CustomerDetail> = {}): CustomerDetail {
  return {
    ...customerRow(),
    contacts: [
      { id: 'cnt_ap', email: 'ap@northwind.test', name: 'Northwind AP', locale: null },
      { id: 'cnt_cfo', email: 'cfo@northwind.test', name: '', locale: 'fr' },
    ],
    billingAddress: '12 Harbour Road\nSeattle, WA 98101',
    paymentTermsDays: 30,
    summary: northwind,
    ...overrides,
  };
}

export function page(items: CustomerSummaryRow[], nextCursor: string | null = null): CustomerSummaryPage {
  return { items, nextCursor };
}

/** Two open invoices, oldest due first: INV-1001 ($750.00) and INV-1002 ($500.00). */
export const openInvoices: InvoiceList = {
  items: [
    invoice({
      number: 'INV-1001',
      balance: 75_000,
      total: 75_000,
      dueDate: '2026-10-01',
      status: 'past_due',
      daysPastDue: 63,
    }),
    invoice({
      number: 'INV-1002',
      balance: 50_000,
      total: 50_000,
      dueDate: '2026-11-01',
      status: 'past_due',
      daysPastDue: 32,
    }),
  ],
  nextCursor: null,
};

export const timeline: AuditEventList = {
  items: [
    {
      id: 'evt_2',
      type: 'customer.note_added',
      at: '2026-12-02T15:00:00.000Z',
      actor: { type: 'staff', id: 'stf_casey', name: 'Casey Collins' },
      subject: null,
      customer: { id: 'cus_northwind', name: 'Northwind Traders' },
      data: { body: 'Called AP: cheque in the mail.' },
      requestId: null,
    },
    {
      id: 'evt_1',
      type: 'reminder.sent',
      at: '2026-12-01T14:00:00.000Z',
      actor: { type: 'system', id: null },
      subject: { type: 'invoice', id: 'inv_INV-1001' },
      customer: { id: 'cus_northwind', name: 'Northwind Traders' },
      data: {},
      requestId: null,
    },
  ],
  nextCursor: null,
};

export const mockCustomer = {
  list: endpoint<undefined, CustomerSummaryPage>('get', '/admin/customers'),
  detail: endpoint<undefined, CustomerDetail>('get', '/admin/customers/:id'),
  invoices: endpoint<undefined, InvoiceList>('get', '/admin/customers/:id/invoices'),
  tab: (tab: string) => endpoint<undefined, unknown>('get', `/admin/customers/:id/${tab}`),
  action: <Body = unknown>(path: string, status = 200, method: 'post' | 'delete' = 'post') =>
    endpoint<Body, unknown>(method, `/admin/customers/:id/${path}`, status),
};

export async function renderCustomer(path = 'cus_northwind', locale = 'en-US'): Promise<ArAdminCustomer> {
  return fixture<ArAdminCustomer>(
    html`<ar-admin-customer api=${API} locale=${locale} path=${path}></ar-admin-customer>`,
  );
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits for `words` in the element's text. */
export const sees = (el: Element, words: string): Promise<void> =>
  waitUntil(() => text(el.shadowRoot as unknown as Element).includes(words), `shows "${words}"`);
