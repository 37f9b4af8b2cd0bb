import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import {
  API,
  invoice,
  invoiceDetail,
  invoices,
  paymentConfig,
  paymentView,
  sessionCreated,
} from '../../../test/fixtures.js';
import { catchDownloads } from '../../../test/downloads.js';
import { buttonNamed, shadowText, type } from '../../../test/dom.js';
import { fail, file, mock, never, offline, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { PaymentRequestBody, PaymentView } from '../../internal/types.js';
import './define.js';
import type { ArEasyPay } from './easy-pay.js';
import { stripeJsUrl } from './stripe.js';

function renderPay(attributes: { invoice?: string; locale?: string } = {}): Promise<ArEasyPay> {
  return fixture<ArEasyPay>(
    html`<ar-easy-pay
      api=${API}
      invoice=${attributes.invoice ?? 'INV-1042'}
      locale=${attributes.locale ?? 'en-US'}
    ></ar-easy-pay>`,
  );
}

const $ = <T extends HTMLElement = HTMLElement>(el: ArEasyPay, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const field = (el: ArEasyPay, id: string) => $<HTMLInputElement>(el, `#${id}`)!;
const payButton = (el: ArEasyPay) => $<HTMLButtonElement>(el, '[part~="pay-button"]')!;
const summary = (el: ArEasyPay) => text($(el, '[part="summary"]'));
const problem = (el: ArEasyPay) => $(el, '#problem');
const tabs = (el: ArEasyPay) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const tab = (el: ArEasyPay, label: string) => tabs(el).find((button) => text(button) === label)!;
const errorOf = (el: ArEasyPay, id: string) => text($(el, `#${id}-error`));

async function loaded(el: ArEasyPay): Promise<void> {
  await waitUntil(() => $(el, 'form, [part~="error"], [part~="empty"]'), 'the pay form loads');
}

function fillCard(el: ArEasyPay, number = '4242 4242 4242 4242'): void {
  type(field(el, 'card-number'), number);
  type(field(el, 'card-expiry'), '12/34');
  type(field(el, 'card-cvc'), '123');
  type(field(el, 'card-name'), 'Nancy Davolio');
}

/** Pays and waits until the request has been answered and the form is free again. */
async function pay(el: ArEasyPay): Promise<void> {
  const before = sent('POST', '/payments').length;
  payButton(el).click();
  await waitUntil(() => sent('POST', '/payments').length > before, 'sends the payment');
  await waitUntil(() => !payButton(el) || !payButton(el).disabled, 'the answer arrives');
}

const bodyOf = (index = 0) => sent('POST', '/payments')[index]?.body as PaymentRequestBody;
const keyOf = (index = 0) => sent('POST', '/payments')[index]?.idempotencyKey;
const declined = (message: string): PaymentView =>
  paymentView({ status: 'failed', succeededAt: null, failure: { code: 'insufficient_funds', message } });

describe('<ar-easy-pay>', () => {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.getInvoice(invoiceDetail()), mock.paymentConfig(paymentConfig()));
  });

  it('shows the invoice, its balance as the amount, the methods and the total with the card surcharge', async () => {
    const el = await renderPay();
    await loaded(el);

    expect(text($(el, 'h2'))).to.equal('Pay invoice INV-1042');
    const row = text($(el, '[part="row"]'));
    for (const part of ['INV-1042', 'Past due', 'Oct 15, 2026', '$420.00']) expect(row).to.contain(part);
    expect(field(el, 'amount-inv_01HX1042').value).to.equal('420.00');
    expect(tabs(el).map(text)).to.deep.equal(['Card', 'Debit card', 'Bank transfer (ACH)', 'PayPal']);
    expect(tab(el, 'Card')).to.have.attribute('aria-selected', 'true');
    expect(summary(el)).to.equal('Invoices $420.00 Card surcharge (3%) $12.60 Total $432.60');
    expect(text(payButton(el))).to.equal('Pay $432.60');
    expect(text($(el, '[part="sandbox-note"] summary'))).to.contain('Sandbox — no real money moves');
    expect(sent('GET', '/payments/config')[0]?.query.get('account')).to.equal('acc_northwind');
    expect(sent('GET', '/payments/config')).to.have.length(1);
    expect(sent('GET', '/invoices/INV-1042')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('recomputes the total and the surcharge as amounts change; bank transfer carries none', async () => {
    const el = await renderPay();
    await loaded(el);
    type(field(el, 'amount-inv_01HX1042'), '100');
    await el.updateComplete;
    expect(summary(el)).to.equal('Invoices $100.00 Card surcharge (3%) $3.00 Total $103.00');

    tab(el, 'Bank transfer (ACH)').click();
    await el.updateComplete;
    expect(summary(el)).to.equal('Invoices $100.00 Total $100.00');
    expect(text(payButton(el))).to.equal('Pay $100.00');
    expect(field(el, 'bank-routing')).not.to.equal(null);

    tab(el, 'Debit card').click();
    await el.updateComplete;
    expect(summary(el)).to.equal('Invoices $100.00 Total $100.00');
  });

  it('caps the surcharge, and finds several invoices in one page of the open list', async () => {
    worker.use(mock.listInvoices({ items: invoices(3), nextCursor: null }));
    const el = await fixture<ArEasyPay>(
      html`<ar-easy-pay
        api=${API}
        account="acc_northwind"
        .invoices=${['INV-1001', 'inv_INV-1003']}
        locale="en-US"
      ></ar-easy-pay>`,
    );
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Pay 2 invoices');
    expect([...el.shadowRoot!.querySelectorAll('.invoice-number')].map(text)).to.deep.equal(['INV-1001', 'INV-1003']);
    expect(sent('GET', '/invoices')[0]?.query.get('status')).to.equal('open');
    expect(sent('GET', '/invoices/INV-1001')).to.have.length(0);
    // 3 % of $2,500.00 is $75.00, capped at $50.00.
    expect(summary(el)).to.equal('Invoices $2,500.00 Card surcharge (3%) $50.00 Total $2,550.00');
  });

  it('pays an invoice on the account it belongs to, whichever account is on screen', async () => {
    worker.use(mock.createPayment(paymentView()));
    const el = await fixture<ArEasyPay>(
      html`<ar-easy-pay api=${API} account="acc_globex" invoice="INV-1042" locale="en-US"></ar-easy-pay>`,
    );
    await loaded(el);
    expect(sent('GET', '/payments/config').map((request) => request.query.get('account'))).to.include('acc_northwind');
    fillCard(el);
    await pay(el);
    expect(bodyOf().account).to.equal('acc_northwind');
  });

  it('moves between methods with the arrow keys', async () => {
    const el = await renderPay();
    await loaded(el);
    tab(el, 'Card').focus();
    tab(el, 'Card').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await waitUntil(() => el.shadowRoot!.activeElement === tab(el, 'PayPal'), 'wraps to the last method');
    expect(tab(el, 'PayPal')).to.have.attribute('aria-selected', 'true');
    expect(text($(el, '#method-panel'))).to.contain('PayPal asks you to approve');
    tab(el, 'PayPal').dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await waitUntil(() => el.shadowRoot!.activeElement === tab(el, 'Card'));
  });

  it('checks every amount and field before sending anything, and focuses the first problem', async () => {
    const el = await renderPay();
    await loaded(el);
    const amount = 'amount-inv_01HX1042';
    for (const [typed, message] of [
      ['0', 'Enter an amount greater than zero.'],
      ['500', 'Enter at most the balance, $420.00.'],
      ['12,5', 'Enter an amount like 1,234.56.'],
      ['1.234', 'Use at most 2 decimals.'],
      ['', 'Enter an amount.'],
    ] as const) {
      type(field(el, amount), typed);
      payButton(el).click();
      await el.updateComplete;
      expect(errorOf(el, amount), typed).to.equal(message);
      expect(field(el, amount)).to.have.attribute('aria-invalid', 'true');
      expect(el.shadowRoot!.activeElement).to.equal(field(el, amount));
    }
    type(field(el, amount), '420');
    payButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'card-number')).to.equal('Enter the card number.');
    expect(errorOf(el, 'card-expiry')).to.equal('Enter the expiry date as MM/YY.');
    expect(errorOf(el, 'card-cvc')).to.equal('Enter the 3 or 4 digits of the security code.');
    expect(errorOf(el, 'card-name')).to.equal('Enter the name on the card.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'card-number'));
    expect(sent('POST', '/payments')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('formats the card number as typed and refuses one that is not a sandbox test card', async () => {
    const el = await renderPay();
    await loaded(el);
    type(field(el, 'card-number'), '4242424242424241');
    expect(field(el, 'card-number').value).to.equal('4242 4242 4242 4241');
    type(field(el, 'card-expiry'), '0120');
    expect(field(el, 'card-expiry').value).to.equal('01/20');
    payButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'card-number')).to.equal('This card number is not valid. Check the digits.');
    expect(errorOf(el, 'card-expiry')).to.equal('This card has expired. Enter a month that has not passed.');

    fillCard(el, '4111 1111 1111 1111');
    payButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'card-number')).to.equal('This is a sandbox: use one of the test cards.');
    const note = $<HTMLDetailsElement>(el, 'details[part="sandbox-note"]')!;
    expect(note.open).to.equal(true);
    expect(text(note)).to.contain('4242 4242 4242 4242');
    expect(sent('POST', '/payments')).to.have.length(0);
  });

  it('pays with a test card: sends its token, the allocations, the total shown and an Idempotency-Key', async () => {
    worker.use(mock.createPayment(paymentView()));
    const el = await renderPay();
    await loaded(el);
    fillCard(el);
    const succeeded = oneEvent(el, 'ar-payment-succeeded');
    await pay(el);

    expect(bodyOf()).to.deep.equal({
      account: 'acc_northwind',
      allocations: [{ invoiceId: 'inv_01HX1042', amount: 42_000 }],
      method: 'card',
      expectedTotal: 43_260,
      paymentMethod: 'tok_visa',
    });
    expect(JSON.stringify(bodyOf())).not.to.match(/4242|Davolio|123/);
    expect(keyOf()).to.match(/^[0-9a-f-]{36}$/);
    expect(sent('POST', '/payments')[0]?.authorization).to.equal('Bearer session-token-northwind');
    expect((await succeeded).detail).to.deep.equal(paymentView());
  });

  it('shows the receipt, says where it was emailed, and downloads its PDF', async () => {
    worker.use(
      mock.createPayment(paymentView()),
      mock.receiptPdf(file('application/pdf', 'R-2026-000123.pdf', '%PDF-1.7')),
    );
    const { downloads, restore } = catchDownloads();
    try {
      const el = await renderPay();
      await loaded(el);
      fillCard(el);
      await pay(el);
      await waitUntil(() => $(el, '[part="receipt"]'), 'shows the receipt');

      const receipt = text($(el, '[part="receipt"]'));
      for (const part of [
        'Payment received',
        'R-2026-000123',
        'Nov 20, 2026',
        'Card',
        'INV-1042 $420.00',
        'Card surcharge $12.60',
        'Total charged $432.60',
        'A receipt was emailed to ap@northwind.test.',
      ]) {
        expect(receipt).to.contain(part);
      }
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#result-heading'));
      expect(text($(el, '[role="status"]:not([part])'))).to.equal('Payment of $432.60 received.');
      // Alone on a page there is no list to go back to.
      expect(buttonNamed(el, 'Back to invoices')).to.equal(null);
      await expect(el).to.be.accessible();

      buttonNamed(el, 'Download receipt (PDF)')!.click();
      await waitUntil(() => downloads.length === 1, 'saves the receipt');
      expect(downloads[0]!.filename).to.equal('R-2026-000123.pdf');
      expect(sent('GET', '/payments/pay_01HXPAY/receipt.pdf')[0]?.authorization).to.equal(
        'Bearer session-token-northwind',
      );
    } finally {
      restore();
    }
  });

  it('sends one request however often Pay is pressed, and is busy meanwhile', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    worker.use(
      mock.createPayment(async () => {
        await answered;
        return paymentView();
      }),
    );
    const el = await renderPay();
    await loaded(el);
    fillCard(el);
    const button = payButton(el);
    button.click();
    button.click();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => sent('POST', '/payments').length === 1, 'sends the payment');
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(button).to.have.attribute('aria-busy', 'true');
    expect(text(button)).to.equal('Paying…');
    button.click();
    answer();
    await waitUntil(() => $(el, '[part="receipt"]'), 'shows the receipt');
    expect(sent('POST', '/payments')).to.have.length(1);
  });

  it('sends the same attempt with the same key after a network error, and a new key after a decline', async () => {
    const answers = [offline(), declined('Your card has insufficient funds.'), paymentView()];
    worker.use(mock.createPayment(() => answers.shift()!));
    const el = await renderPay();
    await loaded(el);
    fillCard(el);

    await pay(el);
    expect(text(problem(el))).to.contain('cannot be charged twice');
    expect(el.shadowRoot!.activeElement).to.equal(problem(el));

    const failed = oneEvent(el, 'ar-payment-failed');
    await pay(el);
    expect(keyOf(1)).to.equal(keyOf(0));
    expect(bodyOf(1)).to.deep.equal(bodyOf(0));
    expect((await failed).detail).to.include({ status: 'failed' });
    await waitUntil(() => text(problem(el)).includes('Your card has insufficient funds.'), 'shows the decline');
    expect(problem(el)).to.have.attribute('role', 'alert');
    expect(el.shadowRoot!.activeElement).to.equal(problem(el));
    // The form stays filled for another try.
    expect(field(el, 'card-number').value).to.equal('4242 4242 4242 4242');
    expect(field(el, 'card-name').value).to.equal('Nancy Davolio');
    await expect(el).to.be.accessible();

    await pay(el);
    expect(keyOf(2)).to.match(/^[0-9a-f-]{36}$/);
    expect(keyOf(2)).not.to.equal(keyOf(1));
    await waitUntil(() => $(el, '[part="receipt"]'), 'shows the receipt');
  });

  it('makes a new attempt when the payer changes the form after a network error', async () => {
    const answers = [offline(), paymentView()];
    worker.use(mock.createPayment(() => answers.shift()!));
    const el = await renderPay();
    await loaded(el);
    fillCard(el);
    await pay(el);
    type(field(el, 'amount-inv_01HX1042'), '400');
    await pay(el);
    expect(bodyOf(1).expectedTotal).to.equal(41_200);
    expect(keyOf(1)).not.to.equal(keyOf(0));
  });

  it('asks for 3-D Secure in a sandbox dialog and confirms the outcome', async () => {
    worker.use(
      mock.createPayment(
        paymentView({ status: 'pending', succeededAt: null, nextAction: { type: 'sandbox_authenticate' } }),
      ),
      mock.confirmPayment(paymentView()),
    );
    const el = await renderPay();
    await loaded(el);
    fillCard(el, '4000 0027 6000 3184');
    payButton(el).click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'opens the authentication dialog');
    expect(bodyOf().paymentMethod).to.equal('tok_authentication_required');
    const dialog = $(el, 'dialog')!;
    expect(text(dialog)).to.contain('Sandbox 3-D Secure');
    expect(text(dialog)).to.contain('authenticate this payment of $432.60');
    expect(payButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Complete authentication')!.click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'shows the receipt');
    const [confirm] = sent('POST', '/payments/pay_01HXPAY/confirm');
    expect(confirm?.body).to.deep.equal({ outcome: 'complete' });
    expect($(el, 'dialog')).to.equal(null);
  });

  it('fails authentication: confirms the cancel and shows the decline', async () => {
    worker.use(
      mock.createPayment(
        paymentView({ status: 'pending', succeededAt: null, nextAction: { type: 'sandbox_authenticate' } }),
      ),
      mock.confirmPayment(declined('The card was not authenticated. Nothing was charged.')),
    );
    const el = await renderPay();
    await loaded(el);
    fillCard(el, '4000 0027 6000 3184');
    payButton(el).click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'opens the authentication dialog');
    buttonNamed(el, 'Fail authentication')!.click();
    await waitUntil(() => problem(el), 'shows the decline');
    expect(sent('POST', '/payments/pay_01HXPAY/confirm')[0]?.body).to.deep.equal({ outcome: 'cancel' });
    expect(text(problem(el))).to.contain('The card was not authenticated.');
  });

  it('says a payment that waited too long was cancelled, and is ready to pay again', async () => {
    let creates = 0;
    worker.use(
      mock.createPayment(() =>
        ++creates === 1
          ? paymentView({ status: 'pending', succeededAt: null, nextAction: { type: 'sandbox_authenticate' } })
          : paymentView(),
      ),
      mock.confirmPayment(fail(409, 'payment_lapsed')),
    );
    const el = await renderPay();
    await loaded(el);
    fillCard(el, '4000 0027 6000 3184');
    payButton(el).click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'opens the authentication dialog');
    const failed = oneEvent(el, 'ar-payment-failed');
    buttonNamed(el, 'Complete authentication')!.click();
    expect((await failed).detail).to.have.nested.property('error.code', 'payment_lapsed');
    await waitUntil(() => problem(el), 'says what happened');
    expect(text(problem(el))).to.equal(
      'This payment waited too long and was cancelled. Nothing was charged. Start again.',
    );
    expect(text(problem(el))).not.to.contain('We could not take the payment');
    expect($(el, 'dialog')).to.equal(null);
    // What the lapsed payment held is free again: the balances load again, and Pay works.
    await waitUntil(() => sent('GET', '/invoices/INV-1042').length === 2, 'reloads what is left to pay');
    await waitUntil(() => !payButton(el).disabled, 'the form is ready again');
    expect(field(el, 'card-number').value).to.equal('4000 0027 6000 3184');
    await expect(el).to.be.accessible();

    fillCard(el);
    await pay(el);
    await waitUntil(() => $(el, '[part="receipt"]'), 'pays the second time');
    expect(keyOf(1)).not.to.equal(keyOf(0));
  });

  it('pays with PayPal: no fields, then approve in the sandbox PayPal window', async () => {
    const pending = paymentView({
      method: 'paypal',
      surcharge: 0,
      total: 42_000,
      status: 'pending',
      succeededAt: null,
      nextAction: { type: 'sandbox_paypal_approve', orderId: 'sbx_paypal_1' },
    });
    worker.use(mock.createPayment(pending), mock.confirmPayment({ ...pending, status: 'succeeded', nextAction: null }));
    const el = await renderPay();
    await loaded(el);
    tab(el, 'PayPal').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('#method-panel input')).to.have.length(0);
    expect(text(payButton(el))).to.equal('Pay $420.00');
    payButton(el).click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'opens the PayPal window');
    expect(bodyOf()).to.deep.equal({
      account: 'acc_northwind',
      allocations: [{ invoiceId: 'inv_01HX1042', amount: 42_000 }],
      method: 'paypal',
      expectedTotal: 42_000,
    });
    expect(text($(el, 'dialog'))).to.contain('Approve a payment of $420.00');
    buttonNamed(el, 'Approve')!.click();
    await waitUntil(() => $(el, '[part="receipt"]'), 'shows the receipt');
    expect(sent('POST', '/payments/pay_01HXPAY/confirm')[0]?.body).to.deep.equal({ outcome: 'complete' });
    expect(text($(el, '[part="receipt"]'))).to.contain('PayPal');
  });

  it('cancels at PayPal: nothing is charged and the form is there for another try', async () => {
    const pending = paymentView({
      method: 'paypal',
      status: 'pending',
      nextAction: { type: 'sandbox_paypal_approve', orderId: 'sbx_paypal_1' },
    });
    worker.use(
      mock.createPayment(pending),
      mock.confirmPayment({
        ...pending,
        status: 'failed',
        nextAction: null,
        failure: { code: 'paypal_cancelled', message: 'You cancelled at PayPal. Nothing was charged.' },
      }),
    );
    const el = await renderPay();
    await loaded(el);
    tab(el, 'PayPal').click();
    await el.updateComplete;
    payButton(el).click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'opens the PayPal window');
    buttonNamed(el, 'Cancel')!.click();
    await waitUntil(() => problem(el), 'says it was cancelled');
    expect(sent('POST', '/payments/pay_01HXPAY/confirm')[0]?.body).to.deep.equal({ outcome: 'cancel' });
    expect(text(problem(el))).to.contain('You cancelled at PayPal. Nothing was charged.');
    expect(payButton(el).disabled).to.equal(false);
  });

  it('pays by bank transfer with a test account and shows that it is processing', async () => {
    const processing = paymentView({
      method: 'ach',
      status: 'processing',
      surcharge: 0,
      total: 42_000,
      succeededAt: null,
    });
    worker.use(mock.createPayment(processing));
    const el = await renderPay();
    await loaded(el);
    tab(el, 'Bank transfer (ACH)').click();
    await el.updateComplete;
    type(field(el, 'bank-routing'), '110000000');
    type(field(el, 'bank-account'), '000123456789');
    type(field(el, 'bank-holder'), 'Northwind Traders');
    let succeeded = false;
    el.addEventListener('ar-payment-succeeded', () => (succeeded = true));
    const submitted = oneEvent(el, 'ar-payment-processing');
    await pay(el);

    expect(bodyOf()).to.deep.equal({
      account: 'acc_northwind',
      allocations: [{ invoiceId: 'inv_01HX1042', amount: 42_000 }],
      method: 'ach',
      expectedTotal: 42_000,
      paymentMethod: 'btok_settles',
    });
    expect(JSON.stringify(bodyOf())).not.to.contain('000123456789');
    expect((await submitted).detail.status).to.equal('processing');
    await waitUntil(() => $(el, '[part="receipt"]'), 'shows the receipt');
    expect(text($(el, '[part="receipt"]'))).to.contain('Payment processing');
    expect(text($(el, '[part="receipt"]'))).to.contain(
      'Your bank payment is processing; invoices update when it settles',
    );
    expect(succeeded).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('refuses a bank account that is not a sandbox test account', async () => {
    const el = await renderPay();
    await loaded(el);
    tab(el, 'Bank transfer (ACH)').click();
    await el.updateComplete;
    type(field(el, 'bank-routing'), '021000021');
    type(field(el, 'bank-account'), '123456');
    payButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'bank-routing')).to.equal('This is a sandbox: use the test routing number 110000000.');
    expect(errorOf(el, 'bank-account')).to.equal('This is a sandbox: use one of the test bank accounts.');
    expect(errorOf(el, 'bank-holder')).to.equal('Enter the account holder’s name.');
    expect(sent('POST', '/payments')).to.have.length(0);
  });

  it('reloads the balances when the amount changed, and shows the new total', async () => {
    let loads = 0;
    worker.use(
      mock.getInvoice(() => invoiceDetail(++loads === 1 ? {} : { balance: 45_000 })),
      mock.createPayment(fail(409, 'amount_changed')),
    );
    const el = await renderPay();
    await loaded(el);
    fillCard(el);
    const failed = oneEvent(el, 'ar-payment-failed');
    await pay(el);
    expect((await failed).detail).to.deep.equal({ error: { code: 'amount_changed', message: 'Mock amount_changed.' } });
    await waitUntil(() => text(payButton(el)) === 'Pay $463.50', 'shows the new total');
    expect(text(problem(el))).to.contain('The amount due changed since this page was opened.');
    expect(field(el, 'amount-inv_01HX1042').value).to.equal('450.00');
    expect(field(el, 'card-number').value).to.equal('4242 4242 4242 4242');
    expect(sent('GET', '/payments/config')).to.have.length(2);
  });

  it('keeps an amount the payer typed when the balances reload', async () => {
    let loads = 0;
    worker.use(
      mock.getInvoice(() => invoiceDetail(++loads === 1 ? {} : { balance: 45_000 })),
      mock.createPayment(fail(409, 'amount_changed')),
    );
    const el = await renderPay();
    await loaded(el);
    fillCard(el);
    type(field(el, 'amount-inv_01HX1042'), '200.00');
    await pay(el);
    await waitUntil(() => sent('GET', '/invoices/INV-1042').length === 2, 'reloads');
    await el.updateComplete;
    expect(field(el, 'amount-inv_01HX1042').value).to.equal('200.00');
  });

  describe('with money in flight', () => {
    const flight = {
      amount: 30_000,
      since: '2026-11-20T15:04:00.000Z',
      paymentId: 'pay_01HXFLIGHT',
      receiptNumber: 'R-2026-000120',
      status: 'processing' as const,
    };

    it('says a payment is processing on the invoice and offers only what is left, at most', async () => {
      worker.use(mock.getInvoice(invoiceDetail({ inFlight: flight })));
      const el = await renderPay();
      await loaded(el);
      const notice = text($(el, '[part="in-flight"]'));
      expect(notice).to.match(/^… Payment of \$300\.00 processing since Nov 20, 2026, \d+:04 [AP]M/);
      expect(notice).to.contain('Receipt R-2026-000120');
      // $420.00 balance, $300.00 of it in flight: $120.00 left, offered and no more.
      expect(text($(el, '[part="row"]'))).to.contain('$420.00');
      expect(field(el, 'amount-inv_01HX1042').value).to.equal('120.00');
      expect(text($(el, '.left-to-pay'))).to.equal('$120.00 left to pay');
      expect(field(el, 'amount-inv_01HX1042').getAttribute('aria-describedby')).to.contain('in-flight');
      expect(text(payButton(el))).to.equal('Pay $123.60');
      type(field(el, 'amount-inv_01HX1042'), '420.00');
      fillCard(el);
      payButton(el).click();
      await el.updateComplete;
      expect(errorOf(el, 'amount-inv_01HX1042')).to.equal('Enter at most what is left to pay, $120.00.');
      expect(sent('POST', '/payments')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('says an invoice held whole by a payment in flight cannot be paid now', async () => {
      worker.use(mock.getInvoice(invoiceDetail({ inFlight: { ...flight, amount: 42_000 } })));
      const el = await renderPay();
      await waitUntil(() => $(el, '[part="in-flight"]'), 'shows the invoice');
      expect(text($(el, '[part="in-flight"]'))).to.contain('Payment of $420.00 processing since');
      expect(text($(el, '[part="row"]'))).to.contain('Nothing to pay until that payment clears');
      expect(el.shadowRoot!.querySelectorAll('#amount-inv_01HX1042, [part~="pay-button"]')).to.have.length(0);
      expect(text($(el, '[part="notice"]'))).to.equal(
        'Nothing more can be paid on these invoices until the payments in flight clear.',
      );
      expect(sent('GET', '/payments/config')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('pays the others of several when one is held whole', async () => {
      const [first, second] = invoices(2);
      worker.use(
        mock.listInvoices({
          items: [invoice({ ...first!, inFlight: { ...flight, amount: 125_000 }, payable: 0 }), second!],
          nextCursor: null,
        }),
        mock.createPayment(paymentView()),
      );
      const el = await fixture<ArEasyPay>(
        html`<ar-easy-pay api=${API} .invoices=${['INV-1001', 'INV-1002']} locale="en-US"></ar-easy-pay>`,
      );
      await loaded(el);
      expect(el.shadowRoot!.querySelectorAll('#amount-inv_INV-1001')).to.have.length(0);
      expect(field(el, 'amount-inv_INV-1002').value).to.equal('1,250.00');
      fillCard(el);
      await pay(el);
      expect(bodyOf().allocations).to.deep.equal([{ invoiceId: 'inv_INV-1002', amount: 125_000 }]);
    });

    it('names the invoice and the payment in flight on a 409, and offers what is left', async () => {
      let loads = 0;
      worker.use(
        mock.getInvoice(() => invoiceDetail(++loads === 1 ? {} : { inFlight: flight })),
        mock.createPayment(
          fail(409, 'amount_in_flight', undefined, {
            inFlight: {
              invoiceId: 'inv_01HX1042',
              number: 'INV-1042',
              paymentId: flight.paymentId,
              receiptNumber: flight.receiptNumber,
              payable: 12_000,
            },
          }),
        ),
      );
      const el = await renderPay();
      await loaded(el);
      fillCard(el);
      // The payer's own amount gives way to what is left.
      type(field(el, 'amount-inv_01HX1042'), '400.00');
      const failed = oneEvent(el, 'ar-payment-failed');
      await pay(el);
      expect((await failed).detail).to.deep.equal({
        error: { code: 'amount_in_flight', message: 'Mock amount_in_flight.' },
      });
      await waitUntil(() => text(payButton(el)) === 'Pay $123.60', 'offers what is left');
      expect(text(problem(el))).to.equal(
        'Invoice INV-1042 already has a payment in progress (receipt R-2026-000120). ' +
          'We updated the form to what is left to pay: $120.00. Check it and pay again.',
      );
      expect(field(el, 'amount-inv_01HX1042').value).to.equal('120.00');
      expect(text($(el, '[part="in-flight"]'))).to.contain('Payment of $300.00 processing since');
      await expect(el).to.be.accessible();
    });
  });

  describe('in an Easy Pay session', () => {
    beforeEach(() => {
      signIn(sessionCreated({ target: 'pay/INV-1042', scope: { invoiceIds: ['inv_01HX1042'] } }));
    });

    it('says what the link is for, and after paying offers to sign in to the whole account', async () => {
      worker.use(mock.createPayment(paymentView()), mock.requestLink({ ok: true, resendAfter: 60 }));
      const el = await renderPay();
      await loaded(el);
      expect(text($(el, '.scope'))).to.equal('This link is for invoice INV-1042 only.');
      fillCard(el);
      await pay(el);
      await waitUntil(() => $(el, '[part="whole-account"]'), 'offers the whole account');
      expect(text($(el, '[part="whole-account"]'))).to.contain(
        'This payment was for INV-1042. Your account may have other invoices',
      );
      await expect(el).to.be.accessible();

      buttonNamed(el, 'Sign in to see your whole account')!.click();
      await waitUntil(() => $(el, 'ar-login'), 'opens sign-in');
      const login = $(el, 'ar-login')!;
      await (login as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(login.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value).to.equal('ap@northwind.test');
      buttonNamed(login, 'Email me a sign-in link')!.click();
      await waitUntil(() => sent('POST', '/auth/links').length === 1, 'asks for a link');
      expect(sent('POST', '/auth/links')[0]?.body).to.include({ email: 'ap@northwind.test', target: 'invoices' });
    });
  });

  it('says what the server refused and lets the payer try again', async () => {
    worker.use(mock.createPayment(fail(502, 'provider_error')));
    const el = await renderPay();
    await loaded(el);
    fillCard(el);
    const failed = oneEvent(el, 'ar-payment-failed');
    await pay(el);
    expect((await failed).detail).to.have.nested.property('error.code', 'provider_error');
    expect(text(problem(el))).to.contain('The payment service could not be reached. Nothing was charged.');
    expect(payButton(el).disabled).to.equal(false);
  });

  it('uses credit towards the invoices and takes an overpayment, each on its own line', async () => {
    worker.use(
      mock.paymentConfig(paymentConfig({ credit: 15_000, allowOverpayment: true })),
      mock.createPayment(paymentView()),
    );
    const el = await renderPay();
    await loaded(el);
    const credit = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(text(credit.closest('label'))).to.equal('Use my unapplied credit ($150.00 available)');
    credit.click();
    type(field(el, 'overpayment'), '10');
    await el.updateComplete;
    // $420.00 − $150.00 + $10.00 = $280.00, and 3 % of that.
    expect(summary(el)).to.equal(
      'Invoices $420.00 Credit applied -$150.00 Extra, kept as credit $10.00 Card surcharge (3%) $8.40 Total $288.40',
    );
    fillCard(el);
    await pay(el);
    expect(bodyOf()).to.include({ credit: 15_000, overpayment: 1_000, expectedTotal: 28_840 });
  });

  it('says so when the credit covers everything, since a payment must charge something', async () => {
    worker.use(mock.paymentConfig(paymentConfig({ credit: 50_000 })));
    const el = await renderPay();
    await loaded(el);
    el.shadowRoot!.querySelector<HTMLInputElement>('#use-credit')!.click();
    fillCard(el);
    payButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'use-credit')).to.contain('Your credit covers all of this');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'use-credit', 'focuses the credit box');
    expect(sent('POST', '/payments')).to.have.length(0);
  });

  it('offers no credit or overpayment when there is none to use or the company takes none', async () => {
    const el = await renderPay();
    await loaded(el);
    expect(el.shadowRoot!.querySelector('input[type="checkbox"]')).to.equal(null);
    expect($(el, '#overpayment')).to.equal(null);
  });

  it('reads amounts as typed in the locale', async () => {
    worker.use(mock.createPayment(paymentView()));
    const el = await renderPay({ locale: 'fr-FR' });
    await loaded(el);
    expect(field(el, 'amount-inv_01HX1042').value).to.equal('420,00');
    type(field(el, 'amount-inv_01HX1042'), '250,5');
    fillCard(el);
    await pay(el);
    expect(bodyOf().allocations).to.deep.equal([{ invoiceId: 'inv_01HX1042', amount: 25_050 }]);
  });

  it('says there is nothing to pay when the invoice is paid', async () => {
    worker.use(mock.getInvoice(invoiceDetail({ balance: 0, status: 'paid', daysPastDue: 0 })));
    const el = await renderPay();
    await loaded(el);
    expect(text($(el, '[part~="empty"]'))).to.contain('Nothing to pay: these invoices are paid in full.');
    expect(sent('GET', '/payments/config')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says when the invoice is not on the account', async () => {
    worker.use(mock.getInvoice(fail(404, 'not_found')));
    const el = await renderPay({ invoice: 'INV-9999' });
    await loaded(el);
    expect(text($(el, '[role="alert"]'))).to.contain('We can’t find invoice INV-9999 on your account.');
  });

  it('says what failed to load and retries', async () => {
    let calls = 0;
    worker.use(mock.paymentConfig(() => (++calls === 1 ? fail(503, 'internal_error') : paymentConfig())));
    const el = await renderPay();
    await loaded(el);
    expect(text($(el, '[role="alert"]'))).to.contain('We could not load the payment form.');
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => $(el, 'form'), 'shows the form after the retry');
  });

  it('shows a loading state', async () => {
    worker.use(mock.getInvoice(never));
    const el = await renderPay();
    expect(text($(el, '[part="loading"]'))).to.contain('Loading what there is to pay…');
    await expect(el).to.be.accessible();
  });

  it('asks to sign in when there is no session', async () => {
    sessionStorage.clear();
    const el = await renderPay();
    expect(shadowText(el)).to.contain('Sign in to pay your invoices.');
    expect(sent('GET', '/invoices/INV-1042')).to.have.length(0);
  });

  it('never loads Stripe.js in the sandbox', async () => {
    const el = await renderPay();
    await loaded(el);
    tab(el, 'Bank transfer (ACH)').click();
    tab(el, 'Card').click();
    await el.updateComplete;
    expect(document.querySelector(`script[src="${stripeJsUrl}"]`)).to.equal(null);
    expect(window.Stripe).to.equal(undefined);
    expect(el.querySelector('[slot]')).to.equal(null);
  });

  it('looks up by itself an invoice that is not on the first page of the open list', async () => {
    worker.use(
      mock.listInvoices({ items: invoices(2), nextCursor: 'more' }),
      mock.getInvoice(invoice({ number: 'INV-5000', balance: 1_000 }) as never),
      mock.paymentConfig(paymentConfig()),
    );
    const el = await fixture<ArEasyPay>(
      html`<ar-easy-pay api=${API} .invoices=${['INV-1002', 'INV-5000']} locale="en-US"></ar-easy-pay>`,
    );
    await waitUntil(() => $(el, 'form'), 'the pay form loads');
    expect([...el.shadowRoot!.querySelectorAll('.invoice-number')].map(text)).to.deep.equal(['INV-1002', 'INV-5000']);
    expect(sent('GET', '/invoices/INV-5000')).to.have.length(1);
    expect(sent('GET', '/invoices/INV-1002')).to.have.length(0);
    expect(summary(el)).to.contain('Invoices $1,260.00');
  });

  describe('with Stripe', () => {
    // A stand-in for Stripe.js, served where the real one lives, recording what the element asks of it.
    const fakeStripeJs = `
      window.Stripe = (key) => {
        const calls = (window.__stripeCalls ??= []);
        calls.push(['Stripe', key]);
        const elements = {
          create: (type) => ({ mount: (el) => { calls.push(['mount', type, el.slot]); el.textContent = 'Stripe card form'; }, destroy: () => calls.push(['destroy']) }),
          update: (options) => calls.push(['update', options.amount]),
          submit: async () => ({}),
        };
        return {
          elements: (options) => { calls.push(['elements', options.paymentMethodTypes.join(), options.currency]); return elements; },
          createPaymentMethod: async () => ({ paymentMethod: { id: 'pm_test_visa' } }),
          confirmPayment: async ({ clientSecret, redirect }) => { calls.push(['confirmPayment', clientSecret, redirect]); return {}; },
          handleNextAction: async ({ clientSecret }) => { calls.push(['handleNextAction', clientSecret]); return {}; },
        };
      };`;

    afterEach(() => {
      delete window.Stripe;
      document.querySelector(`script[src="${stripeJsUrl}"]`)?.remove();
    });

    it('loads Stripe.js only for a Stripe method, sends its PaymentMethod and confirms the intent', async () => {
      worker.use(
        http.get(stripeJsUrl, () => new HttpResponse(fakeStripeJs, { headers: { 'Content-Type': 'text/javascript' } })),
        mock.paymentConfig(
          paymentConfig({
            methods: [
              { method: 'card', provider: 'stripe' },
              { method: 'paypal', provider: 'paypal' },
            ],
            stripe: { publishableKey: 'pk_test_123' },
            paypal: { clientId: 'paypal-client' },
          }),
        ),
        mock.createPayment(
          paymentView({
            provider: 'stripe',
            status: 'pending',
            nextAction: { type: 'stripe_confirm', clientSecret: 'pi_123_secret_456' },
          }),
        ),
        mock.confirmPayment(paymentView({ provider: 'stripe' })),
      );
      const el = await renderPay();
      await loaded(el);
      await waitUntil(() => el.querySelector('[slot="stripe-payment"]')?.textContent === 'Stripe card form', 'mounts');
      const recorded = (window as unknown as { __stripeCalls: unknown[][] }).__stripeCalls;
      expect(recorded.slice(0, 3)).to.deep.equal([
        ['Stripe', 'pk_test_123'],
        ['elements', 'card', 'usd'],
        ['mount', 'payment', 'stripe-payment'],
      ]);
      expect($(el, 'slot[name="stripe-payment"]')).not.to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('#method-panel input')).to.have.length(0);

      await pay(el);
      await waitUntil(() => $(el, '[part="receipt"]'), 'shows the receipt');
      expect(bodyOf().paymentMethod).to.equal('pm_test_visa');
      // The server confirmed the card intent with the PaymentMethod: only its next action is left here.
      expect(recorded).to.deep.include(['handleNextAction', 'pi_123_secret_456']);
      expect(sent('POST', '/payments/pay_01HXPAY/confirm')[0]?.body).to.deep.equal({ outcome: 'complete' });
      // Done with it: the Payment Element is gone from the page.
      expect(el.querySelector('[slot="stripe-payment"]')).to.equal(null);
    });
  });
});
