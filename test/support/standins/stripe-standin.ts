/**
 * A loopback stand-in for the part of Stripe's API the provider uses: Customers (create, search),
 * PaymentMethods (retrieve), PaymentIntents (create, retrieve, cancel). It answers as Stripe does:
 * form-encoded requests, a secret key in `Authorization`, idempotent POSTs replayed by
 * `Idempotency-Key` (and refused when the same key comes with other parameters), card declines as
 * HTTP 402 `card_error`s carrying the PaymentIntent.
 *
 * Payment methods are Stripe's documented test ids (`pm_card_visa`, `pm_card_visa_debit`,
 * `pm_card_chargeDeclinedInsufficientFunds`, …). Tests move an intent on (the browser confirming it,
 * a bank debit settling) with `setStatus`.
 */
import { createHash } from 'node:crypto';
import type { HttpStandin, RecordedRequest, StandinReply } from './http-standin';
import { startHttpStandin } from './http-standin';

export interface StandinPaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  payment_method: string | null;
  payment_method_types: string[];
  allowed_payment_method_types: string[];
  last_payment_error: Record<string, unknown> | null;
  cancellation_reason: string | null;
}

interface TestCard {
  funding: 'credit' | 'debit';
  /** How confirming with it ends. */
  outcome: 'succeeded' | 'requires_action' | { code: string; decline_code?: string; message: string };
}

/** Stripe's documented test PaymentMethods, with what confirming each does. */
export const testCards: Record<string, TestCard> = {
  pm_card_visa: { funding: 'credit', outcome: 'succeeded' },
  pm_card_visa_debit: { funding: 'debit', outcome: 'succeeded' },
  pm_card_authenticationRequired: { funding: 'credit', outcome: 'requires_action' },
  pm_card_chargeDeclined: {
    funding: 'credit',
    outcome: { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    funding: 'credit',
    outcome: {
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    },
  },
  pm_card_chargeDeclinedExpiredCard: {
    funding: 'credit',
    outcome: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
  },
  pm_card_chargeDeclinedStolenCard: {
    funding: 'credit',
    outcome: { code: 'card_declined', decline_code: 'stolen_card', message: 'Your card was declined.' },
  },
};

export interface StripeStandin extends HttpStandin {
  customers: Map<string, { id: string; name: string | null; email: string | null; metadata: Record<string, string> }>;
  paymentIntents: Map<string, StandinPaymentIntent>;
  /** Every refund made, in order. */
  refunds: { id: string; amount: number; payment_intent: string; status: string }[];
  /**
   * Answer the next `count` requests (to `path` when given) with HTTP `status` as an `api_error`, as a
   * Stripe 5xx; `shouldRetry` sets the `Stripe-Should-Retry` header the SDK obeys.
   */
  failNext(status: number, options?: { path?: string; count?: number; shouldRetry?: boolean }): void;
  /** False: search finds nothing yet, as in the minute before Stripe indexes a new Customer. */
  searchable: boolean;
  /** Moves an intent on, as the browser's confirmation or a bank's settlement would. */
  setStatus(id: string, status: string, lastPaymentError?: Record<string, unknown>): void;
  /** The requests to a method and path, in order. */
  to(method: string, path: string): RecordedRequest[];
}

const error = (status: number, body: Record<string, unknown>, headers?: Record<string, string>): StandinReply => ({
  status,
  body: { error: body },
  ...(headers ? { headers } : {}),
});

/** `metadata[a]=1&metadata[b]=2` → `{a: '1', b: '2'}`. */
function hashOf(form: URLSearchParams, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) {
    const m = new RegExp(`^${name}\\[([^\\]]+)\\]$`).exec(key);
    if (m) out[m[1]!] = value;
  }
  return out;
}

function listOf(form: URLSearchParams, name: string): string[] {
  return [...form].filter(([key]) => new RegExp(`^${name}\\[\\d+\\]$`).test(key)).map(([, value]) => value);
}

export async function startStripeStandin(secretKey: string): Promise<StripeStandin> {
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_standin${String(++counter).padStart(4, '0')}`;
  const customers: StripeStandin['customers'] = new Map();
  const paymentIntents = new Map<string, StandinPaymentIntent>();
  const idempotent = new Map<string, { fingerprint: string; reply: StandinReply }>();
  let failures: { status: number; path?: string; count: number; shouldRetry?: boolean } | null = null;

  function confirm(pi: StandinPaymentIntent): StandinReply {
    const card = testCards[pi.payment_method ?? ''];
    if (!card) {
      return error(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'payment_method',
        message: `No such PaymentMethod: '${pi.payment_method}'`,
      });
    }
    if (card.outcome === 'succeeded' || card.outcome === 'requires_action') {
      pi.status = card.outcome;
      return { status: 200, body: pi };
    }
    const declined = {
      type: 'card_error',
      code: card.outcome.code,
      decline_code: card.outcome.decline_code,
      message: card.outcome.message,
      payment_method_type: 'card',
      doc_url: `https://stripe.com/docs/error-codes/${card.outcome.code}`,
    };
    pi.status = 'requires_payment_method';
    pi.last_payment_error = declined;
    return error(402, { ...declined, payment_intent: pi });
  }

  function createIntent(form: URLSearchParams): StandinReply {
    const id = nextId('pi');
    const allowed = listOf(form, 'allowed_payment_method_types');
    const pi: StandinPaymentIntent = {
      id,
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      currency: form.get('currency') ?? '',
      status: 'requires_payment_method',
      client_secret: `${id}_secret_standin`,
      customer: form.get('customer'),
      description: form.get('description'),
      metadata: hashOf(form, 'metadata'),
      payment_method: form.get('payment_method'),
      payment_method_types: allowed.length ? allowed : ['card'],
      allowed_payment_method_types: allowed,
      last_payment_error: null,
      cancellation_reason: null,
    };
    if (pi.payment_method) pi.status = 'requires_confirmation';
    paymentIntents.set(id, pi);
    return form.get('confirm') === 'true' ? confirm(pi) : { status: 200, body: pi };
  }

  function route(req: RecordedRequest): StandinReply {
    const form = new URLSearchParams(req.body);
    const parts = req.path.split('/').filter(Boolean);
    if (req.method === 'GET' && req.path === '/v1/customers/search') {
      const wanted = /^metadata\['portico_customer_id'\]:'(.*)'$/.exec(req.query.get('query') ?? '')?.[1];
      const indexed = standin.searchable ? [...customers.values()] : [];
      const data = indexed.filter((c) => c.metadata.portico_customer_id === wanted);
      return { status: 200, body: { object: 'search_result', data, has_more: false, url: '/v1/customers/search' } };
    }
    if (req.method === 'POST' && req.path === '/v1/customers') {
      const customer = {
        id: nextId('cus'),
        object: 'customer',
        name: form.get('name'),
        email: form.get('email'),
        metadata: hashOf(form, 'metadata'),
      };
      customers.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (req.method === 'GET' && parts[1] === 'payment_methods' && parts[2]) {
      const card = testCards[parts[2]];
      if (!card)
        return error(404, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: 'No such PaymentMethod',
        });
      return {
        status: 200,
        body: { id: parts[2], object: 'payment_method', type: 'card', card: { funding: card.funding } },
      };
    }
    if (req.method === 'POST' && req.path === '/v1/refunds') {
      const pi = paymentIntents.get(form.get('payment_intent') ?? '');
      if (!pi || pi.status !== 'succeeded') {
        return error(400, {
          type: 'invalid_request_error',
          code: 'charge_not_refundable',
          message: 'This PaymentIntent has no successful charge to refund.',
        });
      }
      const refund = {
        id: nextId('re'),
        object: 'refund',
        amount: Number(form.get('amount') ?? pi.amount),
        payment_intent: pi.id,
        status: 'succeeded',
      };
      standin.refunds.push(refund);
      return { status: 200, body: refund };
    }
    if (req.method === 'POST' && req.path === '/v1/payment_intents') return createIntent(form);
    if (parts[1] === 'payment_intents' && parts[2]) {
      const pi = paymentIntents.get(parts[2]);
      if (!pi)
        return error(404, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: 'No such payment_intent',
        });
      if (req.method === 'GET' && parts.length === 3) return { status: 200, body: pi };
      if (req.method === 'POST' && parts[3] === 'cancel') {
        if (['succeeded', 'processing', 'canceled'].includes(pi.status)) {
          return error(400, {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`,
          });
        }
        pi.status = 'canceled';
        pi.cancellation_reason = form.get('cancellation_reason') ?? 'requested_by_customer';
        return { status: 200, body: pi };
      }
    }
    return error(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${req.method}: ${req.path})`,
    });
  }

  const http = await startHttpStandin((req) => {
    if (failures && failures.count > 0 && (!failures.path || failures.path === req.path)) {
      failures.count--;
      const headers =
        failures.shouldRetry === undefined ? undefined : { 'stripe-should-retry': String(failures.shouldRetry) };
      return error(failures.status, { type: 'api_error', message: 'An unknown error occurred' }, headers);
    }
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return error(401, { type: 'invalid_request_error', message: 'Invalid API Key provided' });
    }
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string') return route(req);
    const fingerprint = createHash('sha256').update(`${req.path}\n${req.body}`).digest('hex');
    const seen = idempotent.get(key);
    if (seen && seen.fingerprint !== fingerprint) {
      return error(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
      });
    }
    if (seen) return { ...seen.reply, headers: { ...seen.reply.headers, 'idempotent-replayed': 'true' } };
    const reply = route(req);
    // Stripe saves the result of every request that ran, errors included, and replays it for the key.
    idempotent.set(key, { fingerprint, reply: structuredClone(reply) });
    return reply;
  });

  const standin: StripeStandin = {
    ...http,
    customers,
    paymentIntents,
    searchable: true,
    refunds: [],
    failNext(status, { path, count = 1, shouldRetry } = {}) {
      failures = { status, count, ...(path ? { path } : {}), ...(shouldRetry === undefined ? {} : { shouldRetry }) };
    },
    setStatus(id, status, lastPaymentError) {
      const pi = paymentIntents.get(id);
      if (!pi) throw new Error(`no PaymentIntent ${id}`);
      pi.status = status;
      pi.last_payment_error = lastPaymentError ?? null;
    },
    to: (method, path) => http.requests.filter((r) => r.method === method && r.path === path),
  };
  return standin;
}
