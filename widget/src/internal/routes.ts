/**
 * Portal routes: the `target` a magic link lands on (kept by the server, never a URL) and the
 * portal's own place while it is used.
 *
 *   invoices                      the invoice list, default tab
 *   invoices?status=past_due      the list on one tab (open | past_due | paid | disputed | all)
 *   invoices/INV-1042             that invoice in detail (status= names the list to go back to)
 *   pay/INV-1042                  pay that invoice (an Easy Pay link's route)
 *   pay?invoices=INV-1,INV-2      pay several invoices (the portal's own, from the list's selection)
 *   statement                     the account statement
 *   payments                      the account's payments, with their receipts
 *   promise?invoices=INV-1,INV-2  promise to pay those invoices (the form; also promise/INV-1042)
 *   promises                      the account's promises to pay, open and past
 *   dispute/INV-1042              dispute lines of that invoice (the form; also dispute?invoices=…, the first one)
 *   disputes                      the account's disputes
 *   disputes/dsp_8Kq2             one dispute: its lines, thread and files (a dispute email's link)
 *
 * Any of them may add `account=<id>` to the query to pick one of a bookkeeper's accounts.
 */
import { invoiceStatusFilters as contractFilters } from '../../../server/src/contract/lists.js';
import type { InvoiceStatusFilter } from './types.js';

export type PortalRoute = (
  | { view: 'invoices'; status?: InvoiceStatusFilter; invoice?: string }
  | { view: 'pay'; invoices: string[] }
  | { view: 'statement' }
  | { view: 'payments' }
  | { view: 'promise'; invoices: string[] }
  | { view: 'promises' }
  | { view: 'dispute'; invoices: string[] }
  | { view: 'disputes'; dispute?: string }
) & { account?: string };

/** The list's status tabs, in the order they are shown. */
export const invoiceStatusFilters: readonly InvoiceStatusFilter[] = contractFilters;

export function isInvoiceStatusFilter(value: unknown): value is InvoiceStatusFilter {
  return typeof value === 'string' && (invoiceStatusFilters as readonly string[]).includes(value);
}

/** Invoice numbers (and dispute ids) are printable and short; anything else is not a route. */
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

/** As many invoices as one page of the list can tick. */
const maxPayInvoices = 200;

/** The invoices of `pay/INV-1` (one, in the path) or `pay?invoices=INV-1,INV-2`; undefined when one is not a number. */
function invoicesOf(tail: string, query: URLSearchParams): string[] | undefined {
  if (tail) {
    const invoice = decodeSegment(tail);
    return invoice ? [invoice] : undefined;
  }
  const invoices = (query.get('invoices') ?? '').split(',').map((item) => decodeSegment(item.trim()));
  if (invoices.length > maxPayInvoices || !invoices.every((invoice) => invoice !== undefined)) return undefined;
  return invoices as string[];
}

function routeOf(head: string | undefined, tail: string, query: URLSearchParams): PortalRoute | null {
  switch (head) {
    case 'invoices': {
      const invoice = tail ? decodeSegment(tail) : undefined;
      const status = query.get('status');
      if ((tail && !invoice) || (status !== null && !isInvoiceStatusFilter(status))) return null;
      return { view: 'invoices', ...(status ? { status } : {}), ...(invoice ? { invoice } : {}) };
    }
    case 'pay':
    case 'promise':
    case 'dispute': {
      const invoices = invoicesOf(tail, query);
      return invoices ? { view: head, invoices } : null;
    }
    case 'disputes': {
      const dispute = tail ? decodeSegment(tail) : undefined;
      if (tail && !dispute) return null;
      return dispute ? { view: head, dispute } : { view: head };
    }
    case 'statement':
    case 'payments':
    case 'promises':
      return tail ? null : { view: head };
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
    case 'dispute':
      if (route.invoices.length === 1) path = `${route.view}/${encodeURIComponent(route.invoices[0]!)}`;
      else {
        path = route.view;
        query.set('invoices', route.invoices.join(','));
      }
      break;
    case 'disputes':
      path = route.dispute ? `disputes/${encodeURIComponent(route.dispute)}` : 'disputes';
      break;
    case 'promise':
      path = 'promise';
      query.set('invoices', route.invoices.join(','));
      break;
    case 'statement':
    case 'payments':
    case 'promises':
      path = route.view;
      break;
  }
  if (route.account) query.set('account', route.account);
  // Commas between invoice numbers need no escaping, and read better unescaped.
  const search = query.toString().replace(/%2C/g, ',');
  return search ? `${path}?${search}` : path;
}

/**
 * The route as a sign-in link's `target`, which the server keeps: its routes name one invoice at
 * most, so paying several becomes their list (the person ticks them again after signing in). The
 * server's targets do not name the payments view or the promise and dispute forms (yet): those become
 * the list too.
 */
export function linkTarget(route: PortalRoute): string {
  const { view } = route;
  if (
    (view === 'pay' && route.invoices.length !== 1) ||
    view === 'payments' ||
    view === 'promise' ||
    view === 'dispute'
  ) {
    return formatRoute({ view: 'invoices', ...(route.account ? { account: route.account } : {}) });
  }
  return formatRoute(route);
}
