/**
 * The portal's first view in one round of requests. `<ar-portal>` knows which list it will show only
 * once the session is checked and the accounts are in; asked in that order, the session check, the
 * accounts and the list's first page would be three rounds. `prefetchFirstView` asks for the accounts
 * and the first page the list is expected to show beside the session check, and `loadFirstPage` hands
 * that page to the list when it asks for the same query (else it asks the server, as before).
 *
 * The list's expected query follows the portal's landing rule (`land`): the account the sign-in link
 * or `target` names, else the session's first (accounts come in the same order, by name); the status
 * the route names, else Past due, where a customer with past-due invoices lands. An account without
 * past-due invoices lands on Open: that prefetch goes unused and the list asks again (two rounds).
 */
import { loadAccounts } from '../../internal/accounts.js';
import type { CallOptions, PorticoApi } from '../../internal/api.js';
import { parseRoute } from '../../internal/routes.js';
import type { AccountList, InvoiceList, InvoiceListQuery, InvoiceStatusFilter } from '../../internal/types.js';
import { virtualizerReady } from './virtualizer.js';

/** The server's largest page: fewer round trips while scrolling a long account. */
export const pageSize = 200;

interface Prefetched {
  token: string;
  accounts: Promise<AccountList> | null;
  key: string;
  page: Promise<InvoiceList> | null;
}

const prefetched = new WeakMap<PorticoApi, Prefetched>();

/** The same key for the same query, whatever the order its fields were written in. */
function keyOf(query: InvoiceListQuery): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
}

/** The first page the list asks for, by the list's rules (`invoice-list.ts`'s `query`). */
function firstPageQuery(account: string, status: InvoiceStatusFilter): InvoiceListQuery {
  return { status, sort: 'priority', limit: pageSize, ...(account ? { account } : {}) };
}

/**
 * Starts the accounts and the expected first page of the portal's list for the client's session, if
 * it is a customer's: `target` is the portal's `target`, and `place` where the person already is
 * (their tab and account) when the session (re)starts with the portal open.
 */
export function prefetchFirstView(
  client: PorticoApi,
  target: string,
  place: { status?: InvoiceStatusFilter | undefined; account: string },
): void {
  const { token, info } = client.session;
  if (!token || info?.audience !== 'customer') return;
  const wanted = place.status ? null : (parseRoute(info.target) ?? parseRoute(target));
  const known = (id: string | undefined) => info.accounts.find((account) => account.id === id)?.id;
  const account = known(wanted?.account) ?? known(place.account) ?? info.accounts[0]?.id ?? '';
  const status = place.status ?? (wanted?.view === 'invoices' ? wanted.status : undefined) ?? 'past_due';
  const query = firstPageQuery(account, status);
  const accounts = loadAccounts(client, { fresh: true });
  const page = client.listInvoices(query);
  // Whoever takes them reports their failures; one nobody takes is dropped quietly.
  accounts.catch(() => undefined);
  page.catch(() => undefined);
  prefetched.set(client, { token, accounts, key: keyOf(query), page });
}

/** The accounts `prefetchFirstView` asked for this session, once; `undefined` when it asked for none. */
export function takePrefetchedAccounts(client: PorticoApi): Promise<AccountList> | undefined {
  const entry = prefetched.get(client);
  if (!entry?.accounts || entry.token !== client.session.token) return undefined;
  const { accounts } = entry;
  entry.accounts = null;
  return accounts;
}

/**
 * The list's first page for `query`: the one `prefetchFirstView` asked for when this is the first page
 * the list asks for since, in the same session, and for the same query; else a new request. Only the
 * first ask may take it, so a tab the person opens later never shows rows from the start of the
 * session. Resolves once the virtualizer that renders the rows is here too.
 */
export async function loadFirstPage(
  client: PorticoApi,
  query: InvoiceListQuery,
  options?: CallOptions,
): Promise<InvoiceList> {
  const entry = prefetched.get(client);
  let page: Promise<InvoiceList> | null = null;
  if (entry?.token === client.session.token) {
    if (entry.key === keyOf(query)) page = entry.page;
    entry.page = null;
  }
  page ??= client.listInvoices(query, options);
  const [list] = await Promise.all([page, virtualizerReady()]);
  return list;
}
