/**
 * Shared by the authorization matrix and the fuzz test: every route of the app read from its router,
 * a declarative table saying who may call each route pattern and with what request, and a seeded
 * world with real ids and real sessions (signed in through real links) to fill those requests.
 *
 * A route that exists in the app and not in ROUTE_TABLE fails both tests: add it here, with who may
 * call it, when you add it to the app.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq, gt, inArray, notInArray } from 'drizzle-orm';
import type { ErrorCode } from '../src/contract';
import { testConfig } from '../src/config';
import { disputes, erpWebhookDeliveries, invoices } from '../src/db/schema';
import { revokeErpKey } from '../src/domain/erp/keys';
import { systemActor } from '../src/domain/events';
import { issueMagicLink, newLinkSecrets } from '../src/domain/auth';
import { linkFrom } from '../../test/support/smtp-capture';
import { customerRow, erpCall, erpKey, invoiceRow } from './erp-helpers';
import { ORIGIN, type TestServer } from './helpers';

// ---- Routes from the router ------------------------------------------------------------------

export interface RouteRef {
  method: string;
  /** The pattern as registered, e.g. `/api/v1/invoices/:id`. */
  path: string;
  /** `METHOD pattern`, the table's key. */
  key: string;
}

/** Fewer routes than this means the enumeration broke, not that the app shrank. */
export const MIN_ROUTES = 25;

/**
 * Every method + pattern the app answers, from `app.routes`. `ALL /x/*` entries are middleware
 * (`.use`); an `ALL` on a concrete path would be a route for every method, which the table cannot
 * describe, so it is an error here.
 */
export function enumerateRoutes(app: { routes: readonly { method: string; path: string }[] }): RouteRef[] {
  const seen = new Map<string, RouteRef>();
  for (const r of app.routes) {
    if (r.method === 'ALL') {
      if (!r.path.endsWith('*')) throw new Error(`ALL ${r.path} answers every method; register one route per method`);
      continue;
    }
    const key = `${r.method} ${r.path}`;
    if (!seen.has(key)) seen.set(key, { method: r.method, path: r.path, key });
  }
  return [...seen.values()];
}

/** The names of a pattern's parameters: `:id`, `:id{[0-9]+}`, `:id?`. */
export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/:([A-Za-z0-9_]+)(?:\{[^}]*\})?\??/g)].map((m) => m[1]!);
}

/** The pattern with each parameter replaced by `fill(name)` (which must encode what it returns). */
export function fillPath(pattern: string, fill: (name: string) => string): string {
  return pattern.replace(/:([A-Za-z0-9_]+)(?:\{[^}]*\})?\??/g, (_, name: string) => fill(name));
}

// ---- Error bodies ----------------------------------------------------------------------------

/** The ErrorCode union of the contract, read from its source so a new code needs no change here. */
export function knownErrorCodes(): ReadonlySet<ErrorCode> {
  const source = readFileSync(new URL('../src/contract/errors.ts', import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const block = /export type ErrorCode\s*=([^;]*);/.exec(source);
  if (!block) throw new Error('no `export type ErrorCode` in server/src/contract/errors.ts');
  const codes = [...block[1]!.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as ErrorCode);
  if (codes.length < 20 || !codes.includes('invalid_request')) throw new Error(`ErrorCode parse: ${codes.join(',')}`);
  return new Set(codes);
}

/** Why a 4xx/5xx body is not `{error: {code, message}}` with a known code, or null when it is. */
export function errorShapeProblem(contentType: string | null, text: string, codes: ReadonlySet<string>): string | null {
  if (!/^application\/json\b/i.test(contentType ?? '')) return `content-type ${contentType ?? '(none)'}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error !== 'object') return 'no `error` object';
  if (typeof error.code !== 'string' || !codes.has(error.code)) return `unknown code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'no message';
  return null;
}

// ---- The world: real ids and real sessions ---------------------------------------------------

export type Principal = 'none' | 'owner' | 'other' | 'easyPay' | 'staff' | 'revoked' | 'erp' | 'revokedErp';

/** The order calls are made in: the owner last, so its positive control cannot change what others see. */
export const PRINCIPALS: readonly Principal[] = [
  'none',
  'other',
  'easyPay',
  'staff',
  'revoked',
  'erp',
  'revokedErp',
  'owner',
];

export const VICTIM = { email: 'ap@northwind.test', account: 'cus_northwind' } as const;
export const OTHER_CUSTOMER = 'cfo@globex.test';
export const STAFF = 'ar@acme.test';
/** Signs the sandbox's webhooks in these tests (configured, so the tests do not lean on a default). */
export const SANDBOX_SECRET = 'whsec_route_matrix_tests_0123456789';

export interface World {
  t: TestServer;
  /** Open, undisputed Northwind invoices outside the Easy Pay link. */
  victimInvoice: { id: string; number: string };
  /** Holds the 3-D Secure payment that waits for the payer. */
  victimInvoice2: { id: string; number: string };
  /** The one invoice the Easy Pay session may see. */
  easyInvoice: { id: string; number: string };
  paymentSucceeded: string;
  paymentWaiting: string;
  /** Receives deliveries (and so has one to retry). */
  endpointA: string;
  deliveryA: string;
  /** Disabled by the matrix's DELETE. */
  endpointB: string;
  erpKey: string;
  revokedErpKey: string;
  owner: string;
  other: string;
  easyPay: string;
  staff: string;
  revoked: string;
  /** Quoted JSON strings that must never appear in a 2xx body for that principal. */
  secretsFrom: Partial<Record<Principal, string[]>>;
}

/** A session opened from an Easy Pay link for one invoice, as the invoice email carries it. */
export async function easyPaySession(t: TestServer, email: string, invoice: { id: string; number: string }) {
  const config = testConfig({ PUBLIC_URL: 'https://ar.shop.test', ALLOWED_ORIGINS: ORIGIN });
  await t.deliver();
  const sent = t.mail.to(email).length;
  issueMagicLink(
    t.db,
    config,
    {
      email,
      audience: 'customer',
      returnTo: `${ORIGIN}/portal`,
      target: `pay/${invoice.number}`,
      nonceHash: null,
      scopeInvoiceIds: [invoice.id],
      ttlMinutes: 30 * 1440,
      maxUses: 20,
    },
    await newLinkSecrets(),
    t.clock.now(),
  );
  await t.deliver();
  const mail = await t.mail.waitFor(email, { after: sent });
  const res = await t.call('POST', '/auth/sessions', { body: { token: linkFrom(mail).token } });
  if (res.status !== 200) throw new Error(`Easy Pay sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A customer session that has been signed out through the API. */
export async function revokedSession(t: TestServer): Promise<string> {
  const token = await t.signIn(VICTIM.email);
  const res = await t.call('DELETE', '/auth/session', { token });
  if (res.status !== 204) throw new Error(`sign-out failed: ${res.status}`);
  return token;
}

async function created(res: Response, what: string): Promise<{ id: string }> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

const cardPayment = (invoiceId: string, amount: number, paymentMethod = 'tok_visa') => ({
  account: VICTIM.account,
  allocations: [{ invoiceId, amount }],
  method: 'card',
  paymentMethod,
});

/** The environment both tests start their server with. */
export const WORLD_ENV: Record<string, string> = {
  DEMO: 'true',
  SANDBOX_WEBHOOK_SECRET: SANDBOX_SECRET,
  PAYMENT_ATTEMPTS_PER_HOUR: '100000',
  RATE_LIMIT_EMAIL: '100000',
  RATE_LIMIT_IP: '100000',
  RATE_LIMIT_GLOBAL: '100000',
  RESEND_COOLDOWN_SECONDS: '0',
};

export async function buildWorld(t: TestServer): Promise<World> {
  const openNorthwind = t.db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, VICTIM.account),
        gt(invoices.balance, 10_000),
        notInArray(invoices.id, t.db.select({ id: disputes.invoiceId }).from(disputes)),
      ),
    )
    .orderBy(invoices.number)
    .all();
  if (openNorthwind.length < 3) throw new Error('the demo seed has fewer than 3 open Northwind invoices');
  const [victimInvoice, victimInvoice2, easyInvoice] = openNorthwind as [
    (typeof openNorthwind)[0],
    (typeof openNorthwind)[0],
    (typeof openNorthwind)[0],
  ];

  const erp = erpKey(t, 'Matrix ERP');
  const revoked = erpKey(t, 'Revoked ERP');
  revokeErpKey(t.db, revoked.id, systemActor, t.clock.now());
  // The ERP's own customer, for the invoice upserts in the table.
  const upsert = await erpCall(t, erp.key, 'PUT', '/customers', { body: { customers: [customerRow(900)] } });
  if (upsert.status !== 200) throw new Error(`ERP customer upsert: ${upsert.status} ${await upsert.text()}`);
  const endpointA = await created(
    await erpCall(t, erp.key, 'POST', '/webhooks', { body: { url: 'http://127.0.0.1:9/matrix-a' } }),
    'webhook endpoint A',
  );
  const endpointB = await created(
    await erpCall(t, erp.key, 'POST', '/webhooks', { body: { url: 'http://127.0.0.1:9/matrix-b' } }),
    'webhook endpoint B',
  );

  const owner = await t.signIn(VICTIM.email);
  const pay = (body: unknown, what: string) =>
    t
      .call('POST', '/payments', { token: owner, body, headers: { 'idempotency-key': randomUUID() } })
      .then((r) => created(r, what));
  const paymentSucceeded = await pay(cardPayment(victimInvoice.id, 100), 'card payment');
  const paymentWaiting = await pay(
    cardPayment(victimInvoice2.id, 100, 'tok_authentication_required'),
    '3-D Secure payment',
  );
  // One delivery attempt (to a closed port) so endpoint A has a delivery to list and retry.
  await t.deliver();
  const delivery = t.db
    .select({ id: erpWebhookDeliveries.id })
    .from(erpWebhookDeliveries)
    .where(eq(erpWebhookDeliveries.endpointId, endpointA.id))
    .get();
  if (!delivery) throw new Error('no webhook delivery for endpoint A after a payment');

  const world: Omit<World, 'secretsFrom'> = {
    t,
    victimInvoice,
    victimInvoice2,
    easyInvoice,
    paymentSucceeded: paymentSucceeded.id,
    paymentWaiting: paymentWaiting.id,
    endpointA: endpointA.id,
    deliveryA: delivery.id,
    endpointB: endpointB.id,
    erpKey: erp.key,
    revokedErpKey: revoked.key,
    owner,
    other: await t.signIn(OTHER_CUSTOMER),
    easyPay: await easyPaySession(t, VICTIM.email, easyInvoice),
    staff: await t.signIn(STAFF, 'staff'),
    revoked: await revokedSession(t),
  };

  const northwind = t.db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(eq(invoices.customerId, VICTIM.account))
    .all();
  const quoted = (xs: string[]) => xs.map((x) => JSON.stringify(x));
  const victimPayments = [world.paymentSucceeded, world.paymentWaiting];
  const outsideLink = northwind.filter((i) => i.id !== easyInvoice.id);
  return {
    ...world,
    secretsFrom: {
      other: quoted([VICTIM.account, ...northwind.flatMap((i) => [i.id, i.number]), ...victimPayments]),
      easyPay: quoted([...outsideLink.flatMap((i) => [i.id, i.number]), ...victimPayments]),
    },
  };
}

/** The invoices an Easy Pay session may name, for checks. */
export function invoicesOf(t: TestServer, ids: string[]) {
  return t.db.select().from(invoices).where(inArray(invoices.id, ids)).all();
}

// ---- The table -------------------------------------------------------------------------------

/**
 * - a status: exactly that status;
 * - `ok`: any 2xx;
 * - `reach`: the request got past authorization (not 401, 403 or 404), whatever the handler said;
 * - `public`: the route asks for no credentials: no 401/403 asking to sign in, whoever calls.
 */
export type Expect = 401 | 403 | 404 | 400 | 'ok' | 'reach' | 'public';

export type Kind = 'public' | 'session' | 'customer' | 'erp' | 'signed';

export interface RequestTemplate {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec {
  kind: Kind;
  /** A valid request for the owner (or the ERP), with real ids; called once per principal. */
  request?: (w: World) => RequestTemplate;
  /** Overrides of the kind's defaults. */
  expect?: Partial<Record<Principal, Expect>>;
  /** The call ends the session it is made with: each principal gets a fresh one. */
  consumesSession?: boolean;
  /** Mounted only in the demo (`DEMO=true`). */
  demoOnly?: boolean;
  /** Shows the outbox to anyone (the demo's mailbox), so the secrets check does not apply. */
  showsEverything?: boolean;
  /** More checks on a 2xx body, per principal. */
  check?: (w: World, principal: Principal, body: unknown) => void;
}

const ALL = (e: Expect): Record<Principal, Expect> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, e])) as Record<Principal, Expect>;

export const DEFAULTS: Record<Kind, Record<Principal, Expect>> = {
  public: ALL('public'),
  // Any signed-in person, customer or staff.
  session: { ...ALL(401), owner: 'ok', other: 'ok', easyPay: 'ok', staff: 'ok' },
  // Customer sessions only; another customer's resources do not exist for them, nor for an Easy Pay
  // session outside its invoices.
  customer: { ...ALL(401), owner: 'ok', other: 404, easyPay: 404, staff: 403 },
  // ERP API keys only: every session is refused like no key at all.
  erp: { ...ALL(401), erp: 'ok' },
  // Payment providers' webhooks: the signature is the credential; sessions and keys are no signature.
  signed: ALL(400),
};

const idempotent = () => ({ 'idempotency-key': randomUUID() });
const account = { account: VICTIM.account };
let linkSerial = 0;

export const ROUTE_TABLE: Record<string, RouteSpec> = {
  'GET /portico.js': { kind: 'public' },
  'GET /chunks/:file': { kind: 'public', request: () => ({ params: { file: 'ar-statement.js' } }) },
  'GET /api/v1/health': { kind: 'public' },
  'POST /api/v1/auth/links': {
    kind: 'public',
    request: () => ({ body: { email: `matrix-${++linkSerial}@nowhere.test`, returnTo: `${ORIGIN}/` } }),
  },
  'POST /api/v1/auth/links/preview': { kind: 'public', request: () => ({ body: { token: 'x'.repeat(43) } }) },
  'POST /api/v1/auth/sessions': { kind: 'public', request: () => ({ body: { token: 'x'.repeat(43) } }) },
  'GET /api/v1/auth/session': { kind: 'session' },
  'DELETE /api/v1/auth/session': { kind: 'session', consumesSession: true },
  'DELETE /api/v1/auth/sessions': { kind: 'session', consumesSession: true },

  'GET /api/v1/accounts': {
    kind: 'customer',
    // A list of one's own accounts: another customer gets theirs, an Easy Pay session its invoice's.
    expect: { other: 'ok', easyPay: 'ok' },
    check: (w, p, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((a) => a.id);
      if (p === 'easyPay' && ids.join() !== VICTIM.account) throw new Error(`Easy Pay accounts: ${ids.join()}`);
    },
  },
  'GET /api/v1/invoices': {
    kind: 'customer',
    request: () => ({ query: account }),
    expect: { easyPay: 'ok' },
    check: (w, p, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((i) => i.id);
      if (p === 'easyPay' && ids.join() !== w.easyInvoice.id) throw new Error(`Easy Pay list: ${ids.join()}`);
      if (p === 'owner' && !ids.includes(w.victimInvoice.id)) throw new Error('the owner does not see the invoice');
    },
  },
  'GET /api/v1/invoices/:id': { kind: 'customer', request: (w) => ({ params: { id: w.victimInvoice.id } }) },
  'GET /api/v1/invoices/:id/pdf': { kind: 'customer', request: (w) => ({ params: { id: w.victimInvoice.id } }) },
  'GET /api/v1/statement': {
    kind: 'customer',
    request: () => ({ query: account }),
    // A whole-account statement is not an Easy Pay session's to read.
    expect: { easyPay: 403 },
  },
  'GET /api/v1/payments/config': {
    kind: 'customer',
    request: () => ({ query: account }),
    expect: { easyPay: 'ok' },
  },
  'GET /api/v1/payments': {
    kind: 'customer',
    request: () => ({ query: account }),
    expect: { easyPay: 'ok' },
    check: (w, p, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((x) => x.id);
      if (p === 'owner' && !ids.includes(w.paymentSucceeded)) throw new Error('the owner does not see the payment');
    },
  },
  'POST /api/v1/payments': {
    kind: 'customer',
    request: (w) => ({ body: cardPayment(w.victimInvoice.id, 100), headers: idempotent() }),
  },
  'GET /api/v1/payments/:id': { kind: 'customer', request: (w) => ({ params: { id: w.paymentSucceeded } }) },
  'POST /api/v1/payments/:id/confirm': {
    kind: 'customer',
    request: (w) => ({ params: { id: w.paymentWaiting }, body: { outcome: 'complete' } }),
    // The owner's call may meet a payment that lapsed or was replaced (409): past authorization all the same.
    expect: { owner: 'reach' },
  },
  'GET /api/v1/payments/:id/receipt.pdf': {
    kind: 'customer',
    request: (w) => ({ params: { id: w.paymentSucceeded } }),
  },

  'POST /api/v1/webhooks/:provider': {
    kind: 'signed',
    request: () => ({ params: { provider: 'sandbox' }, body: { id: 'evt_matrix', ref: 'x', outcome: 'succeeded' } }),
  },

  'PUT /api/v1/erp/customers': { kind: 'erp', request: () => ({ body: { customers: [customerRow(900)] } }) },
  'PUT /api/v1/erp/invoices': {
    kind: 'erp',
    request: () => ({ body: { invoices: [invoiceRow(900, { customerExternalId: 'C-900' })] } }),
  },
  'POST /api/v1/erp/invoices/:id/send': { kind: 'erp', request: (w) => ({ params: { id: w.victimInvoice.id } }) },
  'GET /api/v1/erp/payments': { kind: 'erp' },
  'POST /api/v1/erp/webhooks': { kind: 'erp', request: () => ({ body: { url: 'http://127.0.0.1:9/matrix-c' } }) },
  'GET /api/v1/erp/webhooks': { kind: 'erp' },
  'DELETE /api/v1/erp/webhooks/:id': { kind: 'erp', request: (w) => ({ params: { id: w.endpointB } }) },
  'GET /api/v1/erp/webhooks/:id/deliveries': { kind: 'erp', request: (w) => ({ params: { id: w.endpointA } }) },
  'POST /api/v1/erp/webhooks/:id/deliveries/:deliveryId/retry': {
    kind: 'erp',
    request: (w) => ({ params: { id: w.endpointA, deliveryId: w.deliveryA } }),
    // A delivery still being retried on its own is a 409: the key got through.
    expect: { erp: 'reach' },
  },
  'GET /api/v1/erp/invoices': { kind: 'erp' },

  'GET /api/v1/dev/mailbox': { kind: 'public', demoOnly: true, showsEverything: true },
  'GET /api/v1/dev/mailbox/messages.json': { kind: 'public', demoOnly: true, showsEverything: true },
};

export function expectations(spec: RouteSpec): Record<Principal, Expect> {
  return { ...DEFAULTS[spec.kind], ...spec.expect };
}

// ---- Calls -------------------------------------------------------------------------------------

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A request from a template: JSON body, allowed Origin for browsers' calls, none for the ERP's. */
export function buildRequest(
  t: TestServer,
  route: RouteRef,
  template: RequestTemplate,
  credential: string | null,
  options: { origin?: string | null } = {},
): BuiltRequest {
  const path = fillPath(route.path, (name) => {
    const value = template.params?.[name];
    if (value === undefined) throw new Error(`${route.key}: the table gives no value for :${name}`);
    return encodeURIComponent(value);
  });
  const query = template.query ? `?${new URLSearchParams(template.query)}` : '';
  const headers: Record<string, string> = { ...template.headers };
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (credential) headers.authorization = `Bearer ${credential}`;
  let body: string | undefined;
  if (template.body !== undefined) {
    body = JSON.stringify(template.body);
    headers['content-type'] ??= 'application/json';
  }
  return { method: route.method, url: `${t.url}${path}${query}`, headers, body };
}
