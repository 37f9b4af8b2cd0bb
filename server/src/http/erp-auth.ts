import { createMiddleware } from 'hono/factory';
import { authenticateErpKey } from '../domain/erp';
import { unauthenticated } from '../domain/errors';
import type { AppEnv } from './env';
import { bearerToken } from './middleware';

/**
 * Requires `Authorization: Bearer pk_live_…`, a live ERP API key; puts its id on `c.var.erpKeyId`.
 * Missing, unknown and revoked keys (and session tokens) all get the same 401.
 */
export const requireErpKey = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c);
  const { db, clock } = c.var.deps;
  const key = token ? await authenticateErpKey(db, token, clock.now()) : null;
  if (!key) throw unauthenticated('Send a live ERP API key as `Authorization: Bearer pk_live_…`.');
  c.set('erpKeyId', key.id);
  await next();
});
