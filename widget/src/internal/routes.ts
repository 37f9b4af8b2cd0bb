/**
 * Portal routes: the `target` a magic link lands on (kept by the server, never a URL) and the
 * portal's own place while it is used.
 *
 *   invoices                      the invoice list, default tab
 *   invoices?status=past_due      the list on one tab (past_due | open | paid | all)
 *   invoices/INV-1042             the list with that invoice highlighted
 *   pay/INV-1042                  pay that invoice
 *   statement                     the account statement
 */
import type { InvoiceStatusFilter } from './types.js';

export type PortalRoute =
  | { view: 'invoices'; status?: InvoiceStatusFilter; invoice?: string }
  | { view: 'pay'; invoice: string }
  | { view: 'statement' };

export const invoiceStatusFilters: readonly InvoiceStatusFilter[] = ['past_due', 'open', 'paid', 'all'];

export function isInvoiceStatusFilter(value: unknown): value is InvoiceStatusFilter {
  return typeof value === 'string' && (invoiceStatusFilters as readonly string[]).includes(value);
}

/** Invoice numbers are printable and short; anything else is not a route. */
const invoiceNumber = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

function decodeSegment(segment: string): string | undefined {
  try {
    const decoded = decodeURIComponent(segment);
    return invoiceNumber.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** The route, or `null` when `target` is empty or not a route this portal knows. */
export function parseRoute(target: string | null | undefined): PortalRoute | null {
  const trimmed = target?.trim().replace(/^[#/]+/, '');
  if (!trimmed) return null;
  const queryAt = trimmed.indexOf('?');
  const path = queryAt === -1 ? trimmed : trimmed.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : trimmed.slice(queryAt + 1));
  const [head, ...rest] = path.split('/');
  const tail = rest.join('/');

  switch (head) {
    case 'invoices': {
      if (tail) {
        const invoice = decodeSegment(tail);
        return invoice ? { view: 'invoices', invoice } : null;
      }
      const status = query.get('status');
      if (status === null) return { view: 'invoices' };
      return isInvoiceStatusFilter(status) ? { view: 'invoices', status } : null;
    }
    case 'pay': {
      const invoice = decodeSegment(tail);
      return invoice ? { view: 'pay', invoice } : null;
    }
    case 'statement':
      return tail ? null : { view: 'statement' };
    default:
      return null;
  }
}

/** The inverse of `parseRoute`, for sending the current place as a link's `target`. */
export function formatRoute(route: PortalRoute): string {
  switch (route.view) {
    case 'invoices':
      if (route.invoice) return `invoices/${encodeURIComponent(route.invoice)}`;
      return route.status ? `invoices?status=${route.status}` : 'invoices';
    case 'pay':
      return `pay/${encodeURIComponent(route.invoice)}`;
    case 'statement':
      return 'statement';
  }
}
