/** For the fuzz (fuzz.test.ts): nasty values, and request bodies made by mutating a valid one. */
import fc from 'fast-check';

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
export const urlString = fc.oneof(
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
export function bodyArb(template: unknown, canHaveBody: boolean): fc.Arbitrary<string | undefined> {
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
