import type { DbOrTx } from '../db/client';
import { events } from '../db/schema';

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

/** Appends one event. Call it inside the transaction of the change it records. */
export function recordEvent(db: DbOrTx, input: EventInput, now: Date): void {
  db.insert(events)
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
    .run();
}
