/** The authorization matrix's rows for the staff console's audit routes (issue 13), merged into ROUTE_TABLE. */
import type { RouteSpec } from './route-matrix-spec';

export const ADMIN_AUDIT_ROUTES: Record<string, RouteSpec> = {
  'GET /api/v1/admin/events': {
    kind: 'staff',
    check: (_w, p, body) => {
      const { items } = body as { items: { id: string }[] };
      if (!items.length) throw new Error(`${p} sees no events`);
    },
  },
  'GET /api/v1/admin/events/export.csv': { kind: 'staff', request: () => ({ query: { typePrefix: 'dispute.' } }) },
};
