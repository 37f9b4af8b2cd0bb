import { Hono } from 'hono';
import type { WorklistPage } from '../contract';
import { adminWorklistQuery } from '../contract/schemas';
import { listWorklist } from '../domain/worklist';
import type { AppEnv } from '../http/env';
import { queryParams } from '../http/validate';

/**
 * `/admin/worklist`: the customers with something unpaid, ranked for the collector (domain/worklist).
 * Every staff session reads it. Mounted behind a staff session (routes/admin.ts).
 */
export const adminWorklistRouter = new Hono<AppEnv>().get('/', async (c) => {
  const query = queryParams(c, adminWorklistQuery);
  const { db, clock, settings } = c.var.deps;
  const { timeZone } = await settings.get(db);
  const page = await listWorklist(db, c.var.session.staffUserId, query, clock.now(), timeZone);
  return c.json(page satisfies WorklistPage);
});
