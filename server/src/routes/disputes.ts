import { Hono, type Context } from 'hono';
import type { DisputeAttachmentView, DisputeList, DisputeMessageView, DisputeView } from '../contract';
import {
  attachmentId,
  disputeAttachmentFields,
  disputeId,
  disputeListQuery,
  disputeMessageBody,
  disputeRequestBody,
} from '../contract/schemas';
import {
  addAttachment,
  customerMessage,
  disputeView,
  listDisputes,
  openDispute,
  readAttachment,
  visibleDispute,
  withdrawDispute,
} from '../domain/disputes';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { jsonBody, multipartBody, queryParams } from '../http/validate';

/** A dispute id from the path; one that cannot be an id is simply not found. */
export function disputeIdOf(raw: string): string {
  const id = disputeId.safeParse(raw);
  if (!id.success) throw new HttpError(404, 'not_found', 'No such dispute.');
  return id.data;
}

/**
 * Sends a dispute's file as a download that no browser will run or render in place: its sniffed type,
 * `attachment`, `nosniff`, and a policy that allows nothing even if it were opened.
 */
export async function sendAttachment(c: Context<AppEnv>): Promise<Response> {
  const attachment = attachmentId.safeParse(c.req.param('attachmentId'));
  if (!attachment.success) throw new HttpError(404, 'not_found', 'No such attachment.');
  const file = await readAttachment(c.var.deps, c.var.session, disputeIdOf(c.req.param('id')!), attachment.data);
  const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, '_');
  c.header('Content-Type', file.type);
  c.header('Content-Length', String(file.data.byteLength));
  c.header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  c.header('Cache-Control', 'private, no-store');
  return c.body(file.data as Uint8Array<ArrayBuffer>);
}

const customer = requireSession('customer');

export const disputesRouter = new Hono<AppEnv>()
  // The dispute's customer contacts and staff (any role) may fetch its files.
  .get('/:id/attachments/:attachmentId', requireSession(), sendAttachment)
  .get('/', customer, async (c) => {
    const query = queryParams(c, disputeListQuery);
    return c.json({ items: await listDisputes(c.var.deps.db, c.var.session, query) } satisfies DisputeList);
  })
  .post('/', customer, async (c) => {
    const body = await jsonBody(c, disputeRequestBody);
    const view = await openDispute(c.var.deps, c.var.session, body, c.var.requestId);
    return c.json(view satisfies DisputeView, 201);
  })
  .get('/:id', customer, async (c) => {
    const dispute = await visibleDispute(c.var.deps.db, c.var.session, disputeIdOf(c.req.param('id')));
    return c.json((await disputeView(c.var.deps.db, dispute)) satisfies DisputeView);
  })
  .post('/:id/attachments', customer, async (c) => {
    const id = disputeIdOf(c.req.param('id'));
    // Someone else's dispute is a 404 before its body is read (the write checks again, in its transaction).
    await visibleDispute(c.var.deps.db, c.var.session, id);
    const { file, fields } = await multipartBody(c, 'file', disputeAttachmentFields);
    const view = await addAttachment(
      c.var.deps,
      c.var.session,
      id,
      { ...file, messageId: fields.message },
      c.var.requestId,
    );
    return c.json(view satisfies DisputeAttachmentView, 201);
  })
  .post('/:id/messages', customer, async (c) => {
    const id = disputeIdOf(c.req.param('id'));
    const { body } = await jsonBody(c, disputeMessageBody);
    const message = await customerMessage(c.var.deps, c.var.session, id, body, c.var.requestId);
    return c.json(message satisfies DisputeMessageView, 201);
  })
  .post('/:id/withdraw', customer, async (c) => {
    const view = await withdrawDispute(c.var.deps, c.var.session, disputeIdOf(c.req.param('id')), c.var.requestId);
    return c.json(view satisfies DisputeView);
  });
