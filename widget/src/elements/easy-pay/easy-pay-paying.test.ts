import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { API, invoiceDetail, paymentView } from '../../../test/fixtures.js';
import { catchDownloads } from '../../../test/downloads.js';
import { buttonNamed, type } from '../../../test/dom.js';
import { fail, file, mock, offline, sent, worker } from '../../../test/mock-api.js';
import './define.js';
import type { ArEasyPay } from './easy-pay.js';
import {
  $,
  renderPay,
  text,
  field,
  payButton,
  problem,
  tab,
  errorOf,
  loaded,
  fillCard,
  pay,
  bodyOf,
  keyOf,
  declined,
  useSignedInPayer,
} from './easy-pay.test-support.js';

describe('<ar-easy-pay>', () => {
  useSignedInPayer();

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
});
