/**
 * The reconciliation feed: every invoice changed since an instant, oldest change first, paged by the
 * key (updated_at, id) so a page costs the same however deep it is and no row is skipped or repeated
 * when many share one millisecond (a bulk import writes thousands at one instant).
 */
import { and, asc, eq, gte, sql, type SQL } from 'drizzle-orm';
import type { ErpInvoiceFeed } from '../../contract/erp';
import type { DbOrTx } from '../../db/client';
import { customers, invoices } from '../../db/schema';
import { malformedInput } from '../errors';
import { invoiceStatus } from '../invoices';
import { underDispute } from '../ledger';

export interface ErpInvoiceFeedInput {
  updatedSince?: Date;
  cursor?: string;
  limit: number;
}

function encodeCursor(updatedAt: number, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !Number.isSafeInteger(parsed[0]) ||
    typeof parsed[1] !== 'string' ||
    parsed[1].length > 64
  ) {
    throw malformedInput('The cursor is not valid; start again from the first page.');
  }
  return parsed as [number, string];
}

export async function listErpInvoices(db: DbOrTx, input: ErpInvoiceFeedInput, today: string): Promise<ErpInvoiceFeed> {
  const conditions: SQL[] = [];
  if (input.updatedSince) conditions.push(gte(invoices.updatedAt, input.updatedSince));
  if (input.cursor) {
    const [updatedAt, id] = decodeCursor(input.cursor);
    conditions.push(sql`(${invoices.updatedAt}, ${invoices.id}) > (${updatedAt}, ${id})`);
  }
  const rows = await db
    .select({
      id: invoices.id,
      externalId: invoices.externalId,
      number: invoices.number,
      customerExternalId: customers.externalId,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      total: invoices.total,
      amountPaid: invoices.amountPaid,
      amountCredited: invoices.amountCredited,
      balance: invoices.balance,
      voidedAt: invoices.voidedAt,
      disputed: underDispute,
      updatedAt: invoices.updatedAt,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(...conditions))
    .orderBy(asc(invoices.updatedAt), asc(invoices.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ voidedAt, disputed, updatedAt, ...r }) => ({
      ...r,
      status: invoiceStatus({ voidedAt, disputed, balance: r.balance, dueDate: r.dueDate }, today),
      updatedAt: updatedAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.updatedAt.getTime(), last.id) : null,
  };
}
