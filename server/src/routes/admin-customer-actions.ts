import { Hono, type Context } from 'hono';
import type {
  CollectorView,
  ContactAccessEnded,
  CustomerContactView,
  CustomerNoteView,
  DunningPauseView,
  EmailsQueued,
} from '../contract';
import {
  collectorAssignBody,
  contactCreateBody,
  customerLinkBody,
  customerNoteBody,
  dunningPauseBody,
  statementSendBody,
} from '../contract/schemas';
import {
  addContact,
  addCustomerNote,
  assignCollector,
  endContactSessions,
  removeContact,
  sendCustomerLink,
  sendStatement,
  setDunningPause,
  type StaffActing,
} from '../domain/customer-actions';
import type { AppEnv } from '../http/env';
import { requireRole } from '../http/middleware';
import { jsonBody } from '../http/validate';

const acting = (c: Context<AppEnv>): StaffActing => ({
  staffUserId: c.var.session.staffUserId!,
  name: c.var.session.name,
  requestId: c.var.requestId,
});

/** Per route, not `.use`: this router shares `/admin/customers` with the page's reads, which viewers may make. */
const mayAct = requireRole('admin', 'collector');

/**
 * `/admin/customers/:id/…` (issue 13): the customer page's actions, for admins and collectors. Mounted
 * behind a staff session (routes/admin.ts); the page's reads are routes/admin-customers.ts.
 */
export const adminCustomerActionsRouter = new Hono<AppEnv>()
  .post('/:id/notes', mayAct, async (c) => {
    const { body } = await jsonBody(c, customerNoteBody);
    const note = await addCustomerNote(c.var.deps, c.req.param('id'), body, acting(c));
    return c.json(note satisfies CustomerNoteView, 201);
  })
  .post('/:id/dunning/pause', mayAct, async (c) => {
    const { until } = await jsonBody(c, dunningPauseBody);
    const view = await setDunningPause(c.var.deps, c.req.param('id'), { until }, acting(c));
    return c.json(view satisfies DunningPauseView);
  })
  .post('/:id/dunning/resume', mayAct, async (c) => {
    const view = await setDunningPause(c.var.deps, c.req.param('id'), 'resume', acting(c));
    return c.json(view satisfies DunningPauseView);
  })
  .post('/:id/collector', mayAct, async (c) => {
    const body = await jsonBody(c, collectorAssignBody);
    // "me": the staff member acting (a collector cannot read the staff list to learn their own id).
    const staffUserId = body.staffUserId === 'me' ? c.var.session.staffUserId! : body.staffUserId;
    const view = await assignCollector(c.var.deps, c.req.param('id'), staffUserId, acting(c));
    return c.json(view satisfies CollectorView);
  })
  .post('/:id/contacts', mayAct, async (c) => {
    const body = await jsonBody(c, contactCreateBody);
    const contact = await addContact(c.var.deps, c.req.param('id'), body, acting(c));
    return c.json(contact satisfies CustomerContactView, 201);
  })
  .delete('/:id/contacts/:contactId', mayAct, async (c) => {
    await removeContact(c.var.deps, c.req.param('id'), c.req.param('contactId'), acting(c));
    return c.body(null, 204);
  })
  .post('/:id/contacts/:contactId/sessions/end', mayAct, async (c) => {
    const ended = await endContactSessions(c.var.deps, c.req.param('id'), c.req.param('contactId'), acting(c));
    return c.json(ended satisfies ContactAccessEnded);
  })
  .post('/:id/links', mayAct, async (c) => {
    const body = await jsonBody(c, customerLinkBody);
    const sent = await sendCustomerLink(c.var.deps, c.req.param('id'), body, acting(c));
    c.var.deps.worker.kick();
    return c.json(sent satisfies EmailsQueued, 202);
  })
  .post('/:id/statement/send', mayAct, async (c) => {
    const body = await jsonBody(c, statementSendBody);
    const sent = await sendStatement(c.var.deps, c.req.param('id'), body, acting(c));
    c.var.deps.worker.kick();
    return c.json(sent satisfies EmailsQueued, 202);
  });
