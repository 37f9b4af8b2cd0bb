/**
 * The staff console's money routes (issue 13): on a customer, an offline payment, applying credit, a
 * credit note and a phone promise (mounted at `/admin/customers`, beside the page's reads and
 * actions); the payments queue with refunds (`/admin/payments`); the promises queue (`/admin/promises`).
 * Contract: `contract/admin-money.ts`.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

export const adminMoneyCustomerRouter = new Hono<AppEnv>();
export const adminPaymentsRouter = new Hono<AppEnv>();
export const adminPromisesRouter = new Hono<AppEnv>();
