import { Hono } from 'hono';
import type { DisputeList, DisputeMessageView, DisputeView } from '../contract';
import {
  adminDisputeListQuery,
  disputeAssignBody,
  disputeRejectBody,
  disputeResolveBody,
  staffDisputeMessageBody,
} from '../contract/schemas';
import {
  assignDispute,
  disputeView,
  listStaffDisputes,
  rejectDispute,
  resolveDispute,
  reviewDispute,
  staffDispute,
  staffMessage,
} from '../domain/disputes';
import type { AppEnv } from '../http/env';
import { requireRole } from '../http/middleware';
import { jsonBody, queryParams } from '../http/validate';
import { disputeIdOf, sendAttachment } from './disputes';

/** Staff acting on a dispute: admins and collectors; viewers only read. */
const act = requireRole('admin', 'collector');

/** `/admin/disputes`: every staff session reads; admins and collectors act. Mounted behind a staff session. */
export const adminDisputesRouter = new Hono<AppEnv>()
  .get('/', async (c) => {
    const query = queryParams(c, adminDisputeListQuery);
    return c.json({ items: await listStaffDisputes(c.var.deps.db, c.var.session, query) } satisfies DisputeList);
  })
  .get('/:id', async (c) => {
    const dispute = await staffDispute(c.var.deps.db, disputeIdOf(c.req.param('id')));
    return c.json((await disputeView(c.var.deps.db, dispute, true)) satisfies DisputeView);
  })
  .get('/:id/attachments/:attachmentId', sendAttachment)
  .post('/:id/assign', act, async (c) => {
    const id = disputeIdOf(c.req.param('id'));
    const body = await jsonBody(c, disputeAssignBody);
    // "me": the staff member acting (a collector cannot read the staff list to learn their own id).
    const staffUserId = body.staffUserId === 'me' ? c.var.session.staffUserId! : body.staffUserId;
    const view = await assignDispute(c.var.deps, c.var.session, id, staffUserId, c.var.requestId);
    return c.json(view satisfies DisputeView);
  })
  .post('/:id/review', act, async (c) => {
    const view = await reviewDispute(c.var.deps, c.var.session, disputeIdOf(c.req.param('id')), c.var.requestId);
    return c.json(view satisfies DisputeView);
  })
  .post('/:id/messages', act, async (c) => {
    const id = disputeIdOf(c.req.param('id'));
    const body = await jsonBody(c, staffDisputeMessageBody);
    const message = await staffMessage(c.var.deps, c.var.session, id, body, c.var.requestId);
    return c.json(message satisfies DisputeMessageView, 201);
  })
  .post('/:id/resolve', act, async (c) => {
    const id = disputeIdOf(c.req.param('id'));
    const body = await jsonBody(c, disputeResolveBody);
    const view = await resolveDispute(c.var.deps, c.var.session, id, body, c.var.requestId);
    return c.json(view satisfies DisputeView);
  })
  .post('/:id/reject', act, async (c) => {
    const id = disputeIdOf(c.req.param('id'));
    const { reason } = await jsonBody(c, disputeRejectBody);
    const view = await rejectDispute(c.var.deps, c.var.session, id, reason, c.var.requestId);
    return c.json(view satisfies DisputeView);
  });
