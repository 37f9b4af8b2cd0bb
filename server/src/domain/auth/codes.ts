/**
 * Signing in with the 6-digit code from a magic link's email, typed in the browser that asked: the
 * same work for every try whatever the email (see `CODE_CANDIDATES`), one conditional UPDATE to consume.
 */
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Audience, SessionCreated } from '../../contract';
import type { Config } from '../../config';
import { hashCode, safeEqualHex, sha256 } from '../../crypto';
import { magicLinks } from '../../db/schema';
import { DomainError } from '../errors';
import { hitLimits } from './rate-limit';
import { normalizeEmail } from '../../contract/email';
import { WINDOW_MS, type AuthDeps, type RequestMeta } from './deps';
import { rejected, startSession } from './magic-links';

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

/**
 * How many code hashes `exchangeCode` has computed in this app (its deps own the count): with it, tests
 * check that the work of a try does not depend on the email's live codes.
 */
export function codeHashesComputed(deps: Pick<AuthDeps, 'codeHashes'>): number {
  return deps.codeHashes.computed;
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
  await hitLimits(
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
    await rejected(db, 'code_invalid', meta, email, now);
    throw codeInvalid();
  }

  // Only the newest CODE_CANDIDATES live codes are checked, each against its own salt, and the list
  // is padded with throwaway candidates: exactly CODE_CANDIDATES scrypt hashes per try, whether the
  // email has no live code, one, or ten (see CODE_CANDIDATES).
  const live = await db
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
      deps.codeHashes.computed++;
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

  const result = await db.transaction(async (tx) => {
    if (match) {
      // Checked again as it is consumed: another request may have used it or failed it out meanwhile.
      const consumed = await tx
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
      await tx
        .update(magicLinks)
        .set({ codeFailures: sql`${magicLinks.codeFailures} + 1` })
        .where(liveCodesOf(email, req.audience, config, now))
        .run();
    }
    await rejected(tx, 'code_invalid', meta, email, now);
    return null;
  });
  if (!result) throw codeInvalid();
  return result;
}
