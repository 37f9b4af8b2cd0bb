import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { apiFor, type PorticoApi } from '../../internal/api.js';
import { porticoApiContext } from '../../internal/context.js';
import { emit } from '../../internal/events.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { SessionController } from '../../internal/session-store.js';
import { renderLoadError } from '../../internal/states.js';
import { strings } from '../../internal/strings.js';
import type { InvoiceListQuery, InvoiceStatusFilter, InvoiceSummary } from '../../internal/types.js';
import { styles } from './invoice-list.styles.js';

const s = strings.invoices;
const pageSize = 25;
/** How many pages to look through for the `highlight` invoice before saying it is not listed. */
const highlightSearchPages = 5;

/**
 * @summary The customer's invoices for one account and status, most urgent first (past due, then by
 * due date, as the server sorts them), with "Load more" paging.
 *
 * Inside `<ar-portal>` it uses the portal's session. Alone on a page it uses the session of its
 * `api` server in this tab (started by an `<ar-login>` or `<ar-portal>`), and asks to sign in when
 * there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr account - Customer account id. Empty means the session's default account.
 * @attr status - `open` (default, every unpaid invoice), `past_due`, `paid` or `all`.
 * @attr locale - BCP 47 locale for money and dates, e.g. `fr-FR`. Defaults to the browser's.
 * @attr highlight - An invoice number to highlight and focus once it is loaded.
 *
 * @event ar-invoice-select - A row was activated (click, Enter or Space). `detail.invoice` is the `InvoiceSummary`.
 *
 * @csspart base - The wrapper.
 * @csspart table - The invoice table.
 * @csspart row - Each invoice row (also `row-highlighted` on the highlighted one).
 * @csspart number - The invoice number cell.
 * @csspart badge - The status badge (also `badge-past_due`, `badge-open`, `badge-paid`, `badge-void`).
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty and signed-out states.
 * @csspart error - Error messages.
 * @csspart loading - The loading skeleton.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Links, focus and the highlighted row.
 * @cssprop --ar-color-danger - The past-due badge.
 * @cssprop --ar-color-warning - Reserved for disputed invoices.
 * @cssprop --ar-color-success - The paid badge.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Headings of columns, open and void badges.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Row dividers.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline of rows and buttons.
 */
export class ArInvoiceList extends LitElement {
  static override styles = styles;

  /** Base URL of the Portico server; empty means this page's origin. */
  @property() accessor api = '';

  /** Customer account id; a bookkeeper's session spans several. */
  @property() accessor account = '';

  /** Which invoices: `open` includes past-due ones, as AR uses the word. */
  @property() accessor status: InvoiceStatusFilter = 'open';

  /** Locale for money and dates. */
  @property() accessor locale = '';

  /** Invoice number to highlight and move focus to, e.g. the one a reminder email linked to. */
  @property() accessor highlight = '';

  /** The client `<ar-portal>` provides; standalone, one is made from `api`. */
  @consume({ context: porticoApiContext, subscribe: true })
  @state()
  accessor contextApi: PorticoApi | undefined;

  @state() private accessor items: InvoiceSummary[] = [];
  @state() private accessor nextCursor: string | null = null;
  @state() private accessor loadingMore = false;
  @state() private accessor moreError: unknown = undefined;
  @state() private accessor announcement = '';

  private readonly session = new SessionController(this);
  /** Bumped on every first-page load so a late "Load more" answer for an old list is dropped. */
  private generation = 0;
  private focusedHighlight = '';

  private get client(): PorticoApi {
    return this.contextApi ?? apiFor(this.api);
  }

  private get query(): InvoiceListQuery {
    return {
      status: this.status,
      sort: 'priority',
      limit: pageSize,
      ...(this.account ? { account: this.account } : {}),
    };
  }

  private readonly firstPage = new Task(this, {
    args: () => [this.client, this.session.store?.token ?? null, this.account, this.status] as const,
    task: async ([client, token], { signal }) => {
      const generation = ++this.generation;
      if (!token) return 'signed-out' as const;
      const query = this.query;
      let page = await client.listInvoices(query, { signal });
      const items = [...page.items];
      const wanted = this.highlight;
      for (let pages = 1; wanted && page.nextCursor && pages < highlightSearchPages; pages++) {
        if (items.some((invoice) => invoice.number === wanted)) break;
        page = await client.listInvoices({ ...query, cursor: page.nextCursor }, { signal });
        items.push(...page.items);
      }
      if (generation === this.generation) {
        this.items = items;
        this.nextCursor = page.nextCursor;
        this.moreError = undefined;
        this.announcement = '';
      }
      return 'loaded' as const;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.session.store = this.client.session;
    if (changed.has('highlight')) this.focusedHighlight = '';
  }

  protected override updated(): void {
    if (!this.highlight || this.focusedHighlight === this.highlight) return;
    const row = this.renderRoot.querySelector<HTMLElement>('tr[aria-current="true"]');
    if (row) {
      this.focusedHighlight = this.highlight;
      row.focus({ preventScroll: true });
      row.scrollIntoView?.({ block: 'nearest' });
    }
  }

  private select(invoice: InvoiceSummary): void {
    emit(this, 'ar-invoice-select', { invoice });
  }

  private handleRowKeydown(event: KeyboardEvent, invoice: InvoiceSummary): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.select(invoice);
  }

  private async handleLoadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    const generation = this.generation;
    const firstNew = this.items.length;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await this.client.listInvoices({ ...this.query, cursor: this.nextCursor });
      if (generation !== this.generation) return;
      this.items = [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      this.announcement = s.loadedMore(page.items.length);
      await this.updateComplete;
      // The button may be gone now; keep focus where the new rows start.
      this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')[firstNew]?.focus();
    } catch (error) {
      if (generation === this.generation) this.moreError = error;
    } finally {
      this.loadingMore = false;
    }
  }

  override render(): TemplateResult {
    return html`<div class="base" part="base">
      ${this.firstPage.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderSkeleton(),
        complete: (result) => (result === 'signed-out' ? this.renderSignedOut() : this.renderList()),
        error: (error) => renderLoadError(s.loadFailed, error, () => void this.firstPage.run()),
      })}
    </div>`;
  }

  private renderSignedOut(): TemplateResult {
    return html`<p class="empty" part="empty signed-out">${s.signedOut}</p>`;
  }

  private renderList(): TemplateResult {
    if (this.items.length === 0) {
      return html`<div class="empty" part="empty" role="status">
        ${this.status === 'past_due' ? html`<span class="empty-icon" aria-hidden="true">✓</span>` : nothing}
        <p>${s.empty(this.status)}</p>
      </div>`;
    }
    const highlightMissing = this.highlight && !this.items.some((invoice) => invoice.number === this.highlight);
    return html`
      ${highlightMissing ? html`<p class="note" role="status">${s.highlightMissing(this.highlight)}</p>` : nothing}
      <div class="table-scroll">
        <table part="table">
          <caption class="visually-hidden">
            ${s.caption}
          </caption>
          ${this.renderHead()}
          <tbody>
            ${this.items.map((invoice) => this.renderRow(invoice))}
          </tbody>
        </table>
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        this.moreError
          ? renderLoadError(s.loadMoreFailed, this.moreError, () => void this.handleLoadMore())
          : this.nextCursor
            ? html`<div class="more">
                <button
                  class="button secondary"
                  part="button load-more"
                  type="button"
                  ?disabled=${this.loadingMore}
                  @click=${this.handleLoadMore}
                >
                  ${this.loadingMore ? s.loadingMore : s.loadMore}
                </button>
              </div>`
            : nothing
      }
    `;
  }

  private renderHead(): TemplateResult {
    return html`<thead>
      <tr>
        <th scope="col">${s.number}</th>
        <th scope="col" class="col-issue">${s.issueDate}</th>
        <th scope="col" class="col-due">${s.dueDate}</th>
        <th scope="col" class="num col-total">${s.total}</th>
        <th scope="col" class="num">${s.balance}</th>
        <th scope="col">${s.status}</th>
      </tr>
    </thead>`;
  }

  private renderRow(invoice: InvoiceSummary): TemplateResult {
    const locale = this.locale || undefined;
    const highlighted = invoice.number === this.highlight;
    const balance = formatMoney(invoice.balance, invoice.currency, locale);
    const statusText = this.statusText(invoice);
    return html`<tr
      part=${highlighted ? 'row row-highlighted' : 'row'}
      class=${classMap({ highlighted, [invoice.status]: true })}
      tabindex="0"
      aria-current=${highlighted ? 'true' : nothing}
      aria-label=${s.rowLabel(invoice.number, balance, statusText)}
      @click=${() => this.select(invoice)}
      @keydown=${(event: KeyboardEvent) => this.handleRowKeydown(event, invoice)}
    >
      <th scope="row" part="number">
        <span class="invoice-number">${invoice.number}</span>
        <span class="due-inline">${s.dueOn(formatDate(invoice.dueDate, locale))}</span>
      </th>
      <td class="col-issue">${formatDate(invoice.issueDate, locale)}</td>
      <td class="col-due">${formatDate(invoice.dueDate, locale)}</td>
      <td class="num col-total">${formatMoney(invoice.total, invoice.currency, locale)}</td>
      <td class="num balance">${balance}</td>
      <td class="status-cell">${this.renderBadge(invoice)}</td>
    </tr>`;
  }

  private statusText(invoice: InvoiceSummary): string {
    const label = s.badge(invoice.status);
    return invoice.status === 'past_due' ? `${label} · ${s.daysPastDue(invoice.daysPastDue)}` : label;
  }

  /** The badge says its status in words (and a shape), never by colour alone. */
  private renderBadge(invoice: InvoiceSummary): TemplateResult {
    const icon = { past_due: '!', open: '○', paid: '✓', void: '–' }[invoice.status];
    const days = invoice.status === 'past_due' ? html`<span> · ${s.daysPastDue(invoice.daysPastDue)}</span>` : nothing;
    return html`<span class="badge ${invoice.status}" part="badge badge-${invoice.status}"
      ><span><span class="badge-icon" aria-hidden="true">${icon}</span> ${s.badge(invoice.status)}</span>${days}</span
    >`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<p class="visually-hidden" part="loading" role="status">${s.loading}</p>
      <table class="skeleton" aria-hidden="true">
        ${this.renderHead()}
        <tbody>
          ${[1, 2, 3, 4, 5].map(
            () =>
              html`<tr>
                ${[6, 6, 6, 5, 5, 5].map(
                  (width, column) =>
                    html`<td class=${['', 'col-issue', 'col-due', 'col-total', '', ''][column] ?? ''}>
                      <span class="bone" style="width: ${width}rem"></span>
                    </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}
