import { expect, fixture, html, waitUntil } from '../../../test/testing.js';
import { API, invoice, invoiceDetail, invoices, paymentConfig, paymentView } from '../../../test/fixtures.js';
import { buttonNamed, shadowText, type } from '../../../test/dom.js';
import { fail, mock, never, sent, worker } from '../../../test/mock-api.js';
import './define.js';
import type { ArEasyPay } from './easy-pay.js';
import {
  $,
  renderPay,
  text,
  field,
  payButton,
  summary,
  tabs,
  tab,
  errorOf,
  loaded,
  fillCard,
  pay,
  bodyOf,
  useSignedInPayer,
} from './easy-pay.test-support.js';

describe('<ar-easy-pay>', () => {
  useSignedInPayer();

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
});
