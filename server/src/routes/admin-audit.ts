import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

/** `/admin/audit` (issue 13): being built. Mounted behind a staff session (routes/admin.ts). */
export const adminAuditRouter = new Hono<AppEnv>();
