import { Hono, type Context } from 'hono';
import type {
  ErpKeyCreated,
  ErpKeySummary,
  ErpWebhookDelivery,
  ErpWebhookDeliveryList,
  ErpWebhookEndpoint,
  ErpWebhookEndpointCreated,
  ErpWebhookEndpointList,
} from '../contract';
import { adminErpKeyBody, erpWebhookDeliveriesQuery, erpWebhookEndpointBody } from '../contract/schemas';
import {
  createErpKey,
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listErpKeys,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  revokeErpKey,
  webhookUrlProblem,
} from '../domain/erp';
import type { Actor } from '../domain/events';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { requireFreshSignIn, requireRole } from '../http/middleware';
import { jsonBody, queryParams } from '../http/validate';

const staffActor = (c: Context<AppEnv>): Actor => ({ type: 'staff', id: c.var.session.staffUserId });
const pathId = (c: Context<AppEnv>, name: string) => (c.req.param(name) ?? '').slice(0, 200);
const admin = requireRole('admin');
/** Keys and endpoints decide who reads the ledger and where it is sent: an admin, freshly signed in. */
const change = [admin, requireFreshSignIn()] as const;

/**
 * `/admin/erp`: the ERP's API keys and webhook endpoints (admins), and the deliveries, which admins and
 * collectors may look at and retry (a delivery is about a payment they may be asked about).
 */
export const adminErpRouter = new Hono<AppEnv>()
  .get('/keys', admin, async (c) =>
    c.json({ items: await listErpKeys(c.var.deps.db) } satisfies { items: ErpKeySummary[] }),
  )
  .post('/keys', ...change, async (c) => {
    const { name } = await jsonBody(c, adminErpKeyBody);
    const created = await createErpKey(c.var.deps.db, name, staffActor(c), c.var.deps.clock.now());
    return c.json(created satisfies ErpKeyCreated, 201);
  })
  .delete('/keys/:id', ...change, async (c) => {
    const revoked = await revokeErpKey(c.var.deps.db, pathId(c, 'id'), staffActor(c), c.var.deps.clock.now());
    if (!revoked) throw new HttpError(404, 'not_found', 'No live key with that id.');
    return c.body(null, 204);
  })
  // Collectors list the endpoints too (no secret is shown) to look at and retry their deliveries.
  .get('/webhooks', requireRole('admin', 'collector'), async (c) =>
    c.json({ items: await listWebhookEndpoints(c.var.deps.db) } satisfies ErpWebhookEndpointList),
  )
  .post('/webhooks', ...change, async (c) => {
    const { db, clock, config } = c.var.deps;
    const production = config.NODE_ENV === 'production';
    const body = await jsonBody(
      c,
      erpWebhookEndpointBody((url) => webhookUrlProblem(url, production)),
    );
    const created = await db.transaction((tx) => createWebhookEndpoint(tx, body, staffActor(c), clock.now()));
    return c.json(created satisfies ErpWebhookEndpointCreated, 201);
  })
  .delete('/webhooks/:id', ...change, async (c) => {
    const { db, clock } = c.var.deps;
    const endpoint = await db.transaction((tx) =>
      disableWebhookEndpoint(tx, pathId(c, 'id'), staffActor(c), clock.now()),
    );
    return c.json(endpoint satisfies ErpWebhookEndpoint);
  })
  .get('/webhooks/:id/deliveries', requireRole('admin', 'collector'), async (c) => {
    const { limit } = queryParams(c, erpWebhookDeliveriesQuery);
    const items = await listWebhookDeliveries(c.var.deps.db, pathId(c, 'id'), limit);
    return c.json({ items } satisfies ErpWebhookDeliveryList);
  })
  .post('/webhooks/:id/deliveries/:deliveryId/retry', requireRole('admin', 'collector'), async (c) => {
    const { db, clock, worker } = c.var.deps;
    const delivery = await db.transaction((tx) =>
      retryWebhookDelivery(tx, pathId(c, 'id'), pathId(c, 'deliveryId'), staffActor(c), clock.now()),
    );
    worker.kick();
    return c.json(delivery satisfies ErpWebhookDelivery, 202);
  });
