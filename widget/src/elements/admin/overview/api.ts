/** The overview's one call: `GET /admin/overview`. */
import type { PorticoApi } from '../../../internal/api.js';
import { adminGet } from '../shared/admin-api.js';
import type { AdminOverview } from '../shared/types.js';

/** The overview as the view reads it (`currencies` feeds the switcher). */
export type OverviewData = AdminOverview;

export function loadOverview(api: PorticoApi, currency: string, signal: AbortSignal): Promise<OverviewData> {
  return adminGet<OverviewData>(api, '/overview', { currency }, { signal });
}
