import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/** A URL-safe random secret of `bytes` bytes (≥ 32 for anything that grants access). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
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

// Random bytes drawn in batches: bulk seeding makes millions of ids.
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
