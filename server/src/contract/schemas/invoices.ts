/** Accounts and invoices: the list's query and the id in an invoice's path. */
import { z } from 'zod';
import { invoiceSorts, invoiceStatusFilters } from '../lists';

/** `?account=`: one of the session's accounts; absent, its only (or first) one. */
export const accountQuery = z.object({ account: z.string().max(64).optional() });

/** `GET /invoices`. */
export const invoiceListQuery = accountQuery.extend({
  status: z.enum(invoiceStatusFilters).default('all'),
  /** Text found in the invoice number or PO, or an amount (`1234.56`, `1,234.56`) matching a total or balance. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(invoiceSorts).default('priority'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number<string | number>().int().min(1).max(200).default(50),
});

/** An invoice id (`inv_…`) or number (which may hold `/`) in a path; only ever compared for equality. */
export const invoiceIdOrNumber = z.string().min(1).max(128);
