/**
 * The ERP's door: bulk upserts of customers and invoices by external id, the invoice feed for
 * reconciliation, the payments feed, webhook endpoints, and sending an invoice by email.
 * Authenticated with an ERP API key, not a session. Bodies may be up to 32 MB (10,000 invoice rows run
 * to several MB), so this router has its own body limit and the API's 1 MB one skips it; the key is
 * checked before any of the body is read.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  ERP_MAX_ROWS,
  type ErpCustomersUpsertResult,
  type ErpInvoiceFeed,
  type ErpInvoiceSendResult,
  type ErpInvoicesUpsertResult,
  type ErpPaymentFeed,
  type ErpPromiseFeed,
  type ErpDisputeFeed,
  type ErpCreditNoteFeed,
  type ErpValidationFailedBody,
  type ErpWebhookDelivery,
  type ErpWebhookDeliveryList,
  type ErpWebhookEndpoint,
  type ErpWebhookEndpointCreated,
  type ErpWebhookEndpointList,
} from '../contract/erp';
import {
  erpCustomersBody,
  erpInvoiceFeedQuery,
  erpInvoicesBody,
  erpPaymentFeedQuery,
  erpWebhookDeliveriesQuery,
  erpWebhookEndpointBody,
} from '../contract/schemas';
import type { Tx } from '../db/client';
import { calendarDate } from '../domain/dates';
import {
  CustomerUpserter,
  listErpInvoices,
  importAll,
  type RowErrorList,
  InvoiceUpserter,
  listErpPayments,
  listErpPromises,
  listErpDisputes,
  listErpCreditNotes,
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  webhookUrlProblem,
} from '../domain/erp';
import { queueInvoiceSend, requestInvoiceSend } from '../domain/invoices';
import { HttpError } from '../http/errors';
import { requireErpKey } from '../http/erp-auth';
import type { AppEnv } from '../http/env';
import { jsonBody, queryParams } from '../http/validate';

export const ERP_BODY_LIMIT = 32 * 1024 * 1024;

const rowsBodies = { customers: erpCustomersBody, invoices: erpInvoicesBody };

async function rowsOf(c: Context<AppEnv>, key: 'customers' | 'invoices'): Promise<unknown[]> {
  const body: Record<string, unknown[]> = await jsonBody(c, rowsBodies[key]);
  const rows = body[key]!;
  if (rows.length > ERP_MAX_ROWS) {
    throw new HttpError(
      413,
      'payload_too_large',
      `At most ${ERP_MAX_ROWS.toLocaleString('en-US')} ${key} per request; send the rest in another request.`,
    );
  }
  return rows;
}

function validationFailed(c: Context<AppEnv>, errors: RowErrorList) {
  const body: ErpValidationFailedBody = {
    error: {
      code: 'validation_failed',
      message: `${errors.count} problem${errors.count === 1 ? '' : 's'} in the rows; nothing was written.`,
      rows: errors.rows,
      moreRows: errors.more,
      requestId: c.var.requestId,
    },
  };
  return c.json(body, 422);
}

/** Ids in paths are only compared for equality; anything longer than an id is no id. */
const pathId = (c: Context<AppEnv>, name: string) => (c.req.param(name) ?? '').slice(0, 200);

const erpActor = (c: Context<AppEnv>) => ({ type: 'erp' as const, id: c.var.erpKeyId });

export const erp = new Hono<AppEnv>()
  .use(requireErpKey)
  .use(
    bodyLimit({
      maxSize: ERP_BODY_LIMIT,
      onError: () => {
        throw new HttpError(413, 'payload_too_large', 'The body is larger than 32 MB; send fewer rows per request.');
      },
    }),
  )
  .put('/customers', async (c) => {
    const rows = await rowsOf(c, 'customers');
    const { db, clock } = c.var.deps;
    const options = {
      actor: { type: 'erp' as const, id: c.var.erpKeyId },
      now: clock.now(),
      requestId: c.var.requestId,
    };
    const outcome = await importAll(db, rows, options, (imp) => new CustomerUpserter(imp));
    if (!outcome.ok) return validationFailed(c, outcome.errors);
    return c.json(outcome.result satisfies ErpCustomersUpsertResult);
  })
  .put('/invoices', async (c) => {
    const rows = await rowsOf(c, 'invoices');
    const { db, clock } = c.var.deps;
    const options = {
      actor: { type: 'erp' as const, id: c.var.erpKeyId },
      now: clock.now(),
      requestId: c.var.requestId,
    };
    // Rows with `send: true` queue their email inside the import's transaction: sent only if it commits.
    const send = async (tx: Tx, invoice: { id: string; customerId: string }) =>
      (await queueInvoiceSend(tx, invoice, options.actor, options.now, options.requestId)) > 0;
    const outcome = await importAll(db, rows, options, (imp) => new InvoiceUpserter(imp, send));
    if (!outcome.ok) return validationFailed(c, outcome.errors);
    if (outcome.result.sent) c.var.deps.worker.kick();
    return c.json(outcome.result satisfies ErpInvoicesUpsertResult);
  })
  .post('/invoices/:id/send', async (c) => {
    const { db, clock, worker } = c.var.deps;
    const result = await requestInvoiceSend(db, pathId(c, 'id'), erpActor(c), clock.now(), c.var.requestId);
    worker.kick();
    return c.json(result satisfies ErpInvoiceSendResult, 202);
  })
  .get('/payments', async (c) => {
    const query = queryParams(c, erpPaymentFeedQuery);
    return c.json((await listErpPayments(c.var.deps.db, query)) satisfies ErpPaymentFeed);
  })
  .get('/promises', async (c) => {
    // The same paging as the payments feed: `since` (a cursor it returned) and `limit`.
    const query = queryParams(c, erpPaymentFeedQuery);
    return c.json((await listErpPromises(c.var.deps.db, query)) satisfies ErpPromiseFeed);
  })
  .get('/disputes', async (c) => {
    const query = queryParams(c, erpPaymentFeedQuery);
    return c.json((await listErpDisputes(c.var.deps.db, query)) satisfies ErpDisputeFeed);
  })
  .get('/credit-notes', async (c) => {
    const query = queryParams(c, erpPaymentFeedQuery);
    return c.json((await listErpCreditNotes(c.var.deps.db, query)) satisfies ErpCreditNoteFeed);
  })
  .post('/webhooks', async (c) => {
    const { db, clock, config } = c.var.deps;
    const production = config.NODE_ENV === 'production';
    const body = await jsonBody(
      c,
      erpWebhookEndpointBody((url) => webhookUrlProblem(url, production)),
    );
    const created = await db.transaction((tx) => createWebhookEndpoint(tx, body, erpActor(c), clock.now()));
    return c.json(created satisfies ErpWebhookEndpointCreated, 201);
  })
  .get('/webhooks', async (c) =>
    c.json({ items: await listWebhookEndpoints(c.var.deps.db) } satisfies ErpWebhookEndpointList),
  )
  .delete('/webhooks/:id', async (c) => {
    const { db, clock } = c.var.deps;
    const endpoint = await db.transaction((tx) =>
      disableWebhookEndpoint(tx, pathId(c, 'id'), erpActor(c), clock.now()),
    );
    return c.json(endpoint satisfies ErpWebhookEndpoint);
  })
  .get('/webhooks/:id/deliveries', async (c) => {
    const { limit } = queryParams(c, erpWebhookDeliveriesQuery);
    const items = await listWebhookDeliveries(c.var.deps.db, pathId(c, 'id'), limit);
    return c.json({ items } satisfies ErpWebhookDeliveryList);
  })
  .post('/webhooks/:id/deliveries/:deliveryId/retry', async (c) => {
    const { db, clock, worker } = c.var.deps;
    const delivery = await db.transaction((tx) =>
      retryWebhookDelivery(tx, pathId(c, 'id'), pathId(c, 'deliveryId'), erpActor(c), clock.now()),
    );
    worker.kick();
    return c.json(delivery satisfies ErpWebhookDelivery, 202);
  })
  .get('/invoices', async (c) => {
    const query = queryParams(c, erpInvoiceFeedQuery);
    const { db, clock } = c.var.deps;
    const today = calendarDate(clock.now(), (await c.var.deps.settings.get(db)).timeZone);
    return c.json((await listErpInvoices(db, query, today)) satisfies ErpInvoiceFeed);
  });
