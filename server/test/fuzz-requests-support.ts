/** For the fuzz (fuzz.test.ts): query strings, path parameters, headers and credentials, put together into a request. */
import fc from 'fast-check';
import type { RouteSpec } from './route-matrix';
import { fillPath, paramNames, type RouteRef } from './route-matrix-routes';
import { ORIGIN } from './helpers';
import { w } from './fuzz-support';
import { bodyArb, urlString } from './fuzz-values-support';

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

export type Credential =
  'none' | 'owner' | 'easyPay' | 'staff' | 'collector' | 'viewer' | 'erp' | 'throwaway' | 'signature';

export interface FuzzRequest {
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
    case 'staff':
      return fc.oneof({ weight: 3, arbitrary: fc.constant('staff') }, { weight: 1, arbitrary: fc.constant('viewer') });
    case 'staffAction':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constant('staff') },
        { weight: 1, arbitrary: fc.constant('collector') },
      );
    case 'erp':
      return fc.constant('erp');
    case 'signed':
      return fc.constant('signature');
    case 'public':
      return fc.oneof({ weight: 3, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.constant('owner') });
  }
}

export function requestArb(route: RouteRef, spec: RouteSpec): fc.Arbitrary<FuzzRequest> {
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
