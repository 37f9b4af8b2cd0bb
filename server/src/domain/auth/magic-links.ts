/**
 * Magic links and their 6-digit codes: issue, preview, exchange. See docs/security.md for the model.
 *
 * - The token (32 random bytes) and the code are only ever in the email; the database keeps their
 *   SHA-256. The link is `returnTo#portico-link=<token>`: the fragment reaches no server log.
 * - Asking always answers the same, known email or not; only a known one gets a link.
 * - Consuming is one conditional UPDATE, so parallel exchanges of a one-use link make one session.
 */
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Audience, EasyPayPreview, LinkPreview, SessionCreated } from '../../contract';
import { safeEqualHex, sha256 } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { contacts, invoices, magicLinks } from '../../db/schema';
import { DomainError } from '../errors';
import { recordEvent } from '../events';
import { hitLimits } from './rate-limit';
import { inFlightFor, payableOf } from '../ledger';
import { authenticate, createSession, sessionInfo } from './sessions';
import { maskEmail } from '../../contract/email';
import { validateReturnTo } from './addresses';
import { WINDOW_MS, type AuthDeps, type RequestMeta } from './deps';
import { principalFor, requestMagicLink } from './issue-link';

export type { AuthDeps, RequestMeta } from './deps';

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/**
 * One-click resend from an expired or used-up link: a new link to the same email, audience and
 * target, under the same limits as asking by email. Holding a token proves nothing more than the
 * preview endpoint already tells, so an unknown one is `link_invalid` and the widget offers the form.
 * Easy Pay links carry their own scope and lifetime; a resend of one is an ordinary sign-in link.
 */
export async function resendMagicLink(
  deps: AuthDeps,
  req: { resendToken: string; returnTo: string; nonce?: string | null },
  meta: RequestMeta,
): Promise<{ resendAfter: number }> {
  const returnTo = validateReturnTo(req.returnTo, deps.config.ALLOWED_ORIGINS);
  await hitLimits(
    deps.db,
    [{ bucket: `preview:ip:${meta.ip}`, max: deps.config.RATE_LIMIT_IP * 4, windowMs: WINDOW_MS }],
    deps.clock.now(),
  );
  const old = await findLink(deps.db, req.resendToken);
  if (!old) throw linkInvalid();
  return requestMagicLink(
    deps,
    { email: old.email, audience: old.audience, returnTo, target: old.target, nonce: req.nonce },
    meta,
  );
}

async function findLink(db: DbOrTx, token: string) {
  if (!TOKEN_RE.test(token)) return undefined;
  return await db
    .select()
    .from(magicLinks)
    .where(eq(magicLinks.tokenHash, sha256(token)))
    .get();
}

const linkInvalid = () => new DomainError('link_invalid', 'This sign-in link is not valid. Ask for a new one.');
const linkUsed = () => new DomainError('link_used', 'This sign-in link has already been used. Ask for a new one.');
const linkExpired = () => new DomainError('link_expired', 'This sign-in link has expired. Ask for a new one.');

function assertLive(link: typeof magicLinks.$inferSelect, now: Date) {
  if (link.uses >= link.maxUses) throw linkUsed();
  if (link.expiresAt.getTime() <= now.getTime()) throw linkExpired();
}

/** `POST /auth/links/preview`: what the "Continue as …" screen shows. Never consumes. */
export async function previewMagicLink(
  deps: AuthDeps,
  token: string,
  nonce: string | null,
  meta: RequestMeta,
): Promise<LinkPreview> {
  const now = deps.clock.now();
  await hitLimits(
    deps.db,
    [{ bucket: `preview:ip:${meta.ip}`, max: deps.config.RATE_LIMIT_IP * 4, windowMs: WINDOW_MS }],
    now,
  );
  const link = await findLink(deps.db, token);
  if (!link) throw linkInvalid();
  assertLive(link, now);
  // As the exchange would refuse it: its person is no longer a contact (or an active staff user).
  // Without this an old Easy Pay link would go on showing its invoice's balance to someone removed.
  if (!(await principalFor(deps.db, link.email, link.audience))) throw linkInvalid();
  // An Easy Pay link is made by the company with an invoice email (`scopeInvoiceIds`); nobody asked
  // for it in a browser, so it has no nonce and the widget must not ask "was it you?" about it.
  const pay = link.scopeInvoiceIds !== null;
  return {
    email: maskEmail(link.email),
    audience: link.audience,
    sameBrowser: Boolean(nonce && link.nonceHash && safeEqualHex(sha256(nonce), link.nonceHash)),
    expiresAt: link.expiresAt.toISOString(),
    purpose: !pay ? 'sign_in' : link.target?.startsWith('disputes/') ? 'dispute' : 'pay',
    pay: pay ? await easyPayPreview(deps, link.email, link.scopeInvoiceIds ?? []) : null,
  };
}

/**
 * What an Easy Pay landing shows before anything is exchanged: the company, and each invoice of the
 * link with its balance and what is left to pay once the money already in flight (`reservations`:
 * payments accepted and not yet applied, failed or returned) is taken off. Reads only.
 */
async function easyPayPreview(
  { db, settings }: AuthDeps,
  email: string,
  invoiceIds: string[],
): Promise<EasyPayPreview> {
  const company = (await settings.get(db)).companyName;
  if (invoiceIds.length === 0) return { company, invoices: [] };
  // Only invoices of accounts the email is a contact of now, as the session it opens would see.
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      balance: invoices.balance,
      voidedAt: invoices.voidedAt,
    })
    .from(invoices)
    .innerJoin(contacts, and(eq(contacts.customerId, invoices.customerId), eq(contacts.email, email)))
    .where(inArray(invoices.id, invoiceIds))
    .all();
  const held = await inFlightFor(db, invoiceIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    company,
    // In the link's order; an invoice deleted or moved out of reach since the link was sent is left out.
    invoices: invoiceIds.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const payable = r.voidedAt ? 0 : payableOf(r.balance, held.get(id));
      return [{ number: r.number, dueDate: r.dueDate, currency: r.currency, balance: r.balance, payable }];
    }),
  };
}

export async function startSession(
  deps: AuthDeps,
  tx: DbOrTx,
  link: typeof magicLinks.$inferSelect,
  now: Date,
  meta: RequestMeta,
  via: 'link' | 'code',
): Promise<SessionCreated> {
  const principal = await principalFor(tx, link.email, link.audience);
  if (!principal) throw linkInvalid();
  const { token } = await createSession(
    tx,
    deps.config,
    {
      audience: link.audience,
      email: link.email,
      staffUserId: principal.staffUserId,
      scopeInvoiceIds: link.scopeInvoiceIds ?? null,
      linkId: link.id,
    },
    now,
  );
  await recordEvent(
    tx,
    {
      type: 'auth.signed_in',
      actor: { type: link.audience, id: link.email },
      subject: { type: 'magic_link', id: link.id },
      data: { via, ip: meta.ip, scoped: link.scopeInvoiceIds !== null },
      requestId: meta.requestId,
    },
    now,
  );
  const session = await authenticate(tx, deps.config, token, now);
  if (!session) throw linkInvalid();
  return { token, ...(await sessionInfo(tx, session)) };
}

export async function rejected(
  db: DbOrTx,
  reason: string,
  meta: RequestMeta,
  email: string | null,
  now: Date,
): Promise<void> {
  await recordEvent(
    db,
    {
      type: 'auth.rejected',
      actor: { type: 'anonymous', id: email },
      data: { reason, ip: meta.ip },
      requestId: meta.requestId,
    },
    now,
  );
}

/** `POST /auth/sessions {token}`: consumes one use of the link and starts a session. */
export async function exchangeLinkToken(
  deps: AuthDeps,
  req: { token: string; audience?: Audience },
  meta: RequestMeta,
): Promise<SessionCreated> {
  const { db, clock } = deps;
  const now = clock.now();
  await hitLimits(
    db,
    [{ bucket: `exchange:ip:${meta.ip}`, max: deps.config.RATE_LIMIT_IP * 4, windowMs: WINDOW_MS }],
    now,
  );
  const link = await findLink(db, req.token);
  try {
    if (!link) throw linkInvalid();
    // A staff link opened in the customer portal (or the reverse) is refused, not silently switched.
    if (req.audience && req.audience !== link.audience) throw linkInvalid();
    return await db.transaction(async (tx) => {
      const consumed = await tx
        .update(magicLinks)
        .set({ uses: sql`${magicLinks.uses} + 1` })
        .where(and(eq(magicLinks.id, link.id), lt(magicLinks.uses, magicLinks.maxUses), gt(magicLinks.expiresAt, now)))
        .returning()
        .get();
      if (!consumed) assertLive((await tx.select().from(magicLinks).where(eq(magicLinks.id, link.id)).get())!, now);
      return startSession(deps, tx, consumed!, now, meta, 'link');
    });
  } catch (err) {
    if (err instanceof DomainError) await rejected(db, err.code, meta, link?.email ?? null, now);
    throw err;
  }
}
