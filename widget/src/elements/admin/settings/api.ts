/** The settings view's calls (`/admin/settings`, `/admin/staff`, `/admin/erp`), typed with the contract. */
import type { CallOptions, PorticoApi } from '../../../internal/api.js';
import { adminGet, adminSend, seg } from '../shared/admin-api.js';
import type {
  AdminSettings,
  DunningPreview,
  DunningPreviewBody,
  ErpKeyCreated,
  ErpKeySummary,
  ErpWebhookEndpoint,
  ErpWebhookEndpointCreated,
  ErpWebhookEndpointInput,
  ErpWebhookEndpointList,
  StaffInviteBody,
  StaffUpdateBody,
  StaffUserList,
  StaffUserView,
} from '../shared/types.js';

export const getSettings = (api: PorticoApi, options?: CallOptions) =>
  adminGet<AdminSettings>(api, '/settings', undefined, options);

/** Only the changed values: a key left out keeps what it has. */
export const patchSettings = (api: PorticoApi, values: Record<string, unknown>) =>
  adminSend<AdminSettings>(api, 'PATCH', '/settings', { values });

export const previewDunning = (api: PorticoApi, body: DunningPreviewBody) =>
  adminSend<DunningPreview>(api, 'POST', '/settings/dunning/preview', body);

export const listStaff = (api: PorticoApi) => adminGet<StaffUserList>(api, '/staff');
export const inviteStaff = (api: PorticoApi, body: StaffInviteBody) =>
  adminSend<StaffUserView>(api, 'POST', '/staff', body);
export const updateStaff = (api: PorticoApi, id: string, body: StaffUpdateBody) =>
  adminSend<StaffUserView>(api, 'PATCH', `/staff/${seg(id)}`, body);

export const listKeys = (api: PorticoApi) => adminGet<{ items: ErpKeySummary[] }>(api, '/erp/keys');
export const createKey = (api: PorticoApi, name: string) =>
  adminSend<ErpKeyCreated>(api, 'POST', '/erp/keys', { name });
export const revokeKey = (api: PorticoApi, id: string) => adminSend<void>(api, 'DELETE', `/erp/keys/${seg(id)}`);

export const listWebhooks = (api: PorticoApi) => adminGet<ErpWebhookEndpointList>(api, '/erp/webhooks');
export const addWebhook = (api: PorticoApi, body: ErpWebhookEndpointInput) =>
  adminSend<ErpWebhookEndpointCreated>(api, 'POST', '/erp/webhooks', body);
export const removeWebhook = (api: PorticoApi, id: string) =>
  adminSend<ErpWebhookEndpoint>(api, 'DELETE', `/erp/webhooks/${seg(id)}`);
