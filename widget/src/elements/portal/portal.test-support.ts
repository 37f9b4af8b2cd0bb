/** What the tests of <ar-portal> share: rendering it, a signed-in customer server, finding its views. */
import { fixture, html, waitUntil as waitUntilWithin } from '../../../test/testing.js';
import { API, accountList, invoices, northwind, sessionCreated } from '../../../test/fixtures.js';
import { inShadow } from '../../../test/dom.js';
import { mock, signIn, worker } from '../../../test/mock-api.js';
import type { ArEasyPay } from '../easy-pay/easy-pay.js';
import type { ArInvoiceDetail } from '../invoice-detail/invoice-detail.js';
import type { ArInvoiceList } from '../invoice-list/invoice-list.js';
import type { ArLogin } from '../login/login.js';
import type { ArPaymentList } from '../payment-list/payment-list.js';
import type { ArPromiseList } from '../promise-list/promise-list.js';
import type { ArPromiseToPay } from '../promise-to-pay/promise-to-pay.js';
import type { ArStatement } from '../statement/statement.js';
import type { ArPortal } from './portal.js';

/** The virtualized list renders its rows a frame or two after its data: give it more than the default second. */
export function waitUntil(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: 5000 });
}

export function renderPortal(attributes: { audience?: string; target?: string } = {}): Promise<ArPortal> {
  return fixture<ArPortal>(
    html`<ar-portal
      api=${API}
      audience=${attributes.audience ?? 'customer'}
      target=${attributes.target ?? ''}
      locale="en-US"
    ></ar-portal>`,
  );
}

export const list = (el: ArPortal) => inShadow<ArInvoiceList>(el, 'ar-invoice-list');
export const detail = (el: ArPortal) => inShadow<ArInvoiceDetail>(el, 'ar-invoice-detail');
export const statementView = (el: ArPortal) => inShadow<ArStatement>(el, 'ar-statement');
export const easyPay = (el: ArPortal) => inShadow<ArEasyPay>(el, 'ar-easy-pay');
export const login = (el: ArPortal) => inShadow<ArLogin>(el, 'ar-login');
export const payments = (el: ArPortal) => inShadow<ArPaymentList>(el, 'ar-payment-list');
export const promiseForm = (el: ArPortal) => inShadow<ArPromiseToPay>(el, 'ar-promise-to-pay');
export const promiseList = (el: ArPortal) => inShadow<ArPromiseList>(el, 'ar-promise-list');
export const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const selectedTab = (el: ArPortal) =>
  inShadow(el, 'ar-invoice-list', '[role="tab"][aria-selected="true"]')?.textContent?.trim();
export const listRows = (el: ArPortal) => [
  ...(list(el)?.shadowRoot?.querySelectorAll<HTMLElement>('tbody.rows tr') ?? []),
];
export const navButton = (el: ArPortal, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent?.trim() === label)!;

/** A signed-in customer whose server answers session, accounts and invoices. */
export function customerServer(created = sessionCreated(), accounts = accountList(northwind)): void {
  signIn(created);
  const { token: _token, ...info } = created;
  worker.use(
    mock.getSession(info),
    mock.listAccounts(accounts),
    mock.listInvoices({ items: invoices(3), nextCursor: null }),
  );
}

export async function signedIn(el: ArPortal): Promise<void> {
  await waitUntil(() => list(el), 'shows the signed-in portal');
}
