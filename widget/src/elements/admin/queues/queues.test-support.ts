/** Fixtures and helpers of the queues' tests, shaped by the contract types. */
import { disputeSummary, disputeView } from '../../../../test/dispute-fixtures.js';
import { paymentView, promiseView, sessionCreated, staffSession } from '../../../../test/fixtures.js';
import { endpoint } from '../../../../test/mock-api.js';
import type {
  AdminPaymentPage,
  AdminPaymentRow,
  AdminPromisePage,
  AdminPromiseRow,
  DisputeList,
  DisputeView,
  ErpWebhookDelivery,
  ErpWebhookDeliveryList,
  ErpWebhookEndpoint,
  ErpWebhookEndpointList,
  StaffUserList,
  StaffUserView,
} from '../shared/types.js';

export { disputeSummary, disputeView };

export const collectorSession = sessionCreated({
  ...staffSession,
  token: 'session-token-collector',
  user: { email: 'collector@acme.test', name: 'Casey Lee', role: 'collector' },
});
export const viewerSession = sessionCreated({
  ...staffSession,
  token: 'session-token-viewer',
  user: { email: 'viewer@acme.test', name: 'Vic Moreau', role: 'viewer' },
});

export function staffUser(overrides: Partial<StaffUserView> = {}): StaffUserView {
  return {
    id: 'stf_alex',
    email: 'ar@acme.test',
    name: 'Alex Rivera',
    role: 'admin',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    deactivatedAt: null,
    ...overrides,
  };
}

export const staffList: StaffUserList = {
  items: [
    staffUser(),
    staffUser({ id: 'stf_casey', email: 'collector@acme.test', name: 'Casey Lee', role: 'collector' }),
    staffUser({ id: 'stf_vic', email: 'viewer@acme.test', name: 'Vic Moreau', role: 'viewer' }),
    staffUser({ id: 'stf_gone', email: 'gone@acme.test', name: 'Gone', active: false }),
  ],
};

export function promiseRow(overrides: Partial<AdminPromiseRow> = {}): AdminPromiseRow {
  return {
    ...promiseView(),
    customer: { id: 'cus_northwind', name: 'Northwind Traders' },
    source: 'customer',
    takenBy: null,
    ...overrides,
  };
}

export function paymentRow(overrides: Partial<AdminPaymentRow> = {}): AdminPaymentRow {
  return {
    ...paymentView(),
    customer: { id: 'cus_northwind', name: 'Northwind Traders' },
    reference: null,
    recordedBy: null,
    refundable: 43_260,
    ...overrides,
  };
}

export function webhookEndpoint(overrides: Partial<ErpWebhookEndpoint> = {}): ErpWebhookEndpoint {
  return {
    id: 'whe_erp',
    url: 'https://erp.acme.test/hooks/portico',
    events: ['payment.applied'],
    description: 'ERP',
    createdAt: '2026-11-01T00:00:00.000Z',
    disabledAt: null,
    ...overrides,
  };
}

export function delivery(overrides: Partial<ErpWebhookDelivery> = {}): ErpWebhookDelivery {
  return {
    id: 'whd_1',
    event: 'evt_41',
    type: 'payment.applied',
    status: 'failed',
    attempts: 8,
    lastStatus: 500,
    lastError: 'Internal Server Error',
    createdAt: '2026-12-02T10:00:00.000Z',
    deliveredAt: null,
    ...overrides,
  };
}

export const api = {
  disputes: endpoint<undefined, DisputeList>('get', '/admin/disputes'),
  dispute: endpoint<undefined, DisputeView>('get', '/admin/disputes/:id'),
  step: (step: string) => endpoint<Record<string, unknown>, unknown>('post', `/admin/disputes/:id/${step}`),
  attachment: endpoint<undefined, never>('get', '/admin/disputes/:id/attachments/:attachmentId'),
  staff: endpoint<undefined, StaffUserList>('get', '/admin/staff'),
  promises: endpoint<undefined, AdminPromisePage>('get', '/admin/promises'),
  payments: endpoint<undefined, AdminPaymentPage>('get', '/admin/payments'),
  refund: endpoint<{ amount?: number; reason: string }, AdminPaymentRow>('post', '/admin/payments/:id/refund'),
  webhooks: endpoint<undefined, ErpWebhookEndpointList>('get', '/admin/erp/webhooks'),
  deliveries: endpoint<undefined, ErpWebhookDeliveryList>('get', '/admin/erp/webhooks/:id/deliveries'),
  retry: endpoint<undefined, ErpWebhookDelivery>('post', '/admin/erp/webhooks/:id/deliveries/:deliveryId/retry', 202),
};

/** The element's shadow text, spaces squeezed. */
export const text = (node: Element | null | undefined): string =>
  (node?.shadowRoot ?? node)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** Sets a select's value and tells the element. */
export function choose(select: HTMLSelectElement | null, value: string): void {
  select!.value = value;
  select!.dispatchEvent(new Event('change'));
}
