/**
 * The signed-in person's accounts (`GET /accounts`), loaded once per client and session and shared by
 * every element that needs them: the portal picks where to land, the invoice list shows totals, tab
 * counts and the account switcher, the statement its switcher. One request, however many ask.
 */
import type { PorticoApi } from './api.js';
import type { AccountList, AccountSummary } from './types.js';

interface Cached {
  token: string | null;
  promise: Promise<AccountList>;
}

const cache = new WeakMap<PorticoApi, Cached>();

/** The accounts for the client's current session; `fresh` asks again (after a retry). */
export function loadAccounts(client: PorticoApi, { fresh = false }: { fresh?: boolean } = {}): Promise<AccountList> {
  const token = client.session.token;
  const cached = cache.get(client);
  if (!fresh && cached && cached.token === token) return cached.promise;
  const promise = client.listAccounts();
  cache.set(client, { token, promise });
  // A failure is not kept: the next caller asks the server again.
  promise.catch(() => {
    if (cache.get(client)?.promise === promise) cache.delete(client);
  });
  return promise;
}

/** The account an element shows: the one it names, else the session's first (the server's default). */
export function pickAccount(list: AccountList | undefined, id: string): AccountSummary | undefined {
  return list?.items.find((item) => item.id === id) ?? (id ? undefined : list?.items[0]);
}
