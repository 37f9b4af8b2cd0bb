import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { API, invoice, invoiceDetail, invoices, paymentView, sessionCreated } from '../../../test/fixtures.js';
import { buttonNamed, type } from '../../../test/dom.js';
import { fail, mock, sent, signIn, worker } from '../../../test/mock-api.js';
import './define.js';
import type { ArEasyPay } from './easy-pay.js';
import {
  $,
  renderPay,
  text,
  field,
  payButton,
  problem,
  errorOf,
  loaded,
  fillCard,
  pay,
  bodyOf,
  useSignedInPayer,
} from './easy-pay.test-support.js';

describe('<ar-easy-pay>', () => {
  useSignedInPayer();

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
});
