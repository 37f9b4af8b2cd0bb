/**
 * The step from an event to ERP webhook deliveries: one delivery row per subscribed, active endpoint,
 * each with its job, written in the transaction that records the event, so a payment that commits
 * always has its webhooks queued and one that rolls back never does. Kept apart from the endpoints'
 * management (webhooks.ts) because `recordEvent` calls it and that module records events.
 */
import { asc, isNull } from 'drizzle-orm';
import { ERP_WEBHOOK_EVENT_TYPES, type ErpWebhookEventType } from '../contract';
import { newId } from '../crypto';
import type { DbOrTx } from '../db/client';
import { erpWebhookDeliveries, erpWebhookEndpoints } from '../db/schema';
import { enqueueJob } from './jobs';

export const DELIVER_WEBHOOK = 'erp.webhook.deliver';

/** About 3½ hours of retries with the job queue's backoff (10 s doubling, capped at an hour). */
export const WEBHOOK_MAX_ATTEMPTS = 12;

const webhookTypes: ReadonlySet<string> = new Set(ERP_WEBHOOK_EVENT_TYPES);

export function isWebhookEventType(type: string): type is ErpWebhookEventType {
  return webhookTypes.has(type);
}

/** Whether an endpoint's stored subscription (empty: everything) takes this type. */
export function subscribes(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.length === 0 || eventTypes.includes(type);
}

export async function queueWebhookDelivery(db: DbOrTx, deliveryId: string, now: Date): Promise<void> {
  await enqueueJob(db, { type: DELIVER_WEBHOOK, payload: { deliveryId }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, now);
}

/** Queues a delivery of the event to every active endpoint subscribed to its type. */
export async function queueWebhookDeliveries(
  db: DbOrTx,
  event: { id: number; type: string },
  now: Date,
): Promise<void> {
  if (!isWebhookEventType(event.type)) return;
  const endpoints = await db
    .select({ id: erpWebhookEndpoints.id, eventTypes: erpWebhookEndpoints.eventTypes })
    .from(erpWebhookEndpoints)
    .where(isNull(erpWebhookEndpoints.disabledAt))
    // The order the endpoints were added, on either engine (a table scan's order is no promise).
    .orderBy(asc(erpWebhookEndpoints.createdAt), asc(erpWebhookEndpoints.id))
    .all();
  for (const endpoint of endpoints) {
    if (!subscribes(endpoint.eventTypes, event.type)) continue;
    const id = newId('dlv');
    await db
      .insert(erpWebhookDeliveries)
      .values({ id, endpointId: endpoint.id, eventId: event.id, type: event.type, status: 'pending', createdAt: now })
      .run();
    await queueWebhookDelivery(db, id, now);
  }
}
