/** The authorization matrix's rows for the staff console's customers routes (issue 13), merged into ROUTE_TABLE. */
import type { RouteSpec } from './route-matrix-spec';
import { VICTIM, type World } from './route-matrix-world';

const customer = () => ({ params: { id: VICTIM.account } });

/** A 2xx list body's items, which must not be empty. */
function nonEmpty(what: string) {
  return (_w: World, p: string, body: unknown) => {
    if (!(body as { items: unknown[] }).items.length) throw new Error(`${p} sees no ${what}`);
  };
}

export const ADMIN_CUSTOMERS_ROUTES: Record<string, RouteSpec> = {
  'GET /api/v1/admin/customers': { kind: 'staff', check: nonEmpty('customers') },
  'GET /api/v1/admin/customers/:id': {
    kind: 'staff',
    request: customer,
    check: (_w, p, body) => {
      if ((body as { id: string }).id !== VICTIM.account) throw new Error(`${p} sees another customer`);
    },
  },
  'GET /api/v1/admin/customers/:id/invoices': { kind: 'staff', request: customer, check: nonEmpty('invoices') },
  'GET /api/v1/admin/customers/:id/invoices/:invoice': {
    kind: 'staff',
    request: (w) => ({ params: { id: VICTIM.account, invoice: w.victimInvoice.id } }),
  },
  'GET /api/v1/admin/customers/:id/payments': { kind: 'staff', request: customer, check: nonEmpty('payments') },
  'GET /api/v1/admin/customers/:id/promises': { kind: 'staff', request: customer },
  'GET /api/v1/admin/customers/:id/disputes': { kind: 'staff', request: customer, check: nonEmpty('disputes') },
  'GET /api/v1/admin/customers/:id/timeline': { kind: 'staff', request: customer, check: nonEmpty('events') },
};
