/**
 * The customer's invoice list: scoped to the session's accounts (and, for Easy Pay sessions, to the
 * link's invoices), filtered by derived status, past-due first by default, with keyset pagination so
 * page 500 of a 10,000-invoice account costs what page 1 does.
 */
import { and, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { InvoiceList, InvoiceSort, InvoiceStatus, InvoiceStatusFilter, InvoiceSummary } from '../api/contract';
import type { DbOrTx } from '../db/client';
import { invoices } from '../db/schema';
import { AppError, notFound } from '../errors';
import { daysBetween } from './dates';
import type { AuthSession } from './sessions';

/** 0 past due, 1 open, 2 paid, 3 void: the order the customer should see them in. */
export function statusRank(today: string): SQL<number> {
  return sql<number>`(CASE WHEN ${invoices.voidedAt} IS NOT NULL THEN 3 WHEN ${invoices.balance} <= 0 THEN 2 WHEN ${invoices.dueDate} < ${today} THEN 0 ELSE 1 END)`;
}

export function invoiceStatus(
  row: { voidedAt: Date | null; balance: number; dueDate: string },
  today: string,
): InvoiceStatus {
  if (row.voidedAt) return 'void';
  if (row.balance <= 0) return 'paid';
  return row.dueDate < today ? 'past_due' : 'open';
}

export function statusCondition(status: InvoiceStatusFilter, today: string): SQL | undefined {
  switch (status) {
    case 'open':
      return and(isNull(invoices.voidedAt), gt(invoices.balance, 0));
    case 'past_due':
      return and(isNull(invoices.voidedAt), gt(invoices.balance, 0), lt(invoices.dueDate, today));
    case 'paid':
      return and(isNull(invoices.voidedAt), sql`${invoices.balance} <= 0`);
    case 'all':
      return undefined;
  }
}

/** The accounts a request may read: one named account (404 if not the session's) or all of them. */
export function scopedAccountIds(session: AuthSession, account: string | undefined): string[] {
  const ids = session.accounts.map((a) => a.id);
  if (account === undefined) return ids;
  if (!ids.includes(account)) throw notFound('No such account.');
  return [account];
}

function sortKeys(sort: InvoiceSort, today: string): { keys: SQL[]; desc: boolean } {
  const desc = sort.startsWith('-');
  const column = {
    priority: null,
    dueDate: invoices.dueDate,
    issueDate: invoices.issueDate,
    number: invoices.number,
    total: invoices.total,
    balance: invoices.balance,
  }[desc ? sort.slice(1) : sort];
  if (!column) return { keys: [statusRank(today), sql`${invoices.dueDate}`, sql`${invoices.id}`], desc: false };
  return { keys: [sql`${column}`, sql`${invoices.id}`], desc };
}

type CursorValue = string | number;

function encodeCursor(sort: InvoiceSort, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

function decodeCursor(cursor: string, sort: InvoiceSort, arity: number): CursorValue[] {
  const bad = () =>
    new AppError(400, 'invalid_request', 'The cursor is not valid for this list; start again from the first page.');
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
function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface InvoiceListInput {
  account?: string;
  status: InvoiceStatusFilter;
  q?: string;
  sort: InvoiceSort;
  cursor?: string;
  limit: number;
}

export function listInvoices(db: DbOrTx, session: AuthSession, input: InvoiceListInput, today: string): InvoiceList {
  const accountIds = scopedAccountIds(session, input.account);
  const { keys, desc } = sortKeys(input.sort, today);
  const conditions: (SQL | undefined)[] = [
    inArray(invoices.customerId, accountIds),
    statusCondition(input.status, today),
  ];
  if (session.scopeInvoiceIds) conditions.push(inArray(invoices.id, session.scopeInvoiceIds));
  if (input.q) {
    const pattern = likePrefix(input.q);
    conditions.push(
      or(sql`${invoices.number} LIKE ${pattern} ESCAPE '\\'`, sql`${invoices.poNumber} LIKE ${pattern} ESCAPE '\\'`),
    );
  }
  if (input.cursor) {
    const values = decodeCursor(input.cursor, input.sort, keys.length);
    const row = sql.join(keys, sql`, `);
    const after = sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
    conditions.push(desc ? sql`(${row}) < (${after})` : sql`(${row}) > (${after})`);
  }
  const rank = statusRank(today);
  const rows = db
    .select({
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
      rank,
    })
    .from(invoices)
    .where(and(...conditions))
    .orderBy(...keys.map((k) => (desc ? sql`${k} DESC` : k)))
    .limit(input.limit + 1)
    .all();

  const page = rows.slice(0, input.limit);
  const items: InvoiceSummary[] = page.map((r) => {
    const status = invoiceStatus(r, today);
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
      daysPastDue: status === 'past_due' ? daysBetween(r.dueDate, today) : 0,
    };
  });
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > input.limit && last) {
    const key = input.sort.replace(/^-/, '') as Exclude<InvoiceSort, `-${string}`>;
    const values: CursorValue[] =
      key === 'priority'
        ? [last.rank, last.dueDate, last.id]
        : [last[key as 'dueDate' | 'issueDate' | 'number' | 'total' | 'balance'], last.id];
    nextCursor = encodeCursor(input.sort, values);
  }
  return { items, nextCursor };
}
