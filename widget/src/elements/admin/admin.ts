import { provide } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PorticoApi } from '../../internal/api.js';
import { porticoApiContext } from '../../internal/context.js';
import { renderLoadError, renderPending } from '../../internal/states.js';
import type { SessionInfo } from '../../internal/types.js';
import '../login/define.js';
import { styles } from './admin.styles.js';
import { AdminElement } from './shared/admin-element.js';
import type { ArAdminNavigateDetail } from './shared/navigate.js';
import {
  allowed,
  formatAdminRoute,
  landing,
  locationFor,
  parseAdminRoute,
  routeInLocation,
  sections,
  type AdminRoute,
  type AdminSection,
} from './routes.js';
import { loadView } from './views.js';

/**
 * The staff console: where AR staff run collections. Drop it on an intranet page as customers get
 * `<ar-portal>`: it signs staff in with a magic link (`<ar-login audience="staff">`), then shows the
 * overview, the worklist, customers, the disputes, promises and payments queues, settings (admins)
 * and the audit log. Each view is a chunk fetched the first time it is opened. Roles are enforced by
 * the server; the console hides what a role cannot do.
 *
 * The current route rides in the page's fragment (`#admin/customers/cus_1`), so Back, Forward and
 * bookmarks work; `no-history` leaves the address and history alone for pages with their own router.
 *
 * @summary The AR staff console: overview, worklist, customers, queues, settings and audit log.
 *
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates (`en`, `fr`, `es`, `de`, or a regional tag of one); empty means the browser's.
 * @attr route - The console route to show (`worklist`, `customers/cus_1` …); it follows the person as they move.
 * @attr no-history - Leave the page's address and history alone.
 *
 * @event ar-login - A staff session started (bubbles from the inner `<ar-login>`).
 * @event ar-admin-route - The console moved to another route. `detail` is `{route}`.
 *
 * @csspart header - The top bar: console name, who is signed in, Sign out.
 * @csspart nav - The navigation between the console's sections.
 * @csspart view - The area that holds the current view.
 * @csspart login - The `<ar-login>` shown while signed out.
 * @csspart notice - Notices (a customer session, a refused page).
 *
 * @cssprop --ar-color-primary - Buttons, links, the current section.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Secondary text.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Borders.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArAdmin extends AdminElement {
  static override styles = styles;
  protected static override consumesPortalApi = false;

  /** The route shown; set it to move the console, read it to know where the person is. */
  @property({ reflect: true }) accessor route = '';

  /** Leaves the page's address and history alone. */
  @property({ type: Boolean, attribute: 'no-history' }) accessor noHistory = false;

  /** @internal The client every view inside the console uses, so they share its session. */
  @provide({ context: porticoApiContext })
  @state()
  accessor providedApi: PorticoApi | undefined;

  /** The view's chunk: loading, loaded, or failed (with the error, and a retry). */
  @state() private accessor viewState: { section: AdminSection; error?: unknown; ready?: boolean } | null = null;
  @state() private accessor checked = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handleLocation);
    window.addEventListener('hashchange', this.handleLocation);
    this.addEventListener('ar-admin-navigate', this.handleNavigate as EventListener);
    if (!this.noHistory && !this.route) this.route = formatOrEmpty(routeInLocation());
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handleLocation);
    window.removeEventListener('hashchange', this.handleLocation);
    this.removeEventListener('ar-admin-navigate', this.handleNavigate as EventListener);
  }

  /** Asks the server who the stored session is, once, so a revoked or customer session is not shown as staff. */
  private async checkSession(): Promise<void> {
    if (!this.client.session.token) {
      this.checked = true;
      return;
    }
    try {
      await this.client.getSession();
    } catch {
      // A 401 has ended the session (the sign-in form shows); anything else keeps what is stored.
    }
    this.checked = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.providedApi = this.client;
    const current = this.current;
    // Landing (no route yet): the landing route becomes the route, so Back can return to it.
    if (current && !this.route) {
      this.route = formatAdminRoute(current);
      if (!this.noHistory) history.replaceState(history.state, '', locationFor(current));
    }
    if (current && allowed(current.section, this.staffRole) && this.viewState?.section !== current.section) {
      this.startLoading(current.section);
    }
    if (changed.has('route') && this.route && !this.noHistory) {
      const route = parseAdminRoute(this.route);
      if (route && formatOrEmpty(routeInLocation()) !== this.route)
        history.replaceState(history.state, '', locationFor(route));
    }
  }

  private startLoading(section: AdminSection): void {
    this.viewState = { section };
    loadView(section).then(
      () => {
        if (this.viewState?.section === section) this.viewState = { section, ready: true };
      },
      (error: unknown) => {
        if (this.viewState?.section === section) this.viewState = { section, error };
      },
    );
  }

  /** The route to show: the `route` attribute, else where a staff link asked to land, else the role's landing. */
  private get current(): AdminRoute | null {
    const info = this.client.session.info;
    if (!info || info.audience !== 'staff') return null;
    return parseAdminRoute(this.route) ?? parseAdminRoute(info.target) ?? landing(this.staffRole);
  }

  private readonly handleNavigate = (event: CustomEvent<ArAdminNavigateDetail>): void => {
    event.stopPropagation();
    this.go(event.detail.route, event.detail.replace ? 'replace' : 'push');
  };

  private readonly handleLocation = (): void => {
    if (this.noHistory) return;
    const route = routeInLocation();
    if (route && formatAdminRoute(route) !== this.route) this.route = formatAdminRoute(route);
  };

  /** Moves to `text` (ignored when it is no console route), recording it in history unless `no-history`. */
  go(text: string, mode: 'push' | 'replace' = 'push'): void {
    const route = parseAdminRoute(text);
    if (!route) return;
    const next = formatAdminRoute(route);
    if (next === this.route) return;
    if (!this.noHistory) {
      if (mode === 'push') history.pushState(history.state, '', locationFor(route));
      else history.replaceState(history.state, '', locationFor(route));
    }
    this.route = next;
    this.dispatchEvent(new CustomEvent('ar-admin-route', { detail: { route: next }, bubbles: true, composed: true }));
  }

  protected override sessionChanged(): void {
    if (!this.client.session.info) this.viewState = null;
  }

  protected override render(): TemplateResult {
    const info = this.client.session.info;
    if (!info) return this.renderLogin();
    if (!this.checked) return renderPending(this.w.shell.loadingView);
    if (info.audience !== 'staff') {
      return html`<p class="notice" part="notice">${this.w.shell.notStaff}</p>
        <button class="button secondary" type="button" @click=${() => void this.client.logout()}>
          ${this.w.shell.signOut}
        </button>`;
    }
    const route = this.current!;
    return html`${this.renderHeader(info)}
      <div class="layout">
        ${this.renderNav(route.section)}
        <main id="view" part="view" tabindex="-1" aria-label=${this.w.shell[route.section]}>
          ${this.renderView(route)}
        </main>
      </div>`;
  }

  private renderLogin(): TemplateResult {
    return html`<ar-login part="login" api=${this.api} audience="staff" locale=${this.locale}></ar-login>`;
  }

  private renderHeader(info: SessionInfo): TemplateResult {
    const role = info.user.role;
    return html`<header part="header">
      <h2>${this.w.shell.consoleName}</h2>
      <div class="user">
        <span
          >${role ? this.w.shell.signedInAs(info.user.name || info.user.email, this.w.shell.role(role)) : info.user.email}</span
        >
        <button class="button secondary" type="button" @click=${() => void this.client.logout()}>
          ${this.w.shell.signOut}
        </button>
      </div>
    </header>`;
  }

  private renderNav(current: AdminSection): TemplateResult {
    const shown = sections.filter((section) => allowed(section, this.staffRole));
    return html`<nav part="nav" aria-label=${this.w.shell.nav}>
      <ul>
        ${shown.map(
          (section) =>
            html`<li>
              <a
                href=${`#admin/${section}`}
                aria-current=${current === section ? 'page' : nothing}
                @click=${(event: MouseEvent) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  this.go(section);
                }}
                >${this.w.shell[section]}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderView(route: AdminRoute): TemplateResult {
    if (!allowed(route.section, this.staffRole)) {
      return html`<p class="notice" part="notice" role="alert">${this.w.shell.forbidden}</p>`;
    }
    const loaded = this.viewState;
    if (loaded?.error !== undefined && loaded.section === route.section) {
      return renderLoadError(this.w.shell.viewFailed, loaded.error, () => this.startLoading(route.section), this.t);
    }
    if (!loaded?.ready || loaded.section !== route.section) return renderPending(this.w.shell.loadingView);
    const { path } = route;
    switch (route.section) {
      case 'overview':
        return html`<ar-admin-overview .path=${path} api=${this.api} locale=${this.locale}></ar-admin-overview>`;
      case 'worklist':
        return html`<ar-admin-worklist .path=${path} api=${this.api} locale=${this.locale}></ar-admin-worklist>`;
      case 'customers':
        return html`<ar-admin-customer .path=${path} api=${this.api} locale=${this.locale}></ar-admin-customer>`;
      case 'disputes':
        return html`<ar-admin-disputes .path=${path} api=${this.api} locale=${this.locale}></ar-admin-disputes>`;
      case 'promises':
        return html`<ar-admin-promises .path=${path} api=${this.api} locale=${this.locale}></ar-admin-promises>`;
      case 'payments':
        return html`<ar-admin-payments .path=${path} api=${this.api} locale=${this.locale}></ar-admin-payments>`;
      case 'settings':
        return html`<ar-admin-settings .path=${path} api=${this.api} locale=${this.locale}></ar-admin-settings>`;
      case 'audit':
        return html`<ar-admin-audit .path=${path} api=${this.api} locale=${this.locale}></ar-admin-audit>`;
    }
  }
}

function formatOrEmpty(route: AdminRoute | null): string {
  return route ? formatAdminRoute(route) : '';
}
