/**
 * The staff users: who may sign in to the staff console and as what (never self-registered). Admins
 * invite, change and deactivate them; the company always keeps one active admin.
 */
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { StaffInviteBody, StaffRole, StaffUpdateBody, StaffUserView } from '../../contract';
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { staffUsers } from '../../db/schema';
import { staffInviteEmail } from '../../mail/staff-templates';
import { DomainError, notFound } from '../errors';
import { recordEvent, type Actor } from '../events';
import { queueEmail } from '../notifications';
import type { CompanySettings } from '../settings';
import { deactivateStaffUser } from './sessions';

type StaffRow = typeof staffUsers.$inferSelect;

function view(row: StaffRow): StaffUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}

/** Every staff user, active first, by name. */
export async function listStaff(db: DbOrTx): Promise<StaffUserView[]> {
  const rows = await db.select().from(staffUsers).orderBy(asc(staffUsers.name), asc(staffUsers.id)).all();
  return rows.map(view).sort((a, b) => Number(b.active) - Number(a.active));
}

/** `POST /admin/staff`: the user, its event and the email that tells them, in one transaction. */
export async function inviteStaff(
  tx: DbOrTx,
  company: CompanySettings,
  input: StaffInviteBody & { email: string; role: StaffRole },
  inviter: { actor: Actor; name: string },
  now: Date,
): Promise<StaffUserView> {
  const taken = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, input.email)).get();
  if (taken) throw new DomainError('conflict', `${input.email} is already a staff user; change them instead.`);
  const row = {
    id: newId('stf'),
    email: input.email,
    name: input.name,
    role: input.role,
    active: true,
    createdAt: now,
    deactivatedAt: null,
  };
  await tx.insert(staffUsers).values(row).run();
  await recordEvent(
    tx,
    {
      type: 'staff.invited',
      actor: inviter.actor,
      subject: { type: 'staff_user', id: row.id },
      data: { email: row.email, role: row.role },
    },
    now,
  );
  await queueEmail(
    tx,
    staffInviteEmail({
      company: company.companyName,
      to: row.email,
      locale: company.locale,
      inviter: inviter.name || company.companyName,
      role: row.role,
    }),
    now,
  );
  return view(row);
}

/** How many active admins there are besides `except`. */
async function otherAdmins(tx: DbOrTx, except: string): Promise<number> {
  return (await tx
    .select({ n: count() })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true), ne(staffUsers.id, except)))
    .get())!.n;
}

/**
 * `PATCH /admin/staff/:id`: a name, a role, deactivating (which ends their sessions) or restoring.
 * Refused when it would leave no active admin (the company could no longer change its settings).
 */
export async function updateStaff(
  tx: DbOrTx,
  id: string,
  change: StaffUpdateBody,
  actor: Actor,
  now: Date,
): Promise<StaffUserView> {
  const row = await tx.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
  if (!row) throw notFound('No such staff user.');
  const stillAdmin = (change.role ?? row.role) === 'admin' && (change.active ?? row.active);
  if (row.role === 'admin' && row.active && !stillAdmin && (await otherAdmins(tx, id)) === 0) {
    throw new DomainError('conflict', 'This is the last active admin: make someone else an admin first.');
  }
  const set: Partial<StaffRow> = {};
  if (change.name !== undefined) set.name = change.name;
  if (change.role !== undefined) set.role = change.role;
  if (change.active === true && !row.active) Object.assign(set, { active: true, deactivatedAt: null });
  if (Object.keys(set).length) await tx.update(staffUsers).set(set).where(eq(staffUsers.id, id)).run();
  if (change.active === false && row.active) {
    await deactivateStaffUser(tx, id, actor as { type: 'staff' | 'system'; id?: string }, now);
  }
  if (Object.keys(set).length) {
    await recordEvent(tx, { type: 'staff.updated', actor, subject: { type: 'staff_user', id }, data: { ...set } }, now);
  }
  return view((await tx.select().from(staffUsers).where(eq(staffUsers.id, id)).get())!);
}
