/**
 * The dispute calls of the API, beside the lazy elements that make them (`<ar-dispute-editor>`,
 * `<ar-dispute>`, `<ar-dispute-list>`) rather than on `PorticoApi`, so `portico.js` does not carry them.
 */
import type { CallOptions, DownloadedFile, DownloadOptions, PorticoApi } from './api.js';
import type {
  DisputeAttachmentView,
  DisputeList,
  DisputeListQuery,
  DisputeMessageView,
  DisputeRequestBody,
  DisputeView,
} from './types.js';

const path = (id: string) => `/disputes/${encodeURIComponent(id)}`;

/** The account's disputes, newest first; `status` keeps one kind, `invoice` one invoice's. */
export function listDisputes(
  api: PorticoApi,
  query: DisputeListQuery = {},
  options?: CallOptions,
): Promise<DisputeList> {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  ).toString();
  return api.call('GET', `/disputes${params ? `?${params}` : ''}`, options);
}

export function getDispute(api: PorticoApi, id: string, options?: CallOptions): Promise<DisputeView> {
  return api.call('GET', path(id), options);
}

/** Opens a dispute of invoice lines (`409 invoice_disputed` when one is already open). */
export function openDispute(api: PorticoApi, body: DisputeRequestBody, options?: CallOptions): Promise<DisputeView> {
  return api.call('POST', '/disputes', { body, ...options });
}

/** Adds a file (an image or a PDF, ≤ 10 MB, ≤ 5 per dispute) to the dispute, or to one of its messages. */
export function uploadDisputeAttachment(
  api: PorticoApi,
  id: string,
  file: File,
  message?: string,
  options?: CallOptions,
): Promise<DisputeAttachmentView> {
  const body = new FormData();
  body.append('file', file, file.name);
  if (message) body.append('message', message);
  return api.call('POST', `${path(id)}/attachments`, { body, ...options });
}

export function downloadDisputeAttachment(
  api: PorticoApi,
  id: string,
  attachment: Pick<DisputeAttachmentView, 'id' | 'name' | 'type'>,
  options?: DownloadOptions,
): Promise<DownloadedFile> {
  return api.file(
    `${path(id)}/attachments/${encodeURIComponent(attachment.id)}`,
    attachment.type,
    attachment.name,
    options,
  );
}

export function replyToDispute(
  api: PorticoApi,
  id: string,
  body: string,
  options?: CallOptions,
): Promise<DisputeMessageView> {
  return api.call('POST', `${path(id)}/messages`, { body: { body }, ...options });
}

/** Withdraws an open dispute (`409 dispute_not_open` once decided). */
export function withdrawDispute(api: PorticoApi, id: string, options?: CallOptions): Promise<DisputeView> {
  return api.call('POST', `${path(id)}/withdraw`, options);
}
