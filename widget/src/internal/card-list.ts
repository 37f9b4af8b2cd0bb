/**
 * An account's records as a list of cards (its payments, its promises to pay): the heading with the
 * account switcher when the session spans several accounts, and skeleton cards while they load.
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Catalog } from '../locales/catalog.js';
import { renderAccountSwitcher } from './account-switcher.js';
import { loadAccounts, pickAccount } from './accounts.js';
import type { PorticoApi } from './api.js';
import type { AccountList, AccountSummary } from './types.js';

/** The accounts, loaded only when the session has several (for the switcher). */
export function switcherAccounts(
  host: ReactiveControllerHost,
  client: () => PorticoApi,
  several: () => boolean,
): Task<readonly [PorticoApi, boolean], AccountList | undefined> {
  return new Task(host, {
    args: () => [client(), several()] as const,
    task: async ([api, many]) => (many ? loadAccounts(api) : undefined),
  });
}

export function renderCardListHeader(
  heading: string,
  accounts: AccountList | undefined,
  selected: string,
  onChange: (account: AccountSummary) => void,
  t: Catalog,
): TemplateResult {
  const account = pickAccount(accounts, selected);
  return html`<div class="head" part="header">
    <h2>${heading}</h2>
    ${
      accounts && account && accounts.items.length > 1
        ? renderAccountSwitcher(accounts.items, account, onChange, t)
        : nothing
    }
  </div>`;
}

/** `count` grey cards, hidden from assistive technology, under a status that says what loads. */
export function renderCardsLoading(label: string, count: number): TemplateResult {
  return html`<div class="loading" part="loading" role="status" aria-live="polite">
    <span class="visually-hidden">${label}</span>
    ${Array.from(
      { length: count },
      () =>
        html`<div class="card skeleton" aria-hidden="true">
          <span class="bone" style="width: 12rem"></span>
          <span class="bone" style="width: 60%"></span>
          <span class="bone" style="width: 40%"></span>
        </div>`,
    )}
  </div>`;
}
