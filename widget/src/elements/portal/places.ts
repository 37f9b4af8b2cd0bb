/**
 * Where `<ar-portal>` is, and how that maps to and from routes (`routes.ts`). Every place remembers
 * the list's tab, so going back from an invoice, a payment or the statement lands on the tab the
 * person left.
 */
import type { ReactiveControllerHost } from 'lit';
import { loadElement, type LazyTag } from '../../internal/lazy.js';
import type { PortalRoute } from '../../internal/routes.js';
import type { InvoiceStatusFilter } from '../../internal/types.js';

export type Place =
  | { view: 'invoices'; status: InvoiceStatusFilter }
  | { view: 'invoice'; status: InvoiceStatusFilter; invoice: string }
  | { view: 'pay'; status: InvoiceStatusFilter; invoices: string[] }
  | { view: 'statement'; status: InvoiceStatusFilter }
  | { view: 'payments'; status: InvoiceStatusFilter }
  | { view: 'promise'; status: InvoiceStatusFilter; invoices: string[] }
  | { view: 'promises'; status: InvoiceStatusFilter }
  | { view: 'dispute'; status: InvoiceStatusFilter; invoices: string[] }
  | { view: 'disputes'; status: InvoiceStatusFilter; dispute?: string };

/** The place for a route; `status` is the list's tab when the route names none. Null for none. */
export function placeFor(wanted: PortalRoute | null, status: InvoiceStatusFilter): Place | null {
  if (!wanted) return null;
  const { account: _account, ...named } = wanted;
  if (named.view === 'invoices') {
    return named.invoice
      ? { view: 'invoice', status: named.status ?? status, invoice: named.invoice }
      : { view: 'invoices', status: named.status ?? status };
  }
  // The other views are what their route names (the invoices to pay, the dispute), on the list's tab.
  return { ...named, status };
}

/** The route of a place in an account (empty for none). */
export function routeFor(place: Place, accountId: string): PortalRoute {
  const account = accountId ? { account: accountId } : {};
  if (place.view === 'invoices') return { view: 'invoices', status: place.status, ...account };
  if (place.view === 'invoice') return { view: 'invoices', invoice: place.invoice, ...account };
  const { status: _status, ...named } = place;
  return { ...named, ...account };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The element each view shows that `portico.js` does not carry (the invoice list is in it). */
export const viewElements: Partial<Record<Place['view'], LazyTag>> = {
  invoice: 'ar-invoice-detail',
  pay: 'ar-easy-pay',
  payments: 'ar-payment-list',
  statement: 'ar-statement',
  promise: 'ar-promise-to-pay',
  promises: 'ar-promise-list',
  dispute: 'ar-dispute-editor',
  disputes: 'ar-dispute-list',
};

/** The element of a place: one dispute's page is `<ar-dispute>`, the list of them `<ar-dispute-list>`. */
export function viewElement(place: Place | null): LazyTag | undefined {
  return place?.view === 'disputes' && place.dispute ? 'ar-dispute' : place ? viewElements[place.view] : undefined;
}

/** The place's element is a chunk of its own: fetched on first use, then the portal renders the view (see `renderView`). */
export function loadViewElement(place: Place | null, host: ReactiveControllerHost): void {
  const lazy = viewElement(place);
  if (lazy && !customElements.get(lazy)) {
    loadElement(lazy).then(
      () => host.requestUpdate(),
      (error: unknown) => console.error(`Portico: could not load <${lazy}>.`, error),
    );
  }
}
