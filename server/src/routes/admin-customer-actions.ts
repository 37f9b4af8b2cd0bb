import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

/** `/admin/customers` (customer-actions, issue 13): being built. Mounted behind a staff session (routes/admin.ts). */
export const adminCustomerActionsRouter = new Hono<AppEnv>();
