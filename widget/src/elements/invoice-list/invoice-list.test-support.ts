/** What the tests of <ar-invoice-list> share: rendering it, reading its rows, tabs and totals. */
import { fixture, html, waitUntil as waitUntilWithin } from '../../../test/testing.js';
import { API, accountList, invoice, northwind, sessionCreated } from '../../../test/fixtures.js';
import { mock, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { InvoiceStatusFilter, InvoiceSummary } from '../../internal/types.js';
import type { ArInvoiceList } from './invoice-list.js';

export type InFlight = NonNullable<InvoiceSummary['inFlight']>;

/** The virtualized list renders its rows a frame or two after its data: give it more than the default second. */
export function waitUntil(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: 5000 });
}

export function renderList(
  status: InvoiceStatusFilter = 'open',
  extra: { locale?: string; highlight?: string; account?: string } = {},
) {
  return fixture<ArInvoiceList>(
    html`<ar-invoice-list
      api=${API}
      account=${extra.account ?? 'acc_northwind'}
      status=${status}
      locale=${extra.locale ?? 'en-US'}
      highlight=${extra.highlight ?? ''}
    ></ar-invoice-list>`,
  );
}

export const $ = <T extends Element = HTMLElement>(el: ArInvoiceList, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** The invoice rows in the DOM (the virtualizer renders only those near the view). */
export function rows(el: ArInvoiceList): HTMLTableRowElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody.rows tr')];
}

export const numbers = (el: ArInvoiceList) => rows(el).map((row) => row.querySelector('.invoice-number')!.textContent);

/** Waits for rows, an empty state or an error. */
export function loaded(el: ArInvoiceList): Promise<unknown> {
  return waitUntil(
    () => rows(el).length > 0 || $(el, '#invoices-panel [part~="empty"], #invoices-panel [role="alert"]'),
    'the list loads',
  );
}

export const tab = (el: ArInvoiceList, status: string) => $(el, `#tab-${status}`)!;
export const header = (el: ArInvoiceList, label: string) =>
  [...el.shadowRoot!.querySelectorAll('thead th')].find((th) => th.textContent?.includes(label))!;
export const checkbox = (el: ArInvoiceList, label: string) => $<HTMLInputElement>(el, `input[aria-label="${label}"]`)!;
export const key = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));

export function tick(box: HTMLInputElement): void {
  box.click();
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

export const pastDue = invoice({
  number: 'INV-1042',
  poNumber: 'PO-7781',
  dueDate: '2026-10-15',
  total: 250_000,
  balance: 180_050,
  status: 'past_due',
  daysPastDue: 38,
});
export const disputed = invoice({ number: 'INV-1050', dueDate: '2026-12-01', balance: 125_000, status: 'disputed' });
export const paid = invoice({ number: 'INV-0990', balance: 0, status: 'paid' });

/** A bank debit accepted on Nov 20 and settling: what it holds of an invoice's balance. */
export function inFlight(amount: number, overrides: Partial<InFlight> = {}): InFlight {
  return {
    amount,
    since: '2026-11-20T15:04:00.000Z',
    paymentId: 'pay_01HXACH',
    receiptNumber: 'R-2026-000150',
    status: 'processing',
    ...overrides,
  };
}
/** $1,000.00 of INV-1042's $1,800.50 is on its way: $800.50 is left to pay. */
export const partlyInFlight = { ...pastDue, inFlight: inFlight(100_000), payable: 80_050 };
/** All of INV-1023's $2,703.13 is on its way: nothing is left to pay until it settles or fails. */
export const whollyInFlight = invoice({ number: 'INV-1023', balance: 270_313, inFlight: inFlight(270_313) });

/** Each test starts signed in, with the customer's one account on the server (`useMockApi` too). */
export function useSignedInCustomer(): void {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.listAccounts(accountList(northwind)));
  });
}
