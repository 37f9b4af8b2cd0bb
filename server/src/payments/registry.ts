/**
 * Which provider takes which method, from configuration: cards and bank debits go to
 * `PAYMENT_PROVIDER` (sandbox or Stripe); PayPal goes to PayPal when it is configured, else to the
 * sandbox when the sandbox is on.
 */
import type { PaymentMethod, PaymentProviderName } from '../contract';
import type { Config } from '../config';
import { paymentMethods } from '../contract/lists';
import { paypalProvider } from './paypal';
import type { PaymentProvider } from './provider';
import { sandboxProvider } from './sandbox';
import { stripeProvider } from './stripe';

export interface Providers {
  /** The provider for a method in a currency, or null when the method is not offered. */
  forMethod(method: PaymentMethod, currency: string): PaymentProvider | null;
  byName(name: string): PaymentProvider | null;
  /** Every method offered in a currency, with its provider. */
  methodsFor(currency: string): { method: PaymentMethod; provider: PaymentProviderName }[];
}

/** `SANDBOX_WEBHOOK_SECRET` resolved: configured, or the installation's own (see domain/installation.ts). */
export function createProviders(config: Config & { SANDBOX_WEBHOOK_SECRET: string }): Providers {
  const all = new Map<PaymentProviderName, PaymentProvider>();
  if (config.PAYMENT_PROVIDER === 'sandbox') all.set('sandbox', sandboxProvider(config));
  if (config.PAYMENT_PROVIDER === 'stripe') all.set('stripe', stripeProvider(config));
  if (config.PAYPAL_CLIENT_ID) all.set('paypal', paypalProvider(config));
  const main = all.get(config.PAYMENT_PROVIDER) ?? null;
  const paypal = all.get('paypal') ?? all.get('sandbox') ?? null;
  const forMethod = (method: PaymentMethod, currency: string): PaymentProvider | null => {
    const provider = method === 'paypal' ? paypal : main;
    return provider && provider.methodsFor(currency).includes(method) ? provider : null;
  };
  const order: readonly PaymentMethod[] = paymentMethods;
  return {
    forMethod,
    byName: (name) => all.get(name as PaymentProviderName) ?? null,
    methodsFor: (currency) =>
      order.flatMap((method) => {
        const provider = forMethod(method, currency);
        return provider ? [{ method, provider: provider.name }] : [];
      }),
  };
}
