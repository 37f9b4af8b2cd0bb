/**
 * The PayPal provider: PayPal Checkout through the Orders v2 REST API. A charge creates an order
 * (intent CAPTURE) that the payer approves at PayPal (the PayPal JS SDK's popup, or the approve URL);
 * `confirm` then captures it on our side, so the browser's word that it was approved is never taken.
 *
 * No library: `@paypal/paypal-server-sdk` 2.x (2.5.0 read) only talks to PayPal's two fixed hosts
 * (its `environment` is Production or Sandbox, with no base URL of its own), so neither
 * PAYPAL_API_URL nor a test stand-in could be used, and it has no call for webhook verification. The
 * four REST calls needed are plain `fetch`.
 *
 * Idempotency: the order is created with `PayPal-Request-Id: <payment id>` and captured with
 * `capture-<payment id>`, so a retried call returns the first answer instead of a second order or capture.
 */
import type { PaymentMethod } from '../contract';
import type { Config } from '../config';
import { currencyExponent, minorToDecimal } from '../domain/money';
import { DomainError, malformedInput } from '../domain/errors';
import { type PaymentProvider, type ProviderEvent, type ProviderOutcome, ProviderError } from './provider';
import { signatureInvalid } from './sandbox';

const REQUEST_TIMEOUT_MS = 30_000;
/** A token is renewed this long before PayPal says it expires, so none expires mid-request. */
const TOKEN_MARGIN_SECONDS = 60;
/** Webhook deliveries older than this by our clock are refused before asking PayPal. */
const WEBHOOK_MAX_AGE_MS = 5 * 60_000;

/**
 * Currencies PayPal takes for payments, less those it takes only from in-country accounts (CNY, MYR)
 * and those where it allows no decimals though ISO 4217 has two (HUF, TWD): our minor units would
 * not fit them.
 */
const paypalCurrencies = new Set([
  'AUD',
  'BRL',
  'CAD',
  'CHF',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'HKD',
  'ILS',
  'JPY',
  'MXN',
  'NOK',
  'NZD',
  'PHP',
  'PLN',
  'SEK',
  'SGD',
  'THB',
  'USD',
]);

/** Minor units as PayPal's decimal string, by the currency's exponent: 123456 USD → "1234.56", 5000 JPY → "5000". */
export function paypalAmount(minorUnits: number, currency: string): string {
  if (!Number.isSafeInteger(minorUnits) || minorUnits <= 0) {
    throw new ProviderError(`PayPal amount must be a positive whole number of minor units, not ${minorUnits}`, false);
  }
  return minorToDecimal(minorUnits, currencyExponent(currency));
}

interface PayPalLink {
  href: string;
  rel: string;
}

interface PayPalCapture {
  id?: string;
  status?: string;
  supplementary_data?: { related_ids?: { order_id?: string; capture_id?: string } };
  links?: PayPalLink[];
}

interface PayPalOrder {
  id?: string;
  status?: string;
  links?: PayPalLink[];
  purchase_units?: { payments?: { captures?: PayPalCapture[] } }[];
}

interface PayPalErrorBody {
  name?: string;
  debug_id?: string;
  details?: { issue?: string }[];
}

const issueOf = (body: unknown): string | undefined => (body as PayPalErrorBody | null)?.details?.[0]?.issue;
const debugOf = (body: unknown): string => {
  const e = body as PayPalErrorBody | null;
  return [e?.name, issueOf(body), e?.debug_id && `debug_id ${e.debug_id}`].filter(Boolean).join(' ');
};

const failed = (ref: string | null, code: string, message: string): ProviderOutcome => ({
  status: 'failed',
  ref,
  code,
  message,
});

const declinedMessage = 'PayPal declined the payment. Nothing was charged: choose another way to pay.';

/** Capture refusals that are about the payer's funding, not our request. */
const declineIssues = new Set([
  'INSTRUMENT_DECLINED',
  'TRANSACTION_REFUSED',
  'PAYER_CANNOT_PAY',
  'PAYER_ACTION_REQUIRED',
  'MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED',
  'COMPLIANCE_VIOLATION',
  'REDIRECT_PAYER_FOR_ALTERNATE_FUNDING',
]);

/** Where an order stands after capture, from its first capture. */
function captureOutcome(orderId: string, order: PayPalOrder): ProviderOutcome {
  const capture = order.purchase_units?.[0]?.payments?.captures?.[0];
  switch (capture?.status) {
    // A capture refunded since is still a payment that happened; the refund arrives as a webhook.
    case 'COMPLETED':
    case 'PARTIALLY_REFUNDED':
    case 'REFUNDED':
      return { status: 'succeeded', ref: orderId };
    case 'PENDING':
      return { status: 'processing', ref: orderId };
    case 'DECLINED':
    case 'FAILED':
      return failed(orderId, 'paypal_declined', declinedMessage);
    default:
      throw new ProviderError(`PayPal order ${orderId} came back without a capture (status ${order.status})`, false);
  }
}

const transmissionHeaders = {
  auth_algo: 'paypal-auth-algo',
  cert_url: 'paypal-cert-url',
  transmission_id: 'paypal-transmission-id',
  transmission_sig: 'paypal-transmission-sig',
  transmission_time: 'paypal-transmission-time',
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function paypalProvider(config: Config): PaymentProvider {
  const { PAYPAL_CLIENT_ID: clientId, PAYPAL_CLIENT_SECRET: clientSecret, PAYPAL_WEBHOOK_ID: webhookId } = config;
  if (!clientId || !clientSecret || !webhookId) {
    throw new Error('The PayPal provider needs PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID');
  }
  const base = config.PAYPAL_API_URL.replace(/\/+$/, '');
  let token: { value: string; expiresAt: number } | null = null;
  let tokenRequest: Promise<string> | null = null;

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new ProviderError(`PayPal ${init.method} ${path}: ${(error as Error).message}`, true);
    }
  }

  async function requestToken(): Promise<string> {
    const res = await send('/v1/oauth2/token', {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!res.ok || typeof body?.access_token !== 'string') {
      throw new ProviderError(`PayPal gave no access token (HTTP ${res.status})`, res.status >= 500);
    }
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 0;
    token = { value: body.access_token, expiresAt: Date.now() + Math.max(0, lifetime - TOKEN_MARGIN_SECONDS) * 1000 };
    return body.access_token;
  }

  /** The cached token, or one new token shared by every call that needs it meanwhile. */
  function accessToken(): Promise<string> {
    if (token && Date.now() < token.expiresAt) return Promise.resolve(token.value);
    tokenRequest ??= requestToken().finally(() => {
      tokenRequest = null;
    });
    return tokenRequest;
  }

  /**
   * A REST call with the token. A 401 (token revoked or expired early) gets one fresh token and one
   * retry; 5xx and 429 throw a retryable ProviderError. Other answers go back to the caller to read.
   */
  async function api(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: string; requestId?: string } = {},
    retried = false,
  ): Promise<{ status: number; body: unknown }> {
    const bearer = await accessToken();
    const res = await send(path, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        accept: 'application/json',
        prefer: 'return=representation',
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...(options.requestId ? { 'paypal-request-id': options.requestId } : {}),
      },
      ...(options.body === undefined ? {} : { body: options.body }),
    });
    if (res.status === 401 && !retried) {
      if (token?.value === bearer) token = null;
      return api(method, path, options, true);
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      throw new ProviderError(
        `PayPal ${method} ${path}: HTTP ${res.status} with a body that is not JSON`,
        res.status >= 500,
      );
    }
    if (res.status >= 500 || res.status === 429) {
      throw new ProviderError(`PayPal ${method} ${path}: HTTP ${res.status} ${debugOf(body)}`, true);
    }
    if (res.status === 401 || res.status === 403) {
      throw new ProviderError(`PayPal ${method} ${path}: HTTP ${res.status} ${debugOf(body)}`, false);
    }
    return { status: res.status, body };
  }

  const orderPath = (orderId: string) => `/v2/checkout/orders/${encodeURIComponent(orderId)}`;

  async function captureOrder(orderId: string, paymentId: string): Promise<ProviderOutcome> {
    const res = await api('POST', `${orderPath(orderId)}/capture`, { requestId: `capture-${paymentId}` });
    if (res.status === 200 || res.status === 201) return captureOutcome(orderId, res.body as PayPalOrder);
    const issue = issueOf(res.body);
    if (res.status === 422 && issue === 'ORDER_ALREADY_CAPTURED') {
      const current = await api('GET', orderPath(orderId));
      if (current.status === 200) return captureOutcome(orderId, current.body as PayPalOrder);
    }
    if (res.status === 422 && issue === 'ORDER_NOT_APPROVED') {
      return failed(orderId, 'paypal_not_approved', 'The payment was not approved at PayPal. Nothing was charged.');
    }
    if (res.status === 422 && issue && declineIssues.has(issue))
      return failed(orderId, 'paypal_declined', declinedMessage);
    if (res.status === 404) {
      return failed(orderId, 'paypal_order_expired', 'The PayPal order has expired. Nothing was charged: start again.');
    }
    throw new ProviderError(`PayPal capture of ${orderId}: HTTP ${res.status} ${debugOf(res.body)}`, false);
  }

  /** A capture's order id and status, asked of PayPal (for refunds, whose resource names only the capture). */
  async function captureDetails(captureId: string): Promise<{ orderId?: string; status?: string }> {
    const res = await api('GET', `/v2/payments/captures/${encodeURIComponent(captureId)}`);
    if (res.status !== 200)
      throw new ProviderError(`PayPal capture ${captureId}: HTTP ${res.status} ${debugOf(res.body)}`);
    const capture = res.body as PayPalCapture;
    return { orderId: capture.supplementary_data?.related_ids?.order_id, status: capture.status };
  }

  async function eventOf(event: Record<string, unknown>): Promise<ProviderEvent> {
    const { id, event_type: type, resource } = event;
    if (typeof id !== 'string' || typeof type !== 'string' || !isObject(resource)) {
      throw malformedInput('The webhook is not a PayPal event.');
    }
    const subject = resource as PayPalCapture;
    const related = subject.supplementary_data?.related_ids ?? {};
    const ignored: ProviderEvent = { id, ref: related.order_id ?? subject.id ?? '', outcome: 'ignored' };
    switch (type) {
      case 'PAYMENT.CAPTURE.COMPLETED':
      case 'PAYMENT.CAPTURE.PENDING':
      case 'PAYMENT.CAPTURE.DENIED': {
        const orderId = related.order_id ?? (subject.id ? (await captureDetails(subject.id)).orderId : undefined);
        if (!orderId) return ignored;
        if (type === 'PAYMENT.CAPTURE.COMPLETED') return { id, ref: orderId, outcome: 'succeeded' };
        if (type === 'PAYMENT.CAPTURE.PENDING') return { id, ref: orderId, outcome: 'processing' };
        return { id, ref: orderId, outcome: 'failed', code: 'paypal_declined', message: declinedMessage };
      }
      case 'PAYMENT.CAPTURE.REFUNDED':
      case 'PAYMENT.CAPTURE.REVERSED': {
        // The resource is the refund: its capture is named in related ids or its `up` link.
        const upLink = subject.links?.find((l) => l.rel === 'up')?.href;
        const captureId = related.capture_id ?? /\/v2\/payments\/captures\/([^/?#]+)/.exec(upLink ?? '')?.[1];
        const capture = captureId ? await captureDetails(decodeURIComponent(captureId)) : {};
        const orderId = capture.orderId ?? related.order_id;
        // A partial refund leaves the payment standing; staff settle the difference.
        if (!orderId || capture.status === 'PARTIALLY_REFUNDED') return { ...ignored, ref: orderId ?? ignored.ref };
        const refunded = type === 'PAYMENT.CAPTURE.REFUNDED';
        return {
          id,
          ref: orderId,
          outcome: 'returned',
          code: refunded ? 'paypal_refunded' : 'paypal_reversed',
          message: refunded
            ? 'The payment was refunded to your PayPal account. The invoices are open again.'
            : 'PayPal reversed the payment. The invoices are open again.',
        };
      }
      default:
        return ignored;
    }
  }

  return {
    name: 'paypal',

    methodsFor(currency: string): PaymentMethod[] {
      return paypalCurrencies.has(currency) ? ['paypal'] : [];
    },

    async charge(input) {
      if (input.method !== 'paypal' || !paypalCurrencies.has(input.currency)) {
        throw new ProviderError(`PayPal does not take ${input.method} in ${input.currency} here`, false);
      }
      const order = {
        intent: 'CAPTURE',
        purchase_units: [
          {
            custom_id: input.paymentId,
            description: input.description.slice(0, 127),
            amount: { currency_code: input.currency, value: paypalAmount(input.amount, input.currency) },
          },
        ],
        payment_source: {
          paypal: { experience_context: { shipping_preference: 'NO_SHIPPING', user_action: 'PAY_NOW' } },
        },
      };
      const res = await api('POST', '/v2/checkout/orders', { body: JSON.stringify(order), requestId: input.paymentId });
      const created = res.body as PayPalOrder | null;
      if ((res.status !== 200 && res.status !== 201) || typeof created?.id !== 'string') {
        throw new ProviderError(`PayPal refused the order: HTTP ${res.status} ${debugOf(res.body)}`, false);
      }
      const approve = created.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve');
      return {
        status: 'requires_action',
        ref: created.id,
        nextAction: { type: 'paypal_approve', orderId: created.id, approveUrl: approve?.href ?? null },
      };
    },

    async confirm(ref, outcome, input) {
      // An unapproved order cannot be charged and expires on its own: nothing to undo at PayPal.
      if (outcome === 'cancel') return failed(ref, 'paypal_cancelled', 'You cancelled at PayPal. Nothing was charged.');
      return captureOrder(ref, input.paymentId);
    },

    async refund(ref, amount, input) {
      // PayPal refunds a capture, not an order: the order names its capture.
      const order = await api('GET', orderPath(ref));
      if (order.status !== 200)
        throw new ProviderError(`PayPal order ${ref}: HTTP ${order.status} ${debugOf(order.body)}`);
      const captureId = (order.body as PayPalOrder).purchase_units?.[0]?.payments?.captures?.[0]?.id;
      if (!captureId) return { status: 'failed', ref: null, message: `PayPal order ${ref} has no capture to refund` };
      const res = await api('POST', `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, {
        requestId: `refund-${input.paymentId}`,
        body: JSON.stringify({
          amount: { value: paypalAmount(amount, input.currency), currency_code: input.currency },
        }),
      });
      const refund = res.body as { id?: string; status?: string } | null;
      if (res.status !== 200 && res.status !== 201) {
        return { status: 'failed', ref: null, message: `PayPal refund: HTTP ${res.status} ${debugOf(res.body)}` };
      }
      if (refund?.status === 'FAILED' || refund?.status === 'CANCELLED') {
        return { status: 'failed', ref: refund.id ?? null, message: `PayPal refund ${refund.status}` };
      }
      return { status: refund?.status === 'COMPLETED' ? 'succeeded' : 'pending', ref: refund?.id ?? null };
    },

    async parseWebhook(rawBody, headers, now): Promise<ProviderEvent> {
      const sent: Record<string, string> = {};
      for (const [field, header] of Object.entries(transmissionHeaders)) {
        const value = headers.get(header);
        if (!value) throw signatureInvalid('missing');
        sent[field] = value;
      }
      const sentAt = Date.parse(sent.transmission_time!);
      if (Number.isNaN(sentAt)) throw signatureInvalid('malformed');
      if (now.getTime() - sentAt > WEBHOOK_MAX_AGE_MS) throw signatureInvalid('too_old');
      let event: unknown;
      try {
        event = JSON.parse(rawBody);
      } catch {
        throw new DomainError('invalid_json', 'The webhook body is not JSON.');
      }
      if (!isObject(event)) throw malformedInput('The webhook is not a PayPal event.');
      // The event goes back byte for byte: PayPal signed the body it sent, not our re-serialisation of it.
      const fields = JSON.stringify({ ...sent, webhook_id: webhookId });
      const verification = `${fields.slice(0, -1)},"webhook_event":${rawBody}}`;
      const res = await api('POST', '/v1/notifications/verify-webhook-signature', { body: verification });
      const status = (res.body as { verification_status?: unknown } | null)?.verification_status;
      if (res.status !== 200 || status !== 'SUCCESS') throw signatureInvalid('mismatch');
      return eventOf(event);
    },
  };
}
