/**
 * The customer's invoices: the list (scoped to the session's accounts and, for Easy Pay sessions, to
 * the link's invoices; filtered by derived status; past-due first by default; keyset pagination so
 * page 500 of a 10,000-invoice account costs what page 1 does). One invoice in full: invoice-detail.ts;
 * status: status.ts.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, likeIgnoringCase } from '../search';
import type { InFlight, InvoiceList, InvoiceSort, InvoiceStatusFilter, InvoiceSummary } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { customers, invoices } from '../../db/schema';
import { malformedInput, notFound } from '../errors';
import type { AuthSession } from '../auth';
import { daysBetween } from '../dates';
import { currencyExponent, parseTypedAmount } from '../money';
import { disputeRef, inFlightFor, openDisputeColumns, openPromiseColumns, payableOf } from '../ledger';
import { FILTER_GROUPS, invoiceStatus, statusCondition, statusGroups } from './status';

/**
 * The account a request reads: the one named (404 if not the session's), else the session's first,
 * the same one `GET /accounts` lists first, so a list without `account` matches the totals above it.
 */
export function accountFor(session: AuthSession, account: string | undefined): string {
  const ids = session.accounts.map((a) => a.id);
  if (account !== undefined && !ids.includes(account)) throw notFound('No such account.');
  return account ?? ids[0]!;
}

function sortKeys(sort: InvoiceSort): { keys: SQL[]; desc: boolean } {
  const descending = sort.startsWith('-');
  const column = {
    priority: null,
    dueDate: invoices.dueDate,
    issueDate: invoices.issueDate,
    number: invoices.number,
    total: invoices.total,
    balance: invoices.balance,
  }[descending ? sort.slice(1) : sort];
  return { keys: [sql`${column ?? invoices.dueDate}`, sql`${invoices.id}`], desc: descending };
}

type CursorValue = string | number;

function encodeCursor(sort: InvoiceSort, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

function decodeCursor(cursor: string, sort: InvoiceSort, arity: number): CursorValue[] {
  const bad = () => malformedInput('The cursor is not valid for this list; start again from the first page.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const p = parsed as { s?: unknown; v?: unknown };
  if (
    typeof p !== 'object' ||
    p === null ||
    p.s !== sort ||
    !Array.isArray(p.v) ||
    p.v.length !== arity ||
    !p.v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isSafeInteger(x)))
  ) {
    throw bad();
  }
  return p.v as CursorValue[];
}

/** Escapes LIKE wildcards so a search for `50%` means the characters. */

/**
 * `q` finds an invoice by number or PO (anywhere in them), or by an amount typed as a person would,
 * matched against total or balance in each account's own currency.
 */
async function searchCondition(db: DbOrTx, q: string, accountIds: string[]): Promise<SQL | undefined> {
  const pattern = containsPattern(q);
  const matches: (SQL | undefined)[] = [
    likeIgnoringCase(invoices.number, pattern),
    likeIgnoringCase(invoices.poNumber, pattern),
  ];
  const currencies = await db
    .selectDistinct({ currency: customers.currency })
    .from(customers)
    .where(inArray(customers.id, accountIds))
    .all();
  for (const { currency } of currencies) {
    const minor = parseTypedAmount(q, currencyExponent(currency));
    if (minor !== null) {
      matches.push(and(eq(invoices.currency, currency), or(eq(invoices.total, minor), eq(invoices.balance, minor))));
    }
  }
  return or(...matches);
}

export interface InvoiceListInput {
  account?: string;
  status: InvoiceStatusFilter;
  q?: string;
  sort: InvoiceSort;
  cursor?: string;
  limit: number;
}

const listColumns = {
  id: invoices.id,
  number: invoices.number,
  accountId: invoices.customerId,
  poNumber: invoices.poNumber,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  total: invoices.total,
  balance: invoices.balance,
  voidedAt: invoices.voidedAt,
  ...openDisputeColumns,
  ...openPromiseColumns,
};

/**
 * A page of the list. Every query walks an index in the page's order and stops after the page, so
 * no request sorts a whole account: past-due first reads the status groups one after another (each
 * in due-date order on its own index), and the other sorts walk their column's index.
 */
export async function listInvoices(
  db: DbOrTx,
  session: AuthSession,
  input: InvoiceListInput,
  today: string,
): Promise<InvoiceList> {
  const accountIds = [accountFor(session, input.account)];
  const base: (SQL | undefined)[] = [inArray(invoices.customerId, accountIds)];
  if (session.scopeInvoiceIds) base.push(inArray(invoices.id, session.scopeInvoiceIds));
  if (input.q) base.push(await searchCondition(db, input.q, accountIds));
  const want = input.limit + 1;

  type Row = Awaited<ReturnType<typeof pageQuery>>[number] & { rank?: number };
  const pageQuery = (where: SQL | undefined, order: SQL[], limit: number) =>
    db
      .select(listColumns)
      .from(invoices)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .all();

  let rows: Row[] = [];
  if (input.sort === 'priority') {
    const cursor = input.cursor ? decodeCursor(input.cursor, input.sort, 3) : null;
    const groups = statusGroups(today);
    for (const rank of FILTER_GROUPS[input.status]) {
      if (cursor && rank < Number(cursor[0])) continue;
      const after =
        cursor && rank === cursor[0]
          ? sql`(${invoices.dueDate}, ${invoices.id}) > (${cursor[1]}, ${cursor[2]})`
          : undefined;
      const found = await pageQuery(
        and(...base, groups[rank], after),
        [asc(invoices.dueDate), asc(invoices.id)],
        want - rows.length,
      );
      rows = rows.concat(found.map((r) => ({ ...r, rank })));
      if (rows.length >= want) break;
    }
  } else {
    const { keys, desc: descending } = sortKeys(input.sort);
    const conditions = [...base, statusCondition(input.status, today)];
    if (input.cursor) {
      const values = decodeCursor(input.cursor, input.sort, keys.length);
      const row = sql.join(keys, sql`, `);
      const after = sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      );
      conditions.push(descending ? sql`(${row}) < (${after})` : sql`(${row}) > (${after})`);
    }
    rows = await pageQuery(
      and(...conditions),
      keys.map((k) => (descending ? sql`${k} DESC` : k)),
      want,
    );
  }

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > input.limit && last) {
    const key = input.sort.replace(/^-/, '') as 'priority' | 'dueDate' | 'issueDate' | 'number' | 'total' | 'balance';
    const values: CursorValue[] = key === 'priority' ? [last.rank!, last.dueDate, last.id] : [last[key], last.id];
    nextCursor = encodeCursor(input.sort, values);
  }
  const held = await inFlightFor(
    db,
    page.filter((r) => r.balance > 0).map((r) => r.id),
  );
  return { items: page.map((r) => summary(r, today, held.get(r.id))), nextCursor };
}

/** What the list reads of an invoice: the summary's stored fields, and what its status derives from. */
type SummaryRow = Omit<InvoiceSummary, 'status' | 'daysPastDue' | 'inFlight' | 'payable' | 'promise' | 'dispute'> & {
  voidedAt: Date | null;
  /** The standing dispute (`openDisputeColumns`). */
  disputeId: string | null;
  disputeStatus: 'open' | 'under_review' | null;
  disputeAmount: number | null;
  /** The open promise covering it (`openPromiseColumns`). */
  promiseId: string | null;
  promisedDate: string | null;
};

export function summary(r: SummaryRow, today: string, held: InFlight | undefined): InvoiceSummary {
  const dispute = disputeRef(r);
  const status = invoiceStatus({ ...r, disputed: dispute !== null }, today);
  return {
    id: r.id,
    number: r.number,
    accountId: r.accountId,
    poNumber: r.poNumber,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    currency: r.currency,
    total: r.total,
    balance: r.balance,
    status,
    daysPastDue: r.balance > 0 && !r.voidedAt && r.dueDate < today ? daysBetween(r.dueDate, today) : 0,
    inFlight: held ?? null,
    payable: r.voidedAt ? 0 : payableOf(r.balance, held),
    promise: r.promiseId && r.promisedDate ? { id: r.promiseId, promisedDate: r.promisedDate } : null,
    dispute,
  };
}
