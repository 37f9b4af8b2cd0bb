import type { DbOrTx } from '../db/client';
import { events } from '../db/schema';
import { queueWebhookDeliveries } from './webhook-fanout';

export interface Actor {
  type: 'customer' | 'staff' | 'erp' | 'system' | 'anonymous';
  /** An email, staff id or ERP key id: never a token, code or session id. */
  id?: string | null;
}

export interface EventInput {
  type: string;
  actor: Actor;
  subject?: { type: string; id: string };
  customerId?: string | null;
  data?: Record<string, unknown>;
  requestId?: string | null;
}

export const systemActor: Actor = { type: 'system' };

/**
 * Appends one event and returns its id. Call it inside the transaction of the change it records: the
 * ERP webhook deliveries it causes are queued in that same transaction.
 */
export async function recordEvent(db: DbOrTx, input: EventInput, now: Date): Promise<number> {
  const { id } = await db
    .insert(events)
    .values({
      type: input.type,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      customerId: input.customerId ?? null,
      data: input.data ?? {},
      requestId: input.requestId ?? null,
      createdAt: now,
    })
    .returning({ id: events.id })
    .get();
  await queueWebhookDeliveries(db, { id, type: input.type }, now);
  return id;
}
