import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { adminDisputesRouter } from './admin-disputes';

/** `/admin`: the staff's API (staff sessions only; each router says which roles may act). */
export const adminRouter = new Hono<AppEnv>().use(requireSession('staff')).route('/disputes', adminDisputesRouter);
