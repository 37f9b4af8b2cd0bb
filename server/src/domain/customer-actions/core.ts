/** What every customer action shares: who acts, the customer it acts on, and that customer's contacts. */
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { contacts, customers } from '../../db/schema';
import { DomainError, notFound } from '../errors';
import { hitLimits } from '../auth';
import { recordEvent, type Actor } from '../events';

export interface ActionDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** The staff member acting (an admin or collector) and the request it came with. */
export interface StaffActing {
  staffUserId: string;
  name: string;
  requestId: string | null;
}

export const actorOf = (s: StaffActing): Actor => ({ type: 'staff', id: s.staffUserId });

export async function customerOf(db: DbOrTx, customerId: string) {
  const row = await db.select().from(customers).where(eq(customers.id, customerId)).get();
  if (!row) throw notFound('No such customer.');
  return row;
}

/**
 * One of the customer's contacts. Named in the path, another's is not found (404); named in the body, it
 * is a request the rules refuse (422 `invalid_request`).
 */
export async function contactOf(db: DbOrTx, customerId: string, contactId: string, where: 'path' | 'body') {
  const row = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.customerId, customerId)))
    .get();
  if (row) return row;
  if (where === 'path') throw notFound('No such contact on this customer.');
  throw new DomainError('invalid_request', 'That contact is not one of this customer’s contacts.');
}

/** Records an action's event on the customer's timeline, by the staff member; its id. */
export function customerEvent(
  db: DbOrTx,
  by: StaffActing,
  customerId: string,
  event: { type: string; subject?: { type: string; id: string }; data: Record<string, unknown> },
  now: Date,
): Promise<number> {
  const subject = event.subject ?? { type: 'customer', id: customerId };
  return recordEvent(db, { ...event, subject, actor: actorOf(by), customerId, requestId: by.requestId }, now);
}

/**
 * Emails staff send to a customer (links, statements) are limited like the ones people ask for: a
 * contact gets at most 10 in an hour whoever sends them (so a slip, a script or a stolen staff session
 * cannot flood an inbox), and one staff user sends at most 200 in an hour. Counted before the action's
 * transaction, so a refused send still counts; `429 rate_limited` with `retryAfter`.
 */
export async function limitStaffEmails(
  db: ActionDeps['db'],
  target: string,
  by: StaffActing,
  now: Date,
): Promise<void> {
  await hitLimits(
    db,
    [
      { bucket: `staff-email:to:${target}`, max: 10, windowMs: 3_600_000 },
      { bucket: `staff-email:by:${by.staffUserId}`, max: 200, windowMs: 3_600_000 },
    ],
    now,
  );
}
