import { Hono } from 'hono';
import type { AdminOverview } from '../contract';
import { adminOverviewQuery } from '../contract/schemas';
import { buildOverview } from '../domain/metrics';
import type { AppEnv } from '../http/env';
import { queryParams } from '../http/validate';

/** `/admin/overview`: the AR figures every staff role may read. Mounted behind a staff session (routes/admin.ts). */
export const adminOverviewRouter = new Hono<AppEnv>().get('/', async (c) => {
  const query = queryParams(c, adminOverviewQuery);
  const { db, clock, settings } = c.var.deps;
  const overview = await buildOverview(db, await settings.get(db), clock.now(), query);
  return c.json(overview satisfies AdminOverview);
});
