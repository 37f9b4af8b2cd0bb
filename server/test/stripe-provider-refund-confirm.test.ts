/** The Stripe provider against a loopback Stripe: refunds, confirming after authentication, and failures talking to Stripe. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProviderError } from '../src/payments/provider';
import { stripeProvider } from '../src/payments/stripe';
import { refusedUrl } from '../../test/support/standins/http-standin';
import { charge, configFor, provider, stripe, useStripeStandin } from './stripe-provider-support';

describe('Stripe provider against a loopback Stripe', () => {
  useStripeStandin();

  describe('refund', () => {
    it('refunds part of a succeeded PaymentIntent once, with an idempotency key of its own', async () => {
      const outcome = await provider.charge(charge({ paymentId: 'pay_refund1' }));
      assert.equal(outcome.status, 'succeeded');
      const ref = outcome.ref!;
      const input = { paymentId: 'pay_refund1', currency: 'USD' };
      const first = await provider.refund(ref, 20_000, input);
      const again = await provider.refund(ref, 20_000, input);
      assert.equal(first.status, 'succeeded');
      assert.deepEqual(again, first, 'a retried refund is the same refund');
      assert.equal(stripe.refunds.length, 1);
      assert.deepEqual(
        { amount: stripe.refunds[0]!.amount, payment_intent: stripe.refunds[0]!.payment_intent },
        { amount: 20_000, payment_intent: ref },
      );
      const [sent] = stripe.to('POST', '/v1/refunds');
      assert.equal(sent!.headers['idempotency-key'], 'refund-pay_refund1');
    });

    it('reports a refund Stripe refuses as failed, with its reason', async () => {
      const waiting = await provider.charge(charge({ paymentId: 'pay_refund2', paymentMethod: null }));
      assert.equal(waiting.status, 'requires_action');
      const result = await provider.refund(waiting.ref!, 100, { paymentId: 'pay_refund2', currency: 'USD' });
      assert.equal(result.status, 'failed');
    });
  });

  describe('confirm', () => {
    it('asks Stripe where the PaymentIntent stands rather than trusting the browser', async () => {
      const started = await provider.charge(charge({ paymentMethod: null }));
      const ref = started.status === 'requires_action' ? started.ref : '';

      assert.equal((await provider.confirm(ref, 'complete', charge())).status, 'requires_action');
      stripe.setStatus(ref, 'succeeded');
      assert.deepEqual(await provider.confirm(ref, 'complete', charge()), { status: 'succeeded', ref });
      assert.equal(stripe.to('GET', `/v1/payment_intents/${ref}`).length, 2);
    });

    it('reports a bank debit still settling as processing', async () => {
      const started = await provider.charge(charge({ method: 'ach', paymentMethod: null }));
      stripe.setStatus(started.status === 'requires_action' ? started.ref : '', 'processing');

      assert.equal(
        (await provider.confirm(started.status === 'requires_action' ? started.ref : '', 'complete', charge())).status,
        'processing',
      );
    });

    it('reports a card declined in the browser as failed', async () => {
      const started = await provider.charge(charge({ paymentMethod: null }));
      const ref = started.status === 'requires_action' ? started.ref : '';
      stripe.setStatus(ref, 'requires_payment_method', { type: 'card_error', code: 'expired_card' });

      const outcome = await provider.confirm(ref, 'complete', charge());
      assert.ok(outcome.status === 'failed');
      assert.equal(outcome.code, 'expired_card');
    });

    it('cancels the PaymentIntent when the payer gives up', async () => {
      const started = await provider.charge(charge({ paymentMethod: null }));
      const ref = started.status === 'requires_action' ? started.ref : '';

      const outcome = await provider.confirm(ref, 'cancel', charge());

      assert.ok(outcome.status === 'failed');
      assert.equal(outcome.code, 'payment_cancelled');
      assert.equal(stripe.paymentIntents.get(ref)!.status, 'canceled');
      assert.equal(stripe.to('POST', `/v1/payment_intents/${ref}/cancel`).length, 1);
    });

    it('reports a payment that went through before the cancel arrived as succeeded', async () => {
      const started = await provider.charge(charge({ paymentMethod: null }));
      const ref = started.status === 'requires_action' ? started.ref : '';
      stripe.setStatus(ref, 'succeeded');

      assert.deepEqual(await provider.confirm(ref, 'cancel', charge()), { status: 'succeeded', ref });
    });
  });

  describe('failures talking to Stripe', () => {
    it('throws a retryable ProviderError on a 500 Stripe says not to retry', async () => {
      stripe.failNext(500, { path: '/v1/payment_intents', shouldRetry: false });

      await assert.rejects(provider.charge(charge()), (e) => e instanceof ProviderError && e.retryable);
      assert.equal(stripe.to('POST', '/v1/payment_intents').length, 1);
    });

    it('retries a 500 with the same idempotency key and charges once', async () => {
      stripe.failNext(500, { path: '/v1/payment_intents' });

      const outcome = await provider.charge(charge());

      assert.equal(outcome.status, 'succeeded');
      const keys = stripe.to('POST', '/v1/payment_intents').map((r) => r.headers['idempotency-key']);
      assert.deepEqual(keys, ['pay_0001', 'pay_0001']);
      assert.equal(stripe.paymentIntents.size, 1);
    });

    it('throws a ProviderError that is not retryable when the secret key is refused', async () => {
      const wrongKey = stripeProvider({ ...configFor(stripe.url), STRIPE_SECRET_KEY: 'sk_test_wrong' });

      await assert.rejects(wrongKey.charge(charge()), (e) => e instanceof ProviderError && !e.retryable);
    });

    it('throws a retryable ProviderError when Stripe cannot be reached', async () => {
      const unreachable = stripeProvider(configFor(await refusedUrl()));

      await assert.rejects(unreachable.charge(charge()), (e) => e instanceof ProviderError && e.retryable);
    });
  });
});
