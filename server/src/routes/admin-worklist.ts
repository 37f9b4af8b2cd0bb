import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

/** `/admin/worklist` (issue 13): being built. Mounted behind a staff session (routes/admin.ts). */
export const adminWorklistRouter = new Hono<AppEnv>();
