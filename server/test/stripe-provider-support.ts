/**
 * Shared setup for the Stripe provider tests (stripe-provider, stripe-provider-refund-confirm,
 * stripe-webhooks.test.ts): the config, a charge to make, and a loopback Stripe per test.
 */
import { afterEach, beforeEach } from 'node:test';
import { testConfig } from '../src/config';
import { DomainError } from '../src/domain/errors';
import type { ChargeInput, PaymentProvider } from '../src/payments/provider';
import { stripeProvider } from '../src/payments/stripe';
import { type StripeStandin, startStripeStandin } from '../../test/support/standins/stripe-standin';

export const SECRET_KEY = 'sk_test_portico_standin';
export const WEBHOOK_SECRET = 'whsec_portico_standin';

export const configFor = (apiUrl: string) => ({
  ...testConfig({
    PAYMENT_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: 'pk_test_portico_standin',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: apiUrl,
  }),
  SANDBOX_WEBHOOK_SECRET: 'whsec_unused_sandbox_secret',
});

export const charge = (overrides: Partial<ChargeInput> = {}): ChargeInput => ({
  paymentId: 'pay_0001',
  amount: 123_456,
  currency: 'USD',
  method: 'card',
  paymentMethod: 'pm_card_visa',
  customer: { id: 'cus_acme', name: 'Acme Supplies', email: 'ap@acme.test' },
  description: 'Acme Supplies INV-1001',
  ...overrides,
});

export const signatureInvalid = (error: unknown) => error instanceof DomainError && error.code === 'signature_invalid';

export let stripe: StripeStandin;
export let provider: PaymentProvider;

/** A fresh loopback Stripe and a provider talking to it for each test of the suite that calls this. */
export function useStripeStandin(): void {
  beforeEach(async () => {
    stripe = await startStripeStandin(SECRET_KEY);
    provider = stripeProvider(configFor(stripe.url));
  });
  afterEach(() => stripe.close());
}
