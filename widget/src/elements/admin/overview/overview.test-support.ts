/** The overview tests' fixtures: answers of `GET /admin/overview`, built from the contract's types. */
import { html } from 'lit';
import { API, sessionCreated } from '../../../../test/fixtures.js';
import { endpoint } from '../../../../test/mock-api.js';
import { fixture } from '../../../../test/testing.js';
import type { ArAdminOverview } from './overview.js';
import type { OverviewData } from './api.js';
import './define.js';

export const getOverview = endpoint<undefined, OverviewData>('get', '/admin/overview');

export const viewer = sessionCreated({
  token: 'session-token-viewer',
  audience: 'staff',
  user: { email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer' },
  accounts: [],
});

/** The docs' example (docs/api.md, "Staff console"). */
export function overview(overrides: Partial<OverviewData> = {}): OverviewData {
  return {
    asOf: '2026-12-03',
    currency: 'USD',
    currencies: ['USD'],
    timeZone: 'America/New_York',
    aging: {
      balances: { current: 1250000, days1to30: 480000, days31to60: 210000, days61to90: 90000, over90: 40000 },
      total: 2070000,
      disputed: { current: 0, days1to30: 35000, days31to60: 0, days61to90: 0, over90: 0 },
      disputedTotal: 35000,
      unappliedCredit: 12000,
    },
    metrics: {
      dso: { days: 41.3, capped: false },
      bestPossibleDso: { days: 25.1, capped: false },
      averageDaysDelinquent: 16.2,
      ceiMonths: [
        { month: '2026-09', percent: 81.4 },
        { month: '2026-10', percent: 77.2 },
        { month: '2026-11', percent: 84.9 },
      ],
      ceiThreeMonths: 80.6,
    },
    cash: { thisMonth: 310000, lastMonth: 1420000 },
    promises: { dueThisWeek: { count: 3, amount: 95000 }, brokenLast30Days: { count: 1, amount: 20000 } },
    disputes: {
      days0to7: { count: 1, amount: 35000 },
      days8to30: { count: 0, amount: 0 },
      over30: { count: 0, amount: 0 },
    },
    ...overrides,
  };
}

/** Nothing owed: no open invoice, no credit, nothing collected. */
export function emptyOverview(): OverviewData {
  const zero = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
  const none = { count: 0, amount: 0 };
  return overview({
    aging: { balances: zero, total: 0, disputed: zero, disputedTotal: 0, unappliedCredit: 0 },
    metrics: {
      dso: { days: 0, capped: false },
      bestPossibleDso: { days: 0, capped: false },
      averageDaysDelinquent: 0,
      ceiMonths: [],
      ceiThreeMonths: null,
    },
    cash: { thisMonth: 0, lastMonth: 0 },
    promises: { dueThisWeek: none, brokenLast30Days: none },
    disputes: { days0to7: none, days8to30: none, over30: none },
  });
}

export function renderOverview(locale = 'en-US'): Promise<ArAdminOverview> {
  return fixture<ArAdminOverview>(html`<ar-admin-overview api=${API} locale=${locale}></ar-admin-overview>`);
}

export const text = (el: Element): string => ((el.shadowRoot ?? el).textContent ?? '').replace(/\s+/g, ' ');

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string): E | null =>
  el.shadowRoot!.querySelector<E>(selector);
