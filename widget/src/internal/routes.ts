/**
 * Portal routes: the `target` a magic link lands on (kept by the server, never a URL) and the
 * portal's own place while it is used.
 *
 *   invoices                      the invoice list, default tab
 *   invoices?status=past_due      the list on one tab (open | past_due | paid | disputed | all)
 *   invoices/INV-1042             that invoice in detail (status= names the list to go back to)
 *   pay/INV-1042                  pay that invoice
 *   statement                     the account statement
 *
 * Any of them may add `account=<id>` to the query to pick one of a bookkeeper's accounts.
 */
import type { InvoiceStatusFilter } from './types.js';

export type PortalRoute = (
  | { view: 'invoices'; status?: InvoiceStatusFilter; invoice?: string }
  | { view: 'pay'; invoice: string }
  | { view: 'statement' }
) & { account?: string };

/** The list's status tabs, in the order they are shown. */
export const invoiceStatusFilters: readonly InvoiceStatusFilter[] = ['open', 'past_due', 'paid', 'disputed', 'all'];

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
  const route = routeOf(head, tail, query);
  const account = query.get('account');
  if (route && account) {
    if (!accountId.test(account)) return null;
    route.account = account;
  }
  return route;
}

const accountId = /^[A-Za-z0-9_-]{1,64}$/;

function routeOf(head: string | undefined, tail: string, query: URLSearchParams): PortalRoute | null {
  switch (head) {
    case 'invoices': {
      const invoice = tail ? decodeSegment(tail) : undefined;
      const status = query.get('status');
      if ((tail && !invoice) || (status !== null && !isInvoiceStatusFilter(status))) return null;
      return { view: 'invoices', ...(status ? { status } : {}), ...(invoice ? { invoice } : {}) };
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
  const query = new URLSearchParams();
  let path: string;
  switch (route.view) {
    case 'invoices':
      path = route.invoice ? `invoices/${encodeURIComponent(route.invoice)}` : 'invoices';
      if (route.status) query.set('status', route.status);
      break;
    case 'pay':
      path = `pay/${encodeURIComponent(route.invoice)}`;
      break;
    case 'statement':
      path = 'statement';
      break;
  }
  if (route.account) query.set('account', route.account);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
