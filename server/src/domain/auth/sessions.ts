/**
 * Sessions: an opaque bearer token, stored only as its SHA-256, with idle and absolute timeouts
 * (shorter for staff). A session's scope is resolved on every request from the live data: its
 * contact's customers now, so removing a contact or deactivating a staff user takes effect at once.
 */
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { AccountRef, Audience, SessionInfo, StaffRole } from '../../contract';
import type { Config } from '../../config';
import { newId, randomToken, sha256 } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { contacts, customers, invoices, magicLinks, sessions, staffUsers } from '../../db/schema';
import { recordEvent } from '../events';

export interface SessionPrincipal {
  audience: Audience;
  email: string;
  staffUserId: string | null;
  scopeInvoiceIds: string[] | null;
  linkId: string | null;
}

/** What a request knows about who is calling, resolved from the session and current data. */
export interface AuthSession {
  id: string;
  audience: Audience;
  email: string;
  name: string;
  role: StaffRole | null;
  staffUserId: string | null;
  /** The customer accounts this session may see (customer sessions). */
  accounts: AccountRef[];
  /** Easy Pay sessions see only these invoices. */
  scopeInvoiceIds: string[] | null;
  /** The magic link it was opened with, whose target is where the person lands. */
  linkId: string | null;
  expiresAt: Date;
  /** When its link was exchanged: a fresh sign-in (issue 13) is one made in the last few minutes. */
  signedInAt: Date;
}

/**
 * The idle deadline is renewed once this much has passed since its last renewal: a quarter of the
 * idle timeout, so even a 1-minute timeout slides, but no more than a minute.
 */
const SLIDE_FRACTION = 4;
const SLIDE_AT_MOST_AFTER_MS = 60_000;

function timeouts(config: Config, audience: Audience) {
  const t =
    audience === 'staff'
      ? { idle: config.STAFF_IDLE_MINUTES * 60_000, absolute: config.STAFF_ABSOLUTE_HOURS * 3_600_000 }
      : { idle: config.CUSTOMER_IDLE_MINUTES * 60_000, absolute: config.CUSTOMER_ABSOLUTE_HOURS * 3_600_000 };
  return { ...t, slideEvery: Math.min(SLIDE_AT_MOST_AFTER_MS, Math.floor(t.idle / SLIDE_FRACTION)) };
}

export async function createSession(db: DbOrTx, config: Config, principal: SessionPrincipal, now: Date) {
  const token = `pts_${randomToken(32)}`;
  const t = timeouts(config, principal.audience);
  const row = await db
    .insert(sessions)
    .values({
      id: newId('ses'),
      tokenHash: sha256(token),
      audience: principal.audience,
      email: principal.email,
      staffUserId: principal.staffUserId,
      scopeInvoiceIds: principal.scopeInvoiceIds,
      linkId: principal.linkId,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + t.idle),
      absoluteExpiresAt: new Date(now.getTime() + t.absolute),
    })
    .returning()
    .get();
  return { token, session: row };
}

/** The accounts an email is a contact of, by name, with the contact's own name (one query per request). */
async function customerAccountsOf(db: DbOrTx, email: string): Promise<{ accounts: AccountRef[]; contactName: string }> {
  const rows = await db
    .select({ id: customers.id, name: customers.name, contactName: contacts.name })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(eq(contacts.email, email))
    .orderBy(customers.name, customers.id)
    .all();
  return {
    accounts: rows.map(({ id, name }) => ({ id, name })),
    contactName: rows.find((r) => r.contactName)?.contactName ?? '',
  };
}

/**
 * The session for a bearer token, or null when it is unknown, revoked, timed out, or its person no
 * longer has access. Slides the idle timeout: once a quarter of it, or a minute if that is shorter,
 * has passed since the last renewal, the deadline moves to now + idle (never past the absolute
 * limit). So the row is written at most once per min(idle / 4, 1 minute) (once a minute with the
 * defaults, so reads stay cheap), and a session lapses no sooner than
 * idle − min(idle / 4, 1 minute) and no later than idle after its last use: one used more often than
 * that stays alive until its absolute limit.
 */
export async function authenticate(db: DbOrTx, config: Config, token: string, now: Date): Promise<AuthSession | null> {
  if (!/^pts_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, sha256(token)))
    .get();
  if (!row || row.revokedAt) return null;
  const at = now.getTime();
  if (row.idleExpiresAt.getTime() <= at || row.absoluteExpiresAt.getTime() <= at) return null;

  let name = '';
  let role: StaffRole | null = null;
  let accounts: AccountRef[] = [];
  if (row.audience === 'staff') {
    const staff = row.staffUserId
      ? await db.select().from(staffUsers).where(eq(staffUsers.id, row.staffUserId)).get()
      : undefined;
    if (!staff || !staff.active) return null;
    name = staff.name;
    role = staff.role;
  } else {
    ({ accounts, contactName: name } = await customerAccountsOf(db, row.email));
    if (row.scopeInvoiceIds) {
      // An Easy Pay session sees only the accounts its invoices are on (a bookkeeper's link to one
      // client's invoice must not open on another client's empty list).
      const scoped = new Set(
        (
          await db
            .select({ customerId: invoices.customerId })
            .from(invoices)
            .where(inArray(invoices.id, row.scopeInvoiceIds))
            .all()
        ).map((i) => i.customerId),
      );
      accounts = accounts.filter((a) => scoped.has(a.id));
    }
    if (accounts.length === 0) return null;
  }

  let idleExpiresAt = row.idleExpiresAt;
  const t = timeouts(config, row.audience);
  if (at - row.lastSeenAt.getTime() >= t.slideEvery) {
    idleExpiresAt = new Date(Math.min(at + t.idle, row.absoluteExpiresAt.getTime()));
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, row.id)).run();
  }

  return {
    id: row.id,
    audience: row.audience,
    email: row.email,
    name,
    role,
    staffUserId: row.staffUserId,
    accounts,
    scopeInvoiceIds: row.scopeInvoiceIds ?? null,
    linkId: row.linkId,
    expiresAt: idleExpiresAt,
    signedInAt: row.createdAt,
  };
}

/** Who is signed in, for the widget: also asked after a reload, so the link's target is looked up again. */
export async function sessionInfo(db: DbOrTx, s: AuthSession): Promise<SessionInfo> {
  const link = s.linkId
    ? await db.select({ target: magicLinks.target }).from(magicLinks).where(eq(magicLinks.id, s.linkId)).get()
    : undefined;
  const target = link?.target ?? null;
  return {
    expiresAt: s.expiresAt.toISOString(),
    audience: s.audience,
    user: { email: s.email, name: s.name, ...(s.role ? { role: s.role } : {}) },
    accounts: s.accounts,
    target,
    scope: s.scopeInvoiceIds ? { invoiceIds: s.scopeInvoiceIds } : null,
  };
}

export async function revokeSession(db: DbOrTx, s: AuthSession, now: Date, requestId: string | null): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, s.id)).run();
  await recordEvent(
    db,
    {
      type: 'auth.logged_out',
      actor: { type: s.audience, id: s.email },
      data: {},
      requestId,
    },
    now,
  );
}

/** Ends every live session of this person in this audience ("log out everywhere"). */
export async function revokeAllSessions(
  db: DbOrTx,
  email: string,
  audience: Audience,
  now: Date,
  requestId: string | null,
): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.email, email),
        eq(sessions.audience, audience),
        isNull(sessions.revokedAt),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .returning({ id: sessions.id })
    .all();
  await recordEvent(
    db,
    {
      type: 'auth.logged_out_everywhere',
      actor: { type: audience, id: email },
      data: { sessions: revoked.length },
      requestId,
    },
    now,
  );
  return revoked.length;
}

/** Deactivates a staff user and ends their sessions in the same transaction. */
export async function deactivateStaffUser(
  db: DbOrTx,
  staffUserId: string,
  actor: { type: 'staff' | 'system'; id?: string },
  now: Date,
): Promise<void> {
  await db.update(staffUsers).set({ active: false, deactivatedAt: now }).where(eq(staffUsers.id, staffUserId)).run();
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(inArray(sessions.staffUserId, [staffUserId]), isNull(sessions.revokedAt)))
    .run();
  await recordEvent(
    db,
    { type: 'staff.deactivated', actor, subject: { type: 'staff_user', id: staffUserId }, data: {} },
    now,
  );
}
