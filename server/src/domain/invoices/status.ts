/**
 * An invoice's status, derived at read time because it depends on "today" (past due, open, disputed,
 * paid, void), as a value for one invoice and as SQL conditions for lists and counts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { InvoiceStatus, InvoiceStatusFilter } from '../../contract';
import { invoices } from '../../db/schema';
import { underDispute } from '../ledger';

// Constants written into the SQL, not bound: SQLite uses a partial index only when the query's
// WHERE repeats the index's own terms (see the invoice indexes in db/schema/invoices.ts).
const UNPAID = sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} > 0`;
const PAID = sql`${invoices.voidedAt} IS NULL AND ${invoices.balance} <= 0`;

/**
 * The status groups in the order the customer should see them, past-due first; an invoice's rank is
 * its group's index: 0 past due, 1 open, 2 disputed, 3 paid, 4 void.
 */
export function statusGroups(today: string): SQL[] {
  return [
    sql`${UNPAID} AND ${invoices.dueDate} < ${today} AND NOT ${underDispute}`,
    sql`${UNPAID} AND ${invoices.dueDate} >= ${today} AND NOT ${underDispute}`,
    sql`${UNPAID} AND ${underDispute}`,
    PAID,
    sql`${invoices.voidedAt} IS NOT NULL`,
  ];
}

/** Which status groups each filter shows: `open` is every unpaid invoice, as AR means it. */
export const FILTER_GROUPS: Record<InvoiceStatusFilter, number[]> = {
  past_due: [0],
  open: [0, 1, 2],
  disputed: [2],
  paid: [3],
  all: [0, 1, 2, 3, 4],
};

export function invoiceStatus(
  row: { voidedAt: Date | null; balance: number; dueDate: string; disputed: boolean | number },
  today: string,
): InvoiceStatus {
  if (row.voidedAt) return 'void';
  if (row.balance <= 0) return 'paid';
  if (row.disputed) return 'disputed';
  return row.dueDate < today ? 'past_due' : 'open';
}

export function statusCondition(status: InvoiceStatusFilter, today: string): SQL | undefined {
  if (status === 'all') return undefined;
  if (status === 'open') return UNPAID;
  return statusGroups(today)[FILTER_GROUPS[status][0]!];
}
