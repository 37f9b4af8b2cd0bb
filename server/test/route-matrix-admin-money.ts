/** The authorization matrix's rows for the staff console's money routes (issue 13), merged into ROUTE_TABLE. */
import type { RouteSpec } from './route-matrix-spec';

export const ADMIN_MONEY_ROUTES: Record<string, RouteSpec> = {};
