import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Audience, StaffRole } from '../contract';
import { randomToken } from '../crypto';
import { authenticate } from '../domain/auth';
import { forbidden, unauthenticated } from '../domain/errors';
import { HttpError } from './errors';
import type { AppEnv } from './env';

/** A request id from a trusted-looking `X-Request-Id` or a new one; echoed on the response. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomToken(12);
  c.set('requestId', id);
  await next();
  c.header('X-Request-Id', id);
};

function clientIp(c: Context<AppEnv>): string {
  if (c.var.deps.config.TRUST_PROXY) {
    // The last entry is the one our own proxy appended; earlier ones are whatever the client sent.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/** Access log: method, path (never the query or fragment), status, time. */
export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  c.set('ip', clientIp(c));
  await next();
  c.var.deps.logger.info('request', {
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests from a browser must come from an allowed origin. Requests with no Origin
 * (server to server: the ERP, curl) pass; they carry no ambient credentials a page could ride on.
 */
export const originCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  if (!SAFE_METHODS.has(c.req.method) && origin !== undefined && !c.var.deps.config.ALLOWED_ORIGINS.includes(origin)) {
    throw new HttpError(403, 'origin_forbidden', 'Requests from this origin are not allowed.');
  }
  await next();
};

/** The token of an `Authorization: Bearer <token>` header (session or ERP key), or null. */
export function bearerToken(c: Context): string | null {
  return /^Bearer (\S{1,200})$/.exec(c.req.header('authorization') ?? '')?.[1] ?? null;
}

/** Requires a bearer session of the given audience; puts it on `c.var.session`. */
export function requireSession(audience?: Audience) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw unauthenticated();
    const { db, config, clock } = c.var.deps;
    const session = await authenticate(db, config, token, clock.now());
    if (!session) throw new HttpError(401, 'session_expired', 'Your session has ended. Sign in again.');
    if (audience && session.audience !== audience) throw forbidden();
    c.set('session', session);
    await next();
  });
}

/**
 * After `requireSession('staff')`: a staff role allowed to act here (`viewer` reads only); any other
 * session is a 403.
 */
export function requireRole(...roles: readonly StaffRole[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const role = c.var.session.role;
    if (!role || !roles.includes(role)) throw forbidden('Your role may not do that.');
    await next();
  });
}

/** How recent a sign-in must be to change settings, staff or keys. */
export const FRESH_SIGN_IN_MS = 10 * 60_000;

/**
 * After `requireSession('staff')`: the session's link was exchanged in the last 10 minutes. A session
 * left open on a desk cannot change who signs in or where money goes; the person signs in again.
 */
export function requireFreshSignIn() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const age = c.var.deps.clock.now().getTime() - c.var.session.signedInAt.getTime();
    if (age > FRESH_SIGN_IN_MS) {
      throw new HttpError(
        403,
        'reauth_required',
        'Sign in again to change this: your sign-in is more than 10 minutes old.',
      );
    }
    await next();
  });
}
