/** The customer page's calls (`/admin/customers/…`), typed with the contract. */
import type { PorticoApi } from '../../../internal/api.js';
import { adminGet, adminSend, seg } from '../shared/admin-api.js';
import type {
  AuditEventList,
  CustomerDetail,
  CustomerSummaryPage,
  DisputeList,
  InvoiceList,
  InvoiceStatusFilter,
  PaymentList,
  PromiseList,
  StaffUserList,
} from '../shared/types.js';

type Signal = { signal?: AbortSignal };

const base = (id: string): string => `/customers/${seg(id)}`;

export const findCustomers = (api: PorticoApi, q: string, cursor: string | undefined, options: Signal) =>
  adminGet<CustomerSummaryPage>(api, '/customers', { q, cursor, limit: 25 }, options);

export const getCustomer = (api: PorticoApi, id: string, options: Signal) =>
  adminGet<CustomerDetail>(api, base(id), {}, options);

export const listInvoices = (
  api: PorticoApi,
  id: string,
  query: { status?: InvoiceStatusFilter; cursor?: string; sort?: string; limit?: number },
  options: Signal,
) => adminGet<InvoiceList>(api, `${base(id)}/invoices`, { limit: 25, ...query }, options);

/** What a tab lists, by tab. */
export interface TabData {
  payments: PaymentList;
  promises: PromiseList;
  disputes: DisputeList;
  timeline: AuditEventList;
}

export const listTab = <K extends keyof TabData>(
  api: PorticoApi,
  id: string,
  tab: K,
  cursor: string | undefined,
  options: Signal,
) => adminGet<TabData[K]>(api, `${base(id)}/${tab}`, { cursor }, options);

export const listStaff = (api: PorticoApi) => adminGet<StaffUserList>(api, '/staff');

/** A customer action: `POST|DELETE /admin/customers/:id/<path>`. */
export const act = <T>(
  api: PorticoApi,
  id: string,
  path: string,
  body?: unknown,
  idempotencyKey?: string,
  method: 'POST' | 'DELETE' = 'POST',
) => adminSend<T>(api, method, `${base(id)}/${path}`, body, idempotencyKey ? { idempotencyKey } : undefined);
