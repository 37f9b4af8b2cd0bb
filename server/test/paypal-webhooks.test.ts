/** The PayPal provider against a loopback PayPal: webhooks, verified with PayPal, and the events that move a payment. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProviderError } from '../src/payments/provider';
import {
  charge,
  credentials,
  paypal,
  provider,
  refOf,
  signatureInvalid,
  usePaypalStandin,
} from './paypal-provider-support';

describe('PayPal provider against a loopback PayPal', () => {
  usePaypalStandin();

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
