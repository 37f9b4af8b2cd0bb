/** The authorization matrix's rows for the staff console's settings and staff (issue 13), merged into ROUTE_TABLE. */
import { randomUUID } from 'node:crypto';
import type { RouteSpec } from './route-matrix-spec';

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
};
