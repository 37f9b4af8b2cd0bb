import { expect, oneEvent, waitUntil } from '../../../test/testing.js';
import { paymentView } from '../../../test/fixtures.js';
import { buttonNamed } from '../../../test/dom.js';
import { fail, mock, sent, worker } from '../../../test/mock-api.js';
import './define.js';
import {
  $,
  renderPay,
  text,
  field,
  payButton,
  problem,
  tab,
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
});
