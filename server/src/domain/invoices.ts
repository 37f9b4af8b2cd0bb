/**
 * The customer's invoices: the list (scoped to the session's accounts and, for Easy Pay sessions, to
 * the link's invoices; filtered by derived status; past-due first by default; keyset pagination so
 * page 500 of a 10,000-invoice account costs what page 1 does) and one invoice in full.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  InvoiceDetail,
  InvoiceHistoryEntry,
  InvoiceList,
  InvoiceSort,
  InvoiceStatus,
  InvoiceStatusFilter,
  InvoiceSummary,
} from '../api/contract';
import type { DbOrTx } from '../db/client';
import { allocations, creditNotes, customers, disputes, events, invoiceLines, invoices, payments } from '../db/schema';
import { AppError, notFound } from '../errors';
import { calendarDate, daysBetween } from './dates';
import { currencyExponent, parseTypedAmount } from './money';
import type { AuthSession } from './sessions';

/**
 * An open dispute covers the invoice (disputed while a dispute is open or under review). Written with
 * qualified names by hand: in a one-table select Drizzle drops the table from `${invoices.id}`, and
 * inside this subquery a bare "id" would mean the dispute's.
 */
export const underDispute = sql<boolean>`EXISTS (SELECT 1 FROM "disputes" "d" WHERE "d"."invoice_id" = "invoices"."id" AND "d"."status" IN ('open', 'under_review'))`;

/** 0 past due, 1 open, 2 disputed, 3 paid, 4 void: the order the customer should see them in. */
export function statusRank(today: string): SQL<number> {
  return sql<number>`(CASE WHEN ${invoices.voidedAt} IS NOT NULL THEN 4 WHEN ${invoices.balance} <= 0 THEN 3 WHEN ${underDispute} THEN 2 WHEN ${invoices.dueDate} < ${today} THEN 0 ELSE 1 END)`;
}

export function invoiceStatus(
  row: { voidedAt: Date | null; balance: number; dueDate: string; disputed: boolean | number },
  today: string,
): InvoiceStatus {
  if (row.voidedAt) return 'void';
  if (row.balance <= 0) return 'paid';
  if (row.disputed) return 'disputed';
  return row.dueDate < today ? 'past_due' : 'open';
}

/** Each filter shows the invoices of that status, except `open`: every unpaid one, as AR means it. */
export function statusCondition(status: InvoiceStatusFilter, today: string): SQL | undefined {
  const unpaid = and(isNull(invoices.voidedAt), gt(invoices.balance, 0));
  switch (status) {
    case 'open':
      return unpaid;
    case 'past_due':
      return and(unpaid, lt(invoices.dueDate, today), sql`NOT ${underDispute}`);
    case 'disputed':
      return and(unpaid, underDispute);
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
  const descending = sort.startsWith('-');
  const column = {
    priority: null,
    dueDate: invoices.dueDate,
    issueDate: invoices.issueDate,
    number: invoices.number,
    total: invoices.total,
    balance: invoices.balance,
  }[descending ? sort.slice(1) : sort];
  if (!column) return { keys: [statusRank(today), sql`${invoices.dueDate}`, sql`${invoices.id}`], desc: false };
  return { keys: [sql`${column}`, sql`${invoices.id}`], desc: descending };
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
function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `q` finds an invoice by number or PO (anywhere in them), or by an amount typed as a person would,
 * matched against total or balance in each account's own currency.
 */
function searchCondition(db: DbOrTx, q: string, accountIds: string[]): SQL | undefined {
  const pattern = likeContains(q);
  const matches: (SQL | undefined)[] = [
    sql`${invoices.number} LIKE ${pattern} ESCAPE '\\'`,
    sql`${invoices.poNumber} LIKE ${pattern} ESCAPE '\\'`,
  ];
  const currencies = db
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

export function listInvoices(db: DbOrTx, session: AuthSession, input: InvoiceListInput, today: string): InvoiceList {
  const accountIds = scopedAccountIds(session, input.account);
  const { keys, desc: descending } = sortKeys(input.sort, today);
  const conditions: (SQL | undefined)[] = [
    inArray(invoices.customerId, accountIds),
    statusCondition(input.status, today),
  ];
  if (session.scopeInvoiceIds) conditions.push(inArray(invoices.id, session.scopeInvoiceIds));
  if (input.q) conditions.push(searchCondition(db, input.q, accountIds));
  if (input.cursor) {
    const values = decodeCursor(input.cursor, input.sort, keys.length);
    const row = sql.join(keys, sql`, `);
    const after = sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
    conditions.push(descending ? sql`(${row}) < (${after})` : sql`(${row}) > (${after})`);
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
      disputed: underDispute,
      rank,
    })
    .from(invoices)
    .where(and(...conditions))
    .orderBy(...keys.map((k) => (descending ? sql`${k} DESC` : k)))
    .limit(input.limit + 1)
    .all();

  const page = rows.slice(0, input.limit);
  const items = page.map((r) => summary(r, today));
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > input.limit && last) {
    const key = input.sort.replace(/^-/, '') as 'priority' | 'dueDate' | 'issueDate' | 'number' | 'total' | 'balance';
    const values: CursorValue[] = key === 'priority' ? [last.rank, last.dueDate, last.id] : [last[key], last.id];
    nextCursor = encodeCursor(input.sort, values);
  }
  return { items, nextCursor };
}

function summary(
  r: {
    id: string;
    number: string;
    accountId: string;
    poNumber: string | null;
    issueDate: string;
    dueDate: string;
    currency: string;
    total: number;
    balance: number;
    voidedAt: Date | null;
    disputed: boolean | number;
  },
  today: string,
): InvoiceSummary {
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
    daysPastDue: r.balance > 0 && !r.voidedAt && r.dueDate < today ? daysBetween(r.dueDate, today) : 0,
  };
}

/** One of the session's invoices by id (`inv_…`) or number (`INV-1042`); 404 for anything else. */
export function findInvoiceForSession(db: DbOrTx, session: AuthSession, idOrNumber: string) {
  const row = db
    .select()
    .from(invoices)
    .where(or(eq(invoices.id, idOrNumber), eq(invoices.number, idOrNumber)))
    .get();
  const visible =
    row &&
    session.accounts.some((a) => a.id === row.customerId) &&
    (!session.scopeInvoiceIds || session.scopeInvoiceIds.includes(row.id));
  if (!visible) throw notFound(`No invoice ${idOrNumber} on your account.`);
  return row;
}

const HISTORY_LABELS: Record<string, string> = {
  'invoice.created': 'Invoice issued',
  'invoice.updated': 'Invoice updated',
  'invoice.voided': 'Invoice voided',
  'dispute.opened': 'Dispute opened',
  'dispute.resolved': 'Dispute resolved',
};

/** The whole invoice: lines, what was applied to it, and what happened to it, for the detail view. */
export function invoiceDetail(
  db: DbOrTx,
  session: AuthSession,
  idOrNumber: string,
  today: string,
  timeZone: string,
): InvoiceDetail {
  const invoice = findInvoiceForSession(db, session, idOrNumber);
  const disputed = db
    .select({ id: disputes.id, status: disputes.status })
    .from(disputes)
    .where(and(eq(disputes.invoiceId, invoice.id), inArray(disputes.status, ['open', 'under_review'])))
    .orderBy(desc(disputes.createdAt))
    .get();
  const lines = db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .orderBy(asc(invoiceLines.lineNo))
    .all();
  const applied = db
    .select({
      paymentId: payments.id,
      method: payments.method,
      reference: payments.providerRef,
      amount: allocations.amount,
      at: allocations.createdAt,
    })
    .from(allocations)
    .innerJoin(payments, eq(payments.id, allocations.paymentId))
    .where(and(eq(allocations.invoiceId, invoice.id), isNull(allocations.reversedAt)))
    .orderBy(asc(allocations.createdAt))
    .all();
  const credits = db
    .select()
    .from(creditNotes)
    .where(eq(creditNotes.invoiceId, invoice.id))
    .orderBy(asc(creditNotes.issueDate))
    .all();
  const recorded = db
    .select({ type: events.type, at: events.createdAt })
    .from(events)
    .where(and(eq(events.subjectType, 'invoice'), eq(events.subjectId, invoice.id)))
    .orderBy(asc(events.id))
    .all();

  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: invoice.currency });
  const exponent = 10 ** currencyExponent(invoice.currency);
  const history: InvoiceHistoryEntry[] = [
    ...recorded.map((e) => ({ at: e.at.toISOString(), type: e.type, label: HISTORY_LABELS[e.type] ?? e.type })),
    ...applied.map((a) => ({
      at: a.at.toISOString(),
      type: 'payment.applied',
      label: `Payment of ${money.format(a.amount / exponent)} applied`,
    })),
    ...credits.map((c) => ({
      at: c.createdAt.toISOString(),
      type: 'credit.applied',
      label: `Credit note ${c.number} for ${money.format(c.amount / exponent)} applied`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const account = session.accounts.find((a) => a.id === invoice.customerId)!;
  return {
    ...summary({ ...invoice, accountId: invoice.customerId, disputed: Boolean(disputed) }, today),
    accountName: account.name,
    subtotal: invoice.subtotal,
    taxTotal: invoice.taxTotal,
    amountPaid: invoice.amountPaid,
    amountCredited: invoice.amountCredited,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      description: l.description,
      sku: l.sku,
      quantity: l.quantityMilli / 1000,
      unitPrice: l.unitPrice,
      amount: l.amount,
      tax: l.tax,
    })),
    payments: applied.map((a) => ({
      paymentId: a.paymentId,
      date: calendarDate(a.at, timeZone),
      method: a.method,
      reference: a.reference,
      amount: a.amount,
    })),
    credits: credits.map((c) => ({
      creditNoteId: c.id,
      number: c.number,
      date: c.issueDate,
      amount: c.amount,
      reason: c.reason,
    })),
    history,
    dispute: disputed ?? null,
  };
}
