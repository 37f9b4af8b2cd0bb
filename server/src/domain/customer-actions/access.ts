/**
 * Ending a contact's way in: their customer sessions and open sign-in links. Sessions and links belong to
 * an email, not to an account, so they end only when the email is a contact of no other customer (a
 * bookkeeper removed from one client keeps their way into the others).
 */
import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { ContactAccessEnded } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { contacts, magicLinks, sessions } from '../../db/schema';

export async function endCustomerAccess(
  db: DbOrTx,
  email: string,
  customerId: string,
  now: Date,
): Promise<ContactAccessEnded> {
  const elsewhere = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.email, email), ne(contacts.customerId, customerId)))
    .limit(1)
    .get();
  if (elsewhere) return { sessions: 0, links: 0 };
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.email, email),
        eq(sessions.audience, 'customer'),
        isNull(sessions.revokedAt),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .returning({ id: sessions.id })
    .all();
  // A link has no revoked mark: it is made to expire now, code and all.
  const revoked = await db
    .update(magicLinks)
    .set({ expiresAt: now, codeExpiresAt: now })
    .where(
      and(
        eq(magicLinks.email, email),
        eq(magicLinks.audience, 'customer'),
        gt(magicLinks.expiresAt, now),
        lt(magicLinks.uses, magicLinks.maxUses),
      ),
    )
    .returning({ id: magicLinks.id })
    .all();
  return { sessions: ended.length, links: revoked.length };
}
