/**
 * The Stripe provider: cards (`card`, `debit`) and US bank debits (`ach`) as PaymentIntents, through
 * the official SDK. Card and bank details stay in Stripe.js; only a `pm_…` id or nothing comes here.
 *
 * - With a `pm_…` id (cards), the PaymentIntent is created and confirmed in one call; without one it
 *   is created unconfirmed and the browser confirms it with the Payment Element (`stripe_confirm`).
 *   ACH is always confirmed in the browser, where the Payment Element shows and records the mandate
 *   Stripe requires for a bank debit.
 * - Every PaymentIntent is created with our payment id as its idempotency key, so a retried call (the
 *   SDK's own retries included) never charges twice.
 * - Stripe cannot be told to take only debit cards. A `debit` payment with a `pm_…` id is checked
 *   against the card's funding and a credit card is refused, as the sandbox does (credit cards carry
 *   the surcharge); a browser-confirmed one is tagged `portico_method: debit` so a Radar rule can
 *   block credit cards (docs/payments-providers.md).
 * - An ACH debit returned after it succeeded reaches us as a dispute (Stripe turns late ACH failures
 *   into disputes, and ACH disputes are final): `charge.dispute.created` on a bank debit is `returned`.
 */
import Stripe from 'stripe';
import type { PaymentMethod } from '../contract';
import type { Config } from '../config';
import { sha256 } from '../crypto';
import { DomainError } from '../domain/errors';
import {
  type ChargeInput,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderOutcome,
  ProviderError,
} from './provider';
import { signatureInvalid } from './sandbox';

/** How old a webhook's signed timestamp may be, as Stripe's own default. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

interface Decline {
  code: string;
  message: string;
}

const genericCardDecline: Decline = {
  code: 'card_declined',
  message: 'Your card was declined. Contact your card issuer or use another card.',
};

/**
 * Stripe's decline and error codes as our stable codes with payer-safe messages. Lost, stolen and
 * fraud declines fall through to the generic decline, as card networks ask.
 */
const cardDeclines: Record<string, Decline> = {
  insufficient_funds: {
    code: 'insufficient_funds',
    message: 'Your card has insufficient funds. Try another card or pay by bank transfer.',
  },
  expired_card: {
    code: 'expired_card',
    message: 'Your card has expired. Check the expiry date or use another card.',
  },
  incorrect_cvc: {
    code: 'incorrect_cvc',
    message: 'The card’s security code is incorrect. Check it or use another card.',
  },
  incorrect_number: {
    code: 'incorrect_number',
    message: 'The card number is incorrect. Check it or use another card.',
  },
  processing_error: {
    code: 'processing_error',
    message: 'The card could not be processed. Try again in a moment or use another card.',
  },
  authentication_required: {
    code: 'authentication_failed',
    message: 'The card was not authenticated. Nothing was charged.',
  },
};
cardDeclines.invalid_cvc = cardDeclines.incorrect_cvc!;
cardDeclines.invalid_number = cardDeclines.incorrect_number!;
cardDeclines.payment_intent_authentication_failure = cardDeclines.authentication_required!;

const bankDeclines: Record<string, Decline> = {
  insufficient_funds: {
    code: 'insufficient_funds',
    message: 'Your bank account had insufficient funds for the debit. Nothing was taken.',
  },
  account_closed: {
    code: 'bank_account_unusable',
    message: 'Your bank refused the debit: the account is closed or cannot be debited. Nothing was taken.',
  },
  debit_not_authorized: {
    code: 'debit_not_authorized',
    message: 'Your bank refused the debit as not authorized. Nothing was taken.',
  },
};
bankDeclines.no_account = bankDeclines.account_closed!;
bankDeclines.bank_account_restricted = bankDeclines.account_closed!;
bankDeclines.bank_account_unusable = bankDeclines.account_closed!;

const genericBankDecline: Decline = {
  code: 'bank_debit_failed',
  message: 'Your bank refused the debit. Nothing was taken.',
};

function declineFor(bank: boolean, error: { code?: string | null; decline_code?: string | null }): Decline {
  const table = bank ? bankDeclines : cardDeclines;
  return table[error.decline_code ?? ''] ?? table[error.code ?? ''] ?? (bank ? genericBankDecline : genericCardDecline);
}

const cancelled: Decline = { code: 'payment_cancelled', message: 'You cancelled the payment. Nothing was charged.' };

/** Dispute reasons that only a bank debit has: a return when `payment_method_details` is absent. */
const bankReturnReasons = new Set([
  'bank_cannot_process',
  'customer_initiated',
  'debit_not_authorized',
  'incorrect_account_details',
  'insufficient_funds',
]);

const returnedMessage = 'Your bank returned the payment. The invoices are open again.';

const isBankIntent = (pi: Stripe.PaymentIntent) =>
  [...pi.payment_method_types, ...(pi.allowed_payment_method_types ?? [])].includes('us_bank_account');

/** Where a PaymentIntent stands, as our outcome. */
function outcomeOf(pi: Stripe.PaymentIntent): ProviderOutcome {
  switch (pi.status) {
    case 'succeeded':
      return { status: 'succeeded', ref: pi.id };
    // We never ask for manual capture; a capturable intent is Stripe's to finish.
    case 'processing':
    case 'requires_capture':
      return { status: 'processing', ref: pi.id };
    case 'canceled':
      return { status: 'failed', ref: pi.id, ...cancelled };
    case 'requires_payment_method':
    case 'requires_action':
    case 'requires_confirmation':
      // A declined attempt leaves the intent waiting for another method; a new one waits for the browser.
      if (pi.status === 'requires_payment_method' && pi.last_payment_error) {
        return { status: 'failed', ref: pi.id, ...declineFor(isBankIntent(pi), pi.last_payment_error) };
      }
      if (!pi.client_secret) throw new ProviderError(`Stripe gave PaymentIntent ${pi.id} no client secret`, false);
      return {
        status: 'requires_action',
        ref: pi.id,
        nextAction: { type: 'stripe_confirm', clientSecret: pi.client_secret },
      };
    default:
      throw new ProviderError(`Stripe PaymentIntent ${pi.id} is in an unknown status "${pi.status}"`, false);
  }
}

/**
 * Runs SDK calls: a card error (HTTP 402) is the processor's answer about the card, so it becomes a
 * failed outcome; any other SDK error (network, 5xx, auth, bad request) means nothing is known to be
 * charged and becomes a ProviderError. The SDK has already retried what is safe to retry.
 */
async function guarded(run: () => Promise<ProviderOutcome>): Promise<ProviderOutcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const pi = error.payment_intent;
      return { status: 'failed', ref: pi?.id ?? null, ...declineFor(false, error) };
    }
    if (error instanceof Stripe.errors.StripeError) {
      const retryable =
        error instanceof Stripe.errors.StripeConnectionError ||
        error instanceof Stripe.errors.StripeAPIError ||
        error instanceof Stripe.errors.StripeRateLimitError;
      throw new ProviderError(`Stripe: ${error.type}: ${error.message}`, retryable);
    }
    throw error;
  }
}

function methodsFor(currency: string): PaymentMethod[] {
  // Stripe's Canadian pre-authorized debits (EFT) are out of scope; PayPal is its own provider.
  return currency === 'USD' ? ['card', 'debit', 'ach'] : ['card', 'debit'];
}

/** SDK options that send requests to STRIPE_API_URL instead of api.stripe.com (tests, proxies). */
function apiAddress(apiUrl: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

export function stripeProvider(config: Config): PaymentProvider {
  const secretKey = config.STRIPE_SECRET_KEY;
  const webhookSecret = config.STRIPE_WEBHOOK_SECRET;
  if (!secretKey || !webhookSecret) {
    throw new Error('The Stripe provider needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
  }
  const stripe = new Stripe(secretKey, {
    ...apiAddress(config.STRIPE_API_URL),
    maxNetworkRetries: 2,
    timeout: 30_000,
    appInfo: { name: 'Portico' },
  });

  /**
   * Our customer's Stripe Customer: payments group under it in Stripe, and it is what a payment
   * method is saved to. Found by metadata, since nothing of Stripe's is stored on our side. Search
   * lags writes by up to a minute, so the create is idempotent on our customer id (and its details:
   * changed details make a new key rather than an idempotency error), and a second payment within
   * that minute gets the same Customer. Idempotency keys last 24 hours, search takes over after that.
   */
  async function stripeCustomerFor(customer: ChargeInput['customer']): Promise<string> {
    const query = `metadata['portico_customer_id']:'${customer.id.replace(/['\\]/g, '\\$&')}'`;
    try {
      const found = await stripe.customers.search({ query, limit: 1 });
      if (found.data[0]) return found.data[0].id;
    } catch (error) {
      // Search is not offered in every Stripe region: creating idempotently still works there.
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    }
    const params: Stripe.CustomerCreateParams = {
      name: customer.name,
      ...(customer.email ? { email: customer.email } : {}),
      metadata: { portico_customer_id: customer.id },
    };
    const key = `portico-customer-${customer.id}-${sha256(JSON.stringify(params)).slice(0, 16)}`;
    const created = await stripe.customers.create(params, { idempotencyKey: key });
    return created.id;
  }

  /** A `debit` payment must not be made with a credit card: it would dodge the card surcharge. */
  async function isCreditCard(paymentMethod: string): Promise<boolean> {
    const pm = await stripe.paymentMethods.retrieve(paymentMethod);
    return pm.card?.funding === 'credit';
  }

  return {
    name: 'stripe',

    methodsFor,

    charge(input) {
      return guarded(async () => {
        if (!methodsFor(input.currency).includes(input.method)) {
          throw new ProviderError(`Stripe does not take ${input.method} in ${input.currency} here`, false);
        }
        const bank = input.method === 'ach';
        if (input.method === 'debit' && input.paymentMethod && (await isCreditCard(input.paymentMethod))) {
          return {
            status: 'failed',
            ref: null,
            code: 'card_not_debit',
            message: 'That is a credit card. Choose "Card" to pay with it.',
          };
        }
        const confirmNow = !bank && !!input.paymentMethod;
        const pi = await stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            customer: await stripeCustomerFor(input.customer),
            description: input.description,
            allowed_payment_method_types: [bank ? 'us_bank_account' : 'card'],
            metadata: { portico_payment_id: input.paymentId, portico_method: input.method },
            ...(input.paymentMethod ? { payment_method: input.paymentMethod } : {}),
            ...(confirmNow ? { confirm: true } : {}),
            ...(input.offSession && confirmNow ? { off_session: true } : {}),
          },
          { idempotencyKey: input.paymentId },
        );
        return outcomeOf(pi);
      });
    },

    async refund(ref, amount, input) {
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: ref,
            amount,
            reason: 'requested_by_customer',
            metadata: { portico_payment_id: input.paymentId },
          },
          { idempotencyKey: `refund-${input.paymentId}` },
        );
        if (refund.status === 'failed' || refund.status === 'canceled') {
          return { status: 'failed', ref: refund.id, message: `Stripe refund ${refund.status}` };
        }
        return { status: refund.status === 'succeeded' ? 'succeeded' : 'pending', ref: refund.id };
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError) {
          return { status: 'failed', ref: null, message: error.message };
        }
        if (error instanceof Stripe.errors.StripeError) throw new ProviderError(`Stripe refund: ${error.message}`);
        throw error;
      }
    },

    confirm(ref, outcome) {
      return guarded(async () => {
        if (outcome === 'complete') return outcomeOf(await stripe.paymentIntents.retrieve(ref));
        try {
          return outcomeOf(await stripe.paymentIntents.cancel(ref));
        } catch (error) {
          // Too late to cancel (it succeeded or is processing): report where it really stands.
          if (
            error instanceof Stripe.errors.StripeInvalidRequestError &&
            error.code === 'payment_intent_unexpected_state'
          ) {
            return outcomeOf(await stripe.paymentIntents.retrieve(ref));
          }
          throw error;
        }
      });
    },

    async parseWebhook(rawBody, headers, now): Promise<ProviderEvent> {
      const header = headers.get('stripe-signature');
      if (!header) throw signatureInvalid('missing');
      let event: Stripe.Event;
      try {
        // The SDK's own verification, judged against our clock (`receivedAt`) rather than Date.now().
        event = Stripe.webhooks.constructEvent(
          rawBody,
          header,
          webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
          undefined,
          now.getTime(),
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw signatureInvalid(/tolerance/i.test(error.message) ? 'too_old' : 'mismatch');
        }
        if (error instanceof SyntaxError) throw new DomainError('invalid_json', 'The webhook body is not JSON.');
        throw error;
      }
      return eventOf(event);
    },
  };
}

/** A verified Stripe event, reduced to what moves a payment. */
function eventOf(event: Stripe.Event): ProviderEvent {
  const id = event.id;
  switch (event.type) {
    case 'payment_intent.succeeded':
      return { id, ref: event.data.object.id, outcome: 'succeeded' };
    case 'payment_intent.processing':
      return { id, ref: event.data.object.id, outcome: 'processing' };
    case 'payment_intent.payment_failed': {
      const pi = event.data.object;
      const decline = declineFor(isBankIntent(pi), pi.last_payment_error ?? {});
      return { id, ref: pi.id, outcome: 'failed', ...decline };
    }
    case 'payment_intent.canceled':
      return { id, ref: event.data.object.id, outcome: 'failed', ...cancelled };
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      const pi = typeof dispute.payment_intent === 'string' ? dispute.payment_intent : dispute.payment_intent?.id;
      const type = dispute.payment_method_details?.type;
      const bank = type ? type === 'us_bank_account' : bankReturnReasons.has(dispute.reason);
      // A card dispute can be contested and is not a payment state here; an ACH one is a final return.
      if (!pi || !bank) return { id, ref: pi ?? dispute.id, outcome: 'ignored' };
      return { id, ref: pi, outcome: 'returned', code: 'bank_returned', message: returnedMessage };
    }
    default: {
      const object = event.data.object as { id?: unknown };
      return { id, ref: typeof object.id === 'string' ? object.id : '', outcome: 'ignored' };
    }
  }
}
