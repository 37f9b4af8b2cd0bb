/** Stripe webhooks: signatures checked against the injected clock, and the events that move a payment. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Stripe from 'stripe';
import { stripeProvider } from '../src/payments/stripe';
import { WEBHOOK_SECRET, configFor, signatureInvalid } from './stripe-provider-support';

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
