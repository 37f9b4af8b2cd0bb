/**
 * Asking for a magic link: `POST /auth/links` validates and rate-limits the request and queues the
 * `auth.issue_link` job, which writes the link (for a known email only) and queues its email, so the
 * request does the same work whether or not the email is known. See magic-links.ts for the model.
 */
import { eq } from 'drizzle-orm';
import type { Audience } from '../../contract';
import type { Config } from '../../config';
import { hashCode, newId, randomCode, randomToken, sha256 } from '../../crypto';
import type { Db, DbOrTx } from '../../db/client';
import { contacts, magicLinks, staffUsers } from '../../db/schema';
import { DomainError } from '../errors';
import { magicLinkEmail } from '../../mail/templates';
import { recordEvent } from '../events';
import { enqueueJob, type JobHandler } from '../jobs';
import { queueEmail, readerLocale } from '../notifications';
import { hitCooldown, hitLimits } from './rate-limit';
import { getSettings } from '../settings';
import { normalizeEmail } from '../../contract/email';
import { validateReturnTo, validateTarget } from './addresses';
import { WINDOW_MS, type AuthDeps, type RequestMeta } from './deps';

export async function principalFor(
  db: DbOrTx,
  email: string,
  audience: Audience,
): Promise<{ staffUserId: string | null } | null> {
  if (audience === 'staff') {
    const staff = await db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
    return staff?.active ? { staffUserId: staff.id } : null;
  }
  const contact = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email)).limit(1).get();
  return contact ? { staffUserId: null } : null;
}

export interface IssueLinkInput {
  email: string;
  audience: Audience;
  returnTo: string;
  target: string | null;
  /** SHA-256 of the binding nonce the asking browser kept, if it sent one. */
  nonceHash: string | null;
  /** Easy Pay: the invoices the session may see; longer-lived links set their own TTL and uses. */
  scopeInvoiceIds?: string[] | null;
  ttlMinutes?: number;
  maxUses?: number;
}

/** A new link's secrets, made before its transaction because hashing the code is asynchronous. */
export interface LinkSecrets {
  id: string;
  token: string;
  code: string;
  codeHash: string;
}

export async function newLinkSecrets(): Promise<LinkSecrets> {
  const id = newId('mlk');
  const code = randomCode();
  return { id, token: randomToken(32), code, codeHash: await hashCode(id, code) };
}

/**
 * Writes a link for a known, active email and queues its email; does nothing for any other email.
 * Runs in the `auth.issue_link` job, so the request that asked did the same work either way.
 * Returns the link's URL, or null when the email is not known. With `signInEmail: false` no sign-in
 * email is queued: the caller puts the URL in its own email (an invoice's Easy Pay link), and the
 * code, which no email then holds, is born expired.
 */
export async function issueMagicLink(
  db: DbOrTx,
  config: Config,
  input: IssueLinkInput,
  { id, token, code, codeHash }: LinkSecrets,
  now: Date,
  options: { signInEmail?: boolean } = {},
): Promise<string | null> {
  const principal = await principalFor(db, input.email, input.audience);
  if (!principal) return null;
  const signInEmail = options.signInEmail ?? true;

  const ttl = input.ttlMinutes ?? config.LINK_TTL_MINUTES;
  await db
    .insert(magicLinks)
    .values({
      id,
      tokenHash: sha256(token),
      codeHash,
      nonceHash: input.nonceHash,
      email: input.email,
      audience: input.audience,
      target: input.target,
      returnTo: input.returnTo,
      scopeInvoiceIds: input.scopeInvoiceIds ?? null,
      maxUses: input.maxUses ?? config.LINK_MAX_USES,
      expiresAt: new Date(now.getTime() + ttl * 60_000),
      codeExpiresAt: signInEmail ? new Date(now.getTime() + config.CODE_TTL_MINUTES * 60_000) : now,
      createdAt: now,
    })
    .run();
  await recordEvent(
    db,
    {
      type: 'auth.link_sent',
      actor: { type: 'system' },
      subject: { type: 'magic_link', id },
      data: { email: input.email, audience: input.audience },
    },
    now,
  );
  const url = `${input.returnTo}#portico-link=${token}`;
  if (!signInEmail) return url;
  const company = await getSettings(db, config);
  await queueEmail(
    db,
    magicLinkEmail({
      company: company.companyName,
      to: input.email,
      url,
      code,
      audience: input.audience,
      expiresInMinutes: ttl,
      codeExpiresInMinutes: config.CODE_TTL_MINUTES,
      locale:
        input.audience === 'staff' ? company.locale : await readerLocale(db, { email: input.email }, null, company),
    }),
    now,
  );
  return url;
}

/** What an Easy Pay link is for: one contact, the invoices it may pay, where it lands. */
export interface EasyPayLinkInput {
  email: string;
  returnTo: string;
  /** A portal route (`pay/INV-1042`, `pay?invoices=…`, `invoices?status=past_due`). */
  target: string;
  invoiceIds: string[];
}

/**
 * Writes an Easy Pay link in the caller's transaction: a long-lived magic link (`EASY_PAY_TTL_DAYS`,
 * `EASY_PAY_MAX_USES`) whose session sees only `invoiceIds`, for the caller's own email (no sign-in
 * email, so no code: its secrets need no slow hash). Null when the email is no longer a contact.
 */
export async function issueEasyPayLink(
  db: DbOrTx,
  config: Config,
  input: EasyPayLinkInput,
  now: Date,
): Promise<string | null> {
  // The code of a link with no sign-in email is born expired and never checked: any unguessable hash does.
  const secrets = { id: newId('mlk'), token: randomToken(32), code: '', codeHash: sha256(randomToken(32)) };
  return issueMagicLink(
    db,
    config,
    {
      email: input.email,
      audience: 'customer',
      returnTo: input.returnTo,
      target: input.target,
      nonceHash: null,
      scopeInvoiceIds: input.invoiceIds,
      ttlMinutes: config.EASY_PAY_TTL_DAYS * 1440,
      maxUses: config.EASY_PAY_MAX_USES,
    },
    secrets,
    now,
    { signInEmail: false },
  );
}

export const ISSUE_LINK = 'auth.issue_link';

export function issueLinkHandler(db: Db, config: Config): JobHandler {
  return async (payload, { now, finish }) => {
    const p = payload as unknown as IssueLinkInput;
    // Made for every request, known email or not: the same work either way.
    const secrets = await newLinkSecrets();
    // The link, its email and the job's completion commit together: a run after a crash, or by a
    // worker that took over a lapsed lease, finds the job done or finds no link, never one too many.
    await db.transaction(async (tx) => {
      await issueMagicLink(tx, config, p, secrets, now);
      await finish(tx);
    });
  };
}

async function checkRequestLimits(db: DbOrTx, config: Config, email: string, ip: string, now: Date): Promise<void> {
  await hitLimits(
    db,
    [
      { bucket: 'links:global', max: config.RATE_LIMIT_GLOBAL, windowMs: WINDOW_MS },
      { bucket: `links:ip:${ip}`, max: config.RATE_LIMIT_IP, windowMs: WINDOW_MS },
      { bucket: `links:email:${sha256(email)}`, max: config.RATE_LIMIT_EMAIL, windowMs: WINDOW_MS },
    ],
    now,
  );
  if (config.RESEND_COOLDOWN_SECONDS > 0) {
    await hitCooldown(db, `links:cooldown:${sha256(email)}`, config.RESEND_COOLDOWN_SECONDS * 1000, now);
  }
}

export interface LinkRequest {
  email: string;
  audience: Audience;
  returnTo: string;
  target?: string | null;
  nonce?: string | null;
}

/** `POST /auth/links`: validates, rate-limits, and issues a link when the email is known. */
export async function requestMagicLink(
  deps: AuthDeps,
  req: LinkRequest,
  meta: RequestMeta,
): Promise<{ resendAfter: number }> {
  const { db, config, clock } = deps;
  const email = normalizeEmail(req.email);
  if (!email) throw new DomainError('email_invalid', 'Enter one email address, like name@company.com.');
  const returnTo = validateReturnTo(req.returnTo, config.ALLOWED_ORIGINS);
  const target = validateTarget(req.target);
  const now = clock.now();
  await checkRequestLimits(db, config, email, meta.ip, now);
  // The same two writes whoever asks: whether the email is known is decided in the job, so neither
  // the answer nor its timing tells.
  await db.transaction(async (tx) => {
    await recordEvent(
      tx,
      {
        type: 'auth.link_requested',
        actor: { type: 'anonymous', id: email },
        data: { audience: req.audience, ip: meta.ip, target },
        requestId: meta.requestId,
      },
      now,
    );
    const job: IssueLinkInput = {
      email,
      audience: req.audience,
      returnTo,
      target,
      nonceHash: req.nonce ? sha256(req.nonce) : null,
    };
    await enqueueJob(tx, { type: ISSUE_LINK, payload: { ...job }, maxAttempts: 3 }, now);
  });
  return { resendAfter: config.RESEND_COOLDOWN_SECONDS };
}
