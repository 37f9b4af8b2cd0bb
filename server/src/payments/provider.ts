/**
 * One interface for every payment provider. The payments domain (`domain/payments.ts`) owns the
 * payment rows, idempotency, state changes and cash application; a provider only talks to its
 * processor: start a charge, finish the payer's next action, and read a verified webhook.
 *
 * Card and bank data never reach our server: the browser turns them into a provider token (Stripe.js,
 * PayPal's approval, or the sandbox's test form) and only that token comes here.
 */
import type { PaymentMethod, PaymentNextAction, PaymentProviderName } from '../contract';

export interface ChargeInput {
  /** Our payment id; also the idempotency key sent to the provider, so a retried call charges once. */
  paymentId: string;
  /** Minor units to charge: the amount plus any surcharge. */
  amount: number;
  currency: string;
  method: PaymentMethod;
  /** The browser-made token (sandbox `tok_…`, Stripe `pm_…`); null for PayPal. */
  paymentMethod: string | null;
  customer: { id: string; name: string; email: string | null };
  /** A line for the payer's statement and the processor's dashboard, e.g. "Acme Supplies INV-1001". */
  description: string;
  /**
   * The payer is away: an automatic payment on a promised date, with the card they saved. The
   * processor is told so (Stripe: `off_session`); a card that then asks to authenticate fails.
   */
  offSession?: boolean;
}

/** Where a charge stands after a provider call. `ref` is the provider's id for it (PaymentIntent, order). */
export type ProviderOutcome =
  | { status: 'succeeded'; ref: string | null }
  /** Accepted, not final: a bank debit waiting to settle, or a card waiting on the provider's webhook. */
  | { status: 'processing'; ref: string }
  | { status: 'requires_action'; ref: string; nextAction: PaymentNextAction }
  /** Declined or failed: `code` is stable (`insufficient_funds`), `message` is for the payer. */
  | { status: 'failed'; ref: string | null; code: string; message: string };

export interface RefundInput {
  paymentId: string;
  currency: string;
}

/** `pending`: accepted by the processor, lands in days (bank refunds); `failed`: refused, `message` says why. */
export type RefundOutcome =
  { status: 'succeeded' | 'pending'; ref: string | null } | { status: 'failed'; ref: string | null; message: string };

/** A verified provider webhook, reduced to what moves a payment. */
export interface ProviderEvent {
  /** The provider's event id: handled once, a replay is refused. */
  id: string;
  /** The provider's id for the charge (`ProviderOutcome.ref`). */
  ref: string;
  outcome: 'succeeded' | 'processing' | 'failed' | 'returned' | 'ignored';
  code?: string;
  message?: string;
}

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** The methods it can take in a currency (ACH is USD only, EFT CAD only). */
  methodsFor(currency: string): PaymentMethod[];
  charge(input: ChargeInput): Promise<ProviderOutcome>;
  /**
   * The payer finished (`complete`) or gave up (`cancel`) the next action. The provider asks its
   * processor where the charge stands (Stripe: retrieve the PaymentIntent; PayPal: capture the order)
   * rather than trusting the browser.
   */
  confirm(ref: string, outcome: 'complete' | 'cancel', input: ChargeInput): Promise<ProviderOutcome>;
  /**
   * Gives `amount` (minor units) of a succeeded charge back to the payer: money no chosen invoice could
   * take. `input.paymentId` makes the call idempotent at the processor (`refund-<payment id>`), so a
   * retried job refunds once. Throws `ProviderError` when the processor cannot be reached.
   */
  refund(ref: string, amount: number, input: RefundInput): Promise<RefundOutcome>;
  /**
   * Verifies a webhook's signature and age and parses it. Throws `DomainError(400, 'signature_invalid')`
   * when it fails; replay of a valid event id is refused by the caller.
   */
  parseWebhook(rawBody: string, headers: Headers, now: Date): Promise<ProviderEvent>;
}

/** A failure in talking to a provider (network, 5xx, unexpected answer): nothing is known to be charged. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
  }
}
