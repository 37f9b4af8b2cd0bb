/** The settings tests' fixtures: the contract's answers for `/admin/settings`, `/admin/staff`, `/admin/erp`. */
import { html } from 'lit';
import { API, sessionCreated } from '../../../../test/fixtures.js';
import { endpoint } from '../../../../test/mock-api.js';
import { fixture } from '../../../../test/testing.js';
import type {
  AdminSettings,
  CompanySettings,
  DunningPreview,
  ErpKeyCreated,
  ErpKeySummary,
  ErpWebhookEndpoint,
  ErpWebhookEndpointCreated,
  StaffUserList,
  StaffUserView,
} from '../shared/types.js';
import type { ArAdminSettings } from './settings.js';
import './define.js';

export const getSettings = endpoint<undefined, AdminSettings>('get', '/admin/settings');
export const patchSettings = endpoint<{ values: Record<string, unknown> }, AdminSettings>('patch', '/admin/settings');
export const preview = endpoint<unknown, DunningPreview>('post', '/admin/settings/dunning/preview');
export const getStaff = endpoint<undefined, StaffUserList>('get', '/admin/staff');
export const postStaff = endpoint<unknown, StaffUserView>('post', '/admin/staff', 201);
export const patchStaff = endpoint<unknown, StaffUserView>('patch', '/admin/staff/:id');
export const getKeys = endpoint<undefined, { items: ErpKeySummary[] }>('get', '/admin/erp/keys');
export const postKey = endpoint<unknown, ErpKeyCreated>('post', '/admin/erp/keys', 201);
export const deleteKey = endpoint<undefined, undefined>('delete', '/admin/erp/keys/:id');
export const getHooks = endpoint<undefined, { items: ErpWebhookEndpoint[] }>('get', '/admin/erp/webhooks');
export const postHook = endpoint<unknown, ErpWebhookEndpointCreated>('post', '/admin/erp/webhooks', 201);
export const deleteHook = endpoint<undefined, ErpWebhookEndpoint>('delete', '/admin/erp/webhooks/:id');

export const collector = sessionCreated({
  token: 'session-token-collector',
  audience: 'staff',
  user: { email: 'collector@acme.test', name: 'Casey Collins', role: 'collector' },
  accounts: [],
});

export function companySettings(overrides: Partial<CompanySettings> = {}): CompanySettings {
  return {
    companyName: 'Acme Supplies',
    timeZone: 'America/New_York',
    currency: 'USD',
    supportEmail: 'ar@acme.test',
    companyAddress: '1 Main Street\nSpringfield',
    paymentInstructions: '',
    portalUrl: 'https://acme.test/pay',
    surchargeRateBp: 0,
    surchargeCap: null,
    allowOverpayment: false,
    logo: null,
    locale: 'en',
    promiseHorizonDays: 30,
    promiseToleranceDays: 2,
    dunningEnabled: true,
    dunningSequence: { offsets: [-3, 0, 7, 14, 30], repeatDays: 14 },
    disputeRouting: {
      teams: { shipping: 'shipping@acme.test', sales: '' },
      reasons: {
        pricing: ['sales'],
        quantity: ['sales'],
        damaged: ['shipping'],
        not_received: ['shipping'],
        duplicate: ['sales'],
        tax: ['sales'],
        other: [],
      },
    },
    ...overrides,
  };
}

export function adminSettings(overrides: Partial<CompanySettings> = {}): AdminSettings {
  return { settings: companySettings(overrides), stored: ['companyName'] };
}

export function staffUser(overrides: Partial<StaffUserView> & { id: string }): StaffUserView {
  return {
    email: `${overrides.id}@acme.test`,
    name: 'Someone',
    role: 'collector',
    active: true,
    createdAt: '2026-01-05T10:00:00.000Z',
    deactivatedAt: null,
    ...overrides,
  };
}

export const staffList: StaffUserList = {
  items: [
    staffUser({ id: 'stf_ar', email: 'ar@acme.test', name: 'Alex Rivera', role: 'admin' }),
    staffUser({ id: 'stf_collector', email: 'collector@acme.test', name: 'Casey Collins' }),
    staffUser({
      id: 'stf_old',
      name: 'Olga Old',
      role: 'viewer',
      active: false,
      deactivatedAt: '2026-06-01T00:00:00.000Z',
    }),
  ],
};

export const key: ErpKeySummary = {
  id: 'key_1',
  name: 'NetSuite',
  prefix: 'pk_live_ab',
  createdAt: '2026-02-01T12:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

export const hook: ErpWebhookEndpoint = {
  id: 'whe_1',
  url: 'https://erp.acme.test/hooks/portico',
  events: ['payment.succeeded'],
  description: 'Cash app',
  createdAt: '2026-02-01T12:00:00.000Z',
  disabledAt: null,
};

export async function renderSettings(path = '', locale = ''): Promise<ArAdminSettings> {
  return fixture<ArAdminSettings>(
    html`<ar-admin-settings api=${API} path=${path} locale=${locale}></ar-admin-settings>`,
  );
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const text = (el: Element | ShadowRoot): string =>
  (el instanceof Element && el.shadowRoot ? el.shadowRoot : el).textContent!.replace(/\s+/g, ' ').trim();

/** Types `value` into the field `#id` as a person would (an input event after). */
export function fill(el: Element, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function button(el: Element, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.textContent!.replace(/\s+/g, ' ').trim() === label,
  );
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}
