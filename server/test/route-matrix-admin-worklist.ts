/** The authorization matrix's rows for the staff console's worklist routes (issue 13), merged into ROUTE_TABLE. */
import type { RouteSpec } from './route-matrix-spec';

export const ADMIN_WORKLIST_ROUTES: Record<string, RouteSpec> = {
  'GET /api/v1/admin/worklist': {
    kind: 'staff',
    request: () => ({ query: { limit: '5' } }),
    check: (_w, p, body) => {
      const page = body as { items?: unknown; nextCursor?: unknown };
      if (!Array.isArray(page.items)) throw new Error(`${p} got no worklist items`);
    },
  },
};
