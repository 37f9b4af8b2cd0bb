/**
 * The authorization matrix: every route the app answers, read from its router, called over real HTTP
 * on a seeded database by eleven callers (no credentials, the resource's owner, another customer, an
 * Easy Pay session for one invoice, staff of each role (admin, collector, viewer), a deactivated staff
 * user's session, a signed-out session, an ERP key and a revoked ERP key), each answer checked against
 * the table in route-matrix.ts. A route missing from the table fails here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../src/app';
import { testConfig } from '../src/config';
import {
  COLLECTOR,
  DEACTIVATED,
  OTHER_CUSTOMER,
  STAFF,
  VIEWER,
  VICTIM,
  easyPaySession,
  revokedSession,
  PRINCIPALS,
  WORLD_ENV,
  buildWorld,
  type Principal,
  type World,
} from './route-matrix-world';
import { ROUTE_TABLE, expectations, type Expect } from './route-matrix';
import { MIN_ROUTES, enumerateRoutes, errorShapeProblem, knownErrorCodes, type RouteRef } from './route-matrix-routes';
import { buildRequest } from './route-matrix-calls';
import { ORIGIN, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let w: World;
let routes: RouteRef[];
const codes = knownErrorCodes();

/** The credential a principal calls with; `fresh` makes a new session for calls that end theirs. */
async function credentialOf(p: Principal, fresh: boolean): Promise<string | null> {
  switch (p) {
    case 'none':
      return null;
    case 'erp':
      return w.erpKey;
    case 'revokedErp':
      return w.revokedErpKey;
    case 'revoked':
      return fresh ? revokedSession(t) : w.revoked;
    case 'owner':
      return fresh ? t.signIn(VICTIM.email) : w.owner;
    case 'other':
      return fresh ? t.signIn(OTHER_CUSTOMER) : w.other;
    case 'staff':
      return fresh ? t.signIn(STAFF, 'staff') : w.staff;
    case 'collector':
      return fresh ? t.signIn(COLLECTOR, 'staff') : w.collector;
    case 'viewer':
      return fresh ? t.signIn(VIEWER.email, 'staff') : w.viewer;
    case 'deactivated':
      // Its sessions ended with the deactivation, and it can make no new one (tested below).
      return w.deactivated;
    case 'easyPay':
      return fresh ? easyPaySession(t, VICTIM.email, w.easyInvoice) : w.easyPay;
  }
}

const REFUSAL_CODES: Record<number, string[]> = {
  401: ['unauthenticated', 'session_expired'],
  403: ['forbidden'],
  404: ['not_found'],
};

/** Why an answer does not meet the expectation, or null. */
function mismatch(expect: Expect, status: number, code: string | undefined): string | null {
  if (status >= 500) return 'a server error';
  switch (expect) {
    case 'ok':
      return status >= 200 && status < 300 ? null : `expected 2xx`;
    case 'reach':
      return [401, 403, 404].includes(status) ? `expected to get past authorization` : null;
    case 'public':
      return (status === 401 || status === 403) && ['unauthenticated', 'session_expired', 'forbidden'].includes(code!)
        ? 'a public route asked for credentials'
        : null;
    default:
      if (status !== expect) return `expected ${expect}`;
      if (REFUSAL_CODES[status] && !REFUSAL_CODES[status]!.includes(code!))
        return `expected code ${REFUSAL_CODES[status]}`;
      return null;
  }
}

before(async () => {
  t = await startTestServer({ env: WORLD_ENV });
  w = await buildWorld(t);
  routes = enumerateRoutes(t.app);
});
after(() => t?.close());

describe('the route table', () => {
  it(`enumerates the app's routes from its router (at least ${MIN_ROUTES})`, () => {
    assert.ok(routes.length >= MIN_ROUTES, `only ${routes.length} routes: ${routes.map((r) => r.key).join(', ')}`);
    for (const key of ['GET /api/v1/invoices/:id', 'POST /api/v1/payments', 'PUT /api/v1/erp/invoices']) {
      assert.ok(
        routes.some((r) => r.key === key),
        `${key} not enumerated`,
      );
    }
  });

  it('covers every route the app has, and names no route the app lacks', () => {
    const keys = new Set(routes.map((r) => r.key));
    const uncovered = [...keys].filter((k) => !(k in ROUTE_TABLE));
    const stale = Object.keys(ROUTE_TABLE).filter((k) => !keys.has(k));
    assert.deepEqual(
      uncovered,
      [],
      'routes missing from ROUTE_TABLE in server/test/route-matrix.ts: say who may call them',
    );
    assert.deepEqual(stale, [], 'ROUTE_TABLE names routes the app no longer has');
  });

  it('mounts the demo-only routes only in the demo', async () => {
    const plain = await createApp({
      config: testConfig({ DATABASE_PATH: ':memory:', ALLOWED_ORIGINS: 'https://shop.test' }),
      db: t.db,
      clock: t.clock,
    });
    const keys = enumerateRoutes(plain.app).map((r) => r.key);
    const expected = Object.entries(ROUTE_TABLE)
      .filter(([, spec]) => !spec.demoOnly)
      .map(([key]) => key);
    assert.deepEqual(keys.toSorted(), expected.toSorted());
    await plain.worker.stop();
  });
});

describe('a deactivated staff user', () => {
  it('cannot sign in, with a link issued before the deactivation or a new one', async () => {
    const res = await t.call('POST', '/auth/sessions', { body: { token: w.deactivatedLink, audience: 'staff' } });
    assert.ok(res.status >= 400 && res.status < 500, `the old link signed in: ${res.status} ${await res.text()}`);
    await t.deliver();
    const sent = t.mail.to(DEACTIVATED.email).length;
    const link = await t.call('POST', '/auth/links', {
      body: { email: DEACTIVATED.email, audience: 'staff', returnTo: `${ORIGIN}/portal` },
    });
    // The answer is the same as for anybody (no account enumeration); no link is sent.
    assert.equal(link.status, 202, await link.text());
    await t.deliver();
    assert.equal(t.mail.to(DEACTIVATED.email).length, sent);
  });
});

describe('the authorization matrix', () => {
  it('answers every route as the table says, for every caller', async (ctx) => {
    // Routes that end the caller's session run last, each with new sessions.
    const ordered = routes.toSorted(
      (a, b) => Number(!!ROUTE_TABLE[a.key]?.consumesSession) - Number(!!ROUTE_TABLE[b.key]?.consumesSession),
    );
    let calls = 0;
    for (const route of ordered) {
      const spec = ROUTE_TABLE[route.key];
      if (!spec) continue; // reported by the coverage test above
      await ctx.test(route.key, async () => {
        const expected = expectations(spec);
        const problems: string[] = [];
        for (const principal of PRINCIPALS) {
          await spec.fresh?.(w);
          const credential = await credentialOf(principal, !!spec.consumesSession);
          const request = buildRequest(t, route, spec.request?.(w) ?? {}, credential);
          const res = await fetch(request.url, request);
          calls++;
          const text = await res.text();
          const expect = expected[principal];
          let code: string | undefined;
          if (res.status >= 400) {
            const shape = errorShapeProblem(res.headers.get('content-type'), text, codes);
            if (shape)
              problems.push(`${principal}: ${res.status} with a bad error body (${shape}): ${text.slice(0, 200)}`);
            else code = (JSON.parse(text) as { error: { code: string } }).error.code;
          }
          const why = mismatch(expect, res.status, code);
          if (why) {
            problems.push(`${principal}: ${why}, got ${res.status} ${code ?? ''} ${text.slice(0, 200)}`);
            continue;
          }
          if (spec.kind === 'signed' && code !== 'signature_invalid') {
            problems.push(`${principal}: expected signature_invalid, got ${code}`);
          }
          if (res.status >= 200 && res.status < 300) {
            if (!spec.showsEverything) {
              const leaked = (w.secretsFrom[principal] ?? []).filter((s) => text.includes(s));
              if (leaked.length) problems.push(`${principal}: the answer shows ${leaked.slice(0, 5).join(', ')}`);
            }
            if (spec.check && /json/.test(res.headers.get('content-type') ?? '')) {
              try {
                spec.check(w, principal, JSON.parse(text));
              } catch (error) {
                problems.push(`${principal}: ${(error as Error).message}`);
              }
            }
          }
        }
        assert.deepEqual(problems, [], `${route.key}:\n  ${problems.join('\n  ')}`);
      });
    }
    assert.ok(calls >= MIN_ROUTES * PRINCIPALS.length, `only ${calls} calls made`);
  });
});
