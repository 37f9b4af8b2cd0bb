/**
 * The payments queue of the staff console: every customer's payments, newest first, with a keyset
 * cursor on `(created_at, id)`; filters by status and customer; `q` finds a receipt number, an offline
 * payment's reference or the customer's name, in any case.
 */
import { and, desc, eq, or } from 'drizzle-orm';
import type { AdminPaymentPage, AdminPaymentRow, PaymentStatus, PaymentView } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { customers, payments, staffUsers } from '../../db/schema';
import { notFound } from '../errors';
import { paymentView } from '../payments';
import { containsPattern, likeEscaped, likeIgnoringCase } from '../search';
import { type MoneyDeps, offlineMethodOf } from './core';
import { afterCursor, encodeCursor } from './cursor';

type PaymentRow = typeof payments.$inferSelect;

const PORTAL_PROVIDERS = ['sandbox', 'stripe', 'paypal'];

/**
 * What staff may give back through the payment's provider now: all its money (its surcharge goes back
 * in proportion) while it is succeeded, came through a configured provider and has never been refunded
 * (a processor takes one refund per payment: `refund-<payment id>`); else 0.
 */
export function refundableOf(deps: Pick<MoneyDeps, 'providers'>, p: PaymentRow): number {
  const provider = deps.providers.byName(p.provider);
  if (p.status !== 'succeeded' || !provider || !p.providerRef) return 0;
  if (p.refunded > 0 || p.refundStatus !== null) return 0;
  return p.amount;
}

/** One payment as the queue shows it. */
export async function adminPaymentRow(
  deps: Pick<MoneyDeps, 'providers'>,
  db: DbOrTx,
  paymentId: string,
): Promise<AdminPaymentRow> {
  const found = await db
    .select({ payment: payments, customerName: customers.name, recordedBy: staffUsers.name })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, payments.recordedBy))
    .where(eq(payments.id, paymentId))
    .get();
  if (!found) throw notFound('No such payment.');
  const view: PaymentView = await paymentView(db, paymentId);
  const p = found.payment;
  const portal = PORTAL_PROVIDERS.includes(p.provider);
  return {
    ...view,
    // Money that did not come through a portal provider (staff's, the ERP's) is offline money.
    method: portal ? view.method : (offlineMethodOf(p.method) ?? view.method),
    provider: portal ? view.provider : 'offline',
    customer: { id: p.customerId, name: found.customerName },
    reference: p.reference ?? (portal ? null : p.providerRef),
    recordedBy: p.recordedBy ? (found.recordedBy ?? p.recordedBy) : null,
    refundable: refundableOf(deps, p),
  };
}

export interface AdminPaymentListInput {
  status?: PaymentStatus | undefined;
  customer?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** `GET /admin/payments`. */
export async function listAdminPayments(deps: MoneyDeps, input: AdminPaymentListInput): Promise<AdminPaymentPage> {
  const { db } = deps;
  const q = input.q?.trim();
  // A receipt number is `R-` and the first ten characters of the id after `pay_`.
  const receipt = q ? /^R-([A-Za-z0-9]{1,10})$/i.exec(q) : null;
  const search = q
    ? or(
        likeIgnoringCase(customers.name, containsPattern(q)),
        likeIgnoringCase(payments.reference, containsPattern(q)),
        receipt ? likeIgnoringCase(payments.id, `pay\\_${likeEscaped(receipt[1]!)}%`) : undefined,
      )
    : undefined;
  const rows = await db
    .select({ id: payments.id, createdAt: payments.createdAt })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(
      and(
        input.status ? eq(payments.status, input.status) : undefined,
        input.customer ? eq(payments.customerId, input.customer) : undefined,
        search,
        afterCursor(payments, input.cursor),
      ),
    )
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const items: AdminPaymentRow[] = [];
  for (const r of page) items.push(await adminPaymentRow(deps, db, r.id));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
