import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import { renderTab, TabListController } from '../../../internal/tab-list-controller.js';
import { AdminElement } from '../shared/admin-element.js';
import type { ContactAccessEnded, CustomerSummaryPage, InvoiceStatusFilter } from '../shared/types.js';
import { forms, renderCollectorForm } from './actions/index.js';
import { ActionPanel } from './actions/panel.js';
import { act, findCustomers, getCustomer, listInvoices, listTab } from './api.js';
import { renderContacts, type ContactConfirm } from './contacts.js';
import { styles } from './customer.styles.js';
import { renderCustomerRows, renderFinder } from './finder.js';
import { renderHeader } from './header.js';
import {
  renderDisputes,
  renderInvoices,
  renderPayments,
  renderPromises,
  renderTimeline,
  type TabOptions,
} from './tabs.js';

const tabs = ['invoices', 'payments', 'promises', 'disputes', 'contacts', 'timeline'] as const;
type CustomerTab = (typeof tabs)[number];
const filters: readonly InvoiceStatusFilter[] = ['open', 'past_due', 'disputed', 'paid', 'all'];

/** A route segment decoded; a malformed escape as it is (the server answers 404 for it). */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The lists by tab (each tab's list answers its own contract type). */
const tabLists = {
  invoices: renderInvoices,
  payments: renderPayments,
  promises: renderPromises,
  disputes: renderDisputes,
  timeline: renderTimeline,
};

/**
 * The staff console's customer page. With an empty `path` it is the customer finder: a search box and
 * the customers by name, paged. With `<id>` or `<id>/<tab>` it is one customer: the header (balance,
 * past due, disputed, unapplied credit, collector, reminders, terms, address) and the tabs invoices,
 * payments, promises, disputes, contacts and timeline. Admins and collectors also get the actions:
 * record an offline payment with its cash application, apply unapplied credit, issue a credit note,
 * record a promise taken by phone, send a sign-in or Easy Pay link or a statement, pause or resume
 * reminders, assign the collector, add a note, and add or remove a contact or end its sessions (after
 * a confirm step). Viewers read only.
 *
 * @summary Staff console: find a customer and work its account.
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - What follows `customers` in the console's route: empty (the finder), `<id>` or `<id>/<tab>`.
 *
 * @event ar-admin-navigate - Asks `<ar-admin>` to go to another route (a customer, a tab, a dispute). `detail.route` is the route.
 *
 * @csspart finder - The customer finder.
 * @csspart header - The customer's header.
 * @csspart figures - The balance, past due, disputed and credit figures.
 * @csspart actions - The action buttons (admins and collectors).
 * @csspart action-button - Each action button.
 * @csspart panel - The open action's form.
 * @csspart submit-button - The form's submit button.
 * @csspart tab - Each tab (also `tab-selected`).
 * @csspart table - Each table's scrolling wrapper.
 * @csspart badge - Each status badge.
 * @csspart contacts - The contacts list; `contact` each contact; `confirm` a confirm step; `confirm-button` its button.
 * @csspart timeline - The account's events.
 * @csspart empty - An empty list.
 * @csspart error - A load error; `loading` the loading state; `button` every button.
 */
export class ArAdminCustomer extends AdminElement {
  static override styles = styles;

  // Declared without decorators: lowering them costs this chunk their helpers.
  static override properties: PropertyDeclarations = {
    path: {},
    q: { state: true },
    status: { state: true },
    cursor: { state: true },
    confirm: { state: true },
  };

  /** What follows the section in the console's route. */
  declare path: string;
  /** The finder's search, as submitted. */
  declare private q: string;
  /** The invoices tab's status filter. */
  declare private status: InvoiceStatusFilter;
  /** Keyset paging: this page's cursor (the cursors of the pages before it in `cursors`). */
  declare private cursor: string | undefined;
  /** A contact's confirm step under way. */
  declare private confirm: ContactConfirm | null;

  constructor() {
    super();
    this.path = '';
    this.q = '';
    this.status = 'open';
    this.confirm = null;
  }

  private cursors: (string | undefined)[] = [];

  private get customerId(): string {
    return decode(this.path.split('/')[0] ?? '');
  }

  private get tab(): CustomerTab {
    const tab = this.path.split('/')[1] as CustomerTab;
    return tabs.includes(tab) ? tab : 'invoices';
  }

  private readonly detailTask = new Task(this, {
    args: () => [this.client, this.session.token, this.customerId] as const,
    task: ([client, token, id], { signal }) => (token && id ? getCustomer(client, id, { signal }) : undefined),
  });

  /** The finder's page, or the tab's list (the contacts tab has none: they come with the header). */
  private readonly listTask = new Task(this, {
    args: () => [this.client, this.session.token, this.customerId, this.tab, this.q, this.status, this.cursor] as const,
    task: async ([client, token, id, tab, q, status, cursor], { signal }): Promise<unknown> => {
      if (!token) return undefined;
      if (!id) return findCustomers(client, q, cursor, { signal });
      if (tab === 'invoices') return listInvoices(client, id, { status, cursor }, { signal });
      if (tab === 'contacts') return undefined;
      return listTab(client, id, tab, cursor, { signal });
    },
  });

  private readonly panel = new ActionPanel(this, {
    client: () => this.client,
    detail: () => this.detailTask.value,
    w: () => this.w,
    t: () => this.t,
    locale: () => this.localeOrDefault,
    done: () => this.reload(),
  });

  private readonly tabList = new TabListController<CustomerTab>(this, {
    tabs: () => tabs,
    current: () => this.tab,
    select: (tab) => this.selectTab(tab),
    tabElement: (tab) => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`),
  });

  private selectTab(tab: CustomerTab): void {
    if (tab !== this.tab) this.navigate(`customers/${encodeURIComponent(this.customerId)}/${tab}`);
  }

  /** Loads the header and the list again (after an action). */
  reload(): void {
    void this.detailTask.run();
    void this.listTask.run();
  }

  /**
   * Not while out of the page: an answer landing after the console moved on (a reload after an action)
   * must not make this element ask for a client and session of its own.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.isConnected && super.shouldUpdate(changed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('path')) {
      const before = String(changed.get('path') ?? '');
      if (before.split('/')[0] !== this.customerId) {
        this.panel.close();
        this.panel.notice = '';
        this.confirm = null;
        this.status = 'open';
      }
      this.resetPaging();
    }
  }

  private resetPaging(): void {
    this.cursor = undefined;
    this.cursors = [];
  }

  private renderPager = (nextCursor: string | null): unknown => {
    if (!nextCursor && !this.cursors.length) return nothing;
    const shell = this.w.shell;
    return html`<nav class="pager" aria-label=${this.w.customer.pages}>
      <button
        class="button secondary"
        part="button"
        type="button"
        ?disabled=${!this.cursors.length}
        @click=${() => (this.cursor = this.cursors.pop())}
      >
        ${shell.previous}
      </button>
      <button
        class="button secondary"
        part="button"
        type="button"
        ?disabled=${!nextCursor}
        @click=${() => {
          this.cursors.push(this.cursor);
          this.cursor = nextCursor ?? undefined;
        }}
      >
        ${shell.next}
      </button>
    </nav>`;
  };

  // ---- Rendering ---------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (!this.customerId) {
      return renderFinder({
        w: this.w,
        locale: this.localeOrDefault,
        q: this.q,
        search: (q) => {
          this.q = q;
          this.resetPaging();
        },
        list: this.renderList(
          (page) =>
            renderCustomerRows(
              page as CustomerSummaryPage,
              { w: this.w, locale: this.localeOrDefault },
              this.renderPager((page as CustomerSummaryPage).nextCursor),
            ),
          this.w.customer.loadingList,
          this.w.customer.listFailed,
        ),
      });
    }
    const words = this.w.customer;
    // The header stays while it reloads after an action.
    const detail = this.detailTask.value?.id === this.customerId ? this.detailTask.value : undefined;
    return html`<div class="page">
      ${
        detail
          ? renderHeader(detail, {
              w: this.w,
              locale: this.localeOrDefault,
              canAct: this.canAct,
              panel: this.panel,
              resume: () =>
                void this.panel.run(async () => {
                  await act(this.client, detail.id, 'dunning/resume');
                  return words.done.resumed;
                }, true),
            })
          : this.detailTask.render({
              pending: () => renderPending(words.loading),
              error: (error) => renderLoadError(words.loadFailed, error, () => void this.detailTask.run(), this.t),
            })
      }
      <p id="notice" class="notice success" role="status" tabindex="-1" ?hidden=${!this.panel.notice}>
        ${this.panel.notice}
      </p>
      ${
        !this.panel.kind && this.panel.error
          ? html`<div class="notice danger" role="alert">
              <p><strong>${words.failed}</strong></p>
              <p>${this.panel.error}</p>
            </div>`
          : nothing
      }
      ${detail && this.canAct ? this.renderPanel() : nothing} ${detail ? this.renderTabs(detail) : nothing}
    </div>`;
  }

  private renderPanel(): unknown {
    const detail = this.detailTask.value!;
    const p = this.panel;
    if (p.kind !== 'collector') return p.kind ? forms[p.kind](p, detail) : nothing;
    const admin = this.staffRole === 'admin';
    if (admin && p.staff.status === TaskStatus.INITIAL) void p.staff.run();
    return renderCollectorForm(p, detail, admin, this.myStaffId);
  }

  /** The signed-in staff user, as the server knows them: `me` (a collector cannot read the staff list). */
  private get myStaffId(): string {
    return 'me';
  }

  private renderTabs(detail: NonNullable<ArAdminCustomer['detailTask']['value']>): TemplateResult {
    const words = this.w.customer;
    const current = this.tab;
    return html`<div class="tabs" role="tablist" aria-label=${words.tabsLabel} @keydown=${this.tabList.handleKeydown}>
        ${tabs.map((tab) =>
          renderTab(
            { id: `tab-${tab}`, selected: tab === current, controls: 'tab-panel', select: () => this.selectTab(tab) },
            words.tab(tab),
          ),
        )}
      </div>
      <div id="tab-panel" role="tabpanel" aria-labelledby="tab-${current}">
        ${current === 'contacts' ? this.renderContactsTab(detail) : this.renderTabList(current)}
      </div>`;
  }

  private renderTabList(tab: Exclude<CustomerTab, 'contacts'>): TemplateResult {
    const options: TabOptions = {
      w: this.w,
      t: this.t,
      locale: this.localeOrDefault,
      pager: this.renderPager,
    };
    const words = this.w.customer;
    const filter =
      tab === 'invoices'
        ? html`<div class="field filter">
            <label for="f-status">${words.statusFilter}</label>
            <select
              id="f-status"
              @change=${(e: Event) => {
                this.status = (e.target as HTMLSelectElement).value as InvoiceStatusFilter;
                this.resetPaging();
              }}
            >
              ${filters.map(
                (status) =>
                  html`<option value=${status} ?selected=${status === this.status}>
                    ${this.t.invoices.tab(status)}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing;
    return html`${filter}
    ${this.renderList((list) => tabLists[tab](list as never, options), words.tabLoading, words.tabFailed)}`;
  }

  private renderList(complete: (list: unknown) => unknown, loading: string, failed: string): unknown {
    return this.listTask.render({
      pending: () => renderPending(loading),
      error: (error) => renderLoadError(failed, error, () => void this.listTask.run(), this.t),
      complete: (list) => (list === undefined ? nothing : complete(list)),
    });
  }

  private renderContactsTab(detail: NonNullable<ArAdminCustomer['detailTask']['value']>): TemplateResult {
    const words = this.w.customer;
    return renderContacts(detail.contacts, {
      w: this.w,
      locale: this.localeOrDefault,
      canAct: this.canAct,
      busy: this.panel.busy,
      confirm: this.confirm,
      ask: async (confirm) => {
        this.confirm = confirm;
        this.panel.error = '';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(confirm ? '#confirm-button' : '#tab-contacts')?.focus();
      },
      confirmed: ({ kind, contact }) =>
        void this.panel.run(async () => {
          const path = `contacts/${encodeURIComponent(contact.id)}`;
          if (kind === 'remove') {
            await act(this.client, detail.id, path, undefined, undefined, 'DELETE');
            this.confirm = null;
            return words.done.removed;
          }
          const ended = await act<ContactAccessEnded>(this.client, detail.id, `${path}/sessions/end`);
          this.confirm = null;
          return words.done.ended(ended.sessions, ended.links);
        }, true),
      sendLink: (contact) => void this.panel.open('link', contact.id),
      add: () => void this.panel.open('contact'),
    });
  }
}
