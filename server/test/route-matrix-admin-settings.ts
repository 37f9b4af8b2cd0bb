/** The authorization matrix's rows for the staff console's settings and staff (issue 13), merged into ROUTE_TABLE. */
import { randomUUID } from 'node:crypto';
import { systemActor } from '../src/domain/events';
import { createErpKey, createWebhookEndpoint } from '../src/domain/erp';
import type { RouteSpec } from './route-matrix-spec';

/** Made anew before each principal's call that revokes or disables one. */
const scratch = { key: '', endpoint: '' };

/** Admins only: collectors and viewers are refused as customers are. */
const adminOnly = { collector: 403, viewer: 403 } as const;

export const ADMIN_SETTINGS_ROUTES: Record<string, RouteSpec> = {
  'GET /api/v1/admin/settings': { kind: 'staff', expect: adminOnly },
  // The world's admin signed in moments ago: a fresh sign-in. Setting the name it already has changes nothing.
  'PATCH /api/v1/admin/settings': {
    kind: 'staffAction',
    expect: adminOnly,
    request: () => ({ body: { values: { companyName: 'Acme Supplies' } } }),
  },
  // Changes nothing: any admin, fresh sign-in or not.
  'POST /api/v1/admin/settings/dunning/preview': {
    kind: 'staffAction',
    expect: adminOnly,
    request: () => ({ body: { dunningSequence: { offsets: [0, 7], repeatDays: null } } }),
  },
  'GET /api/v1/admin/staff': { kind: 'staff', expect: adminOnly },
  'POST /api/v1/admin/staff': {
    kind: 'staffAction',
    expect: adminOnly,
    request: () => ({
      body: { email: `new-${randomUUID().slice(0, 8)}@acme.test`, name: 'New Person', role: 'viewer' },
    }),
  },
  // The collector's own name again: it changes nothing, whoever gets through.
  'PATCH /api/v1/admin/staff/:id': {
    kind: 'staffAction',
    expect: adminOnly,
    request: () => ({ params: { id: 'stf_collector' }, body: { name: 'Casey Collins' } }),
  },
  'GET /api/v1/admin/erp/keys': { kind: 'staff', expect: adminOnly },
  'POST /api/v1/admin/erp/keys': {
    kind: 'staffAction',
    expect: adminOnly,
    request: () => ({ body: { name: 'Matrix' } }),
  },
  'DELETE /api/v1/admin/erp/keys/:id': {
    kind: 'staffAction',
    expect: adminOnly,
    fresh: async (w) => {
      scratch.key = (await createErpKey(w.t.db, 'Scratch', systemActor, w.t.clock.now())).id;
    },
    request: () => ({ params: { id: scratch.key } }),
  },
  'GET /api/v1/admin/erp/webhooks': { kind: 'staffAction' },
  'POST /api/v1/admin/erp/webhooks': {
    kind: 'staffAction',
    expect: adminOnly,
    request: () => ({ body: { url: 'https://erp.shop.test/matrix', events: ['payment.succeeded'] } }),
  },
  'DELETE /api/v1/admin/erp/webhooks/:id': {
    kind: 'staffAction',
    expect: adminOnly,
    fresh: async (w) => {
      const created = await w.t.db.transaction((tx) =>
        createWebhookEndpoint(tx, { url: 'https://erp.shop.test/scratch' }, systemActor, w.t.clock.now()),
      );
      scratch.endpoint = created.id;
    },
    request: () => ({ params: { id: scratch.endpoint } }),
  },
  // Deliveries: admins and collectors look and retry (a delivery still being tried is a 409: reached).
  'GET /api/v1/admin/erp/webhooks/:id/deliveries': {
    kind: 'staffAction',
    request: (w) => ({ params: { id: w.endpointA } }),
  },
  'POST /api/v1/admin/erp/webhooks/:id/deliveries/:deliveryId/retry': {
    kind: 'staffAction',
    request: (w) => ({ params: { id: w.endpointA, deliveryId: w.deliveryA } }),
    expect: { staff: 'reach', collector: 'reach' },
  },
};
