/**
 * A statement of account for a period: opening balance, every invoice, payment and credit note in the
 * period with a running balance, closing balance, unapplied credit and aging as of the period's end.
 *
 * The arithmetic holds by construction: opening + invoiced − paid − credited = closing, and the
 * closing balance equals the aging total less unapplied credit (tested over random histories).
 * Void invoices are left out as if never issued. Instants (payments, allocations) are placed on
 * calendar days in the company's time zone.
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AgingBuckets, Statement, StatementLine } from '../../contract';
import type { DbOrTx } from '../../db/client';
import {
  allocations,
  creditNoteAllocations,
  creditNotes,
  customers,
  disputes,
  invoices,
  payments,
} from '../../db/schema';
import { notFound } from '../errors';
import { addDays, calendarDate, daysBetween, startOfDay } from '../dates';
import { catalogFor, type DocumentCatalog } from '../../locales/catalog';
import { documentFormats } from '../../locales/format';
import { receiptNumber } from '../ledger';
import type { CompanySettings } from '../settings';

export interface StatementInput {
  accountId: string;
  from: string;
  to: string;
  /** The reader's locale, for the lines' descriptions; the company's `locale` when absent. */
  locale?: string;
}

/** Which aging bucket `daysPastDue` falls in: not yet due is current. */
export function agingBucket(daysPastDue: number): keyof AgingBuckets {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'days1to30';
  if (daysPastDue <= 60) return 'days31to60';
  if (daysPastDue <= 90) return 'days61to90';
  return 'over90';
}

export async function buildStatement(db: DbOrTx, company: CompanySettings, input: StatementInput): Promise<Statement> {
  const { accountId, from, to } = input;
  const account = await db.select().from(customers).where(eq(customers.id, accountId)).get();
  if (!account) throw notFound('No such account.');
  const tz = company.timeZone;
  const periodStart = startOfDay(from, tz);
  const periodEnd = startOfDay(addDays(to, 1), tz);
  const locale = input.locale ?? company.locale;
  const t = catalogFor(locale);
  const dates = documentFormats(locale, account.currency);
  const dateInText = (date: string) => t.dateInText(date, dates.date(date));

  const live = and(eq(invoices.customerId, accountId), isNull(invoices.voidedAt));
  const issued = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      poNumber: invoices.poNumber,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      total: invoices.total,
    })
    .from(invoices)
    .where(and(live, lte(invoices.issueDate, to)))
    .orderBy(asc(invoices.issueDate), asc(invoices.number), asc(invoices.id))
    .all();
  const paid = await db
    .select({
      id: payments.id,
      amount: payments.amount,
      method: payments.method,
      ref: payments.providerRef,
      at: payments.succeededAt,
    })
    .from(payments)
    .where(
      and(eq(payments.customerId, accountId), eq(payments.status, 'succeeded'), lt(payments.succeededAt, periodEnd)),
    )
    .orderBy(asc(payments.succeededAt), asc(payments.id))
    .all();
  // A credit note on a void invoice goes with it; one on no invoice is the customer's credit.
  const credited = await db
    .select({
      id: creditNotes.id,
      number: creditNotes.number,
      amount: creditNotes.amount,
      reason: creditNotes.reason,
      issueDate: creditNotes.issueDate,
    })
    .from(creditNotes)
    .leftJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
    .where(and(eq(creditNotes.customerId, accountId), lte(creditNotes.issueDate, to), isNull(invoices.voidedAt)))
    .orderBy(asc(creditNotes.issueDate), asc(creditNotes.number), asc(creditNotes.id))
    .all();

  let opening = 0;
  const entries: Omit<StatementLine, 'balance'>[] = [];
  for (const inv of issued) {
    if (inv.issueDate < from) opening += inv.total;
    else
      entries.push({
        date: inv.issueDate,
        type: 'invoice',
        reference: inv.number,
        description: t.statement.invoiceLine(dateInText(inv.dueDate), inv.poNumber),
        amount: inv.total,
      });
  }
  for (const p of paid) {
    if (p.at! < periodStart) opening -= p.amount;
    else
      entries.push({
        date: calendarDate(p.at!, tz),
        type: 'payment',
        // The receipt number the payer was given, never the provider's internal id.
        reference: receiptNumber(p.id),
        description: paymentDescription(t, p.method, p.ref),
        amount: -p.amount,
      });
  }
  for (const c of credited) {
    if (c.issueDate < from) opening -= c.amount;
    else
      entries.push({
        date: c.issueDate,
        type: 'credit',
        reference: c.number,
        description: t.statement.creditLine(c.reason),
        amount: -c.amount,
      });
  }
  const order = { invoice: 0, credit: 1, payment: 2 } as const;
  entries.sort(
    (a, b) => a.date.localeCompare(b.date) || order[a.type] - order[b.type] || a.reference.localeCompare(b.reference),
  );

  let running = opening;
  const lines = entries.map((e) => ({ ...e, balance: (running += e.amount) }));
  const totals = {
    invoiced: sumOf(entries, 'invoice'),
    paid: sumOf(entries, 'payment'),
    credited: sumOf(entries, 'credit'),
  };

  return {
    account: { id: account.id, name: account.name, currency: account.currency, billingAddress: account.billingAddress },
    company: { name: company.companyName, address: company.companyAddress, timeZone: tz },
    from,
    to,
    currency: account.currency,
    openingBalance: opening,
    lines,
    totals,
    closingBalance: opening + totals.invoiced - totals.paid - totals.credited,
    unappliedCredit: await unappliedCreditAsOf(db, accountId, to, periodEnd),
    aging: await agingAsOf(db, issued, to, periodEnd),
    disputed: await disputedNow(db, accountId, to, tz),
  };
}

/**
 * The standing disputes of the account's live invoices, as they are now: each one's amount (at most
 * what the invoice still owes), and the same split by the invoice's days past due on `to`, as `aging` is.
 */
async function disputedNow(db: DbOrTx, accountId: string, to: string, tz: string): Promise<Statement['disputed']> {
  const rows = await db
    .select({
      id: disputes.id,
      status: disputes.status,
      amount: disputes.amount,
      createdAt: disputes.createdAt,
      number: invoices.number,
      dueDate: invoices.dueDate,
      balance: invoices.balance,
    })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(
      and(
        eq(disputes.customerId, accountId),
        inArray(disputes.status, ['open', 'under_review']),
        isNull(invoices.voidedAt),
      ),
    )
    .orderBy(asc(disputes.createdAt), asc(disputes.id))
    .all();
  const aging: AgingBuckets = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
  const items = rows
    .map((r) => ({ ...r, amount: Math.min(r.amount, Math.max(0, r.balance)) }))
    .filter((r) => r.amount > 0)
    .map((r) => {
      aging[agingBucket(daysBetween(r.dueDate, to))] += r.amount;
      return {
        disputeId: r.id,
        invoiceNumber: r.number,
        amount: r.amount,
        status: r.status as 'open' | 'under_review',
        openedOn: calendarDate(r.createdAt, tz),
      };
    });
  return { total: items.reduce((sum, i) => sum + i.amount, 0), aging, items };
}

/** "Payment by Card"; a check's or wire's own reference (from the ERP) is the payer's, so it is kept. */
function paymentDescription(t: DocumentCatalog, method: string, ref: string | null): string {
  return t.statement.paymentLine(t.method(method), (method === 'check' || method === 'wire') && ref ? ref : null);
}

/** The size of every entry of one type (payments and credits are negative lines, positive totals). */
function sumOf(entries: { type: string; amount: number }[], type: string): number {
  return entries.reduce((s, e) => (e.type === type ? s + Math.abs(e.amount) : s), 0);
}

/** Allocations standing at `end`: made before it and not reversed before it. */
function standingAt(end: Date) {
  return and(lt(allocations.createdAt, end), or(isNull(allocations.reversedAt), gte(allocations.reversedAt, end)));
}

/** The same for loose credit notes applied to invoices along with a payment. */
function noteStandingAt(end: Date) {
  const t = creditNoteAllocations;
  return and(lt(t.createdAt, end), or(isNull(t.reversedAt), gte(t.reversedAt, end)));
}

async function unappliedCreditAsOf(db: DbOrTx, accountId: string, to: string, end: Date): Promise<number> {
  const received = (await db
    .select({ total: sql<number>`coalesce(sum(${payments.amount}), 0)`.mapWith(Number) })
    .from(payments)
    .where(and(eq(payments.customerId, accountId), eq(payments.status, 'succeeded'), lt(payments.succeededAt, end)))
    .get())!.total;
  const applied = (await db
    .select({ total: sql<number>`coalesce(sum(${allocations.amount}), 0)`.mapWith(Number) })
    .from(allocations)
    .innerJoin(payments, eq(payments.id, allocations.paymentId))
    .where(and(eq(payments.customerId, accountId), eq(payments.status, 'succeeded'), standingAt(end)))
    .get())!.total;
  const looseCredit = (await db
    .select({ total: sql<number>`coalesce(sum(${creditNotes.amount}), 0)`.mapWith(Number) })
    .from(creditNotes)
    .where(and(eq(creditNotes.customerId, accountId), isNull(creditNotes.invoiceId), lte(creditNotes.issueDate, to)))
    .get())!.total;
  const looseApplied = (await db
    .select({ total: sql<number>`coalesce(sum(${creditNoteAllocations.amount}), 0)`.mapWith(Number) })
    .from(creditNoteAllocations)
    .innerJoin(creditNotes, eq(creditNotes.id, creditNoteAllocations.creditNoteId))
    .where(and(eq(creditNotes.customerId, accountId), noteStandingAt(end)))
    .get())!.total;
  return received - applied + looseCredit - looseApplied;
}

/** Each invoice's balance as it stood at the end of `to`, bucketed by days past due on that day. */
async function agingAsOf(
  db: DbOrTx,
  issued: { id: string; dueDate: string; total: number }[],
  to: string,
  end: Date,
): Promise<AgingBuckets> {
  const buckets: AgingBuckets = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
  if (issued.length === 0) return buckets;
  const ids = issued.map((i) => i.id);
  const appliedTo = new Map<string, number>();
  const add = (id: string | null, amount: number) => id && appliedTo.set(id, (appliedTo.get(id) ?? 0) + amount);
  // Chunked: SQLite caps bound parameters, and an account may have tens of thousands of invoices.
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    for (const a of await db
      .select({ id: allocations.invoiceId, amount: sql<number>`sum(${allocations.amount})`.mapWith(Number) })
      .from(allocations)
      .where(and(inArray(allocations.invoiceId, chunk), standingAt(end)))
      .groupBy(allocations.invoiceId)
      .all())
      add(a.id, a.amount);
    for (const c of await db
      .select({ id: creditNotes.invoiceId, amount: sql<number>`sum(${creditNotes.amount})`.mapWith(Number) })
      .from(creditNotes)
      .where(and(inArray(creditNotes.invoiceId, chunk), lte(creditNotes.issueDate, to)))
      .groupBy(creditNotes.invoiceId)
      .all())
      add(c.id, c.amount);
    for (const c of await db
      .select({
        id: creditNoteAllocations.invoiceId,
        amount: sql<number>`sum(${creditNoteAllocations.amount})`.mapWith(Number),
      })
      .from(creditNoteAllocations)
      .where(and(inArray(creditNoteAllocations.invoiceId, chunk), noteStandingAt(end)))
      .groupBy(creditNoteAllocations.invoiceId)
      .all())
      add(c.id, c.amount);
  }
  for (const inv of issued) {
    const balance = inv.total - (appliedTo.get(inv.id) ?? 0);
    if (balance > 0) buckets[agingBucket(daysBetween(inv.dueDate, to))] += balance;
  }
  return buckets;
}
