import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { renderAccountSwitcher } from '../../internal/account-switcher.js';
import { loadAccounts, pickAccount } from '../../internal/accounts.js';
import { apiFor, type PorticoApi } from '../../internal/api.js';
import { renderStatusBadge, statusText } from '../../internal/badge.js';
import { porticoApiContext } from '../../internal/context.js';
import { emit } from '../../internal/events.js';
import { formatDate, formatDateTime, formatMoney } from '../../internal/format.js';
import { invoiceStatusFilters } from '../../internal/routes.js';
import { SessionController } from '../../internal/session-store.js';
import { renderLoadError } from '../../internal/states.js';
import { tabAfterKey } from '../../internal/tabs.js';
import type {
  AccountSummary,
  InvoiceListQuery,
  SessionInfo,
  InvoiceSort,
  InvoiceStatusFilter,
  InvoiceSummary,
} from '../../internal/types.js';
import { catalogFor, catalogLoading, type Catalog } from '../../locales/catalog.js';
import { ariaSort, columns, nextSort } from './columns.js';
import { loadFirstPage, pageSize } from './first-page.js';
import { styles } from './invoice-list.styles.js';
import { renderSearch, renderSelectionBar, renderSkeleton, renderTabs, renderTotals, sumByCurrency } from './parts.js';
import { virtualize, virtualizerOf } from './virtualizer.js';

/** How many pages to look through for the `highlight` invoice before saying it is not listed. */
const highlightSearchPages = 5;
const searchDelayMs = 250;
/** Fetch the next page when the rendered rows come this close to the end of what is loaded. */
const prefetchRows = 60;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

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
export class ArInvoiceList extends LitElement {
  static override styles = styles;

  /** Base URL of the Portico server; empty means this page's origin. */
  @property() accessor api = '';

  /** Customer account id; a bookkeeper's session spans several. */
  @property() accessor account = '';

  /** Which invoices: `open` includes past-due and disputed ones, as AR uses the word. */
  @property() accessor status: InvoiceStatusFilter = 'open';

  /** Order of the rows, one of the server's `invoiceSorts`. */
  @property() accessor sort: InvoiceSort = 'priority';

  /** Locale for words, money and dates. */
  @property() accessor locale = '';

  /** The words for `locale`; `locale` is reactive, so changing it re-renders in the new language. */
  private get t(): Catalog {
    return catalogFor(this.locale);
  }

  /** Holds an update while the catalog of a new `locale` loads, so nothing renders in the wrong language. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = catalogLoading(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Invoice number to highlight and move focus to, e.g. the one a reminder email linked to. */
  @property() accessor highlight = '';

  /** @internal The client `<ar-portal>` provides; standalone, one is made from `api`. */
  @consume({ context: porticoApiContext, subscribe: true })
  @state()
  accessor contextApi: PorticoApi | undefined;

  /** What the search box holds; `q` follows it after a pause in typing. */
  @state() private accessor searchText = '';
  @state() private accessor q = '';
  @state() private accessor items: InvoiceSummary[] = [];
  @state() private accessor nextCursor: string | null = null;
  @state() private accessor loadingMore = false;
  @state() private accessor moreError: unknown = undefined;
  @state() private accessor announcement = '';
  /** Ticked invoices by id, in the order they were ticked. */
  @state() private accessor selected = new Map<string, InvoiceSummary>();
  /** The row that takes the table's one tab stop. */
  @state() private accessor activeIndex = 0;
  /** Alone in an Easy Pay session: the payer asked to sign in to the whole account. */
  @state() private accessor upgrading = false;

  @query('tbody.rows') private accessor body!: (HTMLElement & VirtualizerHostElement) | null;
  @query('.table-scroll') private accessor scroller!: HTMLElement | null;
  @query('#search') private accessor searchInput!: HTMLInputElement | null;

  private readonly session = new SessionController(this);
  /** Bumped on every first-page load so a late page for an old list is dropped. */
  private generation = 0;
  /** The account and tab the shown rows belong to: a new search or sort keeps them while loading. */
  private loadedFor = '';
  private focusedHighlight = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private freshAccounts = false;
  /** Invoice numbers by id, of every invoice loaded so far: an Easy Pay session's names its invoices with them. */
  private readonly knownNumbers = new Map<string, string>();

  private get client(): PorticoApi {
    return this.contextApi ?? apiFor(this.api);
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

  private readonly accountsTask = new Task(this, {
    args: () => [this.client, this.session.store?.token ?? null] as const,
    task: async ([client, token]) => {
      if (!token) return undefined;
      const fresh = this.freshAccounts;
      this.freshAccounts = false;
      return loadAccounts(client, { fresh });
    },
  });

  private readonly firstPage = new Task(this, {
    args: () => [this.client, this.session.store?.token ?? null, this.account, this.status, this.q, this.sort] as const,
    task: async ([client, token], { signal }) => {
      const generation = ++this.generation;
      if (!token) return 'signed-out' as const;
      const query = this.query;
      let page = await loadFirstPage(client, query, { signal });
      const items = [...page.items];
      const wanted = this.highlight;
      for (let pages = 1; wanted && page.nextCursor && pages < highlightSearchPages; pages++) {
        if (items.some((invoice) => invoice.number === wanted)) break;
        page = await client.listInvoices({ ...query, cursor: page.nextCursor }, { signal });
        items.push(...page.items);
      }
      if (generation === this.generation) this.showFirstPage(items, page.nextCursor);
      return 'loaded' as const;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** Moves focus back to the row last used, e.g. when the portal returns from an invoice's detail. */
  async restoreFocus(): Promise<void> {
    await this.updateComplete;
    if (this.items.length) await this.focusRow(this.activeIndex);
  }

  /**
   * Loads the totals and the invoices again, e.g. after a payment changed their balances, and clears
   * the selection: the ticked invoices were just paid (or are being paid), and their amounts changed.
   */
  refresh(): void {
    if (this.selected.size) this.setSelection(new Map());
    this.freshAccounts = true;
    void this.accountsTask.run();
    void this.firstPage.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.session.store = this.client.session;
    if ((changed as Map<PropertyKey, unknown>).has('items'))
      for (const invoice of this.items) this.knownNumbers.set(invoice.id, invoice.number);
    if (changed.has('highlight')) this.focusedHighlight = '';
    if (changed.has('account') && changed.get('account') !== undefined && this.selected.size) {
      this.selected = new Map();
      emit(this, 'ar-selection-change', { invoices: [] });
    }
  }

  protected override updated(): void {
    if (!this.highlight || this.focusedHighlight === this.highlight) return;
    if (this.firstPage.status !== TaskStatus.COMPLETE) return;
    const index = this.items.findIndex((invoice) => invoice.number === this.highlight);
    this.focusedHighlight = this.highlight;
    if (index !== -1) void this.focusRow(index, 'center');
  }

  private showFirstPage(items: InvoiceSummary[], nextCursor: string | null): void {
    const key = `${this.account}|${this.status}`;
    this.items = items;
    this.nextCursor = nextCursor;
    this.moreError = undefined;
    this.loadedFor = key;
    const highlighted = this.highlight ? items.findIndex((invoice) => invoice.number === this.highlight) : -1;
    this.activeIndex = Math.max(0, highlighted);
    this.announcement = this.q ? this.t.invoices.matches(items.length, Boolean(nextCursor), this.q) : '';
    if (this.scroller) this.scroller.scrollTop = 0;
    this.reconcileSelection(items);
  }

  /**
   * Ticked invoices follow what the server now says: one a payment has since covered in full is
   * unticked, and one whose amount left to pay changed is kept with the new amount.
   */
  private reconcileSelection(items: readonly InvoiceSummary[]): void {
    if (!this.selected.size) return;
    const next = new Map(this.selected);
    let changed = false;
    for (const invoice of items) {
      const ticked = next.get(invoice.id);
      if (!ticked) continue;
      if (!isSelectable(invoice)) next.delete(invoice.id);
      else if (ticked.payable !== invoice.payable || ticked.balance !== invoice.balance) next.set(invoice.id, invoice);
      else continue;
      changed = true;
    }
    if (changed) this.setSelection(next);
  }

  // ---- Easy Pay sessions --------------------------------------------------------------------------

  /** What an Easy Pay session's link covers; null for a session of the whole account. */
  private get scope(): SessionInfo['scope'] {
    return this.session.store?.info?.scope ?? null;
  }

  /** The numbers of the link's invoices once all are known (loaded at least once), else none. */
  private get scopeNumbers(): string[] {
    const numbers = (this.scope?.invoiceIds ?? []).map((id) => this.knownNumbers.get(id));
    return numbers.every((number) => number !== undefined) ? (numbers as string[]) : [];
  }

  // ---- Account, tabs, search, sort ---------------------------------------------------------------

  private get currentAccount(): AccountSummary | undefined {
    return pickAccount(this.accountsTask.value, this.account);
  }

  /** Invoices on this tab: exact once all are loaded, else the account's count (unknown for a search). */
  private get totalCount(): number | null {
    if (!this.nextCursor) return this.items.length;
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

  /** Arrow keys, Home and End move between tabs (the ARIA tabs pattern, automatic activation). */
  private async handleTabKeydown(event: KeyboardEvent): Promise<void> {
    const status = tabAfterKey(invoiceStatusFilters, this.status, event.key);
    if (!status) return;
    event.preventDefault();
    this.selectTab(status);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${status}`)?.focus();
  }

  private handleSearchInput(event: InputEvent): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), searchDelayMs);
  }

  private handleSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.applySearch();
    } else if (event.key === 'Escape' && this.searchText) {
      event.preventDefault();
      this.clearSearch();
    }
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    const q = this.searchText.trim();
    if (q === this.q) return;
    this.q = q;
    this.filterChanged();
  }

  private clearSearch(): void {
    this.searchText = '';
    this.applySearch();
    this.searchInput?.focus();
  }

  private handleSort(sort: InvoiceSort): void {
    this.sort = sort;
    this.filterChanged();
  }

  // ---- Rows: paging, focus, opening ---------------------------------------------------------------

  private handleRangeChanged(event: RangeChangedEvent): void {
    if (event.last >= this.items.length - prefetchRows) void this.loadMore();
  }

  /** Keeps the table's tab stop on a row in view once the active one has scrolled away. */
  private handleVisibilityChanged(event: VisibilityChangedEvent): void {
    const focusedRow = this.renderRoot.querySelector('tbody tr:focus-within');
    if (focusedRow || (this.activeIndex >= event.first && this.activeIndex <= event.last)) return;
    this.activeIndex = Math.max(0, event.first);
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore || this.moreError) return;
    if (this.firstPage.status !== TaskStatus.COMPLETE) return;
    const generation = this.generation;
    this.loadingMore = true;
    try {
      const page = await this.client.listInvoices({ ...this.query, cursor: this.nextCursor });
      if (generation !== this.generation) return;
      this.items = [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      this.announcement = this.t.invoices.loadedMore(this.items.length, this.totalCount);
    } catch (error) {
      if (generation === this.generation) this.moreError = error;
    } finally {
      if (generation === this.generation) this.loadingMore = false;
    }
  }

  private retryMore(): void {
    this.moreError = undefined;
    void this.loadMore();
  }

  private rowAt(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tbody tr[aria-rowindex="${index + 2}"]`);
  }

  /** Focuses a row, first scrolling it into the rendered range when it is not in the DOM. */
  private async focusRow(index: number, block: ScrollLogicalPosition = 'nearest'): Promise<void> {
    const target = Math.min(Math.max(0, index), this.items.length - 1);
    this.activeIndex = target;
    await this.updateComplete;
    if (!this.rowAt(target) || block === 'center') {
      // The virtualizer lays out asynchronously: it can scroll to a row once it has rendered some.
      await this.waitFor(() => this.renderRoot.querySelector('tbody.rows tr'));
      try {
        virtualizerOf(this.body)?.element(target)?.scrollIntoView({ block });
      } catch {
        // Not laid out yet; focusing the row below still brings it into view once it is rendered.
      }
      await this.waitFor(() => this.rowAt(target));
    }
    this.rowAt(target)?.focus({ preventScroll: block === 'center' });
    if (target >= this.items.length - prefetchRows) void this.loadMore();
  }

  private async waitFor(found: () => unknown, frames = 30): Promise<void> {
    for (let frame = 0; frame < frames && !found(); frame++) await nextFrame();
  }

  private handleRowFocus(event: FocusEvent): void {
    const row = (event.target as Element).closest('tr');
    const index = Number(row?.getAttribute('aria-rowindex')) - 2;
    if (index >= 0 && index !== this.activeIndex) this.activeIndex = index;
  }

  private handleRowKeydown(event: KeyboardEvent, invoice: InvoiceSummary, index: number): void {
    const rows = this.scroller ? Math.max(1, Math.floor(this.scroller.clientHeight / 52) - 1) : 10;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + rows,
      PageUp: index - rows,
      Home: 0,
      End: this.items.length - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      void this.focusRow(to);
      return;
    }
    // Enter and Space open the invoice from the row itself; on the checkbox, Space ticks it.
    if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
      event.preventDefault();
      this.open(invoice, index);
    }
  }

  private handleRowClick(event: MouseEvent, invoice: InvoiceSummary, index: number): void {
    if ((event.target as Element).closest('.select-cell')) return;
    this.open(invoice, index);
  }

  /** The opened row becomes the table's tab stop, so focus can return to it (`restoreFocus`). */
  private open(invoice: InvoiceSummary, index: number): void {
    this.activeIndex = index;
    emit(this, 'ar-invoice-select', { invoice });
  }

  // ---- Selection --------------------------------------------------------------------------------

  private get selectable(): InvoiceSummary[] {
    return this.items.filter(isSelectable);
  }

  private setSelection(selected: Map<string, InvoiceSummary>): void {
    this.selected = selected;
    const invoices = [...selected.values()];
    this.announcement = invoices.length ? this.t.invoices.selected(invoices.length, this.selectionTotal(invoices)) : '';
    emit(this, 'ar-selection-change', { invoices });
  }

  private toggle(invoice: InvoiceSummary, checked: boolean): void {
    const selected = new Map(this.selected);
    if (checked) selected.set(invoice.id, invoice);
    else selected.delete(invoice.id);
    this.setSelection(selected);
  }

  private toggleAll(checked: boolean): void {
    const selected = new Map(this.selected);
    for (const invoice of this.selectable) {
      if (checked) selected.set(invoice.id, invoice);
      else selected.delete(invoice.id);
    }
    this.setSelection(selected);
  }

  private selectionTotal(invoices: InvoiceSummary[]): string {
    return sumByCurrency(invoices, this.locale || undefined);
  }

  private request(type: 'ar-pay-request' | 'ar-promise-request' | 'ar-dispute-request'): void {
    emit(this, type, { invoices: [...this.selected.values()] });
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    const signedOut = !this.session.store?.token;
    return html`<div class="base" part="base">
      ${
        signedOut
          ? html`<p class="empty" part="empty signed-out">${this.t.invoices.signedOut}</p>`
          : html`${this.renderAccountBar()} ${this.renderTabs()} ${this.renderSearch()}
              ${renderSelectionBar(this.selected, this.locale || undefined, this.t, {
                pay: () => this.request('ar-pay-request'),
                promise: () => this.request('ar-promise-request'),
                dispute: () => this.request('ar-dispute-request'),
                clear: () => this.setSelection(new Map()),
              })}
              <div id="invoices-panel" role="tabpanel" aria-labelledby="tab-${this.status}">${this.renderPanel()}</div>`
      }
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderAccountBar(): TemplateResult {
    const retry = () => {
      this.freshAccounts = true;
      void this.accountsTask.run();
    };
    return html`<div class="account-bar">
      ${this.accountsTask.render({
        pending: () => renderTotals(undefined, this.locale, this.t),
        complete: (list) => {
          const account = this.currentAccount;
          if (!list || !account) return nothing;
          return html`${renderAccountSwitcher(list.items, account, (next) => this.handleAccountChange(next), this.t)}
          ${renderTotals(account, this.locale, this.t, this.scope ? this.scopeNumbers : null)}`;
        },
        error: (error) => renderLoadError(this.t.account.totalsFailed, error, retry, this.t),
      })}
    </div>`;
  }

  private renderTabs(): TemplateResult {
    return renderTabs(this.status, this.currentAccount?.counts, this.locale || undefined, this.t, {
      select: (status) => this.selectTab(status),
      keydown: (event) => void this.handleTabKeydown(event),
    });
  }

  private renderSearch(): TemplateResult {
    return renderSearch(this.searchText, this.t, {
      input: (event) => this.handleSearchInput(event),
      keydown: (event) => this.handleSearchKeydown(event),
      clear: () => this.clearSearch(),
    });
  }

  private renderPanel(): TemplateResult {
    const sameList = this.loadedFor === `${this.account}|${this.status}`;
    return this.firstPage.render({
      initial: () => renderSkeleton(this.renderHead(false), this.t),
      // A new search or sort keeps the rows on screen (marked busy) instead of flashing a skeleton.
      pending: () =>
        sameList && this.items.length ? this.renderTable(true) : renderSkeleton(this.renderHead(false), this.t),
      complete: (result) => (result === 'signed-out' ? html`` : this.renderList()),
      error: (error) => renderLoadError(this.t.invoices.loadFailed, error, () => void this.firstPage.run(), this.t),
    });
  }

  private renderList(): TemplateResult {
    if (this.items.length === 0) {
      if (this.q) {
        return html`<div class="empty" part="empty no-match">
          <p>${this.t.invoices.noMatch(this.q)}</p>
          <button class="button secondary" part="button" type="button" @click=${this.clearSearch}>
            ${this.t.invoices.clearSearch}
          </button>
        </div>`;
      }
      if (this.scope) return this.renderScopedEmpty();
      return html`<div class="empty" part="empty" role="status">
        ${this.status === 'past_due' ? html`<span class="empty-icon" aria-hidden="true">✓</span>` : nothing}
        <p>${this.t.invoices.empty(this.status)}</p>
      </div>`;
    }
    const highlightMissing = this.highlight && !this.items.some((invoice) => invoice.number === this.highlight);
    return html`${highlightMissing ? html`<p class="note" role="status">${this.t.invoices.highlightMissing(this.highlight)}</p>` : nothing}
    ${this.renderTable(false)}
    ${
      this.moreError
        ? renderLoadError(this.t.invoices.loadMoreFailed, this.moreError, () => this.retryMore(), this.t)
        : this.loadingMore
          ? html`<p class="more pending" part="loading">
              <span class="spinner" aria-hidden="true"></span> ${this.t.invoices.loadingMore}
            </p>`
          : nothing
    }`;
  }

  /**
   * An Easy Pay session's empty tab: says it is about the link's invoices, that the account may have
   * others, and (alone on a page; the portal's note above offers it there) the way to sign in to it all.
   */
  private renderScopedEmpty(): TemplateResult {
    const numbers = this.scopeNumbers;
    const email = this.session.store?.info?.user.email ?? '';
    const standalone = !this.contextApi;
    return html`<div class="empty" part="empty empty-scoped">
      <div role="status">
        ${this.status === 'past_due' || this.status === 'open' ? html`<span class="empty-icon" aria-hidden="true">✓</span>` : nothing}
        <p>${this.t.invoices.scopedEmpty(this.status, numbers)}</p>
      </div>
      <p class="secondary">${this.t.invoices.scopedHint(numbers)}</p>
      ${
        !standalone
          ? nothing
          : this.upgrading
            ? html`<ar-login
                part="login"
                api=${this.api}
                audience="customer"
                locale=${this.locale}
                email=${email}
                target="invoices"
              ></ar-login>`
            : html`<button
                class="button"
                part="button whole-account-button"
                type="button"
                @click=${() => (this.upgrading = true)}
              >
                ${this.t.invoices.scopedSignIn}
              </button>`
      }
    </div>`;
  }

  /* eslint-disable lit-a11y/no-redundant-role -- see renderTable */
  private renderTable(busy: boolean): TemplateResult {
    const total = this.totalCount;
    // Explicit roles: the table's CSS display is changed for virtual scrolling, which drops the
    // implicit table semantics in some browsers.
    return html`<div class="table-scroll" part="table-scroll">
      <table
        part="table"
        role="table"
        class=${busy ? 'busy' : ''}
        aria-label=${this.t.invoices.caption}
        aria-rowcount=${total === null ? -1 : total + 1}
        aria-busy=${busy ? 'true' : 'false'}
      >
        ${this.renderHead(true)}
        <tbody
          class="rows"
          role="rowgroup"
          @rangeChanged=${this.handleRangeChanged}
          @visibilityChanged=${this.handleVisibilityChanged}
          @focusin=${this.handleRowFocus}
        >
          ${virtualize({
            items: this.items,
            keyFunction: (invoice: InvoiceSummary) => invoice.id,
            renderItem: (invoice: InvoiceSummary, index: number) => this.renderRow(invoice, index),
          })}
        </tbody>
      </table>
    </div>`;
  }

  private renderHead(interactive: boolean): TemplateResult {
    const selectable = this.selectable;
    const ticked = selectable.filter((invoice) => this.selected.has(invoice.id)).length;
    return html`<thead role="rowgroup">
      <tr role="row" part="header" aria-rowindex="1">
        <th role="columnheader" class="select-cell">
          ${
            interactive
              ? html`<input
                  type="checkbox"
                  part="checkbox"
                  aria-label=${this.t.invoices.selectAllLoaded}
                  ?disabled=${selectable.length === 0}
                  .checked=${selectable.length > 0 && ticked === selectable.length}
                  .indeterminate=${ticked > 0 && ticked < selectable.length}
                  @change=${(event: Event) => this.toggleAll((event.target as HTMLInputElement).checked)}
                />`
              : nothing
          }
        </th>
        ${columns.map((column) => {
          const sorted = ariaSort(column, this.sort);
          return html`<th
            role="columnheader"
            class=${column.className}
            aria-sort=${interactive && sorted !== 'none' ? sorted : nothing}
          >
            ${
              interactive
                ? html`<button
                    class="sort"
                    part="sort-button"
                    type="button"
                    @click=${() => this.handleSort(nextSort(column, this.sort))}
                  >
                    ${this.t.invoices[column.label]}<span class="sort-icon" aria-hidden="true"
                      >${{ ascending: '▲', descending: '▼', other: '↓', none: '↕' }[sorted]}</span
                    >
                  </button>`
                : this.t.invoices[column.label]
            }
          </th>`;
        })}
      </tr>
    </thead>`;
  }
  /* eslint-enable lit-a11y/no-redundant-role */

  private renderRow(invoice: InvoiceSummary, index: number): TemplateResult {
    const locale = this.locale || undefined;
    const highlighted = invoice.number === this.highlight;
    const checked = this.selected.has(invoice.id);
    const balance = formatMoney(invoice.balance, invoice.currency, locale);
    const inFlight = invoice.inFlight ? inFlightNotice(invoice, locale, this.t) : '';
    const noticeId = `in-flight-${invoice.id}`;
    const tabbable = index === this.activeIndex;
    const parts = ['row', highlighted ? 'row-highlighted' : '', checked ? 'row-selected' : ''].filter(Boolean);
    return html`<tr
      role="row"
      part=${parts.join(' ')}
      class=${classMap({ highlighted, checked, [invoice.status]: true })}
      tabindex=${tabbable ? '0' : '-1'}
      aria-rowindex=${index + 2}
      aria-current=${highlighted ? 'true' : nothing}
      aria-label=${this.t.invoices.rowLabel(invoice.number, balance, statusText(invoice, this.t), inFlight)}
      @click=${(event: MouseEvent) => this.handleRowClick(event, invoice, index)}
      @keydown=${(event: KeyboardEvent) => this.handleRowKeydown(event, invoice, index)}
    >
      <td role="cell" class="select-cell">
        ${
          isSelectable(invoice)
            ? html`<input
                type="checkbox"
                part="checkbox"
                tabindex=${tabbable ? '0' : '-1'}
                aria-label=${this.t.invoices.selectInvoice(invoice.number)}
                .checked=${checked}
                @change=${(event: Event) => this.toggle(invoice, (event.target as HTMLInputElement).checked)}
              />`
            : isFullyInFlight(invoice)
              ? // Being paid in full already: shown, and says why it cannot be ticked.
                html`<input
                  type="checkbox"
                  part="checkbox checkbox-disabled"
                  disabled
                  aria-label=${this.t.invoices.selectInvoice(invoice.number)}
                  aria-describedby=${noticeId}
                />`
              : nothing
        }
      </td>
      <th role="rowheader" part="number" class="col-number">
        <span class="invoice-number">${invoice.number}</span>
        ${invoice.poNumber ? html`<span class="secondary po">${this.t.invoices.po(invoice.poNumber)}</span>` : nothing}
        <span class="secondary due-inline">${this.t.invoices.dueOn(formatDate(invoice.dueDate, locale))}</span>
      </th>
      <td role="cell" class="col-issue">${formatDate(invoice.issueDate, locale)}</td>
      <td role="cell" class="col-due">${formatDate(invoice.dueDate, locale)}</td>
      <td role="cell" class="num col-total">${formatMoney(invoice.total, invoice.currency, locale)}</td>
      <td role="cell" class="num col-balance balance">
        ${balance}
        ${
          invoice.inFlight && invoice.payable > 0
            ? html`<span class="secondary left-to-pay"
                >${this.t.inFlight.leftToPay(formatMoney(invoice.payable, invoice.currency, locale))}</span
              >`
            : nothing
        }
      </td>
      <td role="cell" class="col-status">
        ${renderStatusBadge(invoice, this.t)}
        ${
          inFlight
            ? html`<span id=${noticeId} class="in-flight" part="in-flight"
                >${inFlight}${invoice.payable > 0 ? nothing : html`. ${this.t.inFlight.nothingLeft}`}</span
              >`
            : nothing
        }
      </td>
    </tr>`;
  }
}

/**
 * Only invoices with something left to pay can be paid, promised or disputed: a balance that
 * payments in flight do not already cover.
 */
function isSelectable(invoice: InvoiceSummary): boolean {
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
