/**
 * The invoice table of `<ar-invoice-list>`: the header with its sort buttons and "select all", and
 * the rows, of which only those in view are in the DOM (`@lit-labs/virtualizer`, a chunk of its own:
 * `virtualizer.ts`; the rows render once the first page and it are both here, `loadFirstPage`).
 */
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { renderStatusBadge, statusText } from '../../internal/badge.js';
import { formatDate, formatDateTime, formatMoney } from '../../internal/format.js';
import type { SelectionController } from '../../internal/selection-controller.js';
import type { InvoiceSort, InvoiceSummary } from '../../internal/types.js';
import { virtualize, virtualizerOf } from './virtualizer.js';
import type { Catalog } from '../../locales/catalog.js';
import { ariaSort, columns, nextSort } from './columns.js';

/** What the table shows. */
export interface TableView {
  items: readonly InvoiceSummary[];
  sort: InvoiceSort;
  highlight: string;
  locale: string | undefined;
  t: Catalog;
  selection: SelectionController<InvoiceSummary>;
  /** The row that takes the table's one tab stop. */
  activeIndex: number;
  /** Invoices on the tab, when known (`aria-rowcount`). */
  totalCount: number | null;
}

/** What the person can do in it. */
export interface TableActions {
  sort: (sort: InvoiceSort) => void;
  /** A row was clicked (not on its checkbox). */
  open: (invoice: InvoiceSummary, index: number) => void;
  rowKeydown: (event: KeyboardEvent, invoice: InvoiceSummary, index: number) => void;
  rowFocus: (event: FocusEvent) => void;
  rangeChanged: (event: RangeChangedEvent) => void;
  visibilityChanged: (event: VisibilityChangedEvent) => void;
}

/**
 * Only invoices with something left to pay can be paid, promised or disputed: a balance that
 * payments in flight do not already cover.
 */
export function isSelectable(invoice: InvoiceSummary): boolean {
  return invoice.payable > 0 && invoice.status !== 'void' && invoice.status !== 'paid';
}

/** Owed, but every cent of it is on its way in a payment not yet applied. */
function isFullyInFlight(invoice: InvoiceSummary): boolean {
  return invoice.balance > 0 && invoice.payable <= 0 && invoice.inFlight !== null;
}

/** "Payment of $1,000.00 processing since Nov 20, 2026, 3:04 PM". */
function inFlightNotice(invoice: InvoiceSummary, locale: string | undefined, t: Catalog): string {
  const flight = invoice.inFlight;
  if (!flight) return '';
  const amount = formatMoney(flight.amount, invoice.currency, locale);
  return t.inFlight.notice(amount, formatDateTime(flight.since, locale), flight.status);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function waitFor(found: () => unknown, frames = 30): Promise<void> {
  for (let frame = 0; frame < frames && !found(); frame++) await nextFrame();
}

/**
 * Focuses the row at `index` of the table in `root`, first scrolling it into the rendered range
 * when it is not in the DOM (`center`: scrolled to the middle, as a highlighted invoice is).
 */
export async function focusRow(root: ParentNode, index: number, block: ScrollLogicalPosition): Promise<void> {
  const rowAt = () => root.querySelector<HTMLElement>(`tbody tr[aria-rowindex="${index + 2}"]`);
  if (!rowAt() || block === 'center') {
    // The virtualizer lays out asynchronously: it can scroll to a row once it has rendered some.
    await waitFor(() => root.querySelector('tbody.rows tr'));
    try {
      const body = root.querySelector<HTMLElement & VirtualizerHostElement>('tbody.rows');
      virtualizerOf(body)?.element(index)?.scrollIntoView({ block });
    } catch {
      // Not laid out yet; focusing the row below still brings it into view once it is rendered.
    }
    await waitFor(rowAt);
  }
  rowAt()?.focus({ preventScroll: block === 'center' });
}

/* eslint-disable lit-a11y/no-redundant-role -- see renderTable */
export function renderTable(view: TableView, actions: TableActions, busy: boolean): TemplateResult {
  const total = view.totalCount;
  // Explicit roles: the table's CSS display is changed for virtual scrolling, which drops the
  // implicit table semantics in some browsers.
  return html`<div class="table-scroll" part="table-scroll">
    <table
      part="table"
      role="table"
      class=${busy ? 'busy' : ''}
      aria-label=${view.t.invoices.caption}
      aria-rowcount=${total === null ? -1 : total + 1}
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${renderHead(view, actions.sort)}
      <tbody
        class="rows"
        role="rowgroup"
        @rangeChanged=${actions.rangeChanged}
        @visibilityChanged=${actions.visibilityChanged}
        @focusin=${actions.rowFocus}
      >
        ${virtualize({
          items: view.items as InvoiceSummary[],
          keyFunction: (invoice: InvoiceSummary) => invoice.id,
          renderItem: (invoice: InvoiceSummary, index: number) => renderRow(view, actions, invoice, index),
        })}
      </tbody>
    </table>
  </div>`;
}

/** The column headers; without `sort` (the loading skeleton's) they are plain text. */
export function renderHead(view: TableView, sort?: (next: InvoiceSort) => void): TemplateResult {
  const { t, selection } = view;
  const selectable = view.items.filter(isSelectable);
  const ticked = selectable.filter((invoice) => selection.has(invoice.id)).length;
  return html`<thead role="rowgroup">
    <tr role="row" part="header" aria-rowindex="1">
      <th role="columnheader" class="select-cell">
        ${
          sort
            ? html`<input
                type="checkbox"
                part="checkbox"
                aria-label=${t.invoices.selectAllLoaded}
                ?disabled=${selectable.length === 0}
                .checked=${selectable.length > 0 && ticked === selectable.length}
                .indeterminate=${ticked > 0 && ticked < selectable.length}
                @change=${(event: Event) => selection.toggleAll(selectable, (event.target as HTMLInputElement).checked)}
              />`
            : nothing
        }
      </th>
      ${columns.map((column) => {
        const sorted = ariaSort(column, view.sort);
        return html`<th
          role="columnheader"
          class=${column.className}
          aria-sort=${sort && sorted !== 'none' ? sorted : nothing}
        >
          ${
            sort
              ? html`<button
                  class="sort"
                  part="sort-button"
                  type="button"
                  @click=${() => sort(nextSort(column, view.sort))}
                >
                  ${t.invoices[column.label]}<span class="sort-icon" aria-hidden="true"
                    >${{ ascending: '▲', descending: '▼', other: '↓', none: '↕' }[sorted]}</span
                  >
                </button>`
              : t.invoices[column.label]
          }
        </th>`;
      })}
    </tr>
  </thead>`;
}
/* eslint-enable lit-a11y/no-redundant-role */

function renderRow(view: TableView, actions: TableActions, invoice: InvoiceSummary, index: number): TemplateResult {
  const { locale, t, selection } = view;
  const highlighted = invoice.number === view.highlight;
  const checked = selection.has(invoice.id);
  const balance = formatMoney(invoice.balance, invoice.currency, locale);
  const inFlight = invoice.inFlight ? inFlightNotice(invoice, locale, t) : '';
  const promised = invoice.promise
    ? t.invoices.promised(formatDate(invoice.promise.promisedDate, locale, 'dayMonth'))
    : '';
  const noticeId = `in-flight-${invoice.id}`;
  const tabbable = index === view.activeIndex;
  const parts = ['row', highlighted ? 'row-highlighted' : '', checked ? 'row-selected' : ''].filter(Boolean);
  return html`<tr
    role="row"
    part=${parts.join(' ')}
    class=${classMap({ highlighted, checked, [invoice.status]: true })}
    tabindex=${tabbable ? '0' : '-1'}
    aria-rowindex=${index + 2}
    aria-current=${highlighted ? 'true' : nothing}
    aria-label=${t.invoices.rowLabel(invoice.number, balance, [statusText(invoice, t), promised].filter(Boolean).join(', '), inFlight)}
    @click=${(event: MouseEvent) => {
      if (!(event.target as Element).closest('.select-cell')) actions.open(invoice, index);
    }}
    @keydown=${(event: KeyboardEvent) => actions.rowKeydown(event, invoice, index)}
  >
    <td role="cell" class="select-cell">
      ${
        isSelectable(invoice)
          ? html`<input
              type="checkbox"
              part="checkbox"
              tabindex=${tabbable ? '0' : '-1'}
              aria-label=${t.invoices.selectInvoice(invoice.number)}
              .checked=${checked}
              @change=${(event: Event) => selection.toggle(invoice, (event.target as HTMLInputElement).checked)}
            />`
          : isFullyInFlight(invoice)
            ? // Being paid in full already: shown, and says why it cannot be ticked.
              html`<input
                type="checkbox"
                part="checkbox checkbox-disabled"
                disabled
                aria-label=${t.invoices.selectInvoice(invoice.number)}
                aria-describedby=${noticeId}
              />`
            : nothing
      }
    </td>
    <th role="rowheader" part="number" class="col-number">
      <span class="invoice-number">${invoice.number}</span>
      ${invoice.poNumber ? html`<span class="secondary po">${t.invoices.po(invoice.poNumber)}</span>` : nothing}
      <span class="secondary due-inline">${t.invoices.dueOn(formatDate(invoice.dueDate, locale))}</span>
    </th>
    <td role="cell" class="col-issue">${formatDate(invoice.issueDate, locale)}</td>
    <td role="cell" class="col-due">${formatDate(invoice.dueDate, locale)}</td>
    <td role="cell" class="num col-total">${formatMoney(invoice.total, invoice.currency, locale)}</td>
    <td role="cell" class="num col-balance balance">
      ${balance}
      ${
        invoice.inFlight && invoice.payable > 0
          ? html`<span class="secondary left-to-pay"
              >${t.inFlight.leftToPay(formatMoney(invoice.payable, invoice.currency, locale))}</span
            >`
          : nothing
      }
    </td>
    <td role="cell" class="col-status">
      ${renderStatusBadge(invoice, t)}
      ${promised ? html`<span class="badge promised" part="badge badge-promised">${promised}</span>` : nothing}
      ${
        inFlight
          ? html`<span id=${noticeId} class="in-flight" part="in-flight"
              >${inFlight}${invoice.payable > 0 ? nothing : html`. ${t.inFlight.nothingLeft}`}</span
            >`
          : nothing
      }
    </td>
  </tr>`;
}
