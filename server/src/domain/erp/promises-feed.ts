/**
 * The promises feed for the ERP: promises as the ERP sees them, and the pull feed of those that
 * changed (made, kept, broken, cancelled, reopened), paged by the events table's id exactly as the
 * payments feed is (payments-feed.ts says why that misses nothing). Webhook deliveries of `promise.*`
 * events show the promise through the same function.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { ErpPromise, ErpPromiseFeed } from '../../contract/erp';
import type { Db, DbOrTx } from '../../db/client';
import { customers, events, invoices, promiseInvoices, promises } from '../../db/schema';
import { promiseView } from '../promises';
import { decodeSince, SCAN_CHUNK } from './payments-feed';

/** The promises with these ids, as the feed shows them, in the order given; unknown ids are left out. */
export async function erpPromises(db: DbOrTx, ids: readonly string[]): Promise<ErpPromise[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ promise: promises, customerExternalId: customers.externalId })
    .from(promises)
    .innerJoin(customers, eq(customers.id, promises.customerId))
    .where(inArray(promises.id, [...ids]))
    .all();
  const external = new Map(
    (
      await db
        .select({ id: invoices.id, externalId: invoices.externalId })
        .from(promiseInvoices)
        .innerJoin(invoices, eq(invoices.id, promiseInvoices.invoiceId))
        .where(inArray(promiseInvoices.promiseId, [...ids]))
        .all()
    ).map((r) => [r.id, r.externalId]),
  );
  const byId = new Map<string, ErpPromise>();
  for (const { promise, customerExternalId } of rows) {
    const { accountId, invoices: shown, ...view } = await promiseView(db, promise);
    byId.set(promise.id, {
      ...view,
      customerId: accountId,
      customerExternalId,
      invoices: shown.map((i) => ({ ...i, externalId: external.get(i.id) ?? null })),
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Promises changed after the cursor, in the order of their changes, shown as they are now. */
export async function listErpPromises(db: Db, input: { since?: string; limit: number }): Promise<ErpPromiseFeed> {
  const page = new Set<string>();
  let cursor = decodeSince(input.since);
  let hasMore = false;
  scan: for (;;) {
    const chunk = await db
      .select({ id: events.id, subjectId: events.subjectId })
      .from(events)
      .where(
        and(
          gt(events.id, cursor),
          sql`(${events.subjectType} || '') = 'promise' AND substr(${events.type}, 1, 8) = 'promise.'`,
        ),
      )
      .orderBy(asc(events.id))
      .limit(SCAN_CHUNK)
      .all();
    for (const event of chunk) {
      const id = event.subjectId!;
      if (page.size >= input.limit && !page.has(id)) {
        hasMore = true;
        break scan;
      }
      page.delete(id);
      page.add(id);
      cursor = event.id;
    }
    if (chunk.length < SCAN_CHUNK) break;
  }
  return { items: await erpPromises(db, [...page]), nextCursor: String(cursor), hasMore };
}
