/**
 * What `<ar-invoice-list>` shows instead of rows: an empty tab, a search without matches, an Easy Pay
 * session's empty tab; and under the rows, the next page loading or failing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderLoadError } from '../../internal/states.js';
import type { InvoiceStatusFilter } from '../../internal/types.js';
import { renderWholeAccountLogin } from '../../internal/whole-account.js';
import type { Catalog } from '../../locales/catalog.js';
import type { InvoicePages } from './pages.js';

export function renderNoMatch(q: string, clear: () => void, t: Catalog): TemplateResult {
  return html`<div class="empty" part="empty no-match">
    <p>${t.invoices.noMatch(q)}</p>
    <button class="button secondary" part="button" type="button" @click=${clear}>${t.invoices.clearSearch}</button>
  </div>`;
}

export function renderEmpty(status: InvoiceStatusFilter, t: Catalog): TemplateResult {
  return html`<div class="empty" part="empty" role="status">
    ${status === 'past_due' ? html`<span class="empty-icon" aria-hidden="true">✓</span>` : nothing}
    <p>${t.invoices.empty(status)}</p>
  </div>`;
}

export interface ScopedEmptyView {
  status: InvoiceStatusFilter;
  /** The numbers of the link's invoices, once all are known. */
  numbers: readonly string[];
  /** Alone on a page (the portal's note above offers the sign-in there): the sign-in to offer. */
  standalone: { api: string; locale: string; email: string; upgrading: boolean; upgrade: () => void } | null;
  t: Catalog;
}

/**
 * An Easy Pay session's empty tab: says it is about the link's invoices, that the account may have
 * others, and (alone on a page) the way to sign in to it all.
 */
export function renderScopedEmpty({ status, numbers, standalone, t }: ScopedEmptyView): TemplateResult {
  return html`<div class="empty" part="empty empty-scoped">
    <div role="status">
      ${status === 'past_due' || status === 'open' ? html`<span class="empty-icon" aria-hidden="true">✓</span>` : nothing}
      <p>${t.invoices.scopedEmpty(status, numbers)}</p>
    </div>
    <p class="secondary">${t.invoices.scopedHint(numbers)}</p>
    ${
      !standalone
        ? nothing
        : standalone.upgrading
          ? renderWholeAccountLogin(standalone)
          : html`<button class="button" part="button whole-account-button" type="button" @click=${standalone.upgrade}>
              ${t.invoices.scopedSignIn}
            </button>`
    }
  </div>`;
}

/** Under the rows: the next page failed (with a retry) or is on its way. */
export function renderMore(pages: InvoicePages, t: Catalog): TemplateResult | typeof nothing {
  if (pages.moreError) return renderLoadError(t.invoices.loadMoreFailed, pages.moreError, () => pages.retryMore(), t);
  if (!pages.loadingMore) return nothing;
  return html`<p class="more pending" part="loading">
    <span class="spinner" aria-hidden="true"></span> ${t.invoices.loadingMore}
  </p>`;
}
