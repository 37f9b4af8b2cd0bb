/**
 * ERP webhooks: endpoints the ERP registers through its API, and the delivery of payment events to
 * them. A delivery is a row (its id is what the ERP dedupes on, the same on every retry) and a job;
 * each attempt POSTs the event signed with the endpoint's secret, and a failed one is retried by the
 * job queue with backoff until the last attempt marks the delivery failed. The fan-out from an event
 * to deliveries is in webhook-fanout.ts.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  ERP_WEBHOOK_EVENT_TYPES,
  type ErpWebhookAllocation,
  type ErpWebhookDelivery,
  type ErpWebhookEndpoint,
  type ErpWebhookEndpointCreated,
  type ErpWebhookEventType,
  type ErpWebhookPayload,
} from '../../contract';
import { newId, randomToken, signPayload } from '../../crypto';
import type { Db, DbOrTx } from '../../db/client';
import { erpWebhookDeliveries, erpWebhookEndpoints, events, invoices } from '../../db/schema';
import { DomainError, notFound } from '../errors';
import { recordEvent, type Actor } from '../events';
import type { JobHandler } from '../jobs';
import { SHOWN } from './webhook-subjects';
import { isWebhookEventType, queueWebhookDelivery } from '../webhook-fanout';

/** Active endpoints at most: each payment event is one delivery per endpoint. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
const DELIVERY_TIMEOUT_MS = 10_000;
/** What of a failed answer's body is kept in lastError, to show the ERP's developer. */
const ERROR_BODY_CHARS = 300;

type EndpointRow = typeof erpWebhookEndpoints.$inferSelect;
type DeliveryRow = typeof erpWebhookDeliveries.$inferSelect;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a webhook URL is refused, or null. https always; http only to this machine, or anywhere outside
 * production (a test ERP on a laptop). No user name or password in it: the URL is shown in lists.
 */
export function webhookUrlProblem(raw: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not hold a user name or password';
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (url.protocol === 'http:' && production && !loopback) return 'must be https (http only for localhost)';
  return null;
}

function endpointView(row: EndpointRow): ErpWebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: (row.eventTypes.length === 0 ? [...ERP_WEBHOOK_EVENT_TYPES] : row.eventTypes) as ErpWebhookEventType[],
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

function deliveryView(row: DeliveryRow): ErpWebhookDelivery {
  return {
    id: row.id,
    event: `evt_${row.eventId}`,
    type: row.type as ErpWebhookEventType,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

export interface WebhookEndpointInput {
  /** Already checked with webhookUrlProblem. */
  url: string;
  events?: ErpWebhookEventType[];
  description?: string;
}

/** Registers an endpoint; the answer is the only place its signing secret is ever shown. */
export async function createWebhookEndpoint(
  db: DbOrTx,
  input: WebhookEndpointInput,
  actor: Actor,
  now: Date,
): Promise<ErpWebhookEndpointCreated> {
  const { active } = (await db
    .select({ active: sql<number>`count(*)`.mapWith(Number) })
    .from(erpWebhookEndpoints)
    .where(isNull(erpWebhookEndpoints.disabledAt))
    .get())!;
  if (active >= MAX_WEBHOOK_ENDPOINTS) {
    throw new DomainError('conflict', `At most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; disable one first.`);
  }
  // Every type listed is the same as none listed: store none, which also takes types added later.
  const types = [...new Set(input.events ?? [])];
  const row = await db
    .insert(erpWebhookEndpoints)
    .values({
      id: newId('whe'),
      url: input.url,
      eventTypes: types.length === ERP_WEBHOOK_EVENT_TYPES.length ? [] : types,
      secret: `whsec_${randomToken(32)}`,
      description: input.description ?? '',
      createdBy: actor.id ?? null,
      createdAt: now,
    })
    .returning()
    .get();
  await recordEvent(
    db,
    {
      type: 'erp.webhook_created',
      actor,
      subject: { type: 'erp_webhook_endpoint', id: row.id },
      data: { url: row.url, events: row.eventTypes },
    },
    now,
  );
  return { ...endpointView(row), secret: row.secret };
}

/** Newest first, disabled ones included (they say when). */
export async function listWebhookEndpoints(db: DbOrTx): Promise<ErpWebhookEndpoint[]> {
  const rows = await db
    .select()
    .from(erpWebhookEndpoints)
    .orderBy(desc(erpWebhookEndpoints.createdAt), desc(erpWebhookEndpoints.id))
    .all();
  return rows.map(endpointView);
}

async function endpointById(db: DbOrTx, id: string): Promise<EndpointRow> {
  const row = await db.select().from(erpWebhookEndpoints).where(eq(erpWebhookEndpoints.id, id)).get();
  if (!row) throw notFound(`No webhook endpoint ${id}.`);
  return row;
}

/**
 * Disables an endpoint: no new deliveries, and the ones still pending are dropped at their next
 * attempt. Disabling a disabled endpoint changes nothing.
 */
export async function disableWebhookEndpoint(
  db: DbOrTx,
  id: string,
  actor: Actor,
  now: Date,
): Promise<ErpWebhookEndpoint> {
  const row = await endpointById(db, id);
  if (row.disabledAt) return endpointView(row);
  const disabled = (await db
    .update(erpWebhookEndpoints)
    .set({ disabledAt: now })
    .where(eq(erpWebhookEndpoints.id, id))
    .returning()
    .get())!;
  await recordEvent(
    db,
    { type: 'erp.webhook_disabled', actor, subject: { type: 'erp_webhook_endpoint', id }, data: { url: row.url } },
    now,
  );
  return endpointView(disabled);
}

/** An endpoint's most recent deliveries, newest first. */
export async function listWebhookDeliveries(
  db: DbOrTx,
  endpointId: string,
  limit: number,
): Promise<ErpWebhookDelivery[]> {
  await endpointById(db, endpointId);
  const rows = await db
    .select()
    .from(erpWebhookDeliveries)
    .where(eq(erpWebhookDeliveries.endpointId, endpointId))
    .orderBy(desc(erpWebhookDeliveries.createdAt), desc(erpWebhookDeliveries.eventId))
    .limit(limit)
    .all();
  return rows.map(deliveryView);
}

/**
 * Sends a finished delivery (failed, or delivered and wanted again) once more, with the same id and
 * a fresh round of retries. One still pending already has its job: 409.
 */
export async function retryWebhookDelivery(
  db: DbOrTx,
  endpointId: string,
  deliveryId: string,
  actor: Actor,
  now: Date,
): Promise<ErpWebhookDelivery> {
  const endpoint = await endpointById(db, endpointId);
  const delivery = await db
    .select()
    .from(erpWebhookDeliveries)
    .where(and(eq(erpWebhookDeliveries.id, deliveryId), eq(erpWebhookDeliveries.endpointId, endpointId)))
    .get();
  if (!delivery) throw notFound(`No delivery ${deliveryId} to this endpoint.`);
  if (endpoint.disabledAt) throw new DomainError('conflict', 'The endpoint is disabled.');
  if (delivery.status === 'pending') {
    throw new DomainError('conflict', 'The delivery is still being attempted; it is retried on its own.');
  }
  const row = (await db
    .update(erpWebhookDeliveries)
    .set({ status: 'pending' })
    .where(eq(erpWebhookDeliveries.id, deliveryId))
    .returning()
    .get())!;
  await queueWebhookDelivery(db, deliveryId, now);
  await recordEvent(
    db,
    {
      type: 'erp.webhook_retried',
      actor,
      subject: { type: 'erp_webhook_endpoint', id: endpointId },
      data: { deliveryId, event: `evt_${delivery.eventId}` },
    },
    now,
  );
  return deliveryView(row);
}

/** The body of a delivery: the event, and its payment, promise, dispute or credit note as it is now. */
export async function webhookPayload(db: DbOrTx, delivery: DeliveryRow): Promise<ErpWebhookPayload> {
  const event = await db.select().from(events).where(eq(events.id, delivery.eventId)).get();
  const show = event?.subjectType ? SHOWN[event.subjectType] : undefined;
  if (!event || !isWebhookEventType(event.type) || !show || !event.subjectId) {
    throw new Error(`event ${delivery.eventId} of delivery ${delivery.id} has no subject a webhook shows`);
  }
  const data = await show(db, event.subjectId);
  if (!data) throw new Error(`${event.subjectType} ${event.subjectId} of delivery ${delivery.id} does not exist`);
  const moved = eventAllocations(event.data);
  if (moved) data.allocations = await namedAllocations(db, moved);
  if (typeof event.data.unapplied === 'number') data.unapplied = event.data.unapplied;
  return {
    id: delivery.id,
    event: `evt_${event.id}`,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    data,
  };
}

type MovedAllocation = Omit<ErpWebhookAllocation, 'invoiceExternalId' | 'invoiceNumber'>;

/**
 * What an applied or reversed event moved, as its data records it: `allocations` of the payment's own
 * money and, when the payer used credit, `credit` with each piece's source. Null for other events.
 */
function eventAllocations(data: Record<string, unknown>): MovedAllocation[] | null {
  if (!Array.isArray(data.allocations)) return null;
  const own = (data.allocations as { invoiceId: string; amount: number }[]).map((a): MovedAllocation => ({
    invoiceId: a.invoiceId,
    amount: a.amount,
    source: 'payment',
    creditFrom: null,
  }));
  const credit = Array.isArray(data.credit)
    ? (data.credit as { invoiceId: string; amount: number; source?: { id?: string } }[]).map((c): MovedAllocation => ({
        invoiceId: c.invoiceId,
        amount: c.amount,
        source: 'credit',
        creditFrom: c.source?.id ?? null,
      }))
    : [];
  return [...credit, ...own];
}

async function namedAllocations(db: DbOrTx, moved: readonly MovedAllocation[]): Promise<ErpWebhookAllocation[]> {
  const ids = [...new Set(moved.map((a) => a.invoiceId))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: invoices.id, externalId: invoices.externalId, number: invoices.number })
          .from(invoices)
          .where(inArray(invoices.id, ids))
          .all();
  const named = new Map(rows.map((i) => [i.id, i]));
  return moved.map((a) => ({
    invoiceId: a.invoiceId,
    invoiceExternalId: named.get(a.invoiceId)?.externalId ?? null,
    invoiceNumber: named.get(a.invoiceId)?.number ?? '',
    amount: a.amount,
    source: a.source,
    creditFrom: a.creditFrom,
  }));
}

async function bodyExcerpt(res: Response): Promise<string> {
  try {
    return (await res.text()).slice(0, ERROR_BODY_CHARS).replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}

function attemptError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`;
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure…) is its cause.
  if (err.message === 'fetch failed' && err.cause instanceof Error) return `Could not connect: ${err.cause.message}`;
  return err.message;
}

/**
 * `erp.webhook.deliver`: one attempt at one delivery. A 2xx answer delivers it; anything else (another
 * status, a redirect, a refused connection, no answer within 10 s) is recorded on the delivery and
 * thrown, so the job is retried with backoff, until the last attempt marks the delivery failed.
 */
export function webhookDeliveryHandler(db: Db): JobHandler {
  return async (payload, { now, lastAttempt }) => {
    const deliveryId = String(payload.deliveryId);
    const delivery = await db.select().from(erpWebhookDeliveries).where(eq(erpWebhookDeliveries.id, deliveryId)).get();
    if (!delivery || delivery.status === 'delivered') return;
    const endpoint = await db
      .select()
      .from(erpWebhookEndpoints)
      .where(eq(erpWebhookEndpoints.id, delivery.endpointId))
      .get();
    if (!endpoint || endpoint.disabledAt) {
      await db
        .update(erpWebhookDeliveries)
        .set({ status: 'failed', lastError: 'The endpoint was disabled before delivery.' })
        .where(eq(erpWebhookDeliveries.id, deliveryId));
      return;
    }

    let status: number | null = null;
    let error: string | null = null;
    try {
      const body = JSON.stringify(await webhookPayload(db, delivery));
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Portico-Webhooks/1',
          'Portico-Signature': signPayload(endpoint.secret, body, now),
          'Portico-Delivery-Id': delivery.id,
          'Portico-Event-Type': delivery.type,
        },
        body,
        // A redirect would send the signed body somewhere the ERP did not register.
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      status = res.status;
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel();
      } else {
        const excerpt = await bodyExcerpt(res);
        error = `HTTP ${res.status}${excerpt ? `: ${excerpt}` : ''}`;
      }
    } catch (err) {
      error = attemptError(err);
    }

    const attempts = sql`${erpWebhookDeliveries.attempts} + 1`;
    if (error === null) {
      await db
        .update(erpWebhookDeliveries)
        .set({ status: 'delivered', attempts, lastStatus: status, lastError: null, deliveredAt: now })
        .where(eq(erpWebhookDeliveries.id, deliveryId));
      return;
    }
    await db
      .update(erpWebhookDeliveries)
      .set({ status: lastAttempt ? 'failed' : 'pending', attempts, lastStatus: status, lastError: error })
      .where(eq(erpWebhookDeliveries.id, deliveryId));
    throw new Error(`webhook delivery ${deliveryId} to ${endpoint.url} failed: ${error}`);
  };
}
