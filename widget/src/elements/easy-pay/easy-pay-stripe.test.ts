import { expect, waitUntil } from '../../../test/testing.js';
import { http, HttpResponse } from 'msw';
import { paymentConfig, paymentView } from '../../../test/fixtures.js';
import { mock, sent, worker } from '../../../test/mock-api.js';
import './define.js';
import { stripeJsUrl } from '../../internal/stripe.js';
import { $, renderPay, tab, loaded, pay, bodyOf, useSignedInPayer } from './easy-pay.test-support.js';

describe('<ar-easy-pay>', () => {
  useSignedInPayer();

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
