import { Hono } from 'hono';
import type { LinkPreview, LinkRequestAccepted, SessionCreated, SessionInfo } from '../contract';
import { linkBody, linkPreviewBody, sessionRequestBody } from '../contract/schemas';
import {
  exchangeCode,
  exchangeLinkToken,
  previewMagicLink,
  requestMagicLink,
  resendMagicLink,
  revokeAllSessions,
  revokeSession,
  sessionInfo,
} from '../domain/auth';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { jsonBody } from '../http/validate';

export const auth = new Hono<AppEnv>()
  .post('/links', async (c) => {
    const body = await jsonBody(c, linkBody);
    const meta = { ip: c.var.ip, requestId: c.var.requestId };
    const { resendAfter } =
      'resendToken' in body
        ? await resendMagicLink(c.var.deps, body, meta)
        : await requestMagicLink(c.var.deps, body, meta);
    c.var.deps.worker.kick();
    return c.json({ ok: true, resendAfter } satisfies LinkRequestAccepted, 202);
  })
  .post('/links/preview', async (c) => {
    const body = await jsonBody(c, linkPreviewBody);
    const result = await previewMagicLink(c.var.deps, body.token, body.nonce ?? null, {
      ip: c.var.ip,
      requestId: c.var.requestId,
    });
    return c.json(result satisfies LinkPreview);
  })
  .post('/sessions', async (c) => {
    const body = await jsonBody(c, sessionRequestBody);
    const meta = { ip: c.var.ip, requestId: c.var.requestId };
    const created =
      'token' in body ? await exchangeLinkToken(c.var.deps, body, meta) : await exchangeCode(c.var.deps, body, meta);
    return c.json(created satisfies SessionCreated);
  })
  .get('/session', requireSession(), async (c) =>
    c.json((await sessionInfo(c.var.deps.db, c.var.session)) satisfies SessionInfo),
  )
  .delete('/session', requireSession(), async (c) => {
    const { db, clock } = c.var.deps;
    await db.transaction((tx) => revokeSession(tx, c.var.session, clock.now(), c.var.requestId));
    return c.body(null, 204);
  })
  .delete('/sessions', requireSession(), async (c) => {
    const { db, clock } = c.var.deps;
    const s = c.var.session;
    await db.transaction((tx) => revokeAllSessions(tx, s.email, s.audience, clock.now(), c.var.requestId));
    return c.body(null, 204);
  });
