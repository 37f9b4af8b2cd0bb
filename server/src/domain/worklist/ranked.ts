/**
 * The worklist's page from the maintained rows (`ar_worklist`, kept by `domain/ar-aggregates.ts`): each
 * customer's figures as of today and its score less the days-since-contact part (`base_score`), which
 * adds 0 to 450 points. So a page is two reads on `ar_worklist_score_idx` instead of an aggregate over
 * every unpaid invoice:
 *
 * 1. the `limit + 1` eligible rows of highest base score, each with its whole score (the last contact
 *    read for these rows only): the page's last row scores at least the lowest of these, `m`;
 * 2. the eligible rows whose base score is at least `m − 450` (no other row can reach `m`), ranked by
 *    their whole score, ties by id: the page.
 *
 * Filters and the cursor apply to both reads, so the page is the one `liveRows` (list.ts) ranks from
 * the base tables.
 */
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { arWorklist, customers, staffUsers } from '../../db/schema';
import { containsPattern, likeIgnoringCase } from '../search';
import { lastContactSql, openPromiseSql, type Cursor, type WorklistDbRow, type WorklistInput } from './common';
import { CONTACT_DAY_POINTS, CONTACT_DAYS_CAP, contactPointsSql } from './score';

const w = arWorklist;

/** `cond` on the row's customer, as a correlated test: the reads walk `ar_worklist` alone, in score order. */
const customerWhere = (cond: SQL) =>
  sql`EXISTS (SELECT 1 FROM ${customers} WHERE ${customers.id} = ${w.customerId} AND ${cond})`;

function filtersOf(reader: string | null, input: WorklistInput): (SQL | undefined)[] {
  const filters: (SQL | undefined)[] = [];
  if (input.collector === 'me') filters.push(reader ? customerWhere(eq(customers.collectorId, reader)) : sql`1 = 0`);
  else if (input.collector === 'unassigned') filters.push(customerWhere(sql`${customers.collectorId} IS NULL`));
  else if (input.collector) filters.push(customerWhere(eq(customers.collectorId, input.collector)));
  if (input.q) {
    const pattern = containsPattern(input.q);
    filters.push(
      customerWhere(or(likeIgnoringCase(customers.name, pattern), likeIgnoringCase(customers.externalId, pattern))!),
    );
  }
  if (input.minPastDue !== undefined) filters.push(gte(w.pastDue, input.minPastDue));
  const openPromise = openPromiseSql(sql`${w.customerId}`);
  if (input.promise === 'open') filters.push(openPromise);
  if (input.promise === 'none') filters.push(sql`NOT ${openPromise}`);
  if (input.promise === 'broken') filters.push(sql`${w.brokenPromises} > 0`);
  if (input.dispute === 'open') filters.push(sql`${w.openDisputes} > 0`);
  if (input.dispute === 'none') filters.push(sql`${w.openDisputes} = 0`);
  return filters;
}

type Scored = Omit<WorklistDbRow, 'name' | 'externalId' | 'currency' | 'collectorId' | 'collectorName'>;

const byScore = (a: Scored, b: Scored) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The page's rows (one more than `limit` when there is a next page), ranked as of `asOf`. */
export async function rankedRows(
  db: DbOrTx,
  reader: string | null,
  input: WorklistInput,
  asOf: Date,
  cursor: Cursor | null,
): Promise<WorklistDbRow[]> {
  const lastContact = lastContactSql(sql`${w.customerId}`);
  const score = sql`(${w.baseScore} + ${contactPointsSql(lastContact, asOf)})`;
  const filters = filtersOf(reader, input);
  if (cursor) {
    // A row's score is at least its base score: rows after the cursor have a base score at most its score.
    filters.push(lte(w.baseScore, cursor.score));
    filters.push(sql`(${score} < ${cursor.score} OR (${score} = ${cursor.score} AND ${w.customerId} > ${cursor.id}))`);
  }
  const read = (where: SQL | undefined, order: SQL[], limit: number): Promise<Scored[]> =>
    db
      .select({
        id: w.customerId,
        balance: sql`${w.balance}`.mapWith(Number),
        pastDue: sql`${w.pastDue}`.mapWith(Number),
        disputed: sql`${w.disputed}`.mapWith(Number),
        openDisputes: sql`${w.openDisputes}`.mapWith(Number),
        brokenPromises: sql`${w.brokenPromises}`.mapWith(Number),
        lastContact: sql<number | null>`${lastContact}`,
        score: score.mapWith(Number),
      })
      .from(w)
      .where(and(...filters, where))
      .orderBy(...order)
      .limit(limit)
      .all();

  const size = input.limit + 1;
  // Highest base scores first, walking the index backwards (the order among equal ones does not matter here).
  const top = await read(undefined, [desc(w.baseScore), desc(w.customerId)], size);
  const floor = Math.min(...top.map((r) => r.score)) - CONTACT_DAY_POINTS * CONTACT_DAYS_CAP;
  const rows =
    top.length < size
      ? top.sort(byScore)
      : await read(gte(w.baseScore, floor), [sql`${score} DESC`, asc(w.customerId)], size);
  return withCustomers(db, rows);
}

/** The rows with their customer's name, external id, currency and collector: one read by id. */
async function withCustomers(db: DbOrTx, rows: Scored[]): Promise<WorklistDbRow[]> {
  if (rows.length === 0) return [];
  const found = await db
    .select({
      id: customers.id,
      name: customers.name,
      externalId: customers.externalId,
      currency: customers.currency,
      collectorId: customers.collectorId,
      collectorName: staffUsers.name,
    })
    .from(customers)
    .leftJoin(staffUsers, eq(staffUsers.id, customers.collectorId))
    .where(
      inArray(
        customers.id,
        rows.map((r) => r.id),
      ),
    )
    .all();
  const byId = new Map(found.map((c) => [c.id, c]));
  return rows.map(({ id, ...figures }) => {
    const c = byId.get(id)!;
    return {
      id,
      name: c.name,
      externalId: c.externalId,
      currency: c.currency,
      collectorId: c.collectorId,
      collectorName: c.collectorName,
      ...figures,
    };
  });
}
