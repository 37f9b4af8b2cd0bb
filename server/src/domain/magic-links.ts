/**
 * Magic links and their 6-digit codes: issue, preview, exchange. See docs/security.md for the model.
 *
 * - The token (32 random bytes) and the code are only ever in the email; the database keeps their
 *   SHA-256. The link is `returnTo#portico-link=<token>`: the fragment reaches no server log.
 * - Asking always answers the same, known email or not; only a known one gets a link.
 * - Consuming is one conditional UPDATE, so parallel exchanges of a one-use link make one session.
 */
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Audience, EasyPayPreview, LinkPreview, SessionCreated } from '../contract';
import { maskEmail, normalizeEmail } from '../contract/email';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { hashCode, newId, randomCode, randomToken, safeEqualHex, sha256 } from '../crypto';
import type { Db, DbOrTx } from '../db/client';
import { contacts, invoices, magicLinks, staffUsers } from '../db/schema';
import { DomainError } from './errors';
import { magicLinkEmail } from '../mail/templates';
import { recordEvent } from './events';
import { enqueueJob, type JobHandler } from './jobs';
import { queueEmail } from './outbox';
import { readerLocale } from './reader-locale';
import { hitCooldown, hitLimits } from './rate-limit';
import { inFlightFor, payableOf } from './reservations';
import { getSettings } from './settings';
import { authenticate, createSession, sessionInfo } from './sessions';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

export interface RequestMeta {
  ip: string;
  requestId: string | null;
}

/** `returnTo` must be an allow-listed origin exactly, plus a path; its fragment is dropped. */
export function validateReturnTo(raw: string, allowedOrigins: readonly string[]): string {
  const invalid = () => new DomainError('return_to_invalid', 'returnTo must be a page on an allowed origin.');
  // URL parsing forgives control characters and backslashes; a returnTo with any is refused outright.
  // eslint-disable-next-line no-control-regex
  if (raw.length > 2048 || /[\s\\\u0000-\u001f\u007f]/.test(raw) || !/^https?:\/\/[^/]/i.test(raw)) throw invalid();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid();
  }
  if (url.username || url.password || !allowedOrigins.includes(url.origin)) throw invalid();
  return `${url.origin}${url.pathname}${url.search}`;
}

// An invoice number is one path segment, percent-encoded when it holds `/` or other characters (`2024%2F001`).
const TARGET_PATH_RE =
  /^(?:invoices|invoices\/[A-Za-z0-9%][A-Za-z0-9._~%-]{0,191}|pay\/[A-Za-z0-9%][A-Za-z0-9._~%-]{0,191}|statement|payments|account)$/;
const TARGET_PARAMS: Record<string, RegExp> = {
  status: /^(?:open|past_due|paid|disputed|all)$/,
  account: /^[A-Za-z0-9_-]{1,64}$/,
};

// Control characters (C0, DEL, C1), line and paragraph separators, and bidirectional overrides and
// isolates: nothing an invoice number needs, and each can split a log line or disguise a name.
const UNSAFE_DECODED_RE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * One round of forgiving percent-decoding, as a lenient decoder further along might do it: each run
 * of `%XX` escapes becomes its UTF-8 text, with U+FFFD for bytes that are not UTF-8, and a stray `%`
 * stays as it is. So a control hidden behind a malformed neighbour (`%250D…%`) is still found.
 */
function decodeLeniently(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) =>
    utf8.decode(Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16))),
  );
}

/**
 * Whether `raw` is well-formed percent-encoding that never decodes to an unsafe character: not once
 * (`%0d%0a`, `%00`, `%7f`, `%c2%85`), nor when decoded again by something that decodes twice
 * (`%250d`). A target that still changes after a few decodings is refused too.
 */
function decodesSafely(raw: string): boolean {
  try {
    // Strict first: `%zz`, a cut-off `%e2%82` or an encoded lone surrogate is malformed.
    decodeURIComponent(raw);
  } catch {
    return false;
  }
  let current = raw;
  for (let round = 0; round < 4; round++) {
    const next = decodeLeniently(current);
    if (UNSAFE_DECODED_RE.test(next)) return false;
    if (next === current) return true;
    current = next;
  }
  return false;
}

/**
 * A portal route, never a URL: a known path (`invoices`, `invoices/INV-1042`, `pay/INV-1042`,
 * `statement`, `account`) with at most `status` and `account` parameters, each once. Percent-encoding
 * must be well-formed and must not decode to a control character (`invoices/%0d%0aX`, `%00`, `%7f`,
 * `%c2%85`).
 */
export function validateTarget(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const invalid = () => new DomainError('target_invalid', 'target must be a portal route such as invoices/INV-1042.');
  if (raw.length > 250 || !/^[A-Za-z0-9._~%/?&=-]+$/.test(raw) || !decodesSafely(raw)) throw invalid();
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  if (!TARGET_PATH_RE.test(path)) throw invalid();
  if (q !== -1) {
    const seen = new Set<string>();
    for (const pair of raw.slice(q + 1).split('&')) {
      const [key = '', value = '', ...rest] = pair.split('=');
      const rule = TARGET_PARAMS[key];
      if (!rule || rest.length > 0 || seen.has(key) || !rule.test(value)) throw invalid();
      seen.add(key);
    }
  }
  return raw;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

function principalFor(db: DbOrTx, email: string, audience: Audience) {
  if (audience === 'staff') {
    const staff = db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
    return staff?.active ? { staffUserId: staff.id } : null;
  }
  const contact = db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email)).limit(1).get();
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
export function issueMagicLink(
  db: DbOrTx,
  config: Config,
  input: IssueLinkInput,
  { id, token, code, codeHash }: LinkSecrets,
  now: Date,
  options: { signInEmail?: boolean } = {},
): string | null {
  const principal = principalFor(db, input.email, input.audience);
  if (!principal) return null;
  const signInEmail = options.signInEmail ?? true;

  const ttl = input.ttlMinutes ?? config.LINK_TTL_MINUTES;
  db.insert(magicLinks)
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
  recordEvent(
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
  const company = getSettings(db);
  queueEmail(
    db,
    magicLinkEmail({
      company: company.companyName,
      to: input.email,
      url,
      code,
      audience: input.audience,
      expiresInMinutes: ttl,
      codeExpiresInMinutes: config.CODE_TTL_MINUTES,
      locale: input.audience === 'staff' ? company.locale : readerLocale(db, { email: input.email }, null, company),
    }),
    now,
  );
  return url;
}

export const ISSUE_LINK = 'auth.issue_link';

export function issueLinkHandler(db: Db, config: Config): JobHandler {
  return async (payload, { now, finish }) => {
    const p = payload as unknown as IssueLinkInput;
    // Made for every request, known email or not: the same work either way.
    const secrets = await newLinkSecrets();
    // The link, its email and the job's completion commit together: a run after a crash, or by a
    // worker that took over a lapsed lease, finds the job done or finds no link, never one too many.
    db.transaction((tx) => {
      issueMagicLink(tx, config, p, secrets, now);
      finish(tx);
    });
  };
}

const WINDOW_MS = 15 * 60_000;

function checkRequestLimits(db: DbOrTx, config: Config, email: string, ip: string, now: Date) {
  hitLimits(
    db,
    [
      { bucket: 'links:global', max: config.RATE_LIMIT_GLOBAL, windowMs: WINDOW_MS },
      { bucket: `links:ip:${ip}`, max: config.RATE_LIMIT_IP, windowMs: WINDOW_MS },
      { bucket: `links:email:${sha256(email)}`, max: config.RATE_LIMIT_EMAIL, windowMs: WINDOW_MS },
    ],
    now,
  );
  if (config.RESEND_COOLDOWN_SECONDS > 0) {
    hitCooldown(db, `links:cooldown:${sha256(email)}`, config.RESEND_COOLDOWN_SECONDS * 1000, now);
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
export function requestMagicLink(deps: AuthDeps, req: LinkRequest, meta: RequestMeta): { resendAfter: number } {
  const { db, config, clock } = deps;
  const email = normalizeEmail(req.email);
  if (!email) throw new DomainError('email_invalid', 'Enter one email address, like name@company.com.');
  const returnTo = validateReturnTo(req.returnTo, config.ALLOWED_ORIGINS);
  const target = validateTarget(req.target);
  const now = clock.now();
  checkRequestLimits(db, config, email, meta.ip, now);
  // The same two writes whoever asks: whether the email is known is decided in the job, so neither
  // the answer nor its timing tells.
  db.transaction((tx) => {
    recordEvent(
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
    enqueueJob(tx, { type: ISSUE_LINK, payload: { ...job }, maxAttempts: 3 }, now);
  });
  return { resendAfter: config.RESEND_COOLDOWN_SECONDS };
}

/**
 * One-click resend from an expired or used-up link: a new link to the same email, audience and
 * target, under the same limits as asking by email. Holding a token proves nothing more than the
 * preview endpoint already tells, so an unknown one is `link_invalid` and the widget offers the form.
 * Easy Pay links carry their own scope and lifetime; a resend of one is an ordinary sign-in link.
 */
export function resendMagicLink(
  deps: AuthDeps,
  req: { resendToken: string; returnTo: string; nonce?: string | null },
  meta: RequestMeta,
): { resendAfter: number } {
  const returnTo = validateReturnTo(req.returnTo, deps.config.ALLOWED_ORIGINS);
  hitLimits(
    deps.db,
    [{ bucket: `preview:ip:${meta.ip}`, max: deps.config.RATE_LIMIT_IP * 4, windowMs: WINDOW_MS }],
    deps.clock.now(),
  );
  const old = findLink(deps.db, req.resendToken);
  if (!old) throw linkInvalid();
  return requestMagicLink(
    deps,
    { email: old.email, audience: old.audience, returnTo, target: old.target, nonce: req.nonce },
    meta,
  );
}

function findLink(db: DbOrTx, token: string) {
  if (!TOKEN_RE.test(token)) return undefined;
  return db
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
export function previewMagicLink(deps: AuthDeps, token: string, nonce: string | null, meta: RequestMeta): LinkPreview {
  const now = deps.clock.now();
  hitLimits(
    deps.db,
    [{ bucket: `preview:ip:${meta.ip}`, max: deps.config.RATE_LIMIT_IP * 4, windowMs: WINDOW_MS }],
    now,
  );
  const link = findLink(deps.db, token);
  if (!link) throw linkInvalid();
  assertLive(link, now);
  // As the exchange would refuse it: its person is no longer a contact (or an active staff user).
  // Without this an old Easy Pay link would go on showing its invoice's balance to someone removed.
  if (!principalFor(deps.db, link.email, link.audience)) throw linkInvalid();
  // An Easy Pay link is made by the company with an invoice email (`scopeInvoiceIds`); nobody asked
  // for it in a browser, so it has no nonce and the widget must not ask "was it you?" about it.
  const pay = link.scopeInvoiceIds !== null;
  return {
    email: maskEmail(link.email),
    audience: link.audience,
    sameBrowser: Boolean(nonce && link.nonceHash && safeEqualHex(sha256(nonce), link.nonceHash)),
    expiresAt: link.expiresAt.toISOString(),
    purpose: pay ? 'pay' : 'sign_in',
    pay: pay ? easyPayPreview(deps.db, link.email, link.scopeInvoiceIds ?? []) : null,
  };
}

/**
 * What an Easy Pay landing shows before anything is exchanged: the company, and each invoice of the
 * link with its balance and what is left to pay once the money already in flight (`reservations`:
 * payments accepted and not yet applied, failed or returned) is taken off. Reads only.
 */
function easyPayPreview(db: DbOrTx, email: string, invoiceIds: string[]): EasyPayPreview {
  const company = getSettings(db).companyName;
  if (invoiceIds.length === 0) return { company, invoices: [] };
  // Only invoices of accounts the email is a contact of now, as the session it opens would see.
  const rows = db
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
  const held = inFlightFor(db, invoiceIds);
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

function startSession(
  deps: AuthDeps,
  tx: DbOrTx,
  link: typeof magicLinks.$inferSelect,
  now: Date,
  meta: RequestMeta,
  via: 'link' | 'code',
): SessionCreated {
  const principal = principalFor(tx, link.email, link.audience);
  if (!principal) throw linkInvalid();
  const { token } = createSession(
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
  recordEvent(
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
  const session = authenticate(tx, deps.config, token, now);
  if (!session) throw linkInvalid();
  return { token, ...sessionInfo(tx, session) };
}

function rejected(db: DbOrTx, reason: string, meta: RequestMeta, email: string | null, now: Date) {
  recordEvent(
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
export function exchangeLinkToken(
  deps: AuthDeps,
  req: { token: string; audience?: Audience },
  meta: RequestMeta,
): SessionCreated {
  const { db, clock } = deps;
  const now = clock.now();
  hitLimits(db, [{ bucket: `exchange:ip:${meta.ip}`, max: deps.config.RATE_LIMIT_IP * 4, windowMs: WINDOW_MS }], now);
  const link = findLink(db, req.token);
  try {
    if (!link) throw linkInvalid();
    // A staff link opened in the customer portal (or the reverse) is refused, not silently switched.
    if (req.audience && req.audience !== link.audience) throw linkInvalid();
    return db.transaction((tx) => {
      const consumed = tx
        .update(magicLinks)
        .set({ uses: sql`${magicLinks.uses} + 1` })
        .where(and(eq(magicLinks.id, link.id), lt(magicLinks.uses, magicLinks.maxUses), gt(magicLinks.expiresAt, now)))
        .returning()
        .get();
      if (!consumed) assertLive(tx.select().from(magicLinks).where(eq(magicLinks.id, link.id)).get()!, now);
      return startSession(deps, tx, consumed!, now, meta, 'link');
    });
  } catch (err) {
    if (err instanceof DomainError) rejected(db, err.code, meta, link?.email ?? null, now);
    throw err;
  }
}

/**
 * How many codes one code try is checked against. Each code's scrypt is salted with its link's id, so
 * checking costs one scrypt (about 12 ms) per candidate; checking one per live code made a wrong try
 * for a customer's email measurably slower than for a stranger's, telling who is a customer. So every
 * try checks exactly this many: the email's newest live codes, padded with throwaway candidates that
 * cost the same and can never match. Three covers asking again because the first email is slow and
 * then typing the first email's code; an older code than that no longer signs in by code (its link
 * still does). A per-email salt would need one hash per try, but then every link of an email would
 * share one salt and the links' hashes would have to be made knowing the email.
 */
export const CODE_CANDIDATES = 3;

/** Stands in for a code hash on padding candidates; never compared as a match. */
const PADDING_HASH = '0'.repeat(64);

let codeHashCount = 0;

/**
 * How many code hashes `exchangeCode` has computed in this process: with it, tests check that the
 * work of a try does not depend on the email's live codes.
 */
export function codeHashesComputed(): number {
  return codeHashCount;
}

/** The live codes of one email and audience: unexpired, not failed out, and their link still usable. */
function liveCodesOf(email: string, audience: Audience, config: Config, now: Date) {
  return and(
    eq(magicLinks.email, email),
    eq(magicLinks.audience, audience),
    gt(magicLinks.codeExpiresAt, now),
    gt(magicLinks.expiresAt, now),
    lt(magicLinks.codeFailures, config.CODE_MAX_FAILURES),
    lt(magicLinks.uses, magicLinks.maxUses),
  );
}

/** `POST /auth/sessions {email, code}`: the code from the email, typed in the browser that asked. */
export async function exchangeCode(
  deps: AuthDeps,
  req: { email: string; code: string; audience: Audience },
  meta: RequestMeta,
): Promise<SessionCreated> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const codeInvalid = () =>
    new DomainError('code_invalid', 'That code is not right, or it has expired. Check the email or ask for a new one.');
  const email = normalizeEmail(req.email);
  if (!email) throw new DomainError('email_invalid', 'Enter one email address, like name@company.com.');
  hitLimits(
    db,
    [
      { bucket: `code:ip:${meta.ip}`, max: config.RATE_LIMIT_IP, windowMs: WINDOW_MS },
      {
        bucket: `code:email:${sha256(email)}`,
        max: config.CODE_MAX_FAILURES * config.RATE_LIMIT_EMAIL,
        windowMs: WINDOW_MS,
      },
    ],
    now,
  );
  if (!/^\d{6}$/.test(req.code)) {
    rejected(db, 'code_invalid', meta, email, now);
    throw codeInvalid();
  }

  // Only the newest CODE_CANDIDATES live codes are checked, each against its own salt, and the list
  // is padded with throwaway candidates: exactly CODE_CANDIDATES scrypt hashes per try, whether the
  // email has no live code, one, or ten (see CODE_CANDIDATES).
  const live = db
    .select({ id: magicLinks.id, codeHash: magicLinks.codeHash })
    .from(magicLinks)
    .where(liveCodesOf(email, req.audience, config, now))
    .orderBy(desc(magicLinks.createdAt), desc(magicLinks.id))
    .limit(CODE_CANDIDATES)
    .all();
  const candidates = Array.from(
    { length: CODE_CANDIDATES },
    (_, i) => live[i] ?? { id: `mlk_padding${i}`, codeHash: PADDING_HASH },
  );
  const hashes = await Promise.all(
    candidates.map((c) => {
      codeHashCount++;
      return hashCode(c.id, req.code);
    }),
  );
  // Every candidate is compared, in constant time, with no early exit.
  let found: { id: string } | undefined;
  for (const [i, c] of candidates.entries()) {
    const same = safeEqualHex(hashes[i]!, c.codeHash);
    if (same && c.codeHash !== PADDING_HASH && !found) found = c;
  }
  const match = found;

  const result = db.transaction((tx) => {
    if (match) {
      // Checked again as it is consumed: another request may have used it or failed it out meanwhile.
      const consumed = tx
        .update(magicLinks)
        .set({ uses: sql`${magicLinks.uses} + 1` })
        .where(
          and(
            eq(magicLinks.id, match.id),
            lt(magicLinks.uses, magicLinks.maxUses),
            lt(magicLinks.codeFailures, config.CODE_MAX_FAILURES),
          ),
        )
        .returning()
        .get();
      if (consumed) return startSession(deps, tx, consumed, now, meta, 'code');
    } else {
      // A wrong try counts against every live code of this email, so guessing across links gains
      // nothing. One statement whether it touches no row or several, with the rejection's event.
      tx.update(magicLinks)
        .set({ codeFailures: sql`${magicLinks.codeFailures} + 1` })
        .where(liveCodesOf(email, req.audience, config, now))
        .run();
    }
    rejected(tx, 'code_invalid', meta, email, now);
    return null;
  });
  if (!result) throw codeInvalid();
  return result;
}
