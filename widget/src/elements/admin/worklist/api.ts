/** The worklist's one call: `GET /admin/worklist`. */
import type { PorticoApi } from '../../../internal/api.js';
import { adminGet } from '../shared/admin-api.js';
import type { AdminWorklistQuery, WorklistPage } from '../shared/types.js';

export function loadWorklist(api: PorticoApi, query: AdminWorklistQuery, signal: AbortSignal): Promise<WorklistPage> {
  return adminGet<WorklistPage>(api, '/worklist', query, { signal });
}
