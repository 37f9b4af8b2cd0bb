/** The worklist's table: one row per customer, ranked by score, the name a link to the customer's page. */
import { html, type TemplateResult } from 'lit';
import { formatCount, formatDate, formatDateTime, formatMoney } from '../../../internal/format.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import { followRoute, routeHref } from '../shared/navigate.js';
import type { WorklistRow } from '../shared/types.js';

type Words = AdminCatalog['worklist'];

function renderRow(row: WorklistRow, w: Words, none: string, locale?: string): TemplateResult {
  const money = (minor: number) => formatMoney(minor, row.currency, locale);
  const route = `customers/${encodeURIComponent(row.id)}`;
  return html`<tr part="row">
    <th scope="row">
      <a href=${routeHref(route)} @click=${(event: MouseEvent) => followRoute(event, route)}>${row.name}</a>
      ${row.externalId ? html`<span class="sub">${row.externalId}</span>` : ''}
    </th>
    <td class="num">${money(row.balance)}</td>
    <td class="num ${row.pastDue > 0 ? 'late' : ''}">${money(row.pastDue)}</td>
    <td class="num">
      ${money(row.disputed)}
      ${row.openDisputes > 0 ? html`<span class="sub">${w.openDisputes(row.openDisputes)}</span>` : ''}
    </td>
    <td>
      ${row.promise ? w.promised(money(row.promise.amount), formatDate(row.promise.promisedDate, locale)) : ''}
      ${row.brokenPromises > 0 ? html`<span class="sub late">${w.brokenPromises(row.brokenPromises)}</span>` : ''}
      ${row.promise || row.brokenPromises > 0 ? '' : html`<span class="muted">${none}</span>`}
    </td>
    <td>${row.lastContact ? formatDateTime(row.lastContact, locale) : w.never}</td>
    <td>${row.collector?.name ?? w.unassigned}</td>
    <td class="num"><strong>${formatCount(row.score, locale)}</strong></td>
  </tr>`;
}

export function renderTable(items: readonly WorklistRow[], catalog: AdminCatalog, locale?: string): TemplateResult {
  const w = catalog.worklist;
  return html`<div class="table-scroll" part="table" tabindex="0" role="region" aria-label=${w.caption}>
    <table>
      <caption class="visually-hidden">
        ${w.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${w.customer}</th>
          <th scope="col" class="num">${w.balance}</th>
          <th scope="col" class="num">${w.pastDue}</th>
          <th scope="col" class="num">${w.disputed}</th>
          <th scope="col">${w.promiseColumn}</th>
          <th scope="col">${w.lastContact}</th>
          <th scope="col">${w.collector}</th>
          <th scope="col" class="num" aria-describedby="score-explained">${w.score}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map((row) => renderRow(row, w, catalog.shell.none, locale))}
      </tbody>
    </table>
  </div>`;
}
