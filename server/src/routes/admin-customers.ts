import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

/** `/admin/customers` (customers, issue 13): being built. Mounted behind a staff session (routes/admin.ts). */
export const adminCustomersRouter = new Hono<AppEnv>();
