import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Stripe from 'stripe';
import { testConfig } from '../src/config';
import { DomainError } from '../src/domain/errors';
import type { ChargeInput, PaymentProvider } from '../src/payments/provider';
import { ProviderError } from '../src/payments/provider';
import { createProviders } from '../src/payments/registry';
import { stripeProvider } from '../src/payments/stripe';
import { refusedUrl } from '../../test/support/standins/http-standin';
import type { StripeStandin } from '../../test/support/standins/stripe-standin';
import { startStripeStandin } from '../../test/support/standins/stripe-standin';

const SECRET_KEY = 'sk_test_portico_standin';
const WEBHOOK_SECRET = 'whsec_portico_standin';

const configFor = (apiUrl: string) => ({
  ...testConfig({
    PAYMENT_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: 'pk_test_portico_standin',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: apiUrl,
  }),
  SANDBOX_WEBHOOK_SECRET: 'whsec_unused_sandbox_secret',
});

const charge = (overrides: Partial<ChargeInput> = {}): ChargeInput => ({
  paymentId: 'pay_0001',
  amount: 123_456,
  currency: 'USD',
  method: 'card',
  paymentMethod: 'pm_card_visa',
  customer: { id: 'cus_acme', name: 'Acme Supplies', email: 'ap@acme.test' },
  description: 'Acme Supplies INV-1001',
  ...overrides,
});

const signatureInvalid = (error: unknown) => error instanceof DomainError && error.code === 'signature_invalid';

describe('Stripe provider against a loopback Stripe', () => {
  let stripe: StripeStandin;
  let provider: PaymentProvider;

  beforeEach(async () => {
    stripe = await startStripeStandin(SECRET_KEY);
    provider = stripeProvider(configFor(stripe.url));
  });
  afterEach(() => stripe.close());

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

describe('Stripe webhooks', () => {
  const provider = stripeProvider(configFor('http://127.0.0.1:9'));
  // A fixed moment far from the machine's clock: verification must use the injected `now`.
  const sentAt = Math.floor(Date.parse('2026-03-01T12:00:00Z') / 1000);
  const receivedAt = new Date((sentAt + 5) * 1000);

  const signed = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
    new Headers({
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? WEBHOOK_SECRET,
        timestamp: options.timestamp ?? sentAt,
      }),
    });

  const event = (type: string, object: Record<string, unknown>) =>
    JSON.stringify({ id: 'evt_0001', object: 'event', type, data: { object } });
  const intent = (overrides: Record<string, unknown> = {}) => ({
    id: 'pi_0001',
    object: 'payment_intent',
    payment_method_types: ['card'],
    allowed_payment_method_types: ['card'],
    last_payment_error: null,
    ...overrides,
  });

  it('reads a payment_intent.succeeded event signed with the endpoint secret', async () => {
    const body = event('payment_intent.succeeded', intent());

    assert.deepEqual(await provider.parseWebhook(body, signed(body), receivedAt), {
      id: 'evt_0001',
      ref: 'pi_0001',
      outcome: 'succeeded',
    });
  });

  it('refuses a signature made with another secret', async () => {
    const body = event('payment_intent.succeeded', intent());

    await assert.rejects(
      provider.parseWebhook(body, signed(body, { secret: 'whsec_someone_else' }), receivedAt),
      signatureInvalid,
    );
  });

  it('refuses a body changed after signing', async () => {
    const headers = signed(event('payment_intent.payment_failed', intent()));

    await assert.rejects(
      provider.parseWebhook(event('payment_intent.succeeded', intent()), headers, receivedAt),
      signatureInvalid,
    );
  });

  it('refuses a webhook without a Stripe-Signature header', async () => {
    const body = event('payment_intent.succeeded', intent());

    await assert.rejects(provider.parseWebhook(body, new Headers(), receivedAt), (e) => {
      return signatureInvalid(e) && /no signature/.test((e as Error).message);
    });
  });

  it('refuses a signature older than five minutes by our clock', async () => {
    const body = event('payment_intent.succeeded', intent());
    const late = new Date((sentAt + 301) * 1000);

    await assert.rejects(provider.parseWebhook(body, signed(body), late), (e) => {
      return signatureInvalid(e) && /too old/.test((e as Error).message);
    });
    assert.equal(
      (await provider.parseWebhook(body, signed(body), new Date((sentAt + 300) * 1000))).outcome,
      'succeeded',
    );
  });

  it('reads processing, failed and cancelled PaymentIntents', async () => {
    const parse = (body: string) => provider.parseWebhook(body, signed(body), receivedAt);

    assert.equal((await parse(event('payment_intent.processing', intent()))).outcome, 'processing');
    assert.deepEqual(
      await parse(
        event(
          'payment_intent.payment_failed',
          intent({
            payment_method_types: ['us_bank_account'],
            allowed_payment_method_types: ['us_bank_account'],
            last_payment_error: { type: 'invalid_request_error', code: 'insufficient_funds' },
          }),
        ),
      ),
      {
        id: 'evt_0001',
        ref: 'pi_0001',
        outcome: 'failed',
        code: 'insufficient_funds',
        message: 'Your bank account had insufficient funds for the debit. Nothing was taken.',
      },
    );
    const cancelled = await parse(event('payment_intent.canceled', intent()));
    assert.equal(cancelled.outcome, 'failed');
    assert.equal(cancelled.code, 'payment_cancelled');
  });

  it('reads a dispute on an ACH debit as the payment returned', async () => {
    const body = event('charge.dispute.created', {
      id: 'du_0001',
      object: 'dispute',
      payment_intent: 'pi_0001',
      reason: 'insufficient_funds',
      payment_method_details: { type: 'us_bank_account' },
    });

    assert.deepEqual(await provider.parseWebhook(body, signed(body), receivedAt), {
      id: 'evt_0001',
      ref: 'pi_0001',
      outcome: 'returned',
      code: 'bank_returned',
      message: 'Your bank returned the payment. The invoices are open again.',
    });
  });

  it('ignores a card dispute and events that do not move a payment', async () => {
    const parse = (body: string) => provider.parseWebhook(body, signed(body), receivedAt);
    const cardDispute = event('charge.dispute.created', {
      id: 'du_0002',
      object: 'dispute',
      payment_intent: 'pi_0001',
      reason: 'fraudulent',
      payment_method_details: { type: 'card' },
    });

    assert.equal((await parse(cardDispute)).outcome, 'ignored');
    assert.equal((await parse(event('charge.refunded', { id: 'ch_0001', object: 'charge' }))).outcome, 'ignored');
    assert.equal((await parse(event('payment_intent.created', intent()))).outcome, 'ignored');
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
