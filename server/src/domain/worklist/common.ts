/** What the worklist's two readers (list.ts from the base tables, ranked.ts from the maintained rows) share. */
import { sql, type SQL } from 'drizzle-orm';
import type { WorklistDisputeFilter, WorklistPromiseFilter } from '../../contract';

/**
 * The events that count as contacting the customer: a dunning reminder, an invoice or statement emailed,
 * a staff note (the customer page's). What the collector did last, as the worklist's "last contact".
 */
export const CONTACT_EVENT_TYPES = ['reminder.sent', 'invoice.sent', 'statement.sent', 'customer.note_added'] as const;

export interface WorklistInput {
  /** `me`, `unassigned` or a staff user id. */
  collector?: string;
  q?: string;
  minPastDue?: number;
  promise?: WorklistPromiseFilter;
  dispute?: WorklistDisputeFilter;
  cursor?: string;
  limit: number;
}

export interface Cursor {
  /** The instant (ms) the first page was ranked at. */
  at: number;
  score: number;
  id: string;
}

/** A row of the page as either reader answers it. */
export interface WorklistDbRow {
  id: string;
  name: string;
  externalId: string | null;
  currency: string;
  collectorId: string | null;
  collectorName: string | null;
  balance: number;
  pastDue: number;
  disputed: number;
  openDisputes: number;
  brokenPromises: number;
  lastContact: number | null;
  score: number;
}

/**
 * The customer's newest contact's instant (ms), or NULL: its events newest first on events_customer_idx,
 * to the first contact. Ordered by the index's own columns, so the planner walks it rather than every
 * event of the contact types (events_type_idx) in id order.
 */
export function lastContactSql(customerId: SQL): SQL {
  const types = sql.raw(CONTACT_EVENT_TYPES.map((t) => `'${t}'`).join(', '));
  return sql`(SELECT "e"."created_at" FROM "events" "e" WHERE "e"."customer_id" = ${customerId} AND "e"."type" IN (${types}) ORDER BY "e"."customer_id" DESC, "e"."id" DESC LIMIT 1)`;
}

/** The customer has an open promise. */
export function openPromiseSql(customerId: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM "promises" "p" WHERE "p"."customer_id" = ${customerId} AND "p"."status" = 'open')`;
}
