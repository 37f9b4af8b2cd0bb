import { provide } from '@lit/context';
import { html, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { PorticoApi } from '../../internal/api.js';
import { porticoApiContext } from '../../internal/context.js';
import type { ArFilterChangeDetail, ArInvoicesDetail } from '../../internal/events.js';
import { emit } from '../../internal/events.js';
import { requestElement } from '../../internal/lazy.js';
import { hasLinkToken } from '../../internal/magic-link.js';
import type { ArPaymentList } from '../payment-list/payment-list.js';
import { linkTarget, parseRoute, type PortalRoute } from '../../internal/routes.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { renderLoadError, renderPending } from '../../internal/states.js';
import type { AccountList, Audience, InvoiceStatusFilter, SessionInfo } from '../../internal/types.js';
import type { ArInvoiceList } from '../invoice-list/invoice-list.js';
import { loadViewElement, placeFor, routeFor, type Place } from './places.js';
import { PortalHistoryController } from './history.js';
import { PortalLoads } from './loads.js';
import { prefetchFirstView } from '../invoice-list/first-page.js';
import { LogoutController } from './logout.js';
import { styles } from './portal.styles.js';
import { renderHeader, renderNav, renderScope, renderUpgrade, renderView, type ViewHandlers } from './views.js';

/**
 * @summary The customer portal: signs the person in (magic link or code), then shows their accounts
 * and invoices, each invoice in detail, paying one or several, promising to pay them by a date,
 * disputing lines of one, their payments with receipts, their promises, their disputes, and the
 * account statement.
 *
 * An Easy Pay session (from a pay link the company sent) sees only the invoices its link is for:
 * the portal says so ("This link is for INV-1032 only"), offers no statement, payments or promises, and offers
 * to sign in to the whole account with the session's email filled in.
 *
 * Lands on the route the sign-in link asked for (e.g. `invoices?status=past_due`, `invoices/INV-1042`
 * for that invoice's detail, `pay/INV-1042` to pay it, `promises`, `disputes/<id>`, `statement`), else on the Past due
 * tab when the account has past-due invoices, else on Open. When the server ends the session it returns to sign-in and, after it, to
 * where the person was. A session survives a reload of the tab (sessionStorage) and is checked with
 * the server first.
 *
 * Moving between views adds browser history entries that carry only state (the page's URL is left
 * alone, and whatever the host page keeps in `history.state` is kept), so Back and Forward move
 * between the portal's views. Set `no-history` when the host page manages history itself.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin.
 * @attr audience - `customer` (default) or `staff`: for staff the portal is the staff console, `<ar-admin>`.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates, e.g. `fr-FR`. Defaults to the browser's.
 * @attr target - The route to land on when the sign-in link names none, e.g. `invoices?status=all`.
 * @attr no-history - Keep the portal's views out of the browser's history.
 *
 * @event ar-login - A session started (bubbles from the inner `<ar-login>`). `detail` is the `SessionInfo`. Not fired for a session restored on reload.
 * @event ar-logout - The session ended. `detail.reason` is `logout`, `logout-everywhere` or `expired`.
 * @event ar-account-change - The person switched account (bubbles from the list or the statement). `detail.account` is the `AccountSummary`.
 * @event ar-invoice-select - An invoice row was activated (bubbles from `<ar-invoice-list>`); the portal opens its detail.
 *   `detail.invoice` is the `InvoiceSummary`.
 * @event ar-filter-change - The list's tab, search or sort changed (bubbles from `<ar-invoice-list>`). `detail` is `{status, q, sort}`.
 * @event ar-selection-change - Invoices were ticked or unticked in the list (bubbles from `<ar-invoice-list>`). `detail.invoices`
 *   is every ticked `InvoiceSummary`.
 * @event ar-pay-request - "Pay" for the ticked invoices (bubbles from `<ar-invoice-list>`); the portal opens the pay view.
 *   `detail.invoices` are the ticked `InvoiceSummary` rows, each with its `payable`.
 * @event ar-payment-succeeded - A payment went through (bubbles from `<ar-easy-pay>`); the portal refreshes the list.
 *   `detail` is the `PaymentView`.
 * @event ar-payment-processing - A bank payment was accepted and is settling (bubbles from `<ar-easy-pay>`); the portal
 *   refreshes the list. `detail` is the `PaymentView`.
 * @event ar-payment-failed - A payment was declined (`detail` is the `PaymentView`) or refused before any charge
 *   (`detail.error` is `{code, message}`); bubbles from `<ar-easy-pay>`.
 * @event ar-promise-request - "Promise to pay" for the ticked invoices (bubbles from `<ar-invoice-list>`) or for one
 *   invoice (from `<ar-invoice-detail>`); the portal opens the promise form. `detail.invoices`.
 * @event ar-promise-created - A promise to pay was recorded (bubbles from `<ar-promise-to-pay>`); the portal refreshes the list.
 *   `detail` is the `PromiseView`.
 * @event ar-promise-cancelled - An open promise was cancelled (bubbles from `<ar-promise-list>` or `<ar-promise-to-pay>`).
 *   `detail` is the `PromiseView`.
 * @event ar-dispute-request - "Dispute" for the ticked invoices (bubbles from `<ar-invoice-list>`) or one invoice (from `<ar-invoice-detail>`); the portal opens the dispute form for the first (a dispute is about one invoice). `detail.invoices`.
 * @event ar-dispute-opened - A dispute was opened (bubbles from `<ar-dispute-editor>`); the portal refreshes the list. `detail.dispute` is the `DisputeView`.
 * @event ar-dispute-view-request - A dispute was chosen (bubbles from the dispute form or list); the portal opens its page, `disputes/<id>`. `detail.dispute` is its id.
 * @event ar-dispute-message - A reply was posted to a dispute (bubbles from `<ar-dispute>`). `detail` is `{dispute, message}`.
 * @event ar-dispute-withdrawn - A dispute was withdrawn (bubbles from `<ar-dispute>`); the portal refreshes the list. `detail.dispute` is the `DisputeView`.
 * @event ar-navigate - "Back to invoices" in the detail or pay view (bubbles from them); the portal handles it.
 *   `detail.route` is `invoices`.
 *
 * @csspart base - The wrapper.
 * @csspart admin - For `audience="staff"`: the `<ar-admin>` console.
 * @csspart header - The top bar: company, user, log-out buttons.
 * @csspart company - The company name heading.
 * @csspart user - The signed-in user's email.
 * @csspart nav - The Invoices / Payments / Promises / Disputes / Statement navigation.
 * @csspart nav-link - Each navigation button (also `nav-link-current`).
 * @csspart button - Every button of the portal itself.
 * @csspart logout-button - "Log out".
 * @csspart logout-everywhere-button - "Log out everywhere".
 * @csspart retry-button - Retry after a failed load.
 * @csspart error - Error messages.
 * @csspart loading - The pending states.
 * @csspart notice - Informational messages.
 * @csspart login - The `<ar-login>` element.
 * @csspart invoice-list - The `<ar-invoice-list>` element; its parts are exported as `invoice-row`,
 *   `invoice-badge`, `invoice-table`, `invoice-totals`, `invoice-tabs` and `invoice-selection-bar`.
 * @csspart invoice-detail - The `<ar-invoice-detail>` element.
 * @csspart statement - The `<ar-statement>` element.
 * @csspart payment-list - The `<ar-payment-list>` element.
 * @csspart scope - An Easy Pay session's note about what its link covers.
 * @csspart scope-sign-in - Its "Sign in to see your whole account" button.
 * @csspart easy-pay - The `<ar-easy-pay>` element.
 * @csspart promise-to-pay - The `<ar-promise-to-pay>` element.
 * @csspart promise-list - The `<ar-promise-list>` element.
 * @csspart dispute-editor - The `<ar-dispute-editor>` element.
 * @csspart dispute-list - The `<ar-dispute-list>` element.
 * @csspart dispute - The `<ar-dispute>` element (one dispute's page).
 *
 * @cssprop --ar-color-primary - Buttons, links, the current view and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Past-due amounts and errors.
 * @cssprop --ar-color-warning - Disputed amounts and warnings.
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
 * @cssprop --ar-list-max-height - Height the invoice table scrolls within.
 */
export class ArPortal extends PorticoElement {
  static override styles = styles;
  /** The portal provides its client to the elements inside it; it consumes none. */
  protected static override consumesPortalApi = false;

  /** Who this portal is for: customers, or the company's AR staff. */
  @property() accessor audience: Audience = 'customer';

  /** Route to land on when the sign-in link names none. */
  @property() accessor target = '';

  /** Leaves browser history alone, for host pages whose own router owns `history.state`. */
  @property({ type: Boolean, attribute: 'no-history' }) accessor noHistory = false;

  /** @internal The API client every element inside the portal uses, so they share its session. */
  @provide({ context: porticoApiContext })
  @state()
  accessor providedApi: PorticoApi | undefined;

  @state() private accessor linkPending = false;
  @state() private accessor place: Place | null = null;
  @state() private accessor accountId = '';
  /** An Easy Pay session asked to sign in to the whole account: the sign-in form shows. */
  @state() private accessor upgrading = false;

  @query('ar-invoice-list') private accessor list!: ArInvoiceList | null;
  @query('ar-payment-list') private accessor payments!: ArPaymentList | null;
  @query('#view') private accessor view!: HTMLElement | null;

  /** The token of a session this page just started, which needs no check with the server. */
  private freshToken: string | null = null;
  private hadSession = false;
  private readonly history = new PortalHistoryController(this, {
    enabled: () => !this.noHistory,
    restore: (route) => {
      const place = this.place && placeFor(parseRoute(route), this.place.status);
      if (place) void this.go(place, 'none');
    },
  });

  private readonly logout = new LogoutController(
    this,
    () => this.client,
    () => this.t.portal.logoutEverywhereFailed,
  );
  private readonly loads = new PortalLoads(this, {
    client: () => this.client,
    token: () => this.session.token,
    freshToken: () => this.freshToken,
    land: (list) => this.land(list),
    prefetch: (client) =>
      prefetchFirstView(client, this.target, { status: this.place?.status, account: this.accountId }),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.hadSession = Boolean(this.client.session.info);
    this.linkPending = hasLinkToken();
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(): void {
    this.providedApi = this.client;
    if (this.audience === 'staff') requestElement('ar-admin');
    else loadViewElement(this.place, this);
  }

  // ---- Session and routing -----------------------------------------------------------------------

  private readonly handleHashChange = (): void => {
    if (hasLinkToken()) this.linkPending = true;
  };

  /**
   * A session started: from the sign-in form, or from the one an Easy Pay session opens to sign in
   * to the whole account (inside the portal or under an Easy Pay receipt). `<ar-login>` fires this in
   * the same task as it starts the session, before the portal re-renders it away.
   */
  private handleLogin(event: CustomEvent<SessionInfo>): void {
    this.linkPending = false;
    this.freshToken = this.client.session.token;
    // A link's target wins over where the person was; without one they go back there. Leaving an
    // Easy Pay session for the whole account lands anew.
    if (event.detail.target || this.upgrading || event.target !== this.loginElement) this.place = null;
    this.upgrading = false;
  }

  private get loginElement(): Element | null {
    return this.renderRoot.querySelector('ar-login');
  }

  protected override sessionChanged(): void {
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
    }
    this.upgrading = false;
    emit(this, 'ar-logout', { reason });
  }

  /** Picks the account and the view once accounts are known, unless the person is already somewhere. */
  private land(list: AccountList): void {
    const wanted = this.place ? null : (parseRoute(this.client.session.info?.target) ?? parseRoute(this.target));
    const account =
      list.items.find((item) => item.id === wanted?.account) ??
      list.items.find((item) => item.id === this.accountId) ??
      list.items[0];
    this.accountId = account?.id ?? '';
    if (this.place) return;
    const usual: InvoiceStatusFilter = account && account.pastDueCount > 0 ? 'past_due' : 'open';
    this.place = placeFor(wanted, usual) ?? { view: 'invoices', status: usual };
    this.writeHistory('replace');
  }

  private get route(): PortalRoute | null {
    return this.place ? routeFor(this.place, this.accountId) : null;
  }

  private get currentTarget(): string {
    const route = this.route;
    return route ? linkTarget(route) : this.target;
  }

  /** Records the current place in the browser's history. */
  private writeHistory(mode: 'push' | 'replace'): void {
    this.history.write(this.route, mode);
  }

  /** Moves to another view and puts focus where a keyboard or screen-reader user expects it. */
  private async go(place: Place, historyMode: 'push' | 'replace' | 'none'): Promise<void> {
    const from = this.place;
    this.place = place;
    if (historyMode !== 'none') this.writeHistory(historyMode);
    await this.updateComplete;
    if (place.view === 'invoices' && from?.view !== 'invoices') await this.list?.restoreFocus();
    else if (place.view !== from?.view || place.view === 'invoice' || place.view === 'disputes') this.view?.focus();
  }

  // ---- Actions -----------------------------------------------------------------------------------

  private get status(): InvoiceStatusFilter {
    return this.place?.status ?? 'open';
  }

  /** "Pay", "Promise to pay" or "Dispute" for the list's ticked invoices (or one invoice's, from its detail or dispute). */
  private handleInvoicesRequest(view: 'pay' | 'promise' | 'dispute', event: CustomEvent<ArInvoicesDetail>): void {
    const invoices = event.detail.invoices.map((invoice) => invoice.number);
    if (invoices.length) void this.go({ view, status: this.status, invoices }, 'push');
  }

  /** Balances, payments in flight, promises or disputes changed: the list (kept in the page) and totals load again. */
  private handleInvoicesChanged(): void {
    this.list?.refresh();
    this.payments?.refresh();
  }

  private async handleUpgrade(upgrading: boolean): Promise<void> {
    this.upgrading = upgrading;
    await this.updateComplete;
    if (upgrading) this.renderRoot.querySelector<HTMLElement>('#upgrade')?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="scope-sign-in"]')?.focus();
  }

  /** An element asked for a route (`ar-navigate`, or `disputes/<id>` for `ar-dispute-view-request`). */
  private navigate(route: string): void {
    const place = placeFor(parseRoute(route), this.status);
    if (place) void this.go(place, 'push');
  }

  private handleFilterChange(event: CustomEvent<ArFilterChangeDetail>): void {
    if (this.place?.view !== 'invoices') return;
    this.place = { view: 'invoices', status: event.detail.status };
    this.writeHistory('replace');
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    // Staff get the console, which signs them in itself.
    if (this.audience === 'staff') {
      return html`<ar-admin
        part="admin"
        api=${this.api}
        locale=${this.locale}
        ?no-history=${this.noHistory}
      ></ar-admin>`;
    }
    const signedIn = Boolean(this.session.store.info) && !this.linkPending;
    return html`<div class="base" part="base" @ar-login=${this.handleLogin}>
      ${
        signedIn
          ? this.loads.session.render({
              initial: () => renderPending(this.t.portal.checkingSession),
              pending: () => renderPending(this.t.portal.checkingSession),
              error: (error) =>
                renderLoadError(this.t.portal.sessionFailed, error, () => void this.loads.session.run(), this.t),
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
    ></ar-login>`;
  }

  private renderSignedIn(info: SessionInfo): TemplateResult {
    return html`${renderHeader(info, this.loads.accounts.value?.company.name, this.logout, this.t)}
    ${this.renderCustomer(info)}`;
  }

  private renderCustomer(info: SessionInfo): TemplateResult {
    return this.loads.accounts.render({
      initial: () => renderPending(this.t.portal.loadingAccounts),
      pending: () => renderPending(this.t.portal.loadingAccounts),
      error: (error) =>
        renderLoadError(this.t.portal.accountsFailed, error, () => void this.loads.accounts.run(), this.t),
      complete: (list) => {
        const account = list?.items.find((item) => item.id === this.accountId);
        const place = this.place;
        if (!list || !account || !place) return html`<p class="notice" part="notice">${this.t.portal.noAccounts}</p>`;
        const scope = renderScope(
          info,
          this.loads.scope.value ?? [],
          this.upgrading,
          () => void this.handleUpgrade(true),
          this.t,
        );
        if (this.upgrading && info.scope) {
          const login = { api: this.api, locale: this.locale };
          return html`${scope} ${renderUpgrade(info, login, () => void this.handleUpgrade(false), this.t)}`;
        }
        // An Easy Pay session sees only its invoices: no payments, no statement.
        const scoped = Boolean(this.client.session.info?.scope);
        const go: Parameters<typeof renderNav>[2] = (view) => void this.go({ view, status: this.status }, 'push');
        return html`${scope} ${renderNav(place, scoped, go, this.t)}
        ${renderView(place, { accountId: this.accountId, locale: this.locale }, this.viewHandlers, this.t)}`;
      },
    });
  }

  private readonly viewHandlers: ViewHandlers = {
    invoiceSelect: (event) =>
      void this.go({ view: 'invoice', status: this.status, invoice: event.detail.invoice.number }, 'push'),
    filterChange: (event) => this.handleFilterChange(event),
    accountChange: (event) => {
      this.accountId = event.detail.account.id;
      this.writeHistory('replace');
    },
    payRequest: (event) => this.handleInvoicesRequest('pay', event),
    promiseRequest: (event) => this.handleInvoicesRequest('promise', event),
    disputeRequest: (event) => this.handleInvoicesRequest('dispute', event),
    disputeView: (event) => this.navigate(`disputes/${event.detail.dispute}`),
    navigate: (event) => this.navigate(event.detail.route),
    invoicesChanged: () => this.handleInvoicesChanged(),
  };
}
