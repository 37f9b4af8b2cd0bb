/** The audit log tests' fixtures: pages of `GET /admin/events`. */
import { html } from 'lit';
import { API, sessionCreated } from '../../../../test/fixtures.js';
import { endpoint } from '../../../../test/mock-api.js';
import { fixture } from '../../../../test/testing.js';
import type { AuditEvent, AuditEventList } from '../shared/types.js';
import type { ArAdminAudit } from './audit.js';
import './define.js';

export const getEvents = endpoint<undefined, AuditEventList>('get', '/admin/events');
export const exportCsv = endpoint<undefined, never>('get', '/admin/events/export.csv');

export const viewer = sessionCreated({
  token: 'session-token-viewer',
  audience: 'staff',
  user: { email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer' },
  accounts: [],
});

export function auditEvent(overrides: Partial<AuditEvent> & { id: string }): AuditEvent {
  return {
    type: 'payment.succeeded',
    at: '2026-12-02T15:30:00.000Z',
    actor: { type: 'customer', id: 'ap@northwind.test' },
    subject: { type: 'payment', id: 'pay_1' },
    customer: { id: 'cus_northwind', name: 'Northwind Traders' },
    data: { amount: 125000, currency: 'USD' },
    requestId: 'req_1',
    ...overrides,
  };
}

export const page: AuditEventList = {
  items: [
    auditEvent({ id: 'evt_3' }),
    auditEvent({
      id: 'evt_2',
      type: 'settings.updated',
      actor: { type: 'staff', id: 'stf_ar', name: 'Alex Rivera' },
      subject: null,
      customer: null,
      data: { changed: { surchargeRateBp: 300 } },
    }),
    auditEvent({
      id: 'evt_1',
      type: 'reminder.sent',
      actor: { type: 'system', id: null },
      data: { to: 'ap@northwind.test' },
    }),
  ],
  nextCursor: '2',
};

export async function renderAudit(locale = ''): Promise<ArAdminAudit> {
  return fixture<ArAdminAudit>(html`<ar-admin-audit api=${API} locale=${locale}></ar-admin-audit>`);
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const text = (node: Element): string => (node.shadowRoot ?? node).textContent!.replace(/\s+/g, ' ').trim();

export function button(el: Element, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.textContent!.replace(/\s+/g, ' ').trim() === label,
  );
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}
