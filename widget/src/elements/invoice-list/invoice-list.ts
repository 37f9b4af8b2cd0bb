import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { emit } from '../../internal/events.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { RowNavigationController } from '../../internal/row-navigation-controller.js';
import { invoiceStatusFilters } from '../../internal/routes.js';
import { SelectionController } from '../../internal/selection-controller.js';
import { renderLoadError } from '../../internal/states.js';
import { TabListController } from '../../internal/tab-list-controller.js';
import type {
  AccountSummary,
  InvoiceListQuery,
  SessionInfo,
  InvoiceSort,
  InvoiceStatusFilter,
  InvoiceSummary,
} from '../../internal/types.js';
import { styles } from './invoice-list.styles.js';
import { renderSearch, renderSelectionBar, renderSkeleton, renderTabs } from './parts.js';
import { renderEmpty, renderMore, renderNoMatch, renderScopedEmpty } from './empty.js';
import { AccountTotals } from './account.js';
import { pageSize } from './first-page.js';
import { InvoicePages } from './pages.js';
import { InvoiceSearch } from './search.js';
import { focusRow, isSelectable, renderHead, renderTable, type TableActions, type TableView } from './table.js';

/** Fetch the next page when the rendered rows come this close to the end of what is loaded. */
const prefetchRows = 60;

/**
 * @summary One customer account at a glance: totals, status tabs with counts, search, sortable
 * columns and every invoice of the account, however many, with multi-select for paying, promising
 * or disputing several at once.
 *
 * Only the rows in view are in the DOM (`@lit-labs/virtualizer`); further pages are fetched as the
 * person scrolls near the end. The table keeps its semantics for screen readers: `aria-rowcount` is
 * the number of invoices on the tab and each row carries its `aria-rowindex`. Rows are focusable
 * (one tab stop, arrow keys, Home/End and Page Up/Down move between them) and open with Enter, Space
 * or a click.
 *
 * Inside `<ar-portal>` it uses the portal's session. Alone on a page it uses the session of its
 * `api` server in this tab (started by an `<ar-login>` or `<ar-portal>`), and asks to sign in when
 * there is none.
 *
 * In an Easy Pay session (a pay link the company sent, which sees only the invoices it is for) the
 * figures and empty states speak of those invoices, never of the whole account: "INV-1032 balance
 * due" (or "Balance due on this link"), and once paid "Nothing is due on INV-1032." with the note that
 * the account may have other invoices. Alone on a page it then offers "Sign in to see your whole
 * account" (an `<ar-login>` with the session's email filled in); inside `<ar-portal>` the portal's own
 * note about the link, just above, offers it.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr account - Customer account id. Empty means the session's default account.
 * @attr status - `open` (default, every unpaid invoice), `past_due`, `paid`, `disputed` or `all`.
 * @attr sort - `priority` (default: past due first), `dueDate`, `issueDate`, `number`, `total` or `balance`; `-` before one reverses it.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates, e.g. `fr-FR`. Defaults to the browser's.
 * @attr highlight - An invoice number to highlight and focus once it is loaded.
 *
 * @event ar-invoice-select - A row was activated (click, Enter or Space). `detail.invoice` is the `InvoiceSummary`.
 * @event ar-account-change - The person picked another account. `detail.account` is the `AccountSummary`.
 * @event ar-filter-change - The person changed tab, search or sort. `detail` is `{status, q, sort}` (`q` as sent, `''` for none).
 * @event ar-selection-change - Invoices were ticked or unticked (also `[]` on `refresh()` and on a change of account, and
 *   when reloaded rows show a ticked invoice already paid in full). `detail.invoices` is every ticked `InvoiceSummary`.
 * @event ar-pay-request - "Pay" was pressed for the ticked invoices (`detail.invoices`); each one's `payable` is what is left to pay.
 * @event ar-promise-request - "Promise to pay" was pressed for the ticked invoices (`detail.invoices`).
 * @event ar-dispute-request - "Dispute" was pressed for the ticked invoices (`detail.invoices`).
 *
 * @csspart base - The wrapper.
 * @csspart account-select - The account switcher (several accounts only).
 * @csspart account-name - The account's name (one account only).
 * @csspart totals - Balance due, past due, disputed and unapplied credit (in an Easy Pay session, the balance of the link's invoices).
 * @csspart tabs - The status tab list.
 * @csspart tab - Each status tab (also `tab-selected`).
 * @csspart count - The number of invoices on a tab.
 * @csspart search - The search field's wrapper.
 * @csspart input - The search input.
 * @csspart clear-button - The search field's × button.
 * @csspart selection-bar - The bar with the ticked invoices' count, total and actions.
 * @csspart pay-button - The selection bar's "Pay".
 * @csspart promise-button - The selection bar's "Promise to pay".
 * @csspart dispute-button - The selection bar's "Dispute".
 * @csspart clear-selection-button - The selection bar's "Clear selection".
 * @csspart table-scroll - The scrolling box around the table.
 * @csspart table - The invoice table.
 * @csspart header - The column header row.
 * @csspart sort-button - Each column's sort button.
 * @csspart row - Each invoice row (also `row-highlighted`, `row-selected`).
 * @csspart checkbox - Each selection checkbox (also `checkbox-disabled`: an invoice whose whole balance a payment in flight already covers).
 * @csspart in-flight - "Payment of $X processing since …" under the status of an invoice with a payment in flight.
 * @csspart totals-in-flight - "$Y processing" under the account's balance due.
 * @csspart number - The invoice number cell.
 * @csspart badge - The status badge (also `badge-past_due`, `badge-open`, `badge-paid`, `badge-disputed`, `badge-void`).
 * @csspart empty - The empty, no-match and signed-out states (also `no-match`, `signed-out`, and `empty-scoped`: an Easy Pay
 *   session's empty tab).
 * @csspart whole-account-button - Alone on a page in an Easy Pay session, on an empty tab: "Sign in to see your whole account".
 * @csspart login - The `<ar-login>` that button opens.
 * @csspart error - Error messages.
 * @csspart retry-button - Retry after a failed load.
 * @csspart loading - The loading skeleton and the "loading more" line.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Links, focus, the selected tab and the highlighted row.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - The past-due badge and amount.
 * @cssprop --ar-color-warning - The disputed badge and amount.
 * @cssprop --ar-color-success - The paid badge.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Column headings, open and void badges.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Row dividers and fields.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline of rows and controls.
 * @cssprop --ar-list-max-height - Height the table scrolls within. Defaults to `min(70vh, 44rem)`.
 */
export class ArInvoiceList extends PorticoElement {
  static override styles = styles;

  /** Customer account id; a bookkeeper's session spans several. */
  @property() accessor account = '';

  /** Which invoices: `open` includes past-due and disputed ones, as AR uses the word. */
  @property() accessor status: InvoiceStatusFilter = 'open';

  /** Order of the rows, one of the server's `invoiceSorts`. */
  @property() accessor sort: InvoiceSort = 'priority';

  /** Invoice number to highlight and move focus to, e.g. the one a reminder email linked to. */
  @property() accessor highlight = '';

  @state() private accessor announcement = '';
  /** Alone in an Easy Pay session: the payer asked to sign in to the whole account. */
  @state() private accessor upgrading = false;

  @query('.table-scroll') private accessor scroller!: HTMLElement | null;
  @query('#search') private accessor searchInput!: HTMLInputElement | null;

  /** Ticked invoices, in the order they were ticked. */
  private readonly selection = new SelectionController<InvoiceSummary>(this, {
    selectable: isSelectable,
    changed: (invoices) => {
      this.announcement = invoices.length
        ? this.t.invoices.selected(invoices.length, this.selection.total(this.localeOrDefault))
        : '';
      emit(this, 'ar-selection-change', { invoices });
    },
  });
  private readonly rows = new RowNavigationController(this, {
    count: () => this.items.length,
    pageRows: () => (this.scroller ? Math.max(1, Math.floor(this.scroller.clientHeight / 52) - 1) : 10),
    focus: (index) => this.focusRow(index),
    rowIndex: (element) => Number(element.closest('tr')?.getAttribute('aria-rowindex')) - 2,
    activate: (index) => this.open(this.items[index]!, index),
  });
  private readonly tabs = new TabListController<InvoiceStatusFilter>(this, {
    tabs: () => invoiceStatusFilters,
    current: () => this.status,
    select: (status) => this.selectTab(status),
    tabElement: (status) => this.renderRoot.querySelector<HTMLElement>(`#tab-${status}`),
  });
  private readonly search = new InvoiceSearch(this, {
    applied: () => this.filterChanged(),
    input: () => this.searchInput,
  });
  private readonly pages = new InvoicePages(this, {
    client: () => this.client,
    query: () => this.query,
    ready: () => this.firstPage.status === TaskStatus.COMPLETE,
    loadedMore: () => (this.announcement = this.t.invoices.loadedMore(this.items.length, this.totalCount)),
  });
  /** The account and tab the shown rows belong to: a new search or sort keeps them while loading. */
  private loadedFor = '';
  private focusedHighlight = '';

  private get items(): InvoiceSummary[] {
    return this.pages.items;
  }

  private get q(): string {
    return this.search.q;
  }

  private get query(): InvoiceListQuery {
    return {
      status: this.status,
      sort: this.sort,
      limit: pageSize,
      ...(this.account ? { account: this.account } : {}),
      ...(this.q ? { q: this.q } : {}),
    };
  }

  private readonly accounts = new AccountTotals(
    this,
    () => this.client,
    () => this.session.token,
  );

  private readonly firstPage = new Task(this, {
    args: () => [this.client, this.session.token, this.account, this.status, this.q, this.sort] as const,
    task: async ([client, token], { signal }) => {
      const generation = this.pages.begin();
      if (!token) return 'signed-out' as const;
      const { items, nextCursor } = await this.pages.fetchFirst(client, this.query, this.highlight, signal);
      if (this.pages.show(generation, items, nextCursor)) this.showFirstPage(items, nextCursor);
      return 'loaded' as const;
    },
  });

  /** Moves focus back to the row last used, e.g. when the portal returns from an invoice's detail. */
  async restoreFocus(): Promise<void> {
    await this.updateComplete;
    if (this.items.length) await this.rows.focus(this.rows.active);
  }

  /**
   * Loads the totals and the invoices again, e.g. after a payment changed their balances, and clears
   * the selection: the ticked invoices were just paid (or are being paid), and their amounts changed.
   */
  refresh(): void {
    if (this.selection.size) this.selection.clear();
    this.accounts.reload();
    void this.firstPage.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('highlight')) this.focusedHighlight = '';
    if (changed.has('account') && changed.get('account') !== undefined && this.selection.size) this.selection.clear();
  }

  protected override updated(): void {
    if (!this.highlight || this.focusedHighlight === this.highlight) return;
    if (this.firstPage.status !== TaskStatus.COMPLETE) return;
    const index = this.items.findIndex((invoice) => invoice.number === this.highlight);
    this.focusedHighlight = this.highlight;
    if (index !== -1) {
      this.rows.active = index;
      void this.focusRow(index, 'center');
    }
  }

  private showFirstPage(items: InvoiceSummary[], nextCursor: string | null): void {
    this.loadedFor = `${this.account}|${this.status}`;
    const highlighted = this.highlight ? items.findIndex((invoice) => invoice.number === this.highlight) : -1;
    this.rows.active = Math.max(0, highlighted);
    this.announcement = this.q ? this.t.invoices.matches(items.length, Boolean(nextCursor), this.q) : '';
    if (this.scroller) this.scroller.scrollTop = 0;
    this.selection.reconcile(items);
  }

  // ---- Easy Pay sessions --------------------------------------------------------------------------

  /** What an Easy Pay session's link covers; null for a session of the whole account. */
  private get scope(): SessionInfo['scope'] {
    return this.session.store.info?.scope ?? null;
  }

  /** The numbers of the link's invoices once all are known (loaded at least once), else none. */
  private get scopeNumbers(): string[] {
    return this.pages.numbersOf(this.scope?.invoiceIds ?? []);
  }

  // ---- Account, tabs, search, sort ---------------------------------------------------------------

  private get currentAccount(): AccountSummary | undefined {
    return this.accounts.current(this.account);
  }

  /** Invoices on this tab: exact once all are loaded, else the account's count (unknown for a search). */
  private get totalCount(): number | null {
    if (!this.pages.nextCursor) return this.items.length;
    if (this.q) return null;
    const count = this.currentAccount?.counts?.[this.status];
    return count === undefined ? null : Math.max(count, this.items.length + 1);
  }

  private filterChanged(): void {
    emit(this, 'ar-filter-change', { status: this.status, q: this.q, sort: this.sort });
  }

  private handleAccountChange(account: AccountSummary): void {
    this.account = account.id;
    emit(this, 'ar-account-change', { account });
  }

  private selectTab(status: InvoiceStatusFilter): void {
    if (status === this.status) return;
    this.status = status;
    this.filterChanged();
  }

  private handleSort(sort: InvoiceSort): void {
    this.sort = sort;
    this.filterChanged();
  }

  // ---- Rows: paging, focus, opening ---------------------------------------------------------------

  /** Focuses a row, first scrolling it into the rendered range when it is not in the DOM. */
  private async focusRow(index: number, block: ScrollLogicalPosition = 'nearest'): Promise<void> {
    await this.updateComplete;
    await focusRow(this.renderRoot, index, block);
    if (index >= this.items.length - prefetchRows) void this.pages.loadMore();
  }

  /** The opened row becomes the table's tab stop, so focus can return to it (`restoreFocus`). */
  private open(invoice: InvoiceSummary, index: number): void {
    this.rows.active = index;
    emit(this, 'ar-invoice-select', { invoice });
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    const signedOut = !this.session.token;
    return html`<div class="base" part="base">
      ${
        signedOut
          ? html`<p class="empty" part="empty signed-out">${this.t.invoices.signedOut}</p>`
          : html`${this.accounts.render({
                account: this.account,
                locale: this.locale,
                scope: this.scope ? this.scopeNumbers : null,
                change: (next) => this.handleAccountChange(next),
                t: this.t,
              })}
              ${renderTabs(this.status, this.currentAccount?.counts, this.localeOrDefault, this.t, {
                select: (status) => this.selectTab(status),
                keydown: (event) => void this.tabs.handleKeydown(event),
              })}
              ${renderSearch(this.search, this.t)}
              ${renderSelectionBar(this, this.selection, this.localeOrDefault, this.t)}
              <div id="invoices-panel" role="tabpanel" aria-labelledby="tab-${this.status}">${this.renderPanel()}</div>`
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderPanel(): TemplateResult {
    const sameList = this.loadedFor === `${this.account}|${this.status}`;
    return this.firstPage.render({
      initial: () => renderSkeleton(renderHead(this.tableView), this.t),
      // A new search or sort keeps the rows on screen (marked busy) instead of flashing a skeleton.
      pending: () =>
        sameList && this.items.length
          ? renderTable(this.tableView, this.tableActions, true)
          : renderSkeleton(renderHead(this.tableView), this.t),
      complete: (result) => (result === 'signed-out' ? html`` : this.renderList()),
      error: (error) => renderLoadError(this.t.invoices.loadFailed, error, () => void this.firstPage.run(), this.t),
    });
  }

  private renderList(): TemplateResult {
    if (this.items.length === 0) {
      if (this.q) return renderNoMatch(this.q, this.search.clear, this.t);
      if (!this.scope) return renderEmpty(this.status, this.t);
      const email = this.session.store.info?.user.email ?? '';
      const upgrade = () => (this.upgrading = true);
      const standalone = this.inPortal
        ? null
        : { api: this.api, locale: this.locale, email, upgrading: this.upgrading, upgrade };
      return renderScopedEmpty({ status: this.status, numbers: this.scopeNumbers, standalone, t: this.t });
    }
    const highlightMissing = this.highlight && !this.items.some((invoice) => invoice.number === this.highlight);
    return html`${highlightMissing ? html`<p class="note" role="status">${this.t.invoices.highlightMissing(this.highlight)}</p>` : nothing}
    ${renderTable(this.tableView, this.tableActions, false)} ${renderMore(this.pages, this.t)}`;
  }

  private get tableView(): TableView {
    return {
      items: this.items,
      sort: this.sort,
      highlight: this.highlight,
      locale: this.localeOrDefault,
      t: this.t,
      selection: this.selection,
      activeIndex: this.rows.active,
      totalCount: this.totalCount,
    };
  }

  private readonly tableActions: TableActions = {
    sort: (sort) => this.handleSort(sort),
    open: (invoice, index) => this.open(invoice, index),
    rowKeydown: (event, _invoice, index) => this.rows.handleKeydown(event, index),
    rowFocus: this.rows.handleFocusIn,
    rangeChanged: (event) => {
      if (event.last >= this.items.length - prefetchRows) void this.pages.loadMore();
    },
    // Keeps the table's tab stop on a row in view once the active one has scrolled away.
    visibilityChanged: (event) =>
      this.rows.keepInView(event.first, event.last, Boolean(this.renderRoot.querySelector('tbody tr:focus-within'))),
  };
}
