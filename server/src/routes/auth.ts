import { Hono } from 'hono';
import { z } from 'zod';
import type { LinkPreview, LinkRequestAccepted, SessionCreated, SessionInfo } from '../contract';
import { exchangeCode, exchangeLinkToken, previewMagicLink, requestMagicLink, resendMagicLink } from '../domain/auth';
import { revokeAllSessions, revokeSession, sessionInfo } from '../domain/auth';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { jsonBody } from '../http/validate';

const audience = z.enum(['customer', 'staff']);
const nonce = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'nonce must be 16–128 URL-safe characters');
// Lengths are capped before any work: a 10 KB token is a 400, not a hash of 10 KB.
const token = z.string().min(1).max(200);
const returnTo = z.string().min(1).max(2048);

const linkRequest = z.object({
  email: z.string().max(320),
  audience: audience.default('customer'),
  returnTo,
  target: z.string().max(250).optional(),
  nonce: nonce.optional(),
});
const linkResend = z.object({ resendToken: token, returnTo, nonce: nonce.optional() });
const linkBody = z.union([linkResend, linkRequest]);

const preview = z.object({ token, nonce: nonce.optional() });

const sessionBody = z.union([
  z.object({ token, audience: audience.optional() }),
  z.object({ email: z.string().max(320), code: z.string().max(32), audience: audience.default('customer') }),
]);

export const auth = new Hono<AppEnv>()
  .post('/links', async (c) => {
    const body = await jsonBody(c, linkBody);
    const meta = { ip: c.var.ip, requestId: c.var.requestId };
    const { resendAfter } =
      'resendToken' in body ? resendMagicLink(c.var.deps, body, meta) : requestMagicLink(c.var.deps, body, meta);
    c.var.deps.worker.kick();
    return c.json({ ok: true, resendAfter } satisfies LinkRequestAccepted, 202);
  })
  .post('/links/preview', async (c) => {
    const body = await jsonBody(c, preview);
    const result = previewMagicLink(c.var.deps, body.token, body.nonce ?? null, {
      ip: c.var.ip,
      requestId: c.var.requestId,
    });
    return c.json(result satisfies LinkPreview);
  })
  .post('/sessions', async (c) => {
    const body = await jsonBody(c, sessionBody);
    const meta = { ip: c.var.ip, requestId: c.var.requestId };
    const created =
      'token' in body ? exchangeLinkToken(c.var.deps, body, meta) : await exchangeCode(c.var.deps, body, meta);
    return c.json(created satisfies SessionCreated);
  })
  .get('/session', requireSession(), (c) => c.json(sessionInfo(c.var.deps.db, c.var.session) satisfies SessionInfo))
  .delete('/session', requireSession(), (c) => {
    const { db, clock } = c.var.deps;
    revokeSession(db, c.var.session, clock.now(), c.var.requestId);
    return c.body(null, 204);
  })
  .delete('/sessions', requireSession(), (c) => {
    const { db, clock } = c.var.deps;
    const s = c.var.session;
    db.transaction((tx) => revokeAllSessions(tx, s.email, s.audience, clock.now(), c.var.requestId));
    return c.body(null, 204);
  });
