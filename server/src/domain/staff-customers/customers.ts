/**
 * The customers as staff read them: a page by name, one customer's header, and the narrow read-only
 * scope through which the customer's own lists (invoices, payments, promises) are read for staff.
 *
 * The list is a keyset on `(lower(name), id)`: the cursor carries the last row's id and the lowered name
 * the database itself computed, so each engine compares in its own collation, as its ORDER BY sorts.
 * The money figures of a page come from `accountSummaries`, the portal's own, for the page's ids only.
 */
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, likeIgnoringCase } from '../search';
import type {
  AccountSummary,
  CustomerContact,
  CustomerDetail,
  CustomerSummaryPage,
  CustomerSummaryRow,
} from '../../contract';
import { customerIdParam } from '../../contract/schemas';
import type { DbOrTx } from '../../db/client';
import { contacts, customers, staffUsers } from '../../db/schema';
import type { AuthSession } from '../auth';
import { malformedInput, notFound } from '../errors';
import { accountSummaries } from '../invoices';

export interface CustomerListInput {
  q?: string;
  cursor?: string;
  limit: number;
}

const sortName = sql<string>`lower(${customers.name})`;

const rowColumns = {
  id: customers.id,
  name: customers.name,
  externalId: customers.externalId,
  currency: customers.currency,
  dunningPausedUntil: customers.dunningPausedUntil,
  collectorId: customers.collectorId,
  collectorName: staffUsers.name,
};

type Row = { id: string; collectorId: string | null; collectorName: string | null } & Omit<
  CustomerSummaryRow,
  'balance' | 'pastDue' | 'disputed' | 'credit' | 'collector'
>;

function encodeCursor(id: string, name: string): string {
  return Buffer.from(`${id}\n${name}`, 'utf8').toString('base64url');
}

/** The id first: it holds no line break, so the name after the first one is whole whatever it holds. */
function decodeCursor(cursor: string): { id: string; name: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const cut = text.indexOf('\n');
  const id = customerIdParam.safeParse(text.slice(0, Math.max(cut, 0)));
  if (cut < 0 || !id.success)
    throw malformedInput('The cursor is not valid for this list; start again from the first page.');
  return { id: id.data, name: text.slice(cut + 1) };
}

/** The page's rows with their figures as of `today` (the summaries are the portal's own). */
async function withFigures(
  db: DbOrTx,
  rows: Row[],
  today: string,
): Promise<{ row: CustomerSummaryRow; summary: AccountSummary }[]> {
  const summaries = new Map(
    (
      await accountSummaries(
        db,
        rows.map((r) => r.id),
        today,
      )
    ).map((s) => [s.id, s]),
  );
  return rows.map(({ collectorId, collectorName, ...r }) => {
    const summary = summaries.get(r.id)!;
    const { balance, pastDue, disputed, credit } = summary;
    const collector = collectorId ? { id: collectorId, name: collectorName ?? '' } : null;
    return { row: { ...r, balance, pastDue, disputed, credit, collector }, summary };
  });
}

function selectRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ ...rowColumns, sortName })
    .from(customers)
    .leftJoin(staffUsers, eq(staffUsers.id, customers.collectorId))
    .where(where);
}

/** A page of the customers by name (any case), then id; `q` is found in the name or the external id. */
export async function listCustomers(db: DbOrTx, input: CustomerListInput, today: string): Promise<CustomerSummaryPage> {
  const filters: (SQL | undefined)[] = [];
  if (input.q) {
    const pattern = containsPattern(input.q);
    filters.push(or(likeIgnoringCase(customers.name, pattern), likeIgnoringCase(customers.externalId, pattern)));
  }
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    filters.push(
      or(sql`${sortName} > ${after.name}`, and(sql`${sortName} = ${after.name}`, sql`${customers.id} > ${after.id}`)),
    );
  }
  const rows = await selectRows(db, and(...filters))
    .orderBy(asc(sortName), asc(customers.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: (
      await withFigures(
        db,
        page.map(({ sortName: _, ...row }) => row),
        today,
      )
    ).map((f) => f.row),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.id, last.sortName) : null,
  };
}

/** The customer `id`, or 404 (an id that cannot be one included). */
async function customerRow(db: DbOrTx, id: string) {
  const parsed = customerIdParam.safeParse(id);
  const row = parsed.success
    ? await db
        .select({
          ...rowColumns,
          billingAddress: customers.billingAddress,
          paymentTermsDays: customers.paymentTermsDays,
        })
        .from(customers)
        .leftJoin(staffUsers, eq(staffUsers.id, customers.collectorId))
        .where(eq(customers.id, parsed.data))
        .get()
    : undefined;
  if (!row) throw notFound('No such customer.');
  return row;
}

/** The customer page's header: the list's row, contacts, address, terms and the portal's summary. */
export async function customerDetail(db: DbOrTx, id: string, today: string): Promise<CustomerDetail> {
  const { billingAddress, paymentTermsDays, ...row } = await customerRow(db, id);
  const [figures] = await withFigures(db, [row], today);
  const people: CustomerContact[] = await db
    .select({ id: contacts.id, email: contacts.email, name: contacts.name, locale: contacts.locale })
    .from(contacts)
    .where(eq(contacts.customerId, row.id))
    .orderBy(asc(contacts.email), asc(contacts.id))
    .all();
  return { ...figures!.row, contacts: people, billingAddress, paymentTermsDays, summary: figures!.summary };
}

/** Who the staff scope is: nobody signed in, no role, no link. */
const NOBODY = { email: '', name: '', role: null, staffUserId: null, linkId: null, scopeInvoiceIds: null };

/**
 * A read-only scope of exactly one customer account, through which staff read the customer's own lists
 * (invoices, payments, promises). Not a session (no row, no token): the narrowest scope those functions
 * read, as `invoices/invoice-document.ts` builds one for the outbox. 404 when `id` is no customer.
 */
export async function customerScope(db: DbOrTx, id: string, now: Date): Promise<AuthSession> {
  const { id: accountId, name } = await customerRow(db, id);
  return {
    ...NOBODY,
    id: 'staff-read',
    audience: 'customer',
    accounts: [{ id: accountId, name }],
    expiresAt: now,
    signedInAt: now,
  };
}
