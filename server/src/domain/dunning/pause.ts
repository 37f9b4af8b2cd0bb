/** Staff pause a customer's reminders until a date, or resume them; one transaction with its event. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customers } from '../../db/schema';
import { isCalendarDate } from '../dates';
import { DomainError, notFound } from '../errors';
import { recordEvent, type Actor } from '../events';

/**
 * Pauses dunning for the customer until `until` (inclusive; a calendar date in the company's time
 * zone), or resumes it (`null`). Reminders skip a paused customer; the next run after the pause
 * sends the step each invoice is at by then.
 */
export async function pauseDunning(
  db: Db,
  customerId: string,
  until: string | null,
  actor: Actor,
  now: Date,
): Promise<void> {
  if (until !== null && !isCalendarDate(until)) {
    throw new DomainError('invalid_request', 'until must be a calendar date written YYYY-MM-DD.');
  }
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(customers)
      .set({ dunningPausedUntil: until, updatedAt: now })
      .where(eq(customers.id, customerId))
      .returning({ id: customers.id })
      .all();
    if (changed.length === 0) throw notFound('No such customer.');
    await recordEvent(
      tx,
      {
        type: until ? 'dunning.paused' : 'dunning.resumed',
        actor,
        subject: { type: 'customer', id: customerId },
        customerId,
        data: until ? { until } : {},
      },
      now,
    );
  });
}
