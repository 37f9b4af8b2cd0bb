/** What the tests of <ar-easy-pay> share: rendering it, its fields, filling a card, paying. */
import { fixture, html, waitUntil } from '../../../test/testing.js';
import { API, invoiceDetail, paymentConfig, paymentView, sessionCreated } from '../../../test/fixtures.js';
import { type } from '../../../test/dom.js';
import { mock, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { PaymentRequestBody, PaymentView } from '../../internal/types.js';
import type { ArEasyPay } from './easy-pay.js';

export function renderPay(attributes: { invoice?: string; locale?: string } = {}): Promise<ArEasyPay> {
  return fixture<ArEasyPay>(
    html`<ar-easy-pay
      api=${API}
      invoice=${attributes.invoice ?? 'INV-1042'}
      locale=${attributes.locale ?? 'en-US'}
    ></ar-easy-pay>`,
  );
}

export const $ = <T extends HTMLElement = HTMLElement>(el: ArEasyPay, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const field = (el: ArEasyPay, id: string) => $<HTMLInputElement>(el, `#${id}`)!;
export const payButton = (el: ArEasyPay) => $<HTMLButtonElement>(el, '[part~="pay-button"]')!;
export const summary = (el: ArEasyPay) => text($(el, '[part="summary"]'));
export const problem = (el: ArEasyPay) => $(el, '#problem');
export const tabs = (el: ArEasyPay) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
export const tab = (el: ArEasyPay, label: string) => tabs(el).find((button) => text(button) === label)!;
export const errorOf = (el: ArEasyPay, id: string) => text($(el, `#${id}-error`));

export async function loaded(el: ArEasyPay): Promise<void> {
  await waitUntil(() => $(el, 'form, [part~="error"], [part~="empty"]'), 'the pay form loads');
}

export function fillCard(el: ArEasyPay, number = '4242 4242 4242 4242'): void {
  type(field(el, 'card-number'), number);
  type(field(el, 'card-expiry'), '12/34');
  type(field(el, 'card-cvc'), '123');
  type(field(el, 'card-name'), 'Nancy Davolio');
}

/** Pays and waits until the request has been answered and the form is free again. */
export async function pay(el: ArEasyPay): Promise<void> {
  const before = sent('POST', '/payments').length;
  payButton(el).click();
  await waitUntil(() => sent('POST', '/payments').length > before, 'sends the payment');
  await waitUntil(() => !payButton(el) || !payButton(el).disabled, 'the answer arrives');
}

export const bodyOf = (index = 0) => sent('POST', '/payments')[index]?.body as PaymentRequestBody;
export const keyOf = (index = 0) => sent('POST', '/payments')[index]?.idempotencyKey;
export const declined = (message: string): PaymentView =>
  paymentView({ status: 'failed', succeededAt: null, failure: { code: 'insufficient_funds', message } });

/** Each test starts signed in, with the invoice and the payment config on the server (`useMockApi` too). */
export function useSignedInPayer(): void {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.getInvoice(invoiceDetail()), mock.paymentConfig(paymentConfig()));
  });
}
