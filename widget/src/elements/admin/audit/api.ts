/** The audit log's calls: a page of events, and the CSV of the same filters. */
import type { CallOptions, DownloadedFile, PorticoApi } from '../../../internal/api.js';
import { adminGet, queryString } from '../shared/admin-api.js';
import type { AuditEventList } from '../shared/types.js';

/** The filters as the form holds them (`q`, `typePrefix`, `actor`, `customer`, `from`, `to`); empty ones are left out. */
export type AuditFilters = Readonly<Record<string, string>>;

export const listEvents = (api: PorticoApi, filters: AuditFilters, cursor: string | undefined, options: CallOptions) =>
  adminGet<AuditEventList>(api, '/events', { ...filters, cursor }, options);

export const exportEvents = (api: PorticoApi, filters: AuditFilters): Promise<DownloadedFile> =>
  api.file(`/admin/events/export.csv${queryString(filters)}`, 'text/csv', 'audit-events.csv');
