/** Notes, the collector and the reminders' pause: staff actions on a customer account that send no email. */
import { eq } from 'drizzle-orm';
import type { CollectorView, CustomerNoteView, DunningPauseView } from '../../contract';
import { customers, staffUsers } from '../../db/schema';
import { calendarDate } from '../dates';
import { pauseDunning } from '../dunning';
import { DomainError } from '../errors';
import { getSettings } from '../settings';
import { actorOf, customerEvent, customerOf, type ActionDeps, type StaffActing } from './core';

/** A note on the account: a `customer.note_added` event (the worklist counts it as a contact). */
export async function addCustomerNote(
  { db, clock }: ActionDeps,
  customerId: string,
  body: string,
  by: StaffActing,
): Promise<CustomerNoteView> {
  const now = clock.now();
  const id = await db.transaction(async (tx) => {
    await customerOf(tx, customerId);
    return customerEvent(tx, by, customerId, { type: 'customer.note_added', data: { body } }, now);
  });
  return { id: String(id), body, author: { id: by.staffUserId, name: by.name }, at: now.toISOString() };
}

/** Pauses reminders until `until` (today or later), or indefinitely (null); `resume` ends the pause. */
export async function setDunningPause(
  { db, config, clock }: ActionDeps,
  customerId: string,
  change: { until: string | null } | 'resume',
  by: StaffActing,
): Promise<DunningPauseView> {
  const now = clock.now();
  // pauseDunning's null means "resume": an indefinite pause is the farthest date there is.
  const until = change === 'resume' ? null : (change.until ?? '9999-12-31');
  if (until !== null) {
    const today = calendarDate(now, (await getSettings(db, config)).timeZone);
    if (until < today) throw new DomainError('invalid_request', `until must be today (${today}) or later.`);
  }
  await pauseDunning(db, customerId, until, actorOf(by), now);
  const row = await customerOf(db, customerId);
  return { dunningPausedUntil: row.dunningPausedUntil };
}

/** Assigns the account's collector: an active admin or collector, or nobody (null: every collector). */
export async function assignCollector(
  { db, clock }: ActionDeps,
  customerId: string,
  staffUserId: string | null,
  by: StaffActing,
): Promise<CollectorView> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await customerOf(tx, customerId);
    const staff = staffUserId
      ? await tx
          .select({
            id: staffUsers.id,
            name: staffUsers.name,
            email: staffUsers.email,
            role: staffUsers.role,
            active: staffUsers.active,
          })
          .from(staffUsers)
          .where(eq(staffUsers.id, staffUserId))
          .get()
      : null;
    if (staffUserId && (!staff || !staff.active || staff.role === 'viewer')) {
      throw new DomainError('invalid_request', 'The collector must be an active admin or collector.');
    }
    await tx
      .update(customers)
      .set({ collectorId: staffUserId, updatedAt: now })
      .where(eq(customers.id, customerId))
      .run();
    await customerEvent(tx, by, customerId, { type: 'customer.collector_assigned', data: { staffUserId } }, now);
    return { collector: staff ? { id: staff.id, name: staff.name, email: staff.email } : null };
  });
}
