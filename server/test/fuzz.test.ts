/**
 * A bounded, seeded fuzz of every route the app answers (read from its router): a few thousand
 * malformed requests over real HTTP on a seeded database, each with a credential of the kind the
 * route takes so it gets past authentication. Malformed and wrong-typed JSON, huge strings, unicode,
 * negative, fractional and huge money, missing and extra fields, odd Content-Type and Idempotency-Key
 * values, odd query strings and percent-encodings in path parameters. Whatever comes in, the answer
 * is never a 5xx, and every 4xx is `{error: {code, message}}` with a code from the contract.
 *
 * Reproduce a failure with the seed it prints: `FUZZ_SEED=<seed> node --import tsx --test
 * server/test/fuzz.test.ts`. `FUZZ_REQUESTS` sets the total (default 3,000).
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { testConfig } from '../src/config';
import { signPayload } from '../src/crypto';
import { createSession } from '../src/domain/auth/sessions';
import { ROUTE_TABLE, type RouteSpec } from './route-matrix';
import {
  MIN_ROUTES,
  enumerateRoutes,
  errorShapeProblem,
  fillPath,
  knownErrorCodes,
  paramNames,
  type RouteRef,
} from './route-matrix-routes';
import { SANDBOX_SECRET, WORLD_ENV, buildWorld, type World } from './route-matrix-world';
import { ORIGIN, startTestServer, type TestServer } from './helpers';

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 3000);
/** A request the server leaves unanswered this long is a failure too (a hung handler). */
const REQUEST_TIMEOUT_MS = 10_000;
/** `FUZZ_ONLY=<route key>` fuzzes one route; `FUZZ_TRACE=1` prints every request and answer. */
const ONLY = process.env.FUZZ_ONLY;
const TRACE = process.env.FUZZ_TRACE === '1';
/** Whoever signs out everywhere in the fuzz does it as this contact, so the other sessions live on. */
const THROWAWAY_EMAIL = 'compta@lumiere.test';

let t: TestServer;
let w: World;
let routes: RouteRef[];
const codes = knownErrorCodes();

// ---- Values ----------------------------------------------------------------------------------

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0041',
  '𝕏𝕐',
  'e\u0301',
  '\ud800',
  '\udfff\ud800',
  '../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '%ZZ',
  '%',
  '%E0%A4%A',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE invoices; --',
  '\r\nX-Injected: 1',
  'inv_inv1021',
  'pay_',
  'pay_ZZZZ',
  'cus_globex',
  'INV-1021/../INV-1022',
  'ｆｕｌｌｗｉｄｔｈ',
  'İıß',
  '\\',
  '"',
  '{}',
  '[]',
  '2026-02-30',
  '9999-99-99',
  '2026-11-20T25:61:00Z',
  'pk_live_x',
  'pts_' + 'A'.repeat(43),
];

const hugeString = (max: number) => fc.integer({ min: 1_000, max }).map((n) => 'x'.repeat(n));

/** Strings for bodies: up to 300 KB. */
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.repeat(30)) },
  { weight: 1, arbitrary: hugeString(300_000) },
);

/** Strings for URLs: short enough that the request line stays under Node's header limit. */
const urlString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeString(4_000) },
);

/** Money and counts: negative, zero, fractions, beyond 2^53, beyond a double. */
const nastyNumber = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      -1,
      0,
      -0,
      0.5,
      1.005,
      99.99,
      2 ** 31,
      2 ** 53,
      2 ** 53 + 2,
      Number.MAX_SAFE_INTEGER,
      1e21,
      1e308,
      -1e308,
      Number.MIN_VALUE,
    ),
  },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], [{}]) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 4 }) },
);

/** Bodies JSON.parse refuses, or that parse into something odd. */
const RAW_BODIES = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  'tru',
  'undefined',
  'NaN',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '[1,2',
  '"a string"',
  '123',
  'null',
  'true',
  '{"a":1}garbage',
  '\u0000',
  '{"a":1e400}',
  '{"a":1}{"a":2}',
  '['.repeat(20_000) + ']'.repeat(20_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  JSON.stringify({ a: 'x'.repeat(1_100_000) }),
];

/** Number literals JSON.stringify never writes. */
const NUMBER_LITERALS = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '-0',
  '0.1e1',
  '1E2',
  '1.0',
  '100.000000001',
];

// ---- Mutating a valid body -------------------------------------------------------------------

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

function containersOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => containersOf(v, [...prefix, i]));
  if (value && typeof value === 'object')
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => containersOf(v, [...prefix, k]))];
  return [];
}

const clone = <T>(v: T): T => structuredClone(v);

function at(root: unknown, path: Path): Record<string | number, unknown> {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<
    string | number,
    unknown
  >;
}

/** The value with the one at `path` replaced; unchanged when an earlier change removed the path. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = clone(root);
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as never)[k] : undefined), copy);
  if (!parent || typeof parent !== 'object') return root;
  (parent as Record<string | number, unknown>)[path.at(-1)!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = clone(root);
  const parent = at(copy, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
  else delete parent[path.at(-1)!];
  return copy;
}

function addKey(root: unknown, path: Path, key: string, value: unknown): unknown {
  const copy = clone(root);
  // defineProperty, so `__proto__` becomes an own key that JSON.stringify writes.
  Object.defineProperty(at(copy, path), key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const MARK = '"__fuzz_literal__"';

/** A body: the valid one, or one with a field changed, removed or added, or not JSON at all. */
function bodyArb(template: unknown, canHaveBody: boolean): fc.Arbitrary<string | undefined> {
  if (!canHaveBody) return fc.constant(undefined);
  const json = (v: unknown) => JSON.stringify(v);
  const options: fc.WeightedArbitrary<string | undefined>[] = [
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
    { weight: 2, arbitrary: nastyValue.map(json) },
  ];
  if (template === undefined) {
    options.push({ weight: 2, arbitrary: fc.constant(undefined) });
    return fc.oneof(...options);
  }
  const paths = pathsOf(template);
  const containers = containersOf(template);
  options.push({ weight: 2, arbitrary: fc.constant(json(template)) });
  options.push({ weight: 1, arbitrary: fc.constant(undefined) });
  if (paths.length) {
    const path = fc.constantFrom(...paths);
    options.push(
      { weight: 6, arbitrary: fc.tuple(path, nastyValue).map(([p, v]) => json(setAt(template, p, v))) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.subarray(paths, { minLength: Math.min(2, paths.length), maxLength: Math.min(4, paths.length) }),
            fc.array(nastyValue, { minLength: 4, maxLength: 4 }),
          )
          .map(([ps, vs]) => json(ps.reduce<unknown>((acc, p, i) => setAt(acc, p, vs[i]), template))),
      },
      { weight: 3, arbitrary: path.map((p) => json(deleteAt(template, p))) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(path, fc.constantFrom(...NUMBER_LITERALS))
          .map(([p, literal]) => json(setAt(template, p, '__fuzz_literal__')).replace(MARK, literal)),
      },
    );
  }
  if (containers.length) {
    options.push({
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...containers),
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'status', 'amount'), fc.string()),
          nastyValue,
        )
        .map(([p, k, v]) => json(addKey(template, p, k, v))),
    });
  }
  return fc.oneof(...options);
}

// ---- Query strings and paths -----------------------------------------------------------------

const QUERY_NAMES = [
  'account',
  'status',
  'q',
  'sort',
  'cursor',
  'limit',
  'from',
  'to',
  'format',
  'since',
  'updatedSince',
];
const QUERY_VALUES = [
  '-1',
  '0',
  '1.5',
  '1e3',
  '201',
  '1001',
  '9007199254740993',
  '99999999999999999999',
  'Infinity',
  '0x10',
  'eyJ4Ijp9',
  'AAAA',
  '!!!',
  'json',
  'csv',
  'pdf',
  'xml',
  'all',
  'paid',
  '-dueDate',
  'priority',
  '2026-02-29',
  '2026-13-01',
  '0000-01-01',
  '2026-11-20T15:00:00Z',
  '2026-11-20T15:00:00+25:00',
];
const RAW_QUERIES = [
  '%ZZ',
  'a=%',
  '&&&',
  '=',
  '==',
  'limit=%ZZ',
  'account=%E0%A4%A',
  'status=paid&status=open',
  '%00=%00',
];

function queryArb(template: Record<string, string> | undefined): fc.Arbitrary<string> {
  const value = fc.oneof(fc.constantFrom(...QUERY_VALUES), urlString);
  const encode = (entries: [string, string][]) => new URLSearchParams(entries).toString();
  const base = Object.entries(template ?? {});
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(encode(base)) },
    {
      weight: 5,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), urlString), value), { maxLength: 4 })
        .map((extra) => encode([...base.filter(([k]) => !extra.some(([e]) => e === k)), ...extra])),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom(...QUERY_NAMES), value), { minLength: 2, maxLength: 4 })
        .map((xs) => encode([...base, ...xs.map(([, v]) => [xs[0]![0], v] as [string, string])])),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
  );
}

const RAW_SEGMENTS = [
  '%ZZ',
  '%',
  '..',
  '%2e%2e',
  '%2F',
  'a%2Fb',
  '%00',
  '%252F',
  '%C0%AF',
  '%E2%80%AE',
  '%20',
  '.',
  '-',
  '%ff%fe',
];

/** encodeURIComponent throws on a lone surrogate; those go as U+FFFD (raw bad bytes are in RAW_SEGMENTS). */
const encodeSegment = (s: string) => encodeURIComponent(s.replace(/\p{Surrogate}/gu, '\ufffd'));

function paramArb(real: string | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(encodeSegment(real ?? 'x')) },
    { weight: 4, arbitrary: urlString.map(encodeSegment) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.constant(encodeSegment(`${real ?? 'x'}\u0000`)) },
  );
}

// ---- Headers -----------------------------------------------------------------------------------

const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'APPLICATION/JSON',
  'application/json;',
  'application/json; charset=latin1',
  '*/*',
  'application/merge-patch+json',
  'application/json, text/plain',
];

const IDEMPOTENCY_KEYS = [
  '',
  ' ',
  'a',
  '1234567',
  'x'.repeat(255),
  'x'.repeat(256),
  'x'.repeat(8_000),
  'key with spaces',
  '\té\t',
  'ÿÿÿÿÿÿÿÿ',
  '"quoted-key-1234"',
  'fuzz-fixed-key-0001',
  '../../../../',
  'null',
];

/** A header value fetch accepts: Latin-1, no control characters but tab. */
const headerString = fc
  .string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x20 : c)) })
  .filter((s) => s.length < 2000);

type Credential = 'none' | 'owner' | 'easyPay' | 'erp' | 'throwaway' | 'signature';

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  body: string | undefined;
  contentType: string | null;
  idempotencyKey: string | null;
  origin: string | null;
  credential: Credential;
  /** How the credential is presented: as the API says, or slightly off. */
  authStyle: 'bearer' | 'lowercase' | 'trailing';
  signature: 'valid' | 'bad' | 'none';
  extraHeaders: [string, string][];
}

function credentialArb(spec: RouteSpec): fc.Arbitrary<Credential> {
  switch (spec.kind) {
    case 'customer':
      return fc.oneof({ weight: 4, arbitrary: fc.constant('owner') }, { weight: 1, arbitrary: fc.constant('easyPay') });
    case 'session':
      return fc.constant(spec.consumesSession ? 'throwaway' : 'owner');
    case 'erp':
      return fc.constant('erp');
    case 'signed':
      return fc.constant('signature');
    case 'public':
      return fc.oneof({ weight: 3, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constant('owner') });
  }
}

function requestArb(route: RouteRef, spec: RouteSpec): fc.Arbitrary<FuzzRequest> {
  const template = spec.request?.(w) ?? {};
  const canHaveBody = route.method !== 'GET' && route.method !== 'HEAD';
  const names = paramNames(route.path);
  const params = fc.tuple(...names.map((n) => paramArb(template.params?.[n])));
  return fc.record({
    method:
      route.method === 'GET'
        ? fc.oneof({ weight: 9, arbitrary: fc.constant('GET') }, fc.constant('HEAD'))
        : fc.constant(route.method),
    path: params.map((values) => fillPath(route.path, (name) => values[names.indexOf(name)]!)),
    query: queryArb(template.query),
    body: bodyArb(template.body, canHaveBody),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    idempotencyKey: fc.oneof(
      { weight: 6, arbitrary: fc.uuid() },
      { weight: 3, arbitrary: fc.constantFrom(...IDEMPOTENCY_KEYS) },
      { weight: 1, arbitrary: headerString },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    origin: fc.oneof(
      { weight: 8, arbitrary: fc.constant(ORIGIN) },
      { weight: 1, arbitrary: fc.constantFrom('https://evil.test', 'null', `${ORIGIN}.evil.test`) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    credential: credentialArb(spec),
    authStyle: fc.oneof(
      { weight: 12, arbitrary: fc.constant('bearer' as const) },
      { weight: 1, arbitrary: fc.constantFrom('lowercase' as const, 'trailing' as const) },
    ),
    signature: fc.oneof(
      { weight: 6, arbitrary: fc.constant('valid' as const) },
      fc.constantFrom('bad' as const, 'none' as const),
    ),
    extraHeaders: fc.array(
      fc.tuple(
        fc.constantFrom('x-request-id', 'accept', 'x-forwarded-for', 'content-encoding', 'accept-language'),
        headerString,
      ),
      { maxLength: 2 },
    ),
  });
}

async function credentialValue(c: Credential): Promise<string | null> {
  switch (c) {
    case 'none':
    case 'signature':
      return null;
    case 'owner':
      return w.owner;
    case 'easyPay':
      return w.easyPay;
    case 'erp':
      return w.erpKey;
    case 'throwaway':
      return createSession(
        t.db,
        // The test server's timeouts are the defaults, as here.
        testConfig(),
        { audience: 'customer', email: THROWAWAY_EMAIL, staffUserId: null, scopeInvoiceIds: null, linkId: null },
        t.clock.now(),
      ).token;
  }
}

/** A request as text for a failure message, long strings cut. */
function describeRequest(r: FuzzRequest): string {
  return JSON.stringify(r, (_, v: unknown) =>
    typeof v === 'string' && v.length > 300 ? `${v.slice(0, 120)}…(${v.length} chars)` : v,
  );
}

interface Tally {
  statuses: Map<number, number>;
  /** Answers that got past authentication (anything but 401 and a signature refusal). */
  pastAuth: number;
}

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * One request on its own connection, the path sent exactly as built (fetch would resolve `..` and
 * re-encode), so each answer depends on its request alone. Reusing a connection after a body the
 * handler did not read is tested on its own below.
 */
function httpCall(path: string, method: string, headers: Record<string, string>, body: string | undefined) {
  const { hostname, port } = new URL(t.url);
  const payload = body === undefined ? undefined : Buffer.from(body);
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        path,
        method,
        agent: false,
        timeout: REQUEST_TIMEOUT_MS,
        headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            contentType: res.headers['content-type'] ?? null,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`nothing within ${REQUEST_TIMEOUT_MS} ms`)));
    // An error after the answer arrived (the server closed while a refused body was still being sent) changes nothing.
    req.on('error', reject);
    req.end(payload);
  });
}

async function send(r: FuzzRequest, tally: Tally): Promise<void> {
  const headers: Record<string, string> = Object.fromEntries(r.extraHeaders);
  if (r.origin !== null) headers.origin = r.origin;
  if (r.body !== undefined && r.contentType !== null) headers['content-type'] = r.contentType;
  if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
  const credential = await credentialValue(r.credential);
  if (credential) {
    headers.authorization =
      r.authStyle === 'lowercase'
        ? `bearer ${credential}`
        : `Bearer ${credential}${r.authStyle === 'trailing' ? ' x' : ''}`;
  }
  if (r.credential === 'signature' && r.signature !== 'none') {
    headers['portico-signature'] =
      r.signature === 'valid' ? signPayload(SANDBOX_SECRET, r.body ?? '', t.clock.now()) : 't=1,v1=00';
  }
  const target = `${r.path}${r.query ? `?${r.query}` : ''}`;
  let res: Answer;
  try {
    res = await httpCall(target, r.method, headers, r.body);
  } catch (error) {
    if (TRACE) console.log('TRANSPORT', describeRequest(r).slice(0, 400), (error as Error).message);
    throw new Error(`no answer: ${(error as Error).message}`);
  }
  const text = res.text;
  if (TRACE) console.log(res.status, describeRequest(r).slice(0, 400), text.slice(0, 100));
  tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
  if (res.status >= 500) throw new Error(`answered ${res.status}: ${text.slice(0, 300)}`);
  if (res.status >= 400 && r.method !== 'HEAD') {
    const problem = errorShapeProblem(res.contentType, text, codes);
    if (problem) throw new Error(`answered ${res.status} with a bad error body (${problem}): ${text.slice(0, 300)}`);
  }
  if (res.status >= 200 && res.status < 300 && /json/.test(res.contentType ?? '') && r.method !== 'HEAD') {
    JSON.parse(text);
  }
  const refusedAuth = res.status === 401 || (res.status === 400 && /"signature_invalid"/.test(text));
  if (!refusedAuth) tally.pastAuth++;
}

/** A stable per-route seed, so adding a route does not change the others' sequences. */
function routeSeed(key: string): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (BASE_SEED ^ h) | 0;
}

before(async () => {
  t = await startTestServer({ env: WORLD_ENV });
  w = await buildWorld(t);
  routes = enumerateRoutes(t.app);
});
after(() => t?.close());

describe('fuzzing every route', () => {
  it(`sends ${TOTAL} malformed requests over the routes; no 5xx, every 4xx a contract error (seed ${BASE_SEED})`, async (ctx) => {
    assert.ok(routes.length >= MIN_ROUTES, `only ${routes.length} routes enumerated`);
    const uncovered = routes.filter((r) => !ROUTE_TABLE[r.key]).map((r) => r.key);
    assert.deepEqual(uncovered, [], 'routes missing from ROUTE_TABLE in server/test/route-matrix.ts');
    const perRoute = Math.ceil(TOTAL / routes.length);
    const started = performance.now();
    let sent = 0;
    for (const route of routes) {
      if (ONLY && route.key !== ONLY) continue;
      const spec = ROUTE_TABLE[route.key]!;
      await ctx.test(route.key, async () => {
        const seed = routeSeed(route.key);
        const tally: Tally = { statuses: new Map(), pastAuth: 0 };
        await fc.assert(
          fc.asyncProperty(requestArb(route, spec), (r) => send(r, tally)),
          {
            seed,
            numRuns: perRoute,
            reporter: (run) => {
              if (!run.failed) return;
              const request = run.counterexample ? describeRequest(run.counterexample[0]) : '(none)';
              const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
              throw new Error(
                `${route.key}: ${error}\n  request: ${request}\n  reproduce: FUZZ_SEED=${BASE_SEED} ` +
                  `(route seed ${run.seed}, path ${JSON.stringify(run.counterexamplePath)}, after ${run.numRuns} runs)`,
              );
            },
          },
        );
        sent += [...tally.statuses.values()].reduce((a, b) => a + b, 0);
        ctx.diagnostic(
          `${route.key}: ${[...tally.statuses]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')}`,
        );
        assert.ok(tally.pastAuth > 0, `${route.key}: no request got past authentication; the fuzz tests nothing there`);
      });
    }
    ctx.diagnostic(`${sent} requests in ${Math.round(performance.now() - started)} ms, seed ${BASE_SEED}`);
    if (!ONLY) assert.ok(sent >= Math.min(TOTAL, 1000), `only ${sent} requests sent`);
  });
});

describe('found by the fuzz, kept as named cases', () => {
  it('a signed sandbox webhook whose body is JSON null is a 400, not a 500', async () => {
    for (const body of ['null', '1', '"x"', '[]']) {
      const res = await httpCall(
        '/api/v1/webhooks/sandbox',
        'POST',
        {
          'content-type': 'application/json',
          'portico-signature': signPayload(SANDBOX_SECRET, body, t.clock.now()),
        },
        body,
      );
      assert.equal(res.status, 400, `${body}: ${res.status} ${res.text}`);
      assert.equal(errorShapeProblem(res.contentType, res.text, codes), null);
    }
  });

  it('a body the handler does not read leaves a kept-alive connection usable for the next requests', async () => {
    // fetch keeps connections alive; an ERP that sends a body to `send` (which reads none) and then
    // goes on using the connection must get answers, not a socket closed half a second later.
    const big = JSON.stringify({ note: 'x'.repeat(1_100_000) });
    const call = (body?: string) =>
      fetch(`${t.api}/erp/invoices/${encodeURIComponent(w.victimInvoice.id)}/send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.erpKey}`, 'content-type': 'application/json' },
        body,
      });
    const failures: string[] = [];
    for (let round = 0; round < 3; round++) {
      assert.equal((await call(big)).status, 202);
      for (let i = 0; i < 3; i++) {
        try {
          const res = await call('{}');
          await res.text();
          if (res.status !== 202) failures.push(`round ${round}, call ${i}: ${res.status}`);
        } catch (error) {
          failures.push(
            `round ${round}, call ${i}: ${(error as Error).message} ${String((error as Error).cause ?? '')}`,
          );
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
