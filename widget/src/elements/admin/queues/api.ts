/** The queues' calls to the staff API (`/admin/disputes`, `/admin/promises`, `/admin/payments`, `/admin/erp/webhooks`). */
import type { DownloadedFile, PorticoApi } from '../../../internal/api.js';
import { adminGet, adminSend, seg } from '../shared/admin-api.js';
import type {
  AdminDisputeListQuery,
  AdminPaymentListQuery,
  AdminPaymentPage,
  AdminPaymentRow,
  AdminPromiseListQuery,
  AdminPromisePage,
  AdminRefundBody,
  DisputeAttachmentView,
  DisputeList,
  DisputeView,
  ErpWebhookDelivery,
  ErpWebhookDeliveryList,
  ErpWebhookEndpointList,
  StaffUserList,
} from '../shared/types.js';

const dispute = (id: string) => `/disputes/${seg(id)}`;

export const listDisputes = (api: PorticoApi, query: AdminDisputeListQuery) =>
  adminGet<DisputeList>(api, '/disputes', query);

export const getDispute = (api: PorticoApi, id: string) => adminGet<DisputeView>(api, dispute(id));

/** `reply` (`/messages`), `review`, `assign`, `resolve` or `reject`, with its body. */
export const disputeStep = (api: PorticoApi, id: string, step: string, body?: unknown) =>
  adminSend<unknown>(api, 'POST', `${dispute(id)}/${step}`, body);

export const downloadAttachment = (
  api: PorticoApi,
  id: string,
  file: Pick<DisputeAttachmentView, 'id' | 'name' | 'type'>,
): Promise<DownloadedFile> => api.file(`/admin${dispute(id)}/attachments/${seg(file.id)}`, file.type, file.name);

export const listStaff = (api: PorticoApi) => adminGet<StaffUserList>(api, '/staff');

export const listPromises = (api: PorticoApi, query: AdminPromiseListQuery) =>
  adminGet<AdminPromisePage>(api, '/promises', { ...query });

export const listPayments = (api: PorticoApi, query: AdminPaymentListQuery) =>
  adminGet<AdminPaymentPage>(api, '/payments', { ...query });

export const refundPayment = (api: PorticoApi, id: string, body: AdminRefundBody) =>
  adminSend<AdminPaymentRow>(api, 'POST', `/payments/${seg(id)}/refund`, body);

export const listWebhooks = (api: PorticoApi) => adminGet<ErpWebhookEndpointList>(api, '/erp/webhooks');

export const listDeliveries = (api: PorticoApi, endpoint: string) =>
  adminGet<ErpWebhookDeliveryList>(api, `/erp/webhooks/${seg(endpoint)}/deliveries`);

export const retryDelivery = (api: PorticoApi, endpoint: string, delivery: string) =>
  adminSend<ErpWebhookDelivery>(api, 'POST', `/erp/webhooks/${seg(endpoint)}/deliveries/${seg(delivery)}/retry`);
