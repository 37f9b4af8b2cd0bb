/**
 * What a sign-in request names, checked before anything is written (the email is the contract's
 * `normalizeEmail`, contract/email.ts): the `returnTo` URL (an allow-listed origin exactly) and the
 * in-app `target` (a known path with well-formed parameters, nothing that decodes to control or bidi
 * characters).
 */
import { DomainError } from '../errors';

/** `returnTo` must be an allow-listed origin exactly, plus a path; its fragment is dropped. */
export function validateReturnTo(raw: string, allowedOrigins: readonly string[]): string {
  const invalid = () => new DomainError('return_to_invalid', 'returnTo must be a page on an allowed origin.');
  // URL parsing forgives control characters and backslashes; a returnTo with any is refused outright.
  // eslint-disable-next-line no-control-regex
  if (raw.length > 2048 || /[\s\\\u0000-\u001f\u007f]/.test(raw) || !/^https?:\/\/[^/]/i.test(raw)) throw invalid();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid();
  }
  if (url.username || url.password || !allowedOrigins.includes(url.origin)) throw invalid();
  return `${url.origin}${url.pathname}${url.search}`;
}

// An invoice number is one path segment, percent-encoded when it holds `/` or other characters (`2024%2F001`).
const TARGET_PATH_RE =
  /^(?:invoices|invoices\/[A-Za-z0-9%][A-Za-z0-9._~%-]{0,191}|pay|pay\/[A-Za-z0-9%][A-Za-z0-9._~%-]{0,191}|statement|payments|promises|disputes|disputes\/dsp_[A-Za-z0-9]{1,60}|account)$/;
const TARGET_PARAMS: Record<string, RegExp> = {
  status: /^(?:open|past_due|paid|disputed|all)$/,
  // `pay?invoices=INV-1,INV-2`: several invoices to pay (a promise's Easy Pay link).
  invoices: /^[A-Za-z0-9%][A-Za-z0-9._~%-]{0,63}(?:,[A-Za-z0-9%][A-Za-z0-9._~%-]{0,63}){0,49}$/,
  account: /^[A-Za-z0-9_-]{1,64}$/,
};

// Control characters (C0, DEL, C1), line and paragraph separators, and bidirectional overrides and
// isolates: nothing an invoice number needs, and each can split a log line or disguise a name.
const UNSAFE_DECODED_RE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * One round of forgiving percent-decoding, as a lenient decoder further along might do it: each run
 * of `%XX` escapes becomes its UTF-8 text, with U+FFFD for bytes that are not UTF-8, and a stray `%`
 * stays as it is. So a control hidden behind a malformed neighbour (`%250D…%`) is still found.
 */
function decodeLeniently(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) =>
    utf8.decode(Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16))),
  );
}

/**
 * Whether `raw` is well-formed percent-encoding that never decodes to an unsafe character: not once
 * (`%0d%0a`, `%00`, `%7f`, `%c2%85`), nor when decoded again by something that decodes twice
 * (`%250d`). A target that still changes after a few decodings is refused too.
 */
function decodesSafely(raw: string): boolean {
  try {
    // Strict first: `%zz`, a cut-off `%e2%82` or an encoded lone surrogate is malformed.
    decodeURIComponent(raw);
  } catch {
    return false;
  }
  let current = raw;
  for (let round = 0; round < 4; round++) {
    const next = decodeLeniently(current);
    if (UNSAFE_DECODED_RE.test(next)) return false;
    if (next === current) return true;
    current = next;
  }
  return false;
}

/**
 * A portal route, never a URL: a known path (`invoices`, `invoices/INV-1042`, `pay/INV-1042`, `pay`,
 * `statement`, `payments`, `promises`, `disputes`, `disputes/dsp_…`, `account`) with at most `status`, `invoices` and `account`
 * parameters, each once. Percent-encoding
 * must be well-formed and must not decode to a control character (`invoices/%0d%0aX`, `%00`, `%7f`,
 * `%c2%85`).
 */
export function validateTarget(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const invalid = () => new DomainError('target_invalid', 'target must be a portal route such as invoices/INV-1042.');
  if (raw.length > 250 || !/^[A-Za-z0-9._~%/?&=-]+$/.test(raw) || !decodesSafely(raw)) throw invalid();
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  if (!TARGET_PATH_RE.test(path)) throw invalid();
  if (q !== -1) {
    const seen = new Set<string>();
    for (const pair of raw.slice(q + 1).split('&')) {
      const [key = '', value = '', ...rest] = pair.split('=');
      const rule = TARGET_PARAMS[key];
      if (!rule || rest.length > 0 || seen.has(key) || !rule.test(value)) throw invalid();
      seen.add(key);
    }
  }
  return raw;
}
