/**
 * The PayPal provider against a loopback PayPal: amounts, charges, the access token, refunds and confirmation.
 * Webhooks are in paypal-webhooks.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paypalAmount, paypalProvider } from '../src/payments/paypal';
import { ProviderError } from '../src/payments/provider';
import { refusedUrl } from '../../test/support/standins/http-standin';
import { charge, configFor, credentials, paypal, provider, refOf, usePaypalStandin } from './paypal-provider-support';

describe('PayPal amounts', () => {
  it('writes minor units as a decimal string by the currency’s exponent, never through a float', () => {
    assert.equal(paypalAmount(123_456, 'USD'), '1234.56');
    assert.equal(paypalAmount(5, 'EUR'), '0.05');
    assert.equal(paypalAmount(100, 'GBP'), '1.00');
    assert.equal(paypalAmount(5_000, 'JPY'), '5000');
    assert.equal(paypalAmount(900_719_925_474_099, 'USD'), '9007199254740.99');
  });

  it('refuses amounts that are not a positive whole number of minor units', () => {
    for (const amount of [0, -1, 12.5, Number.NaN]) {
      assert.throws(() => paypalAmount(amount, 'USD'), ProviderError);
    }
  });
});

describe('PayPal provider against a loopback PayPal', () => {
  usePaypalStandin();

  it('offers PayPal in the currencies PayPal takes', () => {
    for (const currency of ['USD', 'EUR', 'CAD', 'GBP', 'AUD', 'JPY']) {
      assert.deepEqual(provider.methodsFor(currency), ['paypal'], currency);
    }
    assert.deepEqual(provider.methodsFor('HUF'), []);
    assert.deepEqual(provider.methodsFor('KWD'), []);
  });

  describe('charge', () => {
    it('creates an order to capture and returns the approve link', async () => {
      const outcome = await provider.charge(charge());

      const [created] = paypal.to('POST', '/v2/checkout/orders');
      assert.ok(created);
      const orderId = [...paypal.orders.keys()][0]!;
      assert.deepEqual(outcome, {
        status: 'requires_action',
        ref: orderId,
        nextAction: {
          type: 'paypal_approve',
          orderId,
          approveUrl: `https://www.sandbox.paypal.com/checkoutnow?token=${orderId}`,
        },
      });
      const body = JSON.parse(created.body);
      assert.equal(body.intent, 'CAPTURE');
      assert.deepEqual(body.purchase_units, [
        {
          custom_id: 'pay_0001',
          description: 'Acme Supplies INV-1001',
          amount: { currency_code: 'USD', value: '1234.56' },
        },
      ]);
      assert.equal(created.headers['paypal-request-id'], 'pay_0001');
      assert.match(String(created.headers.authorization), /^Bearer A21AA/);
    });

    it('sends yen without decimals', async () => {
      await provider.charge(charge({ amount: 5_000, currency: 'JPY' }));

      const body = JSON.parse(paypal.to('POST', '/v2/checkout/orders')[0]!.body);
      assert.deepEqual(body.purchase_units[0].amount, { currency_code: 'JPY', value: '5000' });
    });

    it('gets the same order back when the same payment is sent again', async () => {
      const first = await provider.charge(charge());
      const again = await provider.charge(charge());

      assert.deepEqual(again, first);
      assert.equal(paypal.orders.size, 1);
    });

    it('throws a retryable ProviderError when PayPal fails with a 5xx', async () => {
      paypal.failNext(503, { path: '/v2/checkout/orders' });

      await assert.rejects(provider.charge(charge()), (e) => e instanceof ProviderError && e.retryable);
    });

    it('throws a retryable ProviderError when PayPal cannot be reached', async () => {
      const unreachable = paypalProvider(configFor(await refusedUrl()));

      await assert.rejects(unreachable.charge(charge()), (e) => e instanceof ProviderError && e.retryable);
    });

    it('throws a ProviderError that is not retryable when the client credentials are refused', async () => {
      const wrong = paypalProvider({ ...configFor(paypal.url), PAYPAL_CLIENT_SECRET: 'not-the-secret' });

      await assert.rejects(wrong.charge(charge()), (e) => e instanceof ProviderError && !e.retryable);
    });
  });

  describe('access token', () => {
    it('asks for one client-credentials token and reuses it across calls', async () => {
      const ref = refOf(await provider.charge(charge({ paymentId: 'pay_0001' })));
      await provider.charge(charge({ paymentId: 'pay_0002' }));
      paypal.approve(ref);
      await provider.confirm(ref, 'complete', charge({ paymentId: 'pay_0001' }));

      const tokenRequests = paypal.to('POST', '/v1/oauth2/token');
      assert.equal(tokenRequests.length, 1);
      assert.equal(new URLSearchParams(tokenRequests[0]!.body).get('grant_type'), 'client_credentials');
      const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
      assert.equal(tokenRequests[0]!.headers.authorization, `Basic ${basic}`);
    });

    it('shares one token request between calls made at the same time', async () => {
      await Promise.all([
        provider.charge(charge({ paymentId: 'pay_0001' })),
        provider.charge(charge({ paymentId: 'pay_0002' })),
      ]);

      assert.equal(paypal.to('POST', '/v1/oauth2/token').length, 1);
    });

    it('asks again once the token is within a minute of expiring', async () => {
      paypal.tokenLifetimeSeconds = 59;
      await provider.charge(charge({ paymentId: 'pay_0001' }));
      await provider.charge(charge({ paymentId: 'pay_0002' }));

      assert.equal(paypal.to('POST', '/v1/oauth2/token').length, 2);
    });

    it('gets a new token and retries once when PayPal stops accepting the cached one', async () => {
      await provider.charge(charge({ paymentId: 'pay_0001' }));
      paypal.revokeTokens();

      const outcome = await provider.charge(charge({ paymentId: 'pay_0002' }));

      assert.equal(outcome.status, 'requires_action');
      assert.equal(paypal.to('POST', '/v1/oauth2/token').length, 2);
      assert.equal(paypal.to('POST', '/v2/checkout/orders').length, 3);
    });
  });

  describe('refund', () => {
    it('refunds part of the order’s capture once, in decimal units', async () => {
      const ref = refOf(await provider.charge(charge({ paymentId: 'pay_refund1' })));
      paypal.approve(ref, 'COMPLETED');
      assert.equal((await provider.confirm(ref, 'complete', charge({ paymentId: 'pay_refund1' }))).status, 'succeeded');
      const input = { paymentId: 'pay_refund1', currency: 'USD' };
      const first = await provider.refund(ref, 20_050, input);
      const again = await provider.refund(ref, 20_050, input);
      assert.equal(first.status, 'succeeded');
      assert.deepEqual(again, first, 'a retried refund is the same refund');
      assert.equal(paypal.refunds.length, 1);
      assert.deepEqual(paypal.refunds[0]!.amount, { value: '200.50', currency_code: 'USD' });
      const sent = paypal.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/refund'));
      assert.equal(sent[0]!.headers['paypal-request-id'], 'refund-pay_refund1');
    });

    it('reports an order with no capture as a failed refund', async () => {
      const ref = refOf(await provider.charge(charge({ paymentId: 'pay_refund2' })));
      const result = await provider.refund(ref, 100, { paymentId: 'pay_refund2', currency: 'USD' });
      assert.equal(result.status, 'failed');
    });
  });

  describe('confirm', () => {
    it('captures an approved order and reports it succeeded', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref, 'COMPLETED');

      assert.deepEqual(await provider.confirm(ref, 'complete', charge()), { status: 'succeeded', ref });
      const [capture] = paypal.to('POST', `/v2/checkout/orders/${ref}/capture`);
      assert.equal(capture!.headers['paypal-request-id'], 'capture-pay_0001');
    });

    it('reports a capture PayPal holds for review as processing', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref, 'PENDING');

      assert.deepEqual(await provider.confirm(ref, 'complete', charge()), { status: 'processing', ref });
    });

    it('reports a declined capture as failed with a message for the payer', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref, 'DECLINED');

      const outcome = await provider.confirm(ref, 'complete', charge());
      assert.ok(outcome.status === 'failed');
      assert.equal(outcome.code, 'paypal_declined');
      assert.match(outcome.message, /Nothing was charged/);
    });

    it('reports a funding source PayPal refuses (INSTRUMENT_DECLINED) as failed', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref, 'INSTRUMENT_DECLINED');

      const outcome = await provider.confirm(ref, 'complete', charge());
      assert.ok(outcome.status === 'failed');
      assert.equal(outcome.code, 'paypal_declined');
    });

    it('does not take the browser’s word: an order never approved fails', async () => {
      const ref = refOf(await provider.charge(charge()));

      const outcome = await provider.confirm(ref, 'complete', charge());
      assert.ok(outcome.status === 'failed');
      assert.equal(outcome.code, 'paypal_not_approved');
      assert.equal(paypal.orders.get(ref)!.captureId, null);
    });

    it('captures once when the confirmation is sent again', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref);

      await provider.confirm(ref, 'complete', charge());
      assert.deepEqual(await provider.confirm(ref, 'complete', charge()), { status: 'succeeded', ref });
      assert.equal(paypal.to('POST', `/v2/checkout/orders/${ref}/capture`).length, 2);
    });

    it('reads an order captured under another request id instead of failing it', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref);
      await provider.confirm(ref, 'complete', charge({ paymentId: 'pay_other' }));

      assert.deepEqual(await provider.confirm(ref, 'complete', charge()), { status: 'succeeded', ref });
      assert.equal(paypal.to('GET', `/v2/checkout/orders/${ref}`).length, 1);
    });

    it('fails a cancelled approval without charging', async () => {
      const ref = refOf(await provider.charge(charge()));

      const outcome = await provider.confirm(ref, 'cancel', charge());
      assert.ok(outcome.status === 'failed');
      assert.equal(outcome.code, 'paypal_cancelled');
      assert.equal(paypal.to('POST', `/v2/checkout/orders/${ref}/capture`).length, 0);
    });
  });
});
