/** The overview's one call: `GET /admin/overview`. */
import type { PorticoApi } from '../../../internal/api.js';
import { adminGet } from '../shared/admin-api.js';
import type { AdminOverview } from '../shared/types.js';

/**
 * The overview as the view reads it. `currencies` (the currencies with invoices, for the switcher) is
 * not in the contract yet: while the server leaves it out, the view knows only the currency it was
 * answered in and shows no switcher.
 */
export type OverviewData = AdminOverview & { currencies?: readonly string[] };

export function loadOverview(api: PorticoApi, currency: string, signal: AbortSignal): Promise<OverviewData> {
  return adminGet<OverviewData>(api, '/overview', { currency }, { signal });
}
