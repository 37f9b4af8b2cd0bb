/**
 * Property tests of the `target` validator: whatever the string, it is never accepted when
 * percent-decoding it (once, or again and again) yields a control character; every invoice number
 * without one, encoded as invoice sending encodes it, is still accepted. The HTTP answers for the
 * same inputs (400 target_invalid) are in auth-links.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../src/domain/errors';
import { httpStatusOf } from '../src/http/errors';
import { validateTarget } from '../src/domain/auth/addresses';

const RUNS = { numRuns: 2_000 };

/** C0, DEL and C1: what a target must never decode to. */
const CONTROL = /\p{Cc}/u;
/** The same, still percent-encoded (as UTF-8): what a second decoder would turn into one. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f|c2%[89][0-9a-f])/i;

function accepts(raw: string): boolean {
  try {
    return validateTarget(raw) === raw;
  } catch (err) {
    assert.ok(err instanceof DomainError, `threw ${String(err)}`);
    assert.equal(httpStatusOf(err), 400);
    assert.equal(err.code, 'target_invalid');
    return false;
  }
}

/** Every string percent-decoding gives on the way down, stopping where decoding fails. */
function decodings(raw: string): string[] {
  const out = [raw];
  for (let i = 0; i < 8; i++) {
    let next: string;
    try {
      next = decodeURIComponent(out.at(-1)!);
    } catch {
      break;
    }
    if (next === out.at(-1)) break;
    out.push(next);
  }
  return out;
}

/** As invoice sending makes a target segment of an invoice number. */
const segment = (number: string) =>
  encodeURIComponent(number).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

const hex = (n: number, upper: boolean) => {
  const h = n.toString(16).padStart(2, '0');
  return `%${upper ? h.toUpperCase() : h}`;
};
/** `%XX` for any byte, in either case: controls, UTF-8 lead and continuation bytes, `%25`. */
const anyEscape = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([n, upper]) => hex(n, upper));
/** A control character percent-encoded as UTF-8 (C1 controls take two bytes), possibly encoded twice. */
const controlEscape = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f })),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([cp, upper, twice]) => {
    const once = [...Buffer.from(String.fromCharCode(cp), 'utf8')].map((b) => hex(b, upper)).join('');
    return twice ? once.replaceAll('%', '%25') : once;
  });
const safeChar = fc.constantFrom(...'ABCxyz0129._~-'.split(''));
/** Strings shaped like targets, built from the characters the validator lets through and escapes. */
const targetish = fc
  .tuple(
    fc.constantFrom('invoices/', 'pay/', 'invoices/', 'pay/', 'statement', ''),
    fc.array(
      fc.oneof(
        { arbitrary: safeChar, weight: 8 },
        { arbitrary: anyEscape, weight: 1 },
        { arbitrary: controlEscape, weight: 1 },
      ),
      { maxLength: 12 },
    ),
    fc.constantFrom('', '?status=open', '?account=cus_a', '?status=paid&account=b'),
  )
  .map(([path, parts, query]) => `${path}${parts.join('')}${query}`);
/** An invoice number with no control character, not starting with `.`, `_`, `~` or `-`. */
const invoiceNumber = fc
  .tuple(fc.constantFrom(...'AZaz09'.split('')), fc.string({ unit: 'grapheme', maxLength: 20 }))
  .map(([first, rest]) => `${first}${rest}`)
  .filter((n) => !CONTROL.test(n) && !/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(n) && segment(n).length <= 192);

describe('validateTarget (property tests)', () => {
  it('never accepts a string that decodes to a control character, whatever it is', () => {
    const seen = { accepted: 0, control: 0 };
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), targetish), (raw) => {
        if (decodings(raw).some((d) => CONTROL.test(d))) seen.control++;
        if (accepts(raw)) {
          seen.accepted++;
          for (const d of decodings(raw)) {
            assert.doesNotMatch(d, CONTROL, `accepted ${JSON.stringify(raw)}`);
            assert.doesNotMatch(d, ENCODED_CONTROL, `accepted ${JSON.stringify(raw)}`);
          }
          assert.doesNotThrow(() => decodeURIComponent(raw), `accepted malformed ${JSON.stringify(raw)}`);
        }
      }),
      RUNS,
    );
    // Not vacuous: the inputs held both targets that pass and ones that hide controls.
    assert.ok(seen.accepted > 100, `only ${seen.accepted} accepted`);
    assert.ok(seen.control > 100, `only ${seen.control} with controls`);
  });

  it('refuses an encoded or raw control character anywhere in an otherwise valid target', () => {
    fc.assert(
      fc.property(
        invoiceNumber,
        fc.oneof(
          controlEscape,
          fc
            .integer({ min: 0, max: 0x9f })
            .filter((c) => CONTROL.test(String.fromCharCode(c)))
            .map((c) => String.fromCharCode(c)),
        ),
        fc.nat(),
        fc.constantFrom('invoices/', 'pay/'),
        (number, bad, at, path) => {
          const seg = segment(number);
          const i = at % (seg.length + 1);
          // Inserted between whole escapes, so the result is exactly the control plus the number.
          const cut = seg.slice(0, i).replace(/%[0-9A-F]?$/i, '');
          const raw = `${path}${cut}${bad}${seg.slice(cut.length)}`;
          assert.equal(accepts(raw), false, JSON.stringify(raw));
        },
      ),
      RUNS,
    );
  });

  it('still accepts every invoice number without controls, encoded as invoice sending encodes it', () => {
    fc.assert(
      fc.property(
        invoiceNumber,
        fc.constantFrom('invoices/', 'pay/'),
        fc.constantFrom('', '?status=past_due', '?account=cus_globex', '?status=all&account=x_1'),
        (number, path, query) => {
          const raw = `${path}${segment(number)}${query}`;
          assert.ok(accepts(raw), JSON.stringify({ number, raw }));
        },
      ),
      RUNS,
    );
  });

  it('keeps the known examples: encoded slashes, percent signs and non-Latin numbers pass; CR LF does not', () => {
    for (const ok of ['invoices/2024%2F001', 'invoices/100%25', 'pay/%E2%82%AC-12', 'invoices/INV-1042?status=open'])
      assert.ok(accepts(ok), ok);
    for (const bad of [
      'invoices/%0d%0aX',
      'invoices/%00',
      'invoices/%7F',
      'invoices/%c2%9b',
      'invoices/%zz',
      'invoices/%250D100%25',
    ])
      assert.equal(accepts(bad), false, bad);
  });
});

describe('validateTarget: the portal views', () => {
  it('accepts each view a link may land on, the Payments view among them', () => {
    for (const view of ['invoices', 'statement', 'payments', 'account', 'invoices?status=past_due']) {
      assert.equal(accepts(view), true, view);
    }
    for (const view of ['payment', 'payments/x', 'admin']) assert.equal(accepts(view), false, view);
  });
});
