/**
 * The account switcher the invoice list and the statement share: a labelled `<select>` when the
 * session spans several accounts, the account's name otherwise (styles in `accountSwitcherStyles`).
 */
import { html, type TemplateResult } from 'lit';
import type { Catalog } from '../locales/catalog.js';
import type { AccountSummary } from './types.js';

export function renderAccountSwitcher(
  accounts: readonly AccountSummary[],
  selected: AccountSummary,
  onChange: (account: AccountSummary) => void,
  t: Catalog,
): TemplateResult {
  if (accounts.length < 2) return html`<p class="account-name" part="account-name">${selected.name}</p>`;
  const handleChange = (event: Event) => {
    const id = (event.target as HTMLSelectElement).value;
    const account = accounts.find((item) => item.id === id);
    if (account) onChange(account);
  };
  return html`<div class="account-switch">
    <label for="account">${t.account.label}</label>
    <select id="account" part="account-select" @change=${handleChange}>
      ${accounts.map((item) => html`<option value=${item.id} ?selected=${item.id === selected.id}>${item.name}</option>`)}
    </select>
  </div>`;
}
