/** The worklist tests' fixtures: rows and pages of `GET /admin/worklist`, built from the contract's types. */
import { html } from 'lit';
import { API, sessionCreated } from '../../../../test/fixtures.js';
import { endpoint } from '../../../../test/mock-api.js';
import { fixture } from '../../../../test/testing.js';
import type { WorklistPage, WorklistRow } from '../shared/types.js';
import type { ArAdminWorklist } from './worklist.js';
import './define.js';

export const getWorklist = endpoint<undefined, WorklistPage>('get', '/admin/worklist');

export const collector = sessionCreated({
  token: 'session-token-collector',
  audience: 'staff',
  user: { email: 'collector@acme.test', name: 'Casey Collins', role: 'collector' },
  accounts: [],
});

export const viewer = sessionCreated({
  token: 'session-token-viewer',
  audience: 'staff',
  user: { email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer' },
  accounts: [],
});

export function row(overrides: Partial<WorklistRow> & { id: string; name: string }): WorklistRow {
  return {
    externalId: null,
    currency: 'USD',
    balance: 0,
    pastDue: 0,
    disputed: 0,
    openDisputes: 0,
    promise: null,
    brokenPromises: 0,
    lastContact: null,
    collector: null,
    score: 0,
    ...overrides,
  };
}

export const northwind = row({
  id: 'cus_northwind',
  name: 'Northwind Traders',
  externalId: 'NW-001',
  balance: 1284000,
  pastDue: 960000,
  disputed: 35000,
  openDisputes: 1,
  brokenPromises: 2,
  lastContact: '2026-11-20T15:30:00.000Z',
  collector: { id: 'stf_casey', name: 'Casey Collins' },
  score: 40150,
});

export const globex = row({
  id: 'cus_globex',
  name: 'Globex',
  currency: 'EUR',
  balance: 250000,
  pastDue: 250000,
  promise: { id: 'prm_1', promisedDate: '2026-12-10', amount: 100000 },
  score: 2950,
});

export function page(items: WorklistRow[], nextCursor: string | null = null): WorklistPage {
  return { items, nextCursor };
}

export function renderWorklist(attributes: { locale?: string; path?: string } = {}): Promise<ArAdminWorklist> {
  return fixture<ArAdminWorklist>(
    html`<ar-admin-worklist
      api=${API}
      locale=${attributes.locale ?? 'en-US'}
      .path=${attributes.path ?? ''}
    ></ar-admin-worklist>`,
  );
}

export const text = (el: Element): string => ((el.shadowRoot ?? el).textContent ?? '').replace(/\s+/g, ' ');

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string): E | null =>
  el.shadowRoot!.querySelector<E>(selector);

/** The table's rows as the text of their cells. */
export function cells(el: Element): string[][] {
  return [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
  );
}
