/**
 * The staff console's money routes (issue 13): on a customer, an offline payment, applying credit, a
 * credit note and a phone promise (mounted at `/admin/customers`, beside the page's reads and
 * actions); the payments queue with refunds (`/admin/payments`); the promises queue (`/admin/promises`).
 * Contract: `contract/admin-money.ts`. Every staff role reads; admins and collectors act.
 */
import { Hono, type Context } from 'hono';
import type {
  AdminPaymentPage,
  AdminPaymentRow,
  AdminPromisePage,
  ApplyCreditResult,
  CreditNoteView,
  PromiseView,
} from '../contract';
import {
  adminCreditNoteBody,
  adminPaymentListQuery,
  adminPromiseListQuery,
  adminRefundBody,
  applyCreditBody,
  idempotencyKey,
  offlinePaymentBody,
  paymentId,
  phonePromiseBody,
} from '../contract/schemas';
import {
  applyCredit,
  issueStaffCreditNote,
  listAdminPayments,
  listAdminPromises,
  type MoneyActing,
  recordOfflinePayment,
  recordPhonePromise,
  refundPayment,
} from '../domain/staff-money';
import { notFound } from '../domain/errors';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import { requireRole } from '../http/middleware';
import { jsonBody, queryParams } from '../http/validate';

const acting = (c: Context<AppEnv>): MoneyActing => ({
  staffUserId: c.var.session.staffUserId!,
  email: c.var.session.email,
  name: c.var.session.name,
  requestId: c.var.requestId,
});

/** Per route, not `.use`: these routers share their paths with reads, which viewers may make. */
const mayAct = requireRole('admin', 'collector');

export const adminMoneyCustomerRouter = new Hono<AppEnv>()
  .post('/:id/payments', mayAct, async (c) => {
    const key = idempotencyKey.safeParse(c.req.header('idempotency-key'));
    if (!key.success) {
      throw new HttpError(
        400,
        'invalid_request',
        'Send an Idempotency-Key header (8 to 255 visible characters, e.g. a UUID), new for each payment.',
      );
    }
    const body = await jsonBody(c, offlinePaymentBody);
    const result = await recordOfflinePayment(c.var.deps, c.req.param('id'), body, key.data, acting(c));
    c.var.deps.worker.kick();
    return c.json(result.row satisfies AdminPaymentRow, result.created ? 201 : 200);
  })
  .post('/:id/credit/apply', mayAct, async (c) => {
    const body = await jsonBody(c, applyCreditBody);
    const result = await applyCredit(c.var.deps, c.req.param('id'), body, acting(c));
    return c.json(result satisfies ApplyCreditResult);
  })
  .post('/:id/credit-notes', mayAct, async (c) => {
    const body = await jsonBody(c, adminCreditNoteBody);
    const note = await issueStaffCreditNote(c.var.deps, c.req.param('id'), body, acting(c));
    return c.json(note satisfies CreditNoteView, 201);
  })
  .post('/:id/promises', mayAct, async (c) => {
    const body = await jsonBody(c, phonePromiseBody);
    const promise = await recordPhonePromise(c.var.deps, c.req.param('id'), body, acting(c));
    c.var.deps.worker.kick();
    return c.json(promise satisfies PromiseView, 201);
  });

export const adminPaymentsRouter = new Hono<AppEnv>()
  .get('/', async (c) => {
    const query = queryParams(c, adminPaymentListQuery);
    return c.json((await listAdminPayments(c.var.deps, query)) satisfies AdminPaymentPage);
  })
  .post('/:id/refund', mayAct, async (c) => {
    const id = paymentId.safeParse(c.req.param('id'));
    if (!id.success) throw notFound('No such payment.');
    const body = await jsonBody(c, adminRefundBody);
    const row = await refundPayment(c.var.deps, id.data, body, acting(c));
    c.var.deps.worker.kick();
    return c.json(row satisfies AdminPaymentRow);
  });

export const adminPromisesRouter = new Hono<AppEnv>().get('/', async (c) => {
  const query = queryParams(c, adminPromiseListQuery);
  return c.json((await listAdminPromises(c.var.deps, query)) satisfies AdminPromisePage);
});
