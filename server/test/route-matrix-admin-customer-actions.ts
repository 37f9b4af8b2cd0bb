/** The authorization matrix's rows for the staff console's customer-actions routes (issue 13), merged into ROUTE_TABLE. */
import { randomUUID } from 'node:crypto';
import { contacts } from '../src/db/schema';
import type { RouteSpec } from './route-matrix-spec';

/** Lumière's accountant: not the matrix's owner, whose sessions the other rows need. */
const params = { id: 'cus_lumiere' };
const contactId = 'con_lumiere_1';
/** A contact made anew before each principal's removal. */
const scratch = { contact: '' };

export const ADMIN_CUSTOMER_ACTIONS_ROUTES: Record<string, RouteSpec> = {
  'POST /api/v1/admin/customers/:id/notes': {
    kind: 'staffAction',
    request: () => ({ params, body: { body: 'Called about the March invoices.' } }),
  },
  'POST /api/v1/admin/customers/:id/dunning/pause': {
    kind: 'staffAction',
    request: () => ({ params, body: { until: null } }),
  },
  'POST /api/v1/admin/customers/:id/dunning/resume': { kind: 'staffAction', request: () => ({ params }) },
  'POST /api/v1/admin/customers/:id/collector': {
    kind: 'staffAction',
    request: () => ({ params, body: { staffUserId: 'stf_collector' } }),
  },
  'POST /api/v1/admin/customers/:id/contacts': {
    kind: 'staffAction',
    request: () => ({ params, body: { email: `new-${randomUUID().slice(0, 8)}@lumiere.test` } }),
  },
  'DELETE /api/v1/admin/customers/:id/contacts/:contactId': {
    kind: 'staffAction',
    fresh: async (w) => {
      scratch.contact = `con_matrix_${randomUUID().slice(0, 8)}`;
      await w.t.db
        .insert(contacts)
        .values({
          id: scratch.contact,
          customerId: params.id,
          email: `${scratch.contact}@lumiere.test`,
          createdAt: w.t.clock.now(),
        })
        .run();
    },
    request: () => ({ params: { ...params, contactId: scratch.contact } }),
  },
  'POST /api/v1/admin/customers/:id/contacts/:contactId/sessions/end': {
    kind: 'staffAction',
    request: () => ({ params: { ...params, contactId } }),
  },
  'POST /api/v1/admin/customers/:id/links': {
    kind: 'staffAction',
    request: () => ({ params, body: { contactId, kind: 'sign_in' } }),
  },
  'POST /api/v1/admin/customers/:id/statement/send': {
    kind: 'staffAction',
    request: () => ({ params, body: { contactId } }),
  },
};
