import { and, asc, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { disputes } from '../../db/schema';

/**
 * An open dispute covers the invoice (disputed while a dispute is open or under review). Written with
 * qualified names by hand: in a one-table select Drizzle drops the table from `${invoices.id}`, and
 * inside this subquery a bare "id" would mean the dispute's. A predicate, for WHERE and CASE on both
 * engines; selected as a value it is 0/1 on SQLite but a boolean on PostgreSQL, so read it with `Boolean()`.
 */
export const underDispute = sql<boolean>`EXISTS (SELECT 1 FROM "disputes" "d" WHERE "d"."invoice_id" = "invoices"."id" AND "d"."status" IN ('open', 'under_review'))`;

/**
 * The part of the invoice's balance its open disputes put in question (their recorded amounts), as a
 * number: reminders ask only for the balance less this. For a select over `invoices` on both engines.
 */
export const disputedAmount =
  sql<number>`coalesce((SELECT sum("d"."amount") FROM "disputes" "d" WHERE "d"."invoice_id" = "invoices"."id" AND "d"."status" IN ('open', 'under_review')), 0)`.mapWith(
    Number,
  );

/**
 * The standing dispute of the invoice (open or under review; at most one, by the partial unique index),
 * as columns of a select over `invoices`: null when there is none.
 */
const standing = (column: string) =>
  `(SELECT "d"."${column}" FROM "disputes" "d" WHERE "d"."invoice_id" = "invoices"."id" AND "d"."status" IN ('open', 'under_review'))`;
export const openDisputeColumns = {
  disputeId: sql<string | null>`${sql.raw(standing('id'))}`,
  disputeStatus: sql<'open' | 'under_review' | null>`${sql.raw(standing('status'))}`,
  disputeAmount: sql<number | null>`${sql.raw(standing('amount'))}`.mapWith(Number),
};

/** The invoice's standing dispute as the API shows it (`InvoiceSummary.dispute`), from `openDisputeColumns`. */
export function disputeRef(r: {
  disputeId: string | null;
  disputeStatus: 'open' | 'under_review' | null;
  disputeAmount: number | null;
}): { id: string; status: 'open' | 'under_review'; amount: number } | null {
  return r.disputeId && r.disputeStatus
    ? { id: r.disputeId, status: r.disputeStatus, amount: r.disputeAmount ?? 0 }
    : null;
}

/** The standing disputes of these invoices: a payment notes them, so its record says it paid around them. */
export async function standingDisputes(
  db: DbOrTx,
  invoiceIds: readonly string[],
): Promise<{ invoiceId: string; disputeId: string; amount: number }[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .select({ invoiceId: disputes.invoiceId, disputeId: disputes.id, amount: disputes.amount })
    .from(disputes)
    .where(and(inArray(disputes.invoiceId, [...invoiceIds]), inArray(disputes.status, ['open', 'under_review'])))
    .orderBy(asc(disputes.invoiceId))
    .all();
}
