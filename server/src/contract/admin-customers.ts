/**
 * The staff console's customer page, its reads (issue 13): the customers by name, one customer's header,
 * and the customer's invoices, payments, promises, disputes and timeline. Those lists answer the same
 * shapes the customer's own routes do (`InvoiceList`, `InvoiceDetail`, `PaymentList`, `PromiseList`,
 * `DisputeList`) and the audit log's (`AuditEventList`), so the portal's elements show them in staff mode.
 */
import type { z } from 'zod';
import type { WorklistRow } from './admin-worklist';
import type { AccountSummary } from './invoices';
import type { adminCustomerListQuery } from './schemas/admin-customers';

/** `GET /admin/customers?q=&cursor=&limit=`. */
export type AdminCustomerListQuery = z.input<typeof adminCustomerListQuery>;

/**
 * One customer as the console lists it: the worklist's figures that every customer has (money in minor
 * units of `currency`), its unapplied credit (payments and credit notes no invoice took) and the date
 * dunning is paused until (`YYYY-MM-DD`, inclusive; null when it is not).
 */
export type CustomerSummaryRow = Pick<
  WorklistRow,
  'id' | 'name' | 'externalId' | 'currency' | 'balance' | 'pastDue' | 'disputed' | 'collector'
> & { credit: number; dunningPausedUntil: string | null };

/** `GET /admin/customers`: by name (any case), then id; follow `nextCursor` (null on the last page). */
export interface CustomerSummaryPage {
  items: CustomerSummaryRow[];
  nextCursor: string | null;
}

/** A contact of the customer: an email that may sign in to the portal for it. */
export interface CustomerContact {
  id: string;
  email: string;
  name: string;
  /** BCP 47; null: the company's locale. */
  locale: string | null;
}

/** `GET /admin/customers/:id`: the customer page's header. */
export interface CustomerDetail extends CustomerSummaryRow {
  /** By email. */
  contacts: CustomerContact[];
  /** Multi-line postal address, or null. */
  billingAddress: string | null;
  /** Days from issue to due date of the customer's invoices. */
  paymentTermsDays: number;
  /** The figures and counts the customer's own `GET /accounts` shows for this account. */
  summary: AccountSummary;
}
