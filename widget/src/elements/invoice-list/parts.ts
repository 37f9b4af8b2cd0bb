/**
 * Stateless pieces of `<ar-invoice-list>`: the totals strip, the status tabs, the search field, the
 * selection bar and the loading skeleton.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { emit } from '../../internal/events.js';
import { formatCount, formatMoney } from '../../internal/format.js';
import type { SelectionController } from '../../internal/selection-controller.js';
import { renderTab } from '../../internal/tab-list-controller.js';
import { invoiceStatusFilters } from '../../internal/routes.js';
import type { Catalog } from '../../locales/catalog.js';
import type { InvoiceSearch } from './search.js';
import type { AccountSummary, InvoiceStatusFilter, InvoiceSummary } from '../../internal/types.js';

/**
 * The account's key figures, or placeholders while they load (`account` undefined). `scope` is set in
 * an Easy Pay session (the numbers of its link's invoices, or none while unknown): the balance is
 * then that of the link's invoices, and is labelled so.
 */
export function renderTotals(
  account: AccountSummary | undefined,
  localeAttribute: string,
  words: Catalog,
  scope: readonly string[] | null = null,
): TemplateResult {
  const locale = localeAttribute || undefined;
  const t = words.account.totals;
  const balanceLabel = scope ? t.scopedBalance(scope) : t.balance;
  const figures: { label: string; amount: number | undefined; tone: string }[] = [
    { label: balanceLabel, amount: account?.balance, tone: '' },
    { label: t.pastDue, amount: account?.pastDue, tone: account?.pastDue ? 'danger' : '' },
    { label: t.disputed, amount: account?.disputed, tone: account?.disputed ? 'warning' : '' },
    { label: t.credit, amount: account?.credit, tone: account?.credit ? 'success' : '' },
  ];
  return html`<dl class="figures totals" part="totals" aria-busy=${account ? 'false' : 'true'}>
    ${figures.map(
      ({ label, amount, tone }) =>
        html`<div class=${tone}>
          <dt>${label}</dt>
          <dd>
            ${
              account && amount !== undefined
                ? formatMoney(amount, account.currency, locale)
                : html`<span class="bone" style="width: 6rem"></span>`
            }
          </dd>
          ${
            label === balanceLabel && account && account.inFlight > 0
              ? html`<dd class="figure-note" part="totals-in-flight">
                  ${t.inFlight(formatMoney(account.inFlight, account.currency, locale))}
                </dd>`
              : nothing
          }
        </div>`,
    )}
  </dl>`;
}

/** The status tabs (the ARIA tabs pattern; the element moves focus on arrow keys), with counts once known. */
export function renderTabs(
  current: InvoiceStatusFilter,
  counts: Record<InvoiceStatusFilter, number> | undefined,
  locale: string | undefined,
  t: Catalog,
  on: { select: (status: InvoiceStatusFilter) => void; keydown: (event: KeyboardEvent) => void },
): TemplateResult {
  return html`<div class="tabs" part="tabs" role="tablist" aria-label=${t.invoices.tabsLabel} @keydown=${on.keydown}>
    ${invoiceStatusFilters.map((status) => {
      const count = counts?.[status];
      const tab = { id: `tab-${status}`, selected: status === current, controls: 'invoices-panel' };
      return renderTab(
        { ...tab, select: () => on.select(status) },
        html`${t.invoices.tab(status)}
        ${count === undefined ? nothing : html`<span class="count" part="count">${formatCount(count, locale)}</span>`}`,
      );
    })}
  </div>`;
}

/** The labelled search field with its own clear button (the browser's is hidden, for one look everywhere). */
export function renderSearch(search: InvoiceSearch, t: Catalog): TemplateResult {
  const { text } = search;
  const on = { input: search.handleInput, keydown: search.handleKeydown, clear: search.clear };
  return html`<div class="search" part="search" role="search">
    <label for="search">${t.invoices.searchLabel}</label>
    <div class="search-field">
      <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="m13 13 4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <input
        id="search"
        part="input"
        type="search"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="search-hint"
        .value=${text}
        @input=${on.input}
        @keydown=${on.keydown}
      />
      ${
        text
          ? html`<button
              class="clear"
              part="button clear-button"
              type="button"
              aria-label=${t.invoices.clearSearch}
              @click=${on.clear}
            >
              <span aria-hidden="true">×</span>
            </button>`
          : nothing
      }
    </div>
    <p id="search-hint" class="hint">${t.invoices.searchHint}</p>
  </div>`;
}

/**
 * "3 selected · $4,200.00" and what can be done with them; nothing when none is ticked. The actions
 * fire their request from `host` with the ticked invoices.
 */
export function renderSelectionBar(
  host: HTMLElement,
  selection: SelectionController<InvoiceSummary>,
  locale: string | undefined,
  t: Catalog,
): TemplateResult | typeof nothing {
  if (selection.size === 0) return nothing;
  const request = (type: 'ar-pay-request' | 'ar-dispute-request') => () =>
    emit(host, type, { invoices: selection.items });
  // A promise takes only invoices under none already; with none left, the button says why it cannot.
  const promisable = selection.items.filter((invoice) => !invoice.promise);
  const allPromised = promisable.length === 0;
  return html`<div class="selection-bar" part="selection-bar" role="group" aria-label=${t.invoices.selectionLabel}>
    <p class="selection-summary">${t.invoices.selected(selection.size, selection.total(locale))}</p>
    <div class="selection-actions">
      <button class="button" part="button pay-button" type="button" @click=${request('ar-pay-request')}>
        ${t.invoices.pay}
      </button>
      <button
        class="button secondary"
        part="button promise-button"
        type="button"
        ?disabled=${allPromised}
        aria-describedby=${allPromised ? 'all-promised' : nothing}
        @click=${() => emit(host, 'ar-promise-request', { invoices: promisable })}
      >
        ${t.invoices.promise}
      </button>
      <button
        class="button secondary"
        part="button dispute-button"
        type="button"
        @click=${request('ar-dispute-request')}
      >
        ${t.invoices.dispute}
      </button>
      <button class="button link" part="button clear-selection-button" type="button" @click=${() => selection.clear()}>
        ${t.invoices.clearSelection}
      </button>
    </div>
    ${allPromised ? html`<p id="all-promised" class="hint">${t.invoices.allPromised}</p>` : nothing}
  </div>`;
}

/** Grey rows in the table's shape while the first page loads; hidden from assistive technology. */
export function renderSkeleton(head: TemplateResult, t: Catalog): TemplateResult {
  const widths = [1.25, 6, 6, 6, 5, 5, 6];
  const classes = [
    'select-cell',
    'col-number',
    'col-issue',
    'col-due',
    'num col-total',
    'num col-balance',
    'col-status',
  ];
  return html`<p class="visually-hidden" part="loading" role="status">${t.invoices.loading}</p>
    <div class="table-scroll">
      <table class="skeleton" aria-hidden="true">
        ${head}
        <tbody>
          ${[1, 2, 3, 4, 5].map(
            () =>
              html`<tr>
                ${widths.map(
                  (width, column) =>
                    html`<td class=${classes[column] ?? ''}><span class="bone" style="width: ${width}rem"></span></td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
