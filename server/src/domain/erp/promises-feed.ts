/**
 * The promises feed for the ERP: promises as the ERP sees them, and the pull feed of those that
 * changed (made, kept, broken, cancelled, reopened; subject-feed.ts). Webhook deliveries of `promise.*`
 * events show the promise through the same function.
 */
import { eq, inArray } from 'drizzle-orm';
import type { ErpPromise, ErpPromiseFeed } from '../../contract/erp';
import type { Db, DbOrTx } from '../../db/client';
import { customers, invoices, promiseInvoices, promises } from '../../db/schema';
import { promiseView } from '../promises';
import { changedSubjects } from './subject-feed';

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
  const { ids, ...page } = await changedSubjects(db, 'promise', 'promise.', input);
  return { items: await erpPromises(db, ids), ...page };
}
