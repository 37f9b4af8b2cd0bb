/**
 * The customer page's lists, one render function per tab: compact tables in this chunk (the portal's
 * `<ar-invoice-list>` has no staff data source), each in a scrolling wrapper for narrow screens.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderStatusBadge } from '../../../internal/badge.js';
import { formatDate, formatDateTime, formatMoney } from '../../../internal/format.js';
import type { Catalog } from '../../../locales/catalog.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import { followRoute, routeHref } from '../shared/navigate.js';
import type {
  AuditEventList,
  DisputeList,
  DisputeStatus,
  InvoiceList,
  PaymentList,
  PaymentStatus,
  PromiseList,
  PromiseStatus,
} from '../shared/types.js';

export interface TabOptions {
  w: AdminCatalog;
  t: Catalog;
  locale: string | undefined;
  /** The paging buttons (keyset: Previous and Next), or nothing. */
  pager: (nextCursor: string | null) => unknown;
}

/** A badge's looks by tone (`badgeStyles`: paid green, past_due red, disputed amber; the rest grey as open). */
const tones: Partial<Record<PaymentStatus | PromiseStatus | DisputeStatus, string>> = {
  succeeded: 'paid',
  kept: 'paid',
  resolved: 'paid',
  failed: 'past_due',
  returned: 'past_due',
  broken: 'past_due',
  partially_kept: 'disputed',
  under_review: 'disputed',
};

const badge = (status: PaymentStatus | PromiseStatus | DisputeStatus, words: string) =>
  html`<span class="badge ${tones[status] ?? 'open'}" part="badge badge-${status}">${words}</span>`;

/** A table with its header row, in a wrapper that scrolls sideways on a phone. */
export function table(caption: string, heads: readonly string[], rows: unknown, numeric: readonly number[] = []) {
  return html`<div class="table-scroll" part="table" tabindex="0" role="region" aria-label=${caption}>
    <table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${heads.map((head, i) => html`<th scope="col" class=${numeric.includes(i) ? 'num' : ''}>${head}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

const empty = (words: string) => html`<p class="empty" part="empty" role="status">${words}</p>`;

export function renderInvoices(list: InvoiceList, o: TabOptions): TemplateResult {
  const w = o.w.customer;
  if (!list.items.length) return html`${empty(w.noInvoices)}${o.pager(null)}`;
  const t = o.t.invoices;
  const rows = list.items.map(
    (invoice) =>
      html`<tr>
        <th scope="row">${invoice.number}</th>
        <td>${formatDate(invoice.issueDate, o.locale)}</td>
        <td>${formatDate(invoice.dueDate, o.locale)}</td>
        <td class="num">${formatMoney(invoice.total, invoice.currency, o.locale)}</td>
        <td class="num">${formatMoney(invoice.balance, invoice.currency, o.locale)}</td>
        <td>${renderStatusBadge(invoice, o.t)}</td>
      </tr>`,
  );
  return html`${table(w.invoices, [t.number, t.issueDate, t.dueDate, t.total, t.balance, t.status], rows, [3, 4])}
  ${o.pager(list.nextCursor)}`;
}

export function renderPayments(list: PaymentList, o: TabOptions): TemplateResult {
  const w = o.w.customer;
  if (!list.items.length) return empty(w.noPayments);
  const rows = list.items.map(
    (payment) =>
      html`<tr>
        <th scope="row">${payment.receiptNumber}</th>
        <td>${formatDateTime(payment.succeededAt ?? payment.createdAt, o.locale)}</td>
        <td>${w.methodName(payment.method)}</td>
        <td class="num">${formatMoney(payment.amount, payment.currency, o.locale)}</td>
        <td>${badge(payment.status, w.paymentStatus(payment.status))}</td>
        <td>${payment.allocations.map((a) => a.number).join(', ') || o.w.shell.none}</td>
      </tr>`,
  );
  return table(w.tab('payments'), [w.receipt, w.date, w.method, w.amount, w.status, w.invoices], rows, [3]);
}

export function renderPromises(list: PromiseList, o: TabOptions): TemplateResult {
  const w = o.w.customer;
  if (!list.items.length) return empty(w.noPromises);
  const rows = list.items.map(
    (promise) =>
      html`<tr>
        <th scope="row">${formatDate(promise.promisedDate, o.locale)}</th>
        <td class="num">${formatMoney(promise.amount, promise.currency, o.locale)}</td>
        <td>${badge(promise.status, w.promiseStatus(promise.status))}</td>
        <td>${promise.invoices.map((invoice) => invoice.number).join(', ')}</td>
      </tr>`,
  );
  return table(w.tab('promises'), [w.promisedDate, w.amount, w.status, w.invoices], rows, [1]);
}

export function renderDisputes(list: DisputeList, o: TabOptions): TemplateResult {
  const w = o.w.customer;
  if (!list.items.length) return empty(w.noDisputes);
  const rows = list.items.map((dispute) => {
    const route = `disputes/${encodeURIComponent(dispute.id)}`;
    return html`<tr>
      <th scope="row">
        <a href=${routeHref(route)} @click=${(e: MouseEvent) => followRoute(e, route)}>${dispute.invoice.number}</a>
      </th>
      <td>${formatDate(dispute.createdAt.slice(0, 10), o.locale)}</td>
      <td class="num">${formatMoney(dispute.amount, dispute.currency, o.locale)}</td>
      <td>${badge(dispute.status, w.disputeStatus(dispute.status))}</td>
      <td>${dispute.assignee?.name ?? o.w.shell.none}</td>
    </tr>`;
  });
  return table(w.tab('disputes'), [w.invoice, w.date, w.amount, w.status, w.assignee], rows, [2]);
}

export function renderTimeline(list: AuditEventList, o: TabOptions): TemplateResult {
  const w = o.w.customer;
  if (!list.items.length) return html`${empty(w.noEvents)}${o.pager(null)}`;
  return html`<ol class="timeline" part="timeline">
      ${list.items.map((event) => {
        const note = event.type === 'customer.note_added' && typeof event.data['body'] === 'string';
        return html`<li>
          <p class="hint">
            <time datetime=${event.at}>${formatDateTime(event.at, o.locale)}</time> ·
            ${event.actor.name ?? event.actor.id ?? event.actor.type}
          </p>
          <p>${note ? html`<strong>${w.noteAdded}</strong>` : html`<code>${event.type}</code>`}</p>
          ${note ? html`<p class="note">${event.data['body']}</p>` : nothing}
        </li>`;
      })}
    </ol>
    ${o.pager(list.nextCursor)}`;
}
