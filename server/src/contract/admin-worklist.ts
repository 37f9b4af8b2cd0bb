/**
 * The staff console's worklist (issue 13): the customers with something unpaid, ranked for the collector
 * by a score (its formula: `worklistScore` in server/src/domain/worklist/score.ts), highest first, paged
 * by a cursor. The query is the input type of its zod schema (schemas/admin-worklist.ts).
 */
import type { z } from 'zod';
import type { adminWorklistQuery } from './schemas/admin-worklist';

/** `GET /admin/worklist?collector=me|<staffUserId>|unassigned&q=&minPastDue=&promise=&dispute=&cursor=&limit=`. */
export type AdminWorklistQuery = z.input<typeof adminWorklistQuery>;

/** One customer of the worklist. Money in minor units of `currency`. */
export interface WorklistRow {
  id: string;
  name: string;
  externalId: string | null;
  currency: string;
  /** What the unpaid invoices still owe. */
  balance: number;
  /** The balance of invoices past their due date and under no standing dispute (the portal's past due). */
  pastDue: number;
  /** What standing disputes put in question (each at most its invoice's balance). */
  disputed: number;
  /** Standing disputes on unpaid invoices. */
  openDisputes: number;
  /** The open promise to pay due first (its date, `YYYY-MM-DD`, and amount), or null. */
  promise: { id: string; promisedDate: string; amount: number } | null;
  /** Promises broken on the unpaid invoices (`invoices.promises_broken` summed). */
  brokenPromises: number;
  /** The last reminder, invoice email or staff note for the customer (an instant), or null if never. */
  lastContact: string | null;
  /** The account's collector, or null when it has none (every active collector then). */
  collector: { id: string; name: string } | null;
  /** The rank's score: higher is more urgent. */
  score: number;
}

export interface WorklistPage {
  items: WorklistRow[];
  /** Give it as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

/** `promise=`: customers with an open promise, with broken promises on their unpaid invoices, or with no open promise. */
export type WorklistPromiseFilter = NonNullable<AdminWorklistQuery['promise']>;
/** `dispute=`: customers with a standing dispute on an unpaid invoice, or with none. */
export type WorklistDisputeFilter = NonNullable<AdminWorklistQuery['dispute']>;
