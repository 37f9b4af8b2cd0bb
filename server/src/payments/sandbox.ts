/**
 * The sandbox provider: the default, so the demo takes payments for real in its own world. Nothing
 * leaves the server. The widget's sandbox form turns a documented test card or bank account into a
 * token (`tok_…`, `btok_…`) in the browser, the way Stripe.js would; the number itself never comes
 * here. Each token says how the charge ends (see `docs/payments.md` for the numbers behind them).
 *
 * Bank debits answer `processing`; the payments domain schedules a settlement job
 * (`SANDBOX_SETTLE_SECONDS` later) that asks `bankSettlement` what happens, and for a "returns"
 * account a second job returns the debit after it settled, as a real ACH return would.
 */
import { z } from 'zod';
import type { PaymentMethod } from '../contract';
import { verifySignedPayload } from '../crypto';
import { DomainError, malformedInput } from '../domain/errors';
import type { ChargeInput, PaymentProvider, ProviderEvent, ProviderOutcome } from './provider';

interface CardBehaviour {
  outcome: 'succeeded' | 'failed' | 'authenticate';
  code?: string;
  message?: string;
}

/** Card tokens the widget's sandbox form makes from the documented test numbers. */
export const sandboxCards: Record<string, CardBehaviour> = {
  tok_visa: { outcome: 'succeeded' },
  tok_mastercard: { outcome: 'succeeded' },
  tok_visa_debit: { outcome: 'succeeded' },
  tok_insufficient_funds: {
    outcome: 'failed',
    code: 'insufficient_funds',
    message: 'Your card has insufficient funds. Try another card or pay by bank transfer.',
  },
  tok_expired_card: {
    outcome: 'failed',
    code: 'expired_card',
    message: 'Your card has expired. Check the expiry date or use another card.',
  },
  // A stolen card is declined without saying why, as card networks ask.
  tok_stolen_card: {
    outcome: 'failed',
    code: 'card_declined',
    message: 'Your card was declined. Contact your card issuer or use another card.',
  },
  tok_authentication_required: { outcome: 'authenticate' },
};

export type BankBehaviour = 'settles' | 'returns' | 'fails';

/** Bank tokens from the documented test accounts: settles, settles then is returned, or fails. */
export const sandboxBanks: Record<string, BankBehaviour> = {
  btok_settles: 'settles',
  btok_returns: 'returns',
  btok_fails: 'fails',
};

const declined = (ref: string | null, code: string, message: string): ProviderOutcome => ({
  status: 'failed',
  ref,
  code,
  message,
});

/** Sandbox references carry the token's behaviour, so settlement needs no state of its own. */
function refFor(input: ChargeInput): string {
  return `sbx_${input.method}_${input.paymentId}`;
}

export function bankSettlement(paymentMethod: string | null): BankBehaviour {
  return sandboxBanks[paymentMethod ?? ''] ?? 'fails';
}

export const bankReturnMessage = 'Your bank returned the payment (account closed). The invoices are open again.';
export const bankFailureMessage = 'Your bank refused the debit (account closed). Nothing was taken.';

export function sandboxProvider(config: { SANDBOX_WEBHOOK_SECRET: string }): PaymentProvider {
  return {
    name: 'sandbox',
    methodsFor(currency: string): PaymentMethod[] {
      const bank: PaymentMethod[] = currency === 'USD' ? ['ach'] : currency === 'CAD' ? ['eft'] : [];
      return ['card', 'debit', ...bank, 'paypal'];
    },

    async charge(input) {
      const ref = refFor(input);
      if (input.method === 'paypal') {
        return { status: 'requires_action', ref, nextAction: { type: 'sandbox_paypal_approve', orderId: ref } };
      }
      if (input.method === 'ach' || input.method === 'eft') {
        if (!(input.paymentMethod ?? '') || !(input.paymentMethod! in sandboxBanks)) {
          return declined(null, 'invalid_bank_account', 'Use one of the sandbox test bank accounts.');
        }
        return { status: 'processing', ref };
      }
      const card = sandboxCards[input.paymentMethod ?? ''];
      if (!card) return declined(null, 'invalid_card', 'Use one of the sandbox test cards.');
      if (input.method === 'debit' && input.paymentMethod !== 'tok_visa_debit') {
        return declined(null, 'card_not_debit', 'That is a credit card. Choose "Card" to pay with it.');
      }
      if (card.outcome === 'authenticate') {
        return { status: 'requires_action', ref, nextAction: { type: 'sandbox_authenticate' } };
      }
      if (card.outcome === 'failed') return declined(ref, card.code!, card.message!);
      return { status: 'succeeded', ref };
    },

    async confirm(ref, outcome, input) {
      if (outcome === 'complete') return { status: 'succeeded', ref };
      return input.method === 'paypal'
        ? declined(ref, 'paypal_cancelled', 'You cancelled at PayPal. Nothing was charged.')
        : declined(ref, 'authentication_failed', 'The card was not authenticated. Nothing was charged.');
    },

    async refund(ref, _amount, input) {
      return { status: 'succeeded', ref: `sbx_refund_${input.paymentId}` };
    },

    async parseWebhook(rawBody, headers, now): Promise<ProviderEvent> {
      const check = verifySignedPayload(config.SANDBOX_WEBHOOK_SECRET, rawBody, headers.get('portico-signature'), now);
      if (check !== 'ok') throw signatureInvalid(check);
      let event: unknown;
      try {
        event = JSON.parse(rawBody);
      } catch {
        throw new DomainError('invalid_json', 'The webhook body is not JSON.');
      }
      const parsed = sandboxEvent.safeParse(event);
      if (!parsed.success) throw malformedInput('The webhook is not a sandbox payment event.');
      const e = parsed.data;
      return { id: e.id, ref: e.ref, outcome: e.outcome, code: e.code, message: e.message };
    },
  };
}

const sandboxEvent = z.object({
  id: z.string().min(1).max(255),
  ref: z.string().min(1).max(255),
  outcome: z.enum(['succeeded', 'processing', 'failed', 'returned', 'ignored']),
  code: z.string().max(100).optional(),
  message: z.string().max(1000).optional(),
});

export function signatureInvalid(reason: string): DomainError {
  const why =
    reason === 'too_old'
      ? 'The webhook timestamp is too old.'
      : reason === 'missing'
        ? 'The webhook has no signature.'
        : 'The webhook signature does not match.';
  return new DomainError('signature_invalid', why);
}
