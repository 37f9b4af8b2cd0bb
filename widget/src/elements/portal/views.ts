/**
 * What `<ar-portal>` draws once signed in: the top bar, an Easy Pay session's
 * note and its sign-in to the whole account, the navigation, and the element of the current view.
 * The portal keeps the session, the place and the history; these draw them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  ArAccountChangeDetail,
  ArDisputeViewRequestDetail,
  ArFilterChangeDetail,
  ArInvoicesDetail,
  ArInvoiceSelectDetail,
  ArNavigateDetail,
} from '../../internal/events.js';
import type { LazyTag } from '../../internal/lazy.js';
import type { SessionInfo } from '../../internal/types.js';
import { renderWholeAccountLogin } from '../../internal/whole-account.js';
import type { Catalog } from '../../locales/catalog.js';
import type { LogoutController } from './logout.js';
import type { Place } from './places.js';

/** The top bar (company, user, the log-out buttons) and why "Log out everywhere" failed, if it did. */
export function renderHeader(
  info: SessionInfo,
  company: string | undefined,
  logout: LogoutController,
  t: Catalog,
): TemplateResult {
  return html`<header part="header">
      <div class="brand">
        <h2 part="company">${company ?? t.portal.portalName(info.audience)}</h2>
        ${info.audience === 'staff' ? nothing : html`<p class="subtitle">${t.portal.portalName(info.audience)}</p>`}
      </div>
      <div class="user">
        <span class="email" part="user"
          ><span class="visually-hidden">${t.portal.signedInAs} </span>${info.user.email}</span
        >
        <div class="logout">
          <button
            class="button secondary"
            part="button logout-button"
            type="button"
            ?disabled=${logout.busy}
            @click=${() => void logout.logout()}
          >
            ${t.portal.logout}
          </button>
          <button
            class="button secondary"
            part="button logout-everywhere-button"
            type="button"
            ?disabled=${logout.busy}
            @click=${() => void logout.logoutEverywhere()}
          >
            ${t.portal.logoutEverywhere}
          </button>
        </div>
      </div>
    </header>
    ${logout.error ? html`<p class="notice danger" part="notice" role="alert">${logout.error}</p>` : nothing}`;
}

/** What an Easy Pay session covers (`numbers`: its invoices), and the way to the whole account. */
export function renderScope(
  info: SessionInfo,
  numbers: readonly string[],
  upgrading: boolean,
  upgrade: () => void,
  t: Catalog,
): TemplateResult | typeof nothing {
  if (!info.scope) return nothing;
  return html`<section class="scope notice" part="scope" aria-label=${t.portal.scopeLabel}>
    <p><strong>${t.portal.scopeFor(numbers)}</strong> ${t.portal.scopeHint}</p>
    ${
      upgrading
        ? nothing
        : html`<button class="button secondary" part="button scope-sign-in" type="button" @click=${upgrade}>
            ${t.portal.scopeSignIn}
          </button>`
    }
  </section>`;
}

/** The sign-in to the whole account an Easy Pay session asked for, with its email filled in. */
export function renderUpgrade(
  info: SessionInfo,
  login: { api: string; locale: string },
  cancel: () => void,
  t: Catalog,
): TemplateResult {
  return html`<section id="upgrade" class="upgrade" tabindex="-1" aria-label=${t.portal.scopeSignInHeading}>
    ${renderWholeAccountLogin({ ...login, email: info.user.email })}
    <button class="button link" part="button" type="button" @click=${cancel}>${t.portal.scopeSignInCancel}</button>
  </section>`;
}

export type NavView = 'invoices' | 'payments' | 'promises' | 'disputes' | 'statement';

/** Invoices, Payments, Promises, Disputes, Statement; an Easy Pay session (`scoped`) sees only its invoices. */
export function renderNav(place: Place, scoped: boolean, go: (view: NavView) => void, t: Catalog): TemplateResult {
  const others: { view: NavView; label: string }[] = scoped
    ? []
    : [
        { view: 'payments', label: t.portal.navPayments },
        { view: 'promises', label: t.portal.navPromises },
        { view: 'disputes', label: t.portal.navDisputes },
        { view: 'statement', label: t.portal.navStatement },
      ];
  const items = [
    // The invoices' own views (an invoice, paying, promising, the dispute form) are under Invoices.
    {
      view: 'invoices' as const,
      label: t.portal.navInvoices,
      current: !others.some((item) => item.view === place.view),
    },
    ...others.map((item) => ({ ...item, current: item.view === place.view })),
  ];
  return html`<nav class="nav" part="nav" aria-label=${t.portal.navLabel}>
    ${items.map(
      (item) =>
        html`<button
          class="nav-link"
          part=${item.current ? 'nav-link nav-link-current' : 'nav-link'}
          type="button"
          aria-current=${item.current ? 'page' : nothing}
          @click=${() => go(item.view)}
        >
          ${item.label}
        </button>`,
    )}
  </nav>`;
}

/** What the portal does with the events of the views' elements. */
export interface ViewHandlers {
  invoiceSelect: (event: CustomEvent<ArInvoiceSelectDetail>) => void;
  filterChange: (event: CustomEvent<ArFilterChangeDetail>) => void;
  accountChange: (event: CustomEvent<ArAccountChangeDetail>) => void;
  payRequest: (event: CustomEvent<ArInvoicesDetail>) => void;
  promiseRequest: (event: CustomEvent<ArInvoicesDetail>) => void;
  disputeRequest: (event: CustomEvent<ArInvoicesDetail>) => void;
  disputeView: (event: CustomEvent<ArDisputeViewRequestDetail>) => void;
  navigate: (event: CustomEvent<ArNavigateDetail>) => void;
  /** A payment, promise or dispute was made (or a promise cancelled, a dispute withdrawn): balances and badges change. */
  invoicesChanged: () => void;
}

/** Whether a view's element is defined, so that it renders with its properties set, not upgraded later. */
function defined(tag: LazyTag): boolean {
  return Boolean(customElements.get(tag));
}

/**
 * The current view's element. The invoice list stays in the page (hidden) so it keeps its rows and
 * scroll; the others render once their chunk has defined them (the portal fetches it). Their events
 * bubble and are composed, so the view listens once for all of them.
 */
export function renderView(
  place: Place,
  shared: { accountId: string; locale: string },
  on: ViewHandlers,
  t: Catalog,
): TemplateResult {
  const { accountId, locale } = shared;
  const dispute = place.view === 'disputes' ? place.dispute : undefined;
  return html`<section
    id="view"
    class="view"
    tabindex="-1"
    aria-label=${t.portal.viewLabel(place.view, place.view === 'invoice' ? place.invoice : undefined)}
    @ar-invoice-select=${on.invoiceSelect}
    @ar-filter-change=${on.filterChange}
    @ar-account-change=${on.accountChange}
    @ar-pay-request=${on.payRequest}
    @ar-promise-request=${on.promiseRequest}
    @ar-dispute-request=${on.disputeRequest}
    @ar-dispute-view-request=${on.disputeView}
    @ar-navigate=${on.navigate}
    @ar-payment-succeeded=${on.invoicesChanged}
    @ar-payment-processing=${on.invoicesChanged}
    @ar-promise-created=${on.invoicesChanged}
    @ar-promise-cancelled=${on.invoicesChanged}
    @ar-dispute-opened=${on.invoicesChanged}
    @ar-dispute-withdrawn=${on.invoicesChanged}
  >
    <ar-invoice-list
      part="invoice-list"
      exportparts="row: invoice-row, badge: invoice-badge, table: invoice-table, totals: invoice-totals, tabs: invoice-tabs, selection-bar: invoice-selection-bar"
      ?hidden=${place.view !== 'invoices'}
      account=${accountId}
      status=${place.status}
      locale=${locale}
    ></ar-invoice-list>
    ${
      place.view === 'invoice' && defined('ar-invoice-detail')
        ? html`<ar-invoice-detail part="invoice-detail" invoice=${place.invoice} locale=${locale}></ar-invoice-detail>`
        : nothing
    }
    ${
      place.view === 'pay' && defined('ar-easy-pay')
        ? html`<ar-easy-pay
            part="easy-pay"
            .invoices=${place.invoices}
            account=${accountId}
            locale=${locale}
          ></ar-easy-pay>`
        : nothing
    }
    ${
      place.view === 'payments' && defined('ar-payment-list')
        ? html`<ar-payment-list part="payment-list" account=${accountId} locale=${locale}></ar-payment-list>`
        : nothing
    }
    ${
      place.view === 'promise' && defined('ar-promise-to-pay')
        ? html`<ar-promise-to-pay
            part="promise-to-pay"
            .invoices=${place.invoices}
            account=${accountId}
            locale=${locale}
          ></ar-promise-to-pay>`
        : nothing
    }
    ${
      place.view === 'promises' && defined('ar-promise-list')
        ? html`<ar-promise-list part="promise-list" account=${accountId} locale=${locale}></ar-promise-list>`
        : nothing
    }
    ${
      place.view === 'dispute' && defined('ar-dispute-editor')
        ? html`<ar-dispute-editor
            part="dispute-editor"
            .invoices=${place.invoices}
            locale=${locale}
          ></ar-dispute-editor>`
        : nothing
    }
    ${
      place.view === 'disputes' && !dispute && defined('ar-dispute-list')
        ? html`<ar-dispute-list part="dispute-list" account=${accountId} locale=${locale}></ar-dispute-list>`
        : nothing
    }
    ${
      dispute && defined('ar-dispute')
        ? html`<ar-dispute part="dispute" dispute=${dispute} locale=${locale}></ar-dispute>`
        : nothing
    }
    ${
      place.view === 'statement' && defined('ar-statement')
        ? html`<ar-statement part="statement" account=${accountId} locale=${locale}></ar-statement>`
        : nothing
    }
  </section>`;
}
