import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { testConfig } from '../src/config';
import { DomainError } from '../src/domain/errors';
import { paypalAmount, paypalProvider } from '../src/payments/paypal';
import type { ChargeInput, PaymentProvider, ProviderOutcome } from '../src/payments/provider';
import { ProviderError } from '../src/payments/provider';
import { refusedUrl } from '../../test/support/standins/http-standin';
import type { PaypalStandin } from '../../test/support/standins/paypal-standin';
import { startPaypalStandin } from '../../test/support/standins/paypal-standin';

const credentials = { clientId: 'AX-portico-client', clientSecret: 'EL-portico-secret', webhookId: 'WH-PORTICO-0001' };

const configFor = (apiUrl: string) =>
  testConfig({
    PAYPAL_CLIENT_ID: credentials.clientId,
    PAYPAL_CLIENT_SECRET: credentials.clientSecret,
    PAYPAL_WEBHOOK_ID: credentials.webhookId,
    PAYPAL_API_URL: apiUrl,
  });

const charge = (overrides: Partial<ChargeInput> = {}): ChargeInput => ({
  paymentId: 'pay_0001',
  amount: 123_456,
  currency: 'USD',
  method: 'paypal',
  paymentMethod: null,
  customer: { id: 'cus_acme', name: 'Acme Supplies', email: 'ap@acme.test' },
  description: 'Acme Supplies INV-1001',
  ...overrides,
});

const refOf = (outcome: ProviderOutcome) => {
  assert.equal(outcome.status, 'requires_action');
  return outcome.status === 'requires_action' ? outcome.ref : '';
};

const signatureInvalid = (error: unknown) => error instanceof DomainError && error.code === 'signature_invalid';

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
  let paypal: PaypalStandin;
  let provider: PaymentProvider;

  beforeEach(async () => {
    paypal = await startPaypalStandin(credentials);
    provider = paypalProvider(configFor(paypal.url));
  });
  afterEach(() => paypal.close());

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

  describe('webhooks', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const deliveredAt = new Date(now.getTime() - 10_000);

    const event = (eventType: string, resource: Record<string, unknown>) =>
      JSON.stringify({
        id: 'WH-EVT-0001',
        event_version: '1.0',
        resource_type: 'capture',
        event_type: eventType,
        resource,
      });
    const captureResource = (orderId: string, status = 'COMPLETED') => ({
      id: 'CAPTURE-0001',
      status,
      custom_id: 'pay_0001',
      supplementary_data: { related_ids: { order_id: orderId } },
    });
    const deliver = (body: string, headers = paypal.signWebhook(body, deliveredAt), at = now) =>
      provider.parseWebhook(body, new Headers(headers), at);

    it('reads a capture completed event PayPal verifies, referring to the order', async () => {
      const body = event('PAYMENT.CAPTURE.COMPLETED', captureResource('ORDER-1'));

      assert.deepEqual(await deliver(body), { id: 'WH-EVT-0001', ref: 'ORDER-1', outcome: 'succeeded' });
      const [verification] = paypal.to('POST', '/v1/notifications/verify-webhook-signature');
      const sent = JSON.parse(verification!.body);
      assert.equal(sent.webhook_id, credentials.webhookId);
      assert.deepEqual(sent.webhook_event, JSON.parse(body));
      assert.equal(sent.auth_algo, 'SHA256withRSA');
    });

    it('refuses an event PayPal does not verify (FAILURE)', async () => {
      const body = event('PAYMENT.CAPTURE.COMPLETED', captureResource('ORDER-1'));
      const forged = event('PAYMENT.CAPTURE.COMPLETED', captureResource('ORDER-2'));

      await assert.rejects(deliver(forged, paypal.signWebhook(body, deliveredAt)), signatureInvalid);
      assert.equal(paypal.to('POST', '/v1/notifications/verify-webhook-signature').length, 1);
    });

    it('refuses a delivery missing a transmission header without asking PayPal', async () => {
      const body = event('PAYMENT.CAPTURE.COMPLETED', captureResource('ORDER-1'));
      for (const header of [
        'paypal-transmission-id',
        'paypal-transmission-time',
        'paypal-transmission-sig',
        'paypal-cert-url',
        'paypal-auth-algo',
      ]) {
        const headers = paypal.signWebhook(body, deliveredAt);
        delete headers[header];
        await assert.rejects(deliver(body, headers), signatureInvalid, header);
      }
      assert.equal(paypal.requests.length, 0);
    });

    it('refuses a delivery sent more than five minutes ago by our clock without asking PayPal', async () => {
      const body = event('PAYMENT.CAPTURE.COMPLETED', captureResource('ORDER-1'));
      const sentAt = new Date(now.getTime() - 5 * 60_000 - 1_000);

      await assert.rejects(deliver(body, paypal.signWebhook(body, sentAt)), (e) => {
        return signatureInvalid(e) && /too old/.test((e as Error).message);
      });
      assert.equal(paypal.requests.length, 0);
    });

    it('reads pending and denied captures', async () => {
      const pending = await deliver(event('PAYMENT.CAPTURE.PENDING', captureResource('ORDER-1', 'PENDING')));
      assert.deepEqual(pending, { id: 'WH-EVT-0001', ref: 'ORDER-1', outcome: 'processing' });

      const denied = await deliver(event('PAYMENT.CAPTURE.DENIED', captureResource('ORDER-1', 'DECLINED')));
      assert.equal(denied.outcome, 'failed');
      assert.equal(denied.ref, 'ORDER-1');
      assert.equal(denied.code, 'paypal_declined');
    });

    it('reads a full refund as the payment returned, finding the order through the refunded capture', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref);
      await provider.confirm(ref, 'complete', charge());
      const captureId = paypal.refund(ref);
      const refund = {
        id: 'REFUND-0001',
        status: 'COMPLETED',
        amount: { currency_code: 'USD', value: '1234.56' },
        links: [{ href: `https://api.paypal.com/v2/payments/captures/${captureId}`, rel: 'up', method: 'GET' }],
      };

      const parsed = await deliver(event('PAYMENT.CAPTURE.REFUNDED', refund));

      assert.equal(parsed.outcome, 'returned');
      assert.equal(parsed.ref, ref);
      assert.equal(parsed.code, 'paypal_refunded');
      assert.equal(paypal.to('GET', `/v2/payments/captures/${captureId}`).length, 1);
    });

    it('leaves a partial refund to staff', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref);
      await provider.confirm(ref, 'complete', charge());
      const captureId = paypal.refund(ref, { partial: true });

      const parsed = await deliver(
        event('PAYMENT.CAPTURE.REFUNDED', {
          id: 'REFUND-0002',
          supplementary_data: { related_ids: { capture_id: captureId } },
        }),
      );

      assert.equal(parsed.outcome, 'ignored');
      assert.equal(parsed.ref, ref);
    });

    it('reads a reversal as the payment returned', async () => {
      const ref = refOf(await provider.charge(charge()));
      paypal.approve(ref);
      await provider.confirm(ref, 'complete', charge());
      const captureId = paypal.refund(ref);

      const parsed = await deliver(
        event('PAYMENT.CAPTURE.REVERSED', {
          id: 'REFUND-0003',
          supplementary_data: { related_ids: { capture_id: captureId } },
        }),
      );

      assert.equal(parsed.outcome, 'returned');
      assert.equal(parsed.code, 'paypal_reversed');
    });

    it('ignores events that do not move a payment', async () => {
      const approved = await deliver(event('CHECKOUT.ORDER.APPROVED', { id: 'ORDER-1', status: 'APPROVED' }));

      assert.deepEqual(approved, { id: 'WH-EVT-0001', ref: 'ORDER-1', outcome: 'ignored' });
    });

    it('lets PayPal deliver again when its verification service fails', async () => {
      paypal.failNext(500, { path: '/v1/notifications/verify-webhook-signature' });
      const body = event('PAYMENT.CAPTURE.COMPLETED', captureResource('ORDER-1'));

      await assert.rejects(deliver(body), (e) => e instanceof ProviderError && e.retryable);
    });
  });
});
