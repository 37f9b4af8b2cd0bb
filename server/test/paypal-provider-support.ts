/**
 * Shared setup for the PayPal provider tests (paypal-provider, paypal-webhooks.test.ts): credentials, the config, a
 * charge to make, and a loopback PayPal per test.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import { testConfig } from '../src/config';
import { DomainError } from '../src/domain/errors';
import { paypalProvider } from '../src/payments/paypal';
import type { ChargeInput, PaymentProvider, ProviderOutcome } from '../src/payments/provider';
import { type PaypalStandin, startPaypalStandin } from '../../test/support/standins/paypal-standin';

export const credentials = {
  clientId: 'AX-portico-client',
  clientSecret: 'EL-portico-secret',
  webhookId: 'WH-PORTICO-0001',
};

export const configFor = (apiUrl: string) =>
  testConfig({
    PAYPAL_CLIENT_ID: credentials.clientId,
    PAYPAL_CLIENT_SECRET: credentials.clientSecret,
    PAYPAL_WEBHOOK_ID: credentials.webhookId,
    PAYPAL_API_URL: apiUrl,
  });

export const charge = (overrides: Partial<ChargeInput> = {}): ChargeInput => ({
  paymentId: 'pay_0001',
  amount: 123_456,
  currency: 'USD',
  method: 'paypal',
  paymentMethod: null,
  customer: { id: 'cus_acme', name: 'Acme Supplies', email: 'ap@acme.test' },
  description: 'Acme Supplies INV-1001',
  ...overrides,
});

export const refOf = (outcome: ProviderOutcome) => {
  assert.equal(outcome.status, 'requires_action');
  return outcome.status === 'requires_action' ? outcome.ref : '';
};

export const signatureInvalid = (error: unknown) => error instanceof DomainError && error.code === 'signature_invalid';

export let paypal: PaypalStandin;
export let provider: PaymentProvider;

/** A fresh loopback PayPal and a provider talking to it for each test of the suite that calls this. */
export function usePaypalStandin(): void {
  beforeEach(async () => {
    paypal = await startPaypalStandin(credentials);
    provider = paypalProvider(configFor(paypal.url));
  });
  afterEach(() => paypal.close());
}
