/** The customer finder (route `customers`): a search box and the customers by name, each a link to its page. */
import { html, type TemplateResult } from 'lit';
import { formatMoney } from '../../../internal/format.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import { followRoute, routeHref } from '../shared/navigate.js';
import type { CustomerSummaryPage } from '../shared/types.js';
import { table } from './tabs.js';

export interface FinderOptions {
  w: AdminCatalog;
  locale: string | undefined;
  q: string;
  search: (q: string) => void;
  /** The list's states (loading, error, the page). */
  list: unknown;
}

export function renderFinder(o: FinderOptions): TemplateResult {
  const w = o.w.customer;
  return html`<div class="finder" part="finder">
    <h2 id="finder-heading">${w.findHeading}</h2>
    <form
      class="search"
      role="search"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        o.search(String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim());
      }}
    >
      <label for="f-q">${w.search}</label>
      <div class="row">
        <input id="f-q" name="q" type="search" maxlength="100" .value=${o.q} aria-describedby="f-q-hint" />
        <button class="button" part="button" type="submit">${w.searchButton}</button>
      </div>
      <p class="hint" id="f-q-hint">${w.searchHint}</p>
    </form>
    ${o.list}
  </div>`;
}

export function renderCustomerRows(
  page: CustomerSummaryPage,
  o: Pick<FinderOptions, 'w' | 'locale'>,
  pager: unknown,
): TemplateResult {
  const w = o.w.customer;
  if (!page.items.length)
    return html`<p class="empty" part="empty" role="status">${w.noCustomers}</p>
      ${pager}`;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, o.locale);
  const rows = page.items.map((row) => {
    const route = `customers/${encodeURIComponent(row.id)}`;
    return html`<tr>
      <th scope="row">
        <a href=${routeHref(route)} @click=${(e: MouseEvent) => followRoute(e, route)}>${row.name}</a>
      </th>
      <td>${row.externalId ?? o.w.shell.none}</td>
      <td class="num">${money(row.balance, row.currency)}</td>
      <td class="num">${money(row.pastDue, row.currency)}</td>
      <td>${row.collector?.name ?? w.unassigned}</td>
    </tr>`;
  });
  return html`${table(w.findHeading, [w.name, w.externalId, w.balance, w.pastDue, w.collector], rows, [2, 3])} ${pager}`;
}
