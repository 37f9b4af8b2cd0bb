/**
 * The promises queue of the staff console: every customer's promises, newest first (keyset on
 * `(created_at, id)`), by status and customer; `due=this_week` keeps open promises whose date is from
 * today to 7 days ahead, `due=overdue` open ones whose date has passed (their verdict is still to come).
 */
import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { AdminPromisePage, AdminPromiseRow, PromiseStatus } from '../../contract';
import { customers, promises, staffUsers } from '../../db/schema';
import { addDays } from '../dates';
import { promiseView } from '../promises';
import { companyToday, type MoneyDeps } from './core';
import { afterCursor, encodeCursor } from './cursor';

export interface AdminPromiseListInput {
  status?: PromiseStatus | undefined;
  due?: 'this_week' | 'overdue' | undefined;
  customer?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** `GET /admin/promises`. */
export async function listAdminPromises(deps: MoneyDeps, input: AdminPromiseListInput): Promise<AdminPromisePage> {
  const { db } = deps;
  const { today } = await companyToday(deps, db);
  const due =
    input.due === 'this_week'
      ? and(
          eq(promises.status, 'open'),
          gte(promises.promisedDate, today),
          lte(promises.promisedDate, addDays(today, 7)),
        )
      : input.due === 'overdue'
        ? and(eq(promises.status, 'open'), lt(promises.promisedDate, today))
        : undefined;
  const rows = await db
    .select({ promise: promises, customerName: customers.name, takenBy: staffUsers.name })
    .from(promises)
    .innerJoin(customers, eq(customers.id, promises.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, promises.takenBy))
    .where(
      and(
        input.status ? eq(promises.status, input.status) : undefined,
        input.customer ? eq(promises.customerId, input.customer) : undefined,
        due,
        afterCursor(promises, input.cursor),
      ),
    )
    .orderBy(desc(promises.createdAt), desc(promises.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const items: AdminPromiseRow[] = [];
  for (const r of page) {
    items.push({
      ...(await promiseView(db, r.promise)),
      customer: { id: r.promise.customerId, name: r.customerName },
      source: r.promise.takenBy ? 'staff' : 'customer',
      takenBy: r.promise.takenBy ? (r.takenBy ?? r.promise.takenBy) : null,
    });
  }
  const last = page.at(-1)?.promise;
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
