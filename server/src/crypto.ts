import { createHash, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/** A URL-safe random secret of `bytes` bytes (≥ 32 for anything that grants access). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  // Non-hex text would decode to fewer bytes and make timingSafeEqual throw: refuse it first.
  const hex = /^[0-9a-f]*$/i;
  return (
    a.length === b.length && hex.test(a) && hex.test(b) && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'))
  );
}

/**
 * The stored form of a 6-digit sign-in code. A million codes are quick to try against a plain hash,
 * so this one is scrypt (about 12 ms here): reversing a code from a stolen database takes hours of
 * CPU, far past its ten minutes of life. Salted with the link's id.
 */
export async function hashCode(linkId: string, code: string): Promise<string> {
  // Async: the hashing runs on libuv's thread pool, so it neither blocks other requests nor lets
  // their timing tell whether an email had a link issued or a live code checked.
  const key = await scryptAsync(code, linkId, 32, { N: 4096, r: 8, p: 1 });
  return key.toString('hex');
}

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: string,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

/** A six-digit code, leading zeros kept. */
export function randomCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes drawn in batches: bulk seeding makes millions of ids. Module state on purpose (issue 9
// removes the rest): a buffer of unpredictable bytes, which no app can observe or depend on, so apps
// sharing it in one process, tests side by side among them, behave exactly as with their own
// (Node keeps the same kind of cache for `randomUUID`).
let pool = Buffer.alloc(0);
let poolAt = 0;
function randomByte(): number {
  if (poolAt >= pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  return pool[poolAt++]!;
}

/**
 * A prefixed id (`inv_3k9…`, 80 random bits): readable in logs and URLs, unguessable. `next` (any
 * integer source) lets seeds be deterministic.
 */
export function newId(prefix: string, next: () => number = randomByte): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[next() & 31];
  return `${prefix}_${id}`;
}

/**
 * Signed webhook payloads, one scheme for what we send (ERP webhooks) and what the sandbox provider
 * sends us: header `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe does, so an ERP
 * developer can reuse what they know. The timestamp is inside the MAC, so an old delivery cannot be
 * re-dated; receivers refuse timestamps outside a tolerance and remember delivery ids against replay.
 */
export function signPayload(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'mismatch' | 'too_old';

/** Checks a `t=…,v1=…` header against the body; `toleranceSeconds` either side of `now`. */
export function verifySignedPayload(
  secret: string,
  body: string,
  header: string | null | undefined,
  now: Date,
  toleranceSeconds = 300,
): SignatureCheck {
  if (!header) return 'missing';
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [k, v] = item.split('=', 2).map((x) => x?.trim());
    if (k && v) parts.set(k, [...(parts.get(k) ?? []), v]);
  }
  const t = Number(parts.get('t')?.[0]);
  const candidates = parts.get('v1') ?? [];
  if (!Number.isSafeInteger(t) || candidates.length === 0) return 'malformed';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  if (!candidates.some((c) => safeEqualHex(c, expected))) return 'mismatch';
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return 'too_old';
  return 'ok';
}
