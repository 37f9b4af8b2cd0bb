/**
 * The Stripe provider against a loopback Stripe: the methods it offers and charges, and the provider registry with
 * Stripe and PayPal configured. Refunds, confirmation and failures are in stripe-provider-refund-confirm.test.ts,
 * webhooks in stripe-webhooks.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProviders } from '../src/payments/registry';
import { SECRET_KEY, charge, configFor, provider, stripe, useStripeStandin } from './stripe-provider-support';

describe('Stripe provider against a loopback Stripe', () => {
  useStripeStandin();

  describe('methods', () => {
    it('offers cards everywhere and ACH in USD only, never EFT or PayPal', () => {
      assert.deepEqual(provider.methodsFor('USD'), ['card', 'debit', 'ach']);
      assert.deepEqual(provider.methodsFor('CAD'), ['card', 'debit']);
      assert.deepEqual(provider.methodsFor('EUR'), ['card', 'debit']);
    });
  });

  describe('charge', () => {
    it('confirms a card PaymentIntent made from a pm_… id and reports it succeeded', async () => {
      const outcome = await provider.charge(charge());

      const [created] = stripe.to('POST', '/v1/payment_intents');
      assert.ok(created);
      const pi = [...stripe.paymentIntents.values()][0]!;
      assert.deepEqual(outcome, { status: 'succeeded', ref: pi.id });
      const form = new URLSearchParams(created.body);
      assert.equal(form.get('amount'), '123456');
      assert.equal(form.get('currency'), 'usd');
      assert.equal(form.get('description'), 'Acme Supplies INV-1001');
      assert.equal(form.get('metadata[portico_payment_id]'), 'pay_0001');
      assert.equal(form.get('metadata[portico_method]'), 'card');
      assert.equal(form.get('allowed_payment_method_types[0]'), 'card');
      assert.equal(form.get('payment_method'), 'pm_card_visa');
      assert.equal(form.get('confirm'), 'true');
      assert.equal(created.headers['idempotency-key'], 'pay_0001');
      assert.equal(created.headers.authorization, `Bearer ${SECRET_KEY}`);
    });

    it('tells Stripe the payer is away for an automatic payment (off_session), and not otherwise', async () => {
      await provider.charge(charge({ paymentId: 'pay_0002', offSession: true }));
      await provider.charge(charge({ paymentId: 'pay_0003' }));
      const [away, present] = stripe.to('POST', '/v1/payment_intents').map((r) => new URLSearchParams(r.body));
      assert.equal(away!.get('off_session'), 'true');
      assert.equal(away!.get('confirm'), 'true');
      assert.equal(present!.get('off_session'), null);
    });

    it('attaches a Stripe Customer tagged with our customer id', async () => {
      await provider.charge(charge());

      assert.equal(stripe.customers.size, 1);
      const customer = [...stripe.customers.values()][0]!;
      assert.deepEqual(
        { name: customer.name, email: customer.email, metadata: customer.metadata },
        { name: 'Acme Supplies', email: 'ap@acme.test', metadata: { portico_customer_id: 'cus_acme' } },
      );
      const form = new URLSearchParams(stripe.to('POST', '/v1/payment_intents')[0]!.body);
      assert.equal(form.get('customer'), customer.id);
    });

    it('finds the same Stripe Customer for the next payment instead of making another', async () => {
      await provider.charge(charge({ paymentId: 'pay_0001' }));
      await provider.charge(charge({ paymentId: 'pay_0002' }));

      assert.equal(stripe.customers.size, 1);
      assert.equal(stripe.to('POST', '/v1/customers').length, 1);
      const customers = stripe
        .to('POST', '/v1/payment_intents')
        .map((r) => new URLSearchParams(r.body).get('customer'));
      assert.equal(customers[0], customers[1]);
    });

    it('still makes one Stripe Customer while search has not indexed it yet', async () => {
      stripe.searchable = false;
      await provider.charge(charge({ paymentId: 'pay_0001' }));
      await provider.charge(charge({ paymentId: 'pay_0002' }));

      assert.equal(stripe.customers.size, 1);
      const keys = stripe.to('POST', '/v1/customers').map((r) => r.headers['idempotency-key']);
      assert.equal(keys.length, 2);
      assert.equal(keys[0], keys[1]);
      assert.match(String(keys[0]), /^portico-customer-cus_acme-/);
    });

    it('charges once when the same payment is sent again', async () => {
      const first = await provider.charge(charge());
      const again = await provider.charge(charge());

      assert.deepEqual(again, first);
      assert.equal(stripe.paymentIntents.size, 1);
      const keys = stripe.to('POST', '/v1/payment_intents').map((r) => r.headers['idempotency-key']);
      assert.deepEqual(keys, ['pay_0001', 'pay_0001']);
    });

    it('asks the browser to confirm with Stripe.js when no payment method came with the charge', async () => {
      const outcome = await provider.charge(charge({ paymentMethod: null }));

      const pi = [...stripe.paymentIntents.values()][0]!;
      assert.deepEqual(outcome, {
        status: 'requires_action',
        ref: pi.id,
        nextAction: { type: 'stripe_confirm', clientSecret: pi.client_secret },
      });
      const form = new URLSearchParams(stripe.to('POST', '/v1/payment_intents')[0]!.body);
      assert.equal(form.get('confirm'), null);
      assert.equal(form.get('payment_method'), null);
    });

    it('hands a card that must authenticate (3-D Secure) to the browser', async () => {
      const outcome = await provider.charge(charge({ paymentMethod: 'pm_card_authenticationRequired' }));

      assert.equal(outcome.status, 'requires_action');
      assert.ok(outcome.status === 'requires_action' && outcome.nextAction.type === 'stripe_confirm');
    });

    for (const [paymentMethod, code, message] of [
      ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds', /insufficient funds/],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card', /expired/],
      ['pm_card_chargeDeclined', 'card_declined', /declined/],
    ] as const) {
      it(`reports a ${code} decline as failed with a stable code and a message for the payer`, async () => {
        const outcome = await provider.charge(charge({ paymentMethod }));

        const pi = [...stripe.paymentIntents.values()][0]!;
        assert.equal(outcome.status, 'failed');
        assert.ok(outcome.status === 'failed');
        assert.equal(outcome.ref, pi.id);
        assert.equal(outcome.code, code);
        assert.match(outcome.message, message);
      });
    }

    it('declines a stolen card without saying why', async () => {
      const outcome = await provider.charge(charge({ paymentMethod: 'pm_card_chargeDeclinedStolenCard' }));

      assert.ok(outcome.status === 'failed');
      assert.equal(outcome.code, 'card_declined');
      assert.doesNotMatch(outcome.message, /stolen|lost|fraud/i);
    });

    it('refuses a credit card offered as a debit card before charging anything', async () => {
      const outcome = await provider.charge(charge({ method: 'debit', paymentMethod: 'pm_card_visa' }));

      assert.deepEqual(outcome, {
        status: 'failed',
        ref: null,
        code: 'card_not_debit',
        message: 'That is a credit card. Choose "Card" to pay with it.',
      });
      assert.equal(stripe.paymentIntents.size, 0);
    });

    it('charges a debit card as a card PaymentIntent', async () => {
      const outcome = await provider.charge(charge({ method: 'debit', paymentMethod: 'pm_card_visa_debit' }));

      assert.equal(outcome.status, 'succeeded');
      const form = new URLSearchParams(stripe.to('POST', '/v1/payment_intents')[0]!.body);
      assert.equal(form.get('allowed_payment_method_types[0]'), 'card');
      assert.equal(form.get('metadata[portico_method]'), 'debit');
    });

    it('leaves an ACH debit for the browser to confirm, where the mandate is shown', async () => {
      const outcome = await provider.charge(charge({ method: 'ach', paymentMethod: null }));

      assert.equal(outcome.status, 'requires_action');
      const form = new URLSearchParams(stripe.to('POST', '/v1/payment_intents')[0]!.body);
      assert.equal(form.get('allowed_payment_method_types[0]'), 'us_bank_account');
      assert.equal(form.get('confirm'), null);
    });

    it('sends zero-decimal currencies as whole units, lower-cased', async () => {
      await provider.charge(charge({ amount: 5_000, currency: 'JPY' }));

      const form = new URLSearchParams(stripe.to('POST', '/v1/payment_intents')[0]!.body);
      assert.equal(form.get('amount'), '5000');
      assert.equal(form.get('currency'), 'jpy');
    });
  });
});

describe('provider registry with Stripe and PayPal configured', () => {
  it('sends cards and ACH to Stripe and PayPal to PayPal', () => {
    const providers = createProviders({
      ...configFor('http://127.0.0.1:9'),
      PAYPAL_CLIENT_ID: 'AX-portico-client',
      PAYPAL_CLIENT_SECRET: 'EL-portico-secret',
      PAYPAL_WEBHOOK_ID: 'WH-PORTICO-0001',
    });

    assert.deepEqual(providers.methodsFor('USD'), [
      { method: 'card', provider: 'stripe' },
      { method: 'debit', provider: 'stripe' },
      { method: 'ach', provider: 'stripe' },
      { method: 'paypal', provider: 'paypal' },
    ]);
    assert.deepEqual(
      providers.methodsFor('CAD').map((m) => m.method),
      ['card', 'debit', 'paypal'],
    );
    assert.equal(providers.byName('sandbox'), null);
  });

  it('offers no PayPal when only Stripe is configured', () => {
    const providers = createProviders(configFor('http://127.0.0.1:9'));

    assert.equal(providers.forMethod('paypal', 'USD'), null);
    assert.equal(providers.forMethod('card', 'USD')?.name, 'stripe');
  });
});
