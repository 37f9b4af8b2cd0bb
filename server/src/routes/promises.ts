import { Hono } from 'hono';
import type { PromiseConfig, PromiseList, PromiseView } from '../contract';
import { accountQuery, promiseId, promiseListQuery, promiseRequestBody } from '../contract/schemas';
import {
  cancelAutopay,
  cancelPromise,
  createPromise,
  listPromises,
  promiseConfig,
  promiseView,
  visiblePromise,
} from '../domain/promises';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { jsonBody, queryParams } from '../http/validate';

function idOf(raw: string): string {
  const id = promiseId.safeParse(raw);
  if (!id.success) throw new HttpError(404, 'not_found', 'No such promise.');
  return id.data;
}

export const promisesRouter = new Hono<AppEnv>()
  .use(requireSession('customer'))
  .get('/config', async (c) => {
    const { account } = queryParams(c, accountQuery);
    return c.json((await promiseConfig(c.var.deps, c.var.session, account)) satisfies PromiseConfig);
  })
  .get('/', async (c) => {
    const query = queryParams(c, promiseListQuery);
    return c.json({ items: await listPromises(c.var.deps.db, c.var.session, query) } satisfies PromiseList);
  })
  .post('/', async (c) => {
    const body = await jsonBody(c, promiseRequestBody);
    const view = await createPromise(c.var.deps, c.var.session, body, c.var.requestId);
    return c.json(view satisfies PromiseView, 201);
  })
  .get('/:id', async (c) => {
    const promise = await visiblePromise(c.var.deps.db, c.var.session, idOf(c.req.param('id')));
    return c.json((await promiseView(c.var.deps.db, promise)) satisfies PromiseView);
  })
  .post('/:id/cancel', async (c) => {
    const view = await cancelPromise(c.var.deps, c.var.session, idOf(c.req.param('id')), c.var.requestId);
    return c.json(view satisfies PromiseView);
  })
  .post('/:id/autopay/cancel', async (c) => {
    const view = await cancelAutopay(c.var.deps, c.var.session, idOf(c.req.param('id')), c.var.requestId);
    return c.json(view satisfies PromiseView);
  });
