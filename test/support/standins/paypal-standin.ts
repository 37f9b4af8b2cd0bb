/**
 * A loopback stand-in for the part of PayPal's REST API the provider uses: the client-credentials
 * token, Orders v2 (create, capture, get), a capture's details, and webhook signature verification.
 * It answers as PayPal does: bearer tokens it issued (and can revoke), `PayPal-Request-Id`
 * replays, 422s with `details[0].issue` (`ORDER_NOT_APPROVED`, `INSTRUMENT_DECLINED`, …).
 *
 * The payer's part happens through the test: `approve(orderId, capture)` is the buyer approving at
 * PayPal and says how capturing will end. `signWebhook` makes the transmission headers of a delivery;
 * verification says SUCCESS only for those headers, that webhook id and that exact event.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { HttpStandin, RecordedRequest, StandinReply } from './http-standin';
import { startHttpStandin } from './http-standin';

export type CaptureEnding = 'COMPLETED' | 'PENDING' | 'DECLINED' | 'INSTRUMENT_DECLINED';

export interface StandinOrder {
  id: string;
  status: 'PAYER_ACTION_REQUIRED' | 'APPROVED' | 'COMPLETED';
  request: Record<string, unknown>;
  capture: CaptureEnding | null;
  captureId: string | null;
  captureStatus: string | null;
}

export interface PaypalStandin extends HttpStandin {
  orders: Map<string, StandinOrder>;
  /** Seconds each new token lives (PayPal's are about nine hours). */
  tokenLifetimeSeconds: number;
  /** Every capture refund made, in order. */
  refunds: { id: string; status: string; amount: unknown; captureId: string | null }[];
  /** Every issued token stops working, as when PayPal revokes or expires them early. */
  revokeTokens(): void;
  approve(orderId: string, capture?: CaptureEnding): void;
  /** Marks an order's capture refunded (fully or partly) and returns the capture id. */
  refund(orderId: string, options?: { partial?: boolean }): string;
  /** Transmission headers for a delivery of `rawBody` sent at `time`. */
  signWebhook(rawBody: string, time: Date): Record<string, string>;
  /** Answer the next `count` requests to `path` with HTTP `status`. */
  failNext(status: number, options: { path: string; count?: number }): void;
  to(method: string, path: string): RecordedRequest[];
}

const problem = (status: number, name: string, issue: string): StandinReply => ({
  status,
  body: { name, message: issue, debug_id: 'standin-debug', details: [{ issue, description: issue }] },
});

export async function startPaypalStandin(credentials: {
  clientId: string;
  clientSecret: string;
  webhookId: string;
}): Promise<PaypalStandin> {
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${String(++counter).padStart(13, '0')}`;
  const tokens = new Set<string>();
  const orders = new Map<string, StandinOrder>();
  const replays = new Map<string, StandinReply>();
  const signingKey = randomUUID();
  let failures: { status: number; path: string; count: number } | null = null;

  const sign = (id: string, time: string, webhookId: string, event: unknown) =>
    createHmac('sha256', signingKey)
      .update(`${id}|${time}|${webhookId}|${createHash('sha256').update(JSON.stringify(event)).digest('hex')}`)
      .digest('base64');

  function orderView(order: StandinOrder) {
    const unit = order.request.purchase_units as Record<string, unknown>[] | undefined;
    return {
      id: order.id,
      intent: order.request.intent,
      status: order.status,
      purchase_units: [
        {
          ...unit?.[0],
          ...(order.captureId
            ? {
                payments: {
                  captures: [
                    {
                      id: order.captureId,
                      status: order.captureStatus,
                      ...(order.captureStatus === 'PENDING' ? { status_details: { reason: 'PENDING_REVIEW' } } : {}),
                    },
                  ],
                },
              }
            : {}),
        },
      ],
      links: [
        { href: `https://api-m.sandbox.paypal.com/v2/checkout/orders/${order.id}`, rel: 'self', method: 'GET' },
        ...(order.status === 'PAYER_ACTION_REQUIRED'
          ? [
              {
                href: `https://www.sandbox.paypal.com/checkoutnow?token=${order.id}`,
                rel: 'payer-action',
                method: 'GET',
              },
            ]
          : []),
      ],
    };
  }

  function capture(order: StandinOrder): StandinReply {
    if (order.status === 'COMPLETED') return problem(422, 'UNPROCESSABLE_ENTITY', 'ORDER_ALREADY_CAPTURED');
    if (order.status !== 'APPROVED') return problem(422, 'UNPROCESSABLE_ENTITY', 'ORDER_NOT_APPROVED');
    if (order.capture === 'INSTRUMENT_DECLINED') return problem(422, 'UNPROCESSABLE_ENTITY', 'INSTRUMENT_DECLINED');
    order.status = 'COMPLETED';
    order.captureId = nextId('CAPTURE');
    order.captureStatus = order.capture;
    return { status: 201, body: orderView(order) };
  }

  function verify(body: Record<string, unknown>): StandinReply {
    const fields = ['auth_algo', 'cert_url', 'transmission_id', 'transmission_sig', 'transmission_time', 'webhook_id'];
    if (fields.some((f) => typeof body[f] !== 'string') || typeof body.webhook_event !== 'object') {
      return problem(400, 'VALIDATION_ERROR', 'MISSING_REQUIRED_PARAMETER');
    }
    const expected = sign(
      body.transmission_id as string,
      body.transmission_time as string,
      credentials.webhookId,
      body.webhook_event,
    );
    const ok = body.webhook_id === credentials.webhookId && body.transmission_sig === expected;
    return { status: 200, body: { verification_status: ok ? 'SUCCESS' : 'FAILURE' } };
  }

  function route(req: RecordedRequest): StandinReply {
    const parts = req.path.split('/').filter(Boolean);
    const json = () => (req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {});
    if (req.method === 'POST' && req.path === '/v2/checkout/orders') {
      const order: StandinOrder = {
        id: nextId('ORDER'),
        status: 'PAYER_ACTION_REQUIRED',
        request: json(),
        capture: null,
        captureId: null,
        captureStatus: null,
      };
      orders.set(order.id, order);
      return { status: 201, body: orderView(order) };
    }
    if (parts[0] === 'v2' && parts[1] === 'checkout' && parts[2] === 'orders' && parts[3]) {
      const order = orders.get(parts[3]);
      if (!order) return problem(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      if (req.method === 'GET' && parts.length === 4) return { status: 200, body: orderView(order) };
      if (req.method === 'POST' && parts[4] === 'capture') return capture(order);
    }
    if (
      req.method === 'POST' &&
      parts[0] === 'v2' &&
      parts[1] === 'payments' &&
      parts[2] === 'captures' &&
      parts[4] === 'refund'
    ) {
      const order = [...orders.values()].find((o) => o.captureId === parts[3]);
      if (!order) return problem(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      const refund = { id: nextId('REFUND'), status: 'COMPLETED', amount: json().amount, captureId: order.captureId };
      standin.refunds.push(refund);
      return { status: 201, body: refund };
    }
    if (req.method === 'GET' && parts[0] === 'v2' && parts[1] === 'payments' && parts[2] === 'captures' && parts[3]) {
      const order = [...orders.values()].find((o) => o.captureId === parts[3]);
      if (!order) return problem(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      return {
        status: 200,
        body: {
          id: order.captureId,
          status: order.captureStatus,
          supplementary_data: { related_ids: { order_id: order.id } },
        },
      };
    }
    if (req.method === 'POST' && req.path === '/v1/notifications/verify-webhook-signature') return verify(json());
    return problem(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
  }

  const http = await startHttpStandin((req) => {
    if (failures && failures.count > 0 && failures.path === req.path) {
      failures.count--;
      return problem(failures.status, 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVICE_ERROR');
    }
    if (req.path === '/v1/oauth2/token') {
      const basic = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`;
      if (req.method !== 'POST' || req.headers.authorization !== basic) {
        return { status: 401, body: { error: 'invalid_client', error_description: 'Client Authentication failed' } };
      }
      if (new URLSearchParams(req.body).get('grant_type') !== 'client_credentials') {
        return { status: 400, body: { error: 'unsupported_grant_type' } };
      }
      const accessToken = `A21AA${randomUUID().replaceAll('-', '')}`;
      tokens.add(accessToken);
      return {
        status: 200,
        body: {
          scope: 'https://uri.paypal.com/services/payments/payment',
          access_token: accessToken,
          token_type: 'Bearer',
          app_id: 'APP-STANDIN',
          expires_in: standin.tokenLifetimeSeconds,
          nonce: randomUUID(),
        },
      };
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) {
      return {
        status: 401,
        body: { error: 'invalid_token', error_description: 'Token signature verification failed' },
      };
    }
    const requestId = req.headers['paypal-request-id'];
    const replayKey = typeof requestId === 'string' ? `${req.path}\n${requestId}` : null;
    const replayed = replayKey ? replays.get(replayKey) : undefined;
    if (replayed) return { ...replayed, status: replayed.status === 201 ? 200 : replayed.status };
    const reply = route(req);
    if (replayKey && reply.status < 500) replays.set(replayKey, structuredClone(reply));
    return reply;
  });

  const standin: PaypalStandin = {
    ...http,
    orders,
    tokenLifetimeSeconds: 32_400,
    refunds: [],
    revokeTokens: () => tokens.clear(),
    approve(orderId, ending = 'COMPLETED') {
      const order = orders.get(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      order.status = 'APPROVED';
      order.capture = ending;
    },
    refund(orderId, { partial = false } = {}) {
      const order = orders.get(orderId);
      if (!order?.captureId) throw new Error(`order ${orderId} has no capture`);
      order.captureStatus = partial ? 'PARTIALLY_REFUNDED' : 'REFUNDED';
      return order.captureId;
    },
    signWebhook(rawBody, time) {
      const id = randomUUID();
      const iso = time.toISOString();
      return {
        'paypal-transmission-id': id,
        'paypal-transmission-time': iso,
        'paypal-transmission-sig': sign(id, iso, credentials.webhookId, JSON.parse(rawBody)),
        'paypal-cert-url': 'https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-standin',
        'paypal-auth-algo': 'SHA256withRSA',
      };
    },
    failNext(status, { path, count = 1 }) {
      failures = { status, path, count };
    },
    to: (method, path) => http.requests.filter((r) => r.method === method && r.path === path),
  };
  return standin;
}
