/** The authorization matrix's rows for the staff console's overview routes (issue 13), merged into ROUTE_TABLE. */
import type { RouteSpec } from './route-matrix-spec';

export const ADMIN_OVERVIEW_ROUTES: Record<string, RouteSpec> = {
  'GET /api/v1/admin/overview': {
    kind: 'staff',
    check: (_w, p, body) => {
      if (typeof (body as { aging?: { total?: unknown } }).aging?.total !== 'number')
        throw new Error(`${p} does not see the aging`);
    },
  },
};
