/**
 * What `<ar-portal>` loads: the check of a restored session and, beside it (`prefetch`), the accounts
 * and the invoice list's first page (`invoice-list/first-page.ts`), so the first view needs one round of
 * requests; once the session is confirmed, the accounts task takes the prefetched accounts for a
 * customer, and the numbers of an Easy Pay session's invoices are loaded for its banner. A stale
 * session's requests all fail together, and the portal returns to sign-in.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { loadAccounts } from '../../internal/accounts.js';
import type { PorticoApi } from '../../internal/api.js';
import type { AccountList, SessionInfo } from '../../internal/types.js';
import { takePrefetchedAccounts } from '../invoice-list/first-page.js';

/** An Easy Pay session's invoices are named in its banner; a link names a few at most. */
const maxScopeInvoices = 10;

export interface PortalLoadsOptions {
  client: () => PorticoApi;
  token: () => string | null;
  /** The token of a session this page just started, which needs no check with the server. */
  freshToken: () => string | null;
  /** The accounts arrived: the portal picks the account and the view. */
  land: (list: AccountList) => void;
  /** Starts what the first view will ask for, beside the session check (`prefetchFirstView`). */
  prefetch: (client: PorticoApi) => void;
}

export class PortalLoads {
  /** Checks a session restored from sessionStorage with the server (a 401 ends it). */
  readonly session: Task<readonly [PorticoApi, string | null], SessionInfo | null>;
  readonly accounts: Task<readonly [PorticoApi, string | null], AccountList | null>;
  /** The numbers of the invoices an Easy Pay session may see. */
  readonly scope: Task<readonly [PorticoApi, string | null, string], string[]>;

  constructor(host: ReactiveControllerHost, options: PortalLoadsOptions) {
    const { client, token } = options;
    this.session = new Task(host, {
      args: () => [client(), token()] as const,
      task: async ([client, token], { signal }): Promise<SessionInfo | null> => {
        if (!token) return null;
        const checked = token === options.freshToken() ? client.session.info : client.getSession({ signal });
        // The accounts and the list's first page load beside the check: one round for the first view.
        options.prefetch(client);
        return checked;
      },
    });
    this.accounts = new Task(host, {
      args: () => [client(), this.confirmed?.audience === 'customer' ? token() : null] as const,
      task: async ([client, token]): Promise<AccountList | null> => {
        if (!token) return null;
        // Shared with the list and the statement: one request for all of them.
        const list = await (takePrefetchedAccounts(client) ?? loadAccounts(client, { fresh: true }));
        options.land(list);
        return list;
      },
    });
    this.scope = new Task(host, {
      args: () =>
        [
          client(),
          this.confirmed?.scope ? token() : null,
          this.confirmed?.scope?.invoiceIds.slice(0, maxScopeInvoices).join('\n') ?? '',
        ] as const,
      task: async ([client, token, ids], { signal }): Promise<string[]> => {
        if (!token || !ids) return [];
        const found = await Promise.all(ids.split('\n').map((id) => client.getInvoice(id, { signal })));
        return found.map((invoice) => invoice.number);
      },
    });
  }

  /** The session once the server has confirmed it. */
  get confirmed(): SessionInfo | null {
    return this.session.status === TaskStatus.COMPLETE ? (this.session.value ?? null) : null;
  }
}
