/**
 * The account bar of `<ar-invoice-list>`: the session's accounts (shared with the portal and the
 * statement through `loadAccounts`), the switcher and the account's totals, or placeholders while
 * they load.
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { renderAccountSwitcher } from '../../internal/account-switcher.js';
import { loadAccounts, pickAccount } from '../../internal/accounts.js';
import type { PorticoApi } from '../../internal/api.js';
import { renderLoadError } from '../../internal/states.js';
import type { AccountList, AccountSummary } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';
import { renderTotals } from './parts.js';

export interface AccountBarView {
  account: string;
  locale: string;
  /** In an Easy Pay session, the numbers of its link's invoices (the balance is theirs); else null. */
  scope: readonly string[] | null;
  change: (account: AccountSummary) => void;
  t: Catalog;
}

export class AccountTotals {
  readonly task: Task<readonly [PorticoApi, string | null], AccountList | undefined>;
  /** The next load skips the shared cache: balances changed. */
  private fresh = false;

  constructor(host: ReactiveControllerHost, client: () => PorticoApi, token: () => string | null) {
    this.task = new Task(host, {
      args: () => [client(), token()] as const,
      task: async ([client, token]) => {
        if (!token) return undefined;
        const fresh = this.fresh;
        this.fresh = false;
        return loadAccounts(client, { fresh });
      },
    });
  }

  /** Loads the accounts again from the server, e.g. after a payment changed their balances. */
  reload(): void {
    this.fresh = true;
    void this.task.run();
  }

  /** The account with id `account`, or the session's default one. */
  current(account: string): AccountSummary | undefined {
    return pickAccount(this.task.value, account);
  }

  render(view: AccountBarView): TemplateResult {
    const { t, locale } = view;
    return html`<div class="account-bar">
      ${this.task.render({
        pending: () => renderTotals(undefined, locale, t),
        complete: (list) => {
          const account = this.current(view.account);
          if (!list || !account) return nothing;
          return html`${renderAccountSwitcher(list.items, account, view.change, t)}
          ${renderTotals(account, locale, t, view.scope)}`;
        },
        error: (error) => renderLoadError(t.account.totalsFailed, error, () => this.reload(), t),
      })}
    </div>`;
  }
}
