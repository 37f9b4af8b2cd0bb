/** What the tests of <ar-promise-to-pay> share: rendering it, its fields, promising. */
import { fixture, html, waitUntil } from '../../../test/testing.js';
import { API, invoice, promiseConfig, sessionCreated } from '../../../test/fixtures.js';
import { mock, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { PromiseRequestBody } from '../../internal/types.js';
import type { ArPromiseToPay } from './promise-to-pay.js';

export function renderPromise(
  invoices: string[] = ['INV-1001', 'INV-1002'],
  locale = 'en-US',
): Promise<ArPromiseToPay> {
  return fixture<ArPromiseToPay>(
    html`<ar-promise-to-pay api=${API} .invoices=${invoices} locale=${locale}></ar-promise-to-pay>`,
  );
}

export const $ = <T extends HTMLElement = HTMLElement>(el: ArPromiseToPay, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const field = (el: ArPromiseToPay, id: 'amount' | 'date' | 'note') => $<HTMLInputElement>(el, `#promise-${id}`)!;
export const submitButton = (el: ArPromiseToPay) => $<HTMLButtonElement>(el, '[part~="submit-button"]')!;
export const errorOf = (el: ArPromiseToPay, id: 'amount' | 'date') => text($(el, `#promise-${id}-error`));

export async function loaded(el: ArPromiseToPay): Promise<void> {
  await waitUntil(() => $(el, 'form, [part~="error"], [part~="empty"]'), 'the promise form loads');
}

/** Asks for the promise and waits until the server has answered and the form is free again (or gone). */
export async function promise(el: ArPromiseToPay): Promise<void> {
  const before = sent('POST', '/promises').length;
  submitButton(el).click();
  await waitUntil(() => sent('POST', '/promises').length > before, 'sends the promise');
  await waitUntil(() => !submitButton(el) || !submitButton(el).disabled, 'the answer arrives');
}

export const bodyOf = (index = 0) => sent('POST', '/promises')[index]?.body as PromiseRequestBody;

/** INV-1001 ($750.00, past due) and INV-1002 ($500.00): $1,250.00 owed together. */
export const owed = [
  invoice({ number: 'INV-1001', balance: 75_000, status: 'past_due', daysPastDue: 12 }),
  invoice({ number: 'INV-1002', balance: 50_000, dueDate: '2026-12-20' }),
];

/** Each test starts signed in, with the two invoices and the promise config on the server (`useMockApi` too). */
export function useSignedInCustomer(): void {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.listInvoices({ items: owed, nextCursor: null }), mock.promiseConfig(promiseConfig()));
  });
}
