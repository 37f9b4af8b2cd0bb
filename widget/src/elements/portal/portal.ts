import { provide } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { apiFor, type PorticoApi } from '../../internal/api.js';
import { porticoApiContext } from '../../internal/context.js';
import { emit } from '../../internal/events.js';
import { formatMoney } from '../../internal/format.js';
import { hasLinkToken } from '../../internal/magic-link.js';
import { formatRoute, invoiceStatusFilters, parseRoute, type PortalRoute } from '../../internal/routes.js';
import { SessionController } from '../../internal/session-store.js';
import { renderLoadError, renderPending } from '../../internal/states.js';
import { strings } from '../../internal/strings.js';
import type { AccountList, AccountSummary, Audience, InvoiceStatusFilter, SessionInfo } from '../../internal/types.js';
import { styles } from './portal.styles.js';

const p = strings.portal;

/** Where the portal is: always the invoice list for now, on one tab, maybe with one invoice highlighted. */
type InvoicesPlace = { view: 'invoices'; status: InvoiceStatusFilter; invoice?: string };

/** Routes whose own view is a later issue; the portal lands on the list and says so. */
type ComingSoon = { view: 'pay'; invoice: string } | { view: 'statement' } | null;

/**
 * @summary The customer portal: signs the person in (magic link or code), then shows their accounts
 * and invoices, most urgent first.
 *
 * Lands on the route the sign-in link asked for (e.g. `invoices?status=past_due`, `invoices/INV-1042`),
 * else on the Past due tab when the account has past-due invoices, else on Open. When the server ends
 * the session it returns to sign-in and, after it, to where the person was. A session survives a
 * reload of the tab (sessionStorage) and is checked with the server first.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin.
 * @attr audience - `customer` (default) or `staff`.
 * @attr locale - BCP 47 locale for money and dates, e.g. `fr-FR`. Defaults to the browser's.
 * @attr target - The route to land on when the sign-in link names none, e.g. `invoices?status=all`.
 *
 * @event ar-login - A session started (bubbles from the inner `<ar-login>`). `detail` is the `SessionInfo`. Not fired for a session restored on reload.
 * @event ar-logout - The session ended. `detail.reason` is `logout`, `logout-everywhere` or `expired`.
 * @event ar-account-change - The person switched account. `detail.account` is the `AccountSummary`.
 * @event ar-invoice-select - An invoice row was activated (bubbles from `<ar-invoice-list>`).
 *
 * @csspart base - The wrapper.
 * @csspart header - The top bar: company, user, log-out buttons.
 * @csspart company - The company name heading.
 * @csspart user - The signed-in user's email.
 * @csspart account-select - The account switcher (only for people with several accounts).
 * @csspart summary - Balance, past-due and credit totals of the account.
 * @csspart tabs - The status tab list.
 * @csspart tab - Each status tab (also `tab-selected`).
 * @csspart button - Every button.
 * @csspart notice - Informational messages.
 * @csspart login - The `<ar-login>` element.
 * @csspart invoice-list - The `<ar-invoice-list>` element; its parts are exported as `invoice-row`,
 *   `invoice-badge`, `invoice-table` and `invoice-load-more`.
 *
 * @cssprop --ar-color-primary - Buttons, links, the selected tab and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Past-due amounts and errors.
 * @cssprop --ar-color-warning - Warnings.
 * @cssprop --ar-color-success - Paid and confirmations.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Secondary text.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Borders.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArPortal extends LitElement {
  static override styles = styles;

  /** Base URL of the Portico server; empty means this page's origin. */
  @property() accessor api = '';

  /** Who this portal is for: customers, or the company's AR staff. */
  @property() accessor audience: Audience = 'customer';

  /** Locale for money and dates. */
  @property() accessor locale = '';

  /** Route to land on when the sign-in link names none. */
  @property() accessor target = '';

  /** The API client every element inside the portal uses, so they share its session. */
  @provide({ context: porticoApiContext })
  @state()
  accessor providedApi: PorticoApi | undefined;

  @state() private accessor linkPending = false;
  @state() private accessor place: InvoicesPlace | null = null;
  @state() private accessor comingSoon: ComingSoon = null;
  @state() private accessor accountId = '';
  @state() private accessor loggingOut = false;
  @state() private accessor logoutError = '';

  private readonly session = new SessionController(this, () => this.handleSessionChange());
  /** The token of a session this page just started, which needs no check with the server. */
  private freshToken: string | null = null;
  private hadSession = false;

  private get client(): PorticoApi {
    return apiFor(this.api);
  }

  /** Checks a session restored from sessionStorage with the server (a 401 ends it). */
  private readonly sessionTask = new Task(this, {
    args: () => [this.client, this.session.store?.token ?? null] as const,
    task: async ([client, token], { signal }): Promise<SessionInfo | null> => {
      if (!token) return null;
      if (token === this.freshToken) return client.session.info;
      return client.getSession({ signal });
    },
  });

  /** Runs once the session is confirmed, so a stale session costs one request, not several. */
  private readonly accountsTask = new Task(this, {
    args: () =>
      [this.client, this.confirmedSession?.audience === 'customer' ? this.session.store?.token : null] as const,
    task: async ([client, token], { signal }): Promise<AccountList | null> => {
      if (!token) return null;
      const list = await client.listAccounts({ signal });
      this.land(list);
      return list;
    },
  });

  private get confirmedSession(): SessionInfo | null {
    return this.sessionTask.status === TaskStatus.COMPLETE ? (this.sessionTask.value ?? null) : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.store = this.client.session;
    this.hadSession = Boolean(this.client.session.info);
    this.linkPending = hasLinkToken();
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(): void {
    this.session.store = this.client.session;
    this.providedApi = this.client;
  }

  // ---- Session and routing -----------------------------------------------------------------------

  private readonly handleHashChange = (): void => {
    if (hasLinkToken()) this.linkPending = true;
  };

  private handleLogin(event: CustomEvent<SessionInfo>): void {
    this.linkPending = false;
    this.freshToken = this.client.session.token;
    // A link's target wins over where the person was; without one they go back there.
    if (event.detail.target) this.place = null;
  }

  private handleSessionChange(): void {
    const store = this.client.session;
    if (store.info) {
      this.hadSession = true;
      return;
    }
    if (!this.hadSession) return;
    this.hadSession = false;
    const reason = store.endReason ?? 'logout';
    if (reason !== 'expired') {
      this.place = null;
      this.accountId = '';
      this.comingSoon = null;
    }
    emit(this, 'ar-logout', { reason });
  }

  /** Picks the account and the tab once accounts are known, unless the person is already somewhere. */
  private land(list: AccountList): void {
    const wanted = this.place ? null : (parseRoute(this.client.session.info?.target) ?? parseRoute(this.target));
    const account =
      list.items.find((item) => item.id === wanted?.account) ??
      list.items.find((item) => item.id === this.accountId) ??
      list.items[0];
    this.accountId = account?.id ?? '';
    if (this.place) return;
    const usual: InvoiceStatusFilter = account && account.pastDueCount > 0 ? 'past_due' : 'open';
    this.comingSoon = wanted?.view === 'pay' || wanted?.view === 'statement' ? wanted : null;
    this.place = placeFor(wanted, usual);
  }

  private get currentTarget(): string {
    if (!this.place) return this.target;
    return formatRoute({ ...this.place, ...(this.accountId ? { account: this.accountId } : {}) });
  }

  // ---- Actions -----------------------------------------------------------------------------------

  private handleAccountChange(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    const account = this.accountsTask.value?.items.find((item) => item.id === id);
    if (!account) return;
    this.accountId = id;
    this.place = { view: 'invoices', status: this.place?.status ?? 'open' };
    this.comingSoon = null;
    emit(this, 'ar-account-change', { account });
  }

  private selectTab(status: InvoiceStatusFilter): void {
    this.place = { view: 'invoices', status };
    this.comingSoon = null;
  }

  /** Arrow keys, Home and End move between tabs (the ARIA tabs pattern, automatic activation). */
  private async handleTabKeydown(event: KeyboardEvent): Promise<void> {
    const current = invoiceStatusFilters.indexOf(this.place?.status ?? 'open');
    const last = invoiceStatusFilters.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const status = invoiceStatusFilters[(next + last + 1) % (last + 1)] ?? 'open';
    this.selectTab(status);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${status}`)?.focus();
  }

  private async handleLogout(): Promise<void> {
    this.loggingOut = true;
    this.logoutError = '';
    await this.client.logout();
    this.loggingOut = false;
  }

  private async handleLogoutEverywhere(): Promise<void> {
    this.loggingOut = true;
    this.logoutError = '';
    try {
      await this.client.logoutEverywhere();
    } catch {
      this.logoutError = p.logoutEverywhereFailed;
    } finally {
      this.loggingOut = false;
    }
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    const signedIn = Boolean(this.session.store?.info) && !this.linkPending;
    return html`<div class="base" part="base">
      ${
        signedIn
          ? this.sessionTask.render({
              initial: () => renderPending(p.checkingSession),
              pending: () => renderPending(p.checkingSession),
              error: (error) => renderLoadError(p.sessionFailed, error, () => void this.sessionTask.run()),
              complete: (info) => (info ? this.renderSignedIn(info) : this.renderLogin()),
            })
          : this.renderLogin()
      }
    </div>`;
  }

  private renderLogin(): TemplateResult {
    return html`<ar-login
      part="login"
      api=${this.api}
      audience=${this.audience}
      locale=${this.locale}
      target=${this.currentTarget}
      @ar-login=${this.handleLogin}
    ></ar-login>`;
  }

  private renderSignedIn(info: SessionInfo): TemplateResult {
    const list = this.accountsTask.value;
    return html`
      <header part="header">
        <div class="brand">
          <h2 part="company">${list?.company.name ?? p.portalName(info.audience)}</h2>
          ${info.audience === 'staff' ? nothing : html`<p class="subtitle">${p.portalName(info.audience)}</p>`}
        </div>
        <div class="user">
          <span class="email" part="user"><span class="visually-hidden">${p.signedInAs} </span>${info.user.email}</span>
          <div class="logout">
            <button
              class="button secondary"
              part="button logout-button"
              type="button"
              ?disabled=${this.loggingOut}
              @click=${this.handleLogout}
            >
              ${p.logout}
            </button>
            <button
              class="button secondary"
              part="button logout-everywhere-button"
              type="button"
              ?disabled=${this.loggingOut}
              @click=${this.handleLogoutEverywhere}
            >
              ${p.logoutEverywhere}
            </button>
          </div>
        </div>
      </header>
      ${this.logoutError ? html`<p class="notice danger" part="notice" role="alert">${this.logoutError}</p>` : nothing}
      ${info.audience === 'staff' ? this.renderStaff(info) : this.renderCustomer()}
    `;
  }

  private renderStaff(info: SessionInfo): TemplateResult {
    return html`<section class="staff" aria-labelledby="staff-heading">
      <h3 id="staff-heading">${p.signedInAs}</h3>
      <p class="staff-user">
        <strong>${info.user.name}</strong> <span>${info.user.email}</span>
        ${info.user.role ? html`<span class="role">(${p.staffRole(info.user.role)})</span>` : nothing}
      </p>
      <p class="notice" part="notice">${p.staffComingSoon}</p>
    </section>`;
  }

  private renderCustomer(): TemplateResult {
    return this.accountsTask.render({
      initial: () => renderPending(p.loadingAccounts),
      pending: () => renderPending(p.loadingAccounts),
      error: (error) => renderLoadError(p.accountsFailed, error, () => void this.accountsTask.run()),
      complete: (list) => {
        const account = list?.items.find((item) => item.id === this.accountId);
        if (!list || !account || !this.place) return html`<p class="notice" part="notice">${p.noAccounts}</p>`;
        return html`${this.renderAccountBar(list, account)} ${this.renderComingSoon()}
        ${this.renderInvoices(this.place)}`;
      },
    });
  }

  private renderAccountBar(list: AccountList, account: AccountSummary): TemplateResult {
    const locale = this.locale || undefined;
    return html`<div class="account-bar">
      ${
        list.items.length > 1
          ? html`<div class="account-switch">
              <label for="account">${p.accountLabel}</label>
              <select id="account" part="account-select" @change=${this.handleAccountChange}>
                ${list.items.map(
                  (item) => html`<option value=${item.id} ?selected=${item.id === account.id}>${item.name}</option>`,
                )}
              </select>
            </div>`
          : html`<p class="account-name">${account.name}</p>`
      }
      <dl class="summary" part="summary">
        <div>
          <dt>${p.balance}</dt>
          <dd>${formatMoney(account.balance, account.currency, locale)}</dd>
        </div>
        <div class=${account.pastDue > 0 ? 'past-due' : ''}>
          <dt>${p.pastDue}</dt>
          <dd>${formatMoney(account.pastDue, account.currency, locale)}</dd>
        </div>
        ${
          account.credit > 0
            ? html`<div>
                <dt>${p.credit}</dt>
                <dd>${formatMoney(account.credit, account.currency, locale)}</dd>
              </div>`
            : nothing
        }
      </dl>
    </div>`;
  }

  private renderComingSoon(): TemplateResult | typeof nothing {
    if (!this.comingSoon) return nothing;
    const text = this.comingSoon.view === 'pay' ? p.payComingSoon(this.comingSoon.invoice) : p.statementComingSoon;
    return html`<p class="notice" part="notice" role="status">${text}</p>`;
  }

  private renderInvoices(place: InvoicesPlace): TemplateResult {
    const account = this.accountsTask.value?.items.find((item) => item.id === this.accountId);
    return html`
      <div class="tabs" part="tabs" role="tablist" aria-label=${p.tabsLabel} @keydown=${this.handleTabKeydown}>
        ${invoiceStatusFilters.map((status) => {
          const selected = status === place.status;
          const count =
            status === 'past_due' ? account?.pastDueCount : status === 'open' ? account?.openCount : undefined;
          return html`<button
            id="tab-${status}"
            part=${selected ? 'tab tab-selected' : 'tab'}
            role="tab"
            type="button"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="invoices-panel"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.selectTab(status)}
          >
            ${strings.invoices.tab(status)}${count ? html` <span class="count">${count}</span>` : nothing}
          </button>`;
        })}
      </div>
      <div id="invoices-panel" role="tabpanel" aria-labelledby="tab-${place.status}">
        <ar-invoice-list
          part="invoice-list"
          exportparts="row: invoice-row, badge: invoice-badge, table: invoice-table, load-more: invoice-load-more"
          account=${this.accountId}
          status=${place.status}
          locale=${this.locale}
          highlight=${place.invoice ?? ''}
        ></ar-invoice-list>
      </div>
    `;
  }
}

/** The list place for a wanted route; `usual` is the tab for an account's first visit. */
function placeFor(wanted: PortalRoute | null, usual: InvoiceStatusFilter): InvoicesPlace {
  switch (wanted?.view) {
    case 'invoices':
      return {
        view: 'invoices',
        status: wanted.status ?? (wanted.invoice ? 'all' : usual),
        ...(wanted.invoice ? { invoice: wanted.invoice } : {}),
      };
    case 'pay':
      return { view: 'invoices', status: 'all', invoice: wanted.invoice };
    default:
      return { view: 'invoices', status: usual };
  }
}
