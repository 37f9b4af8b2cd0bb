/** Why typed text is not an amount, in words: shared by the forms that read amounts (paying, promising). */
import type { Catalog } from '../locales/catalog.js';
import { currencyDigits, minorToDecimal, safeLocale } from './format.js';

export function amountInputError(
  error: AmountInputError,
  currency: string,
  locale: string | undefined,
  t: Catalog,
): string {
  if (error === 'empty') return t.pay.amountEmpty;
  if (error === 'precision') return t.pay.amountPrecision(currencyDigits(currency));
  return t.pay.amountInvalid(formatAmountInput(123456, currency, locale));
}

/** The locale's decimal and grouping characters, e.g. `,` and ` ` (narrow no-break space) for fr-FR. */
function separators(locale: string | undefined): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(safeLocale(locale)).formatToParts(1234567.5);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

/** An amount for an input field, in the locale's digits without the currency sign: 123456 → "1,234.56". */
export function formatAmountInput(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const format = new Intl.NumberFormat(safeLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(minorToDecimal(minor, digits) as Intl.StringNumericLiteral);
}

/** Why typed text is not an amount: nothing typed, not a number, or finer than the currency's minor unit. */
export type AmountInputError = 'empty' | 'invalid' | 'precision';

export type ParsedAmount = { ok: true; minor: number } | { ok: false; error: AmountInputError };

const spaces = /[\s\u00a0\u202f'’]/g;

/**
 * What a person typed as an amount, in integer minor units, read from its digits (never through a
 * float): "1,234.56" (en-US), "1 234,56" (fr-FR) and "1.234,56" (de-DE) are all 123456 in EUR. A
 * currency sign or code around the number is ignored; a `.` is also read as the decimal point where
 * the locale does not group with it, since people type it. Negative amounts are not amounts here.
 */
export function parseAmountInput(text: string, currency: string, locale?: string): ParsedAmount {
  const digits = currencyDigits(currency);
  const { decimal, group } = separators(locale);
  const trimmed = text
    .normalize('NFKC')
    .trim()
    .replace(/^[^\d.,-]+/, '')
    .replace(/[^\d.,]+$/, '');
  if (!text.trim()) return { ok: false, error: 'empty' };
  const core = trimmed.replace(spaces, '');
  if (!/^[\d.,]+$/.test(core)) return { ok: false, error: 'invalid' };

  let point: string | null = core.includes(decimal) ? decimal : null;
  if (!point && group !== '.' && core.includes('.')) point = '.';
  const at = point ? core.lastIndexOf(point) : -1;
  const whole = at === -1 ? core : core.slice(0, at);
  const fraction = at === -1 ? '' : core.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return { ok: false, error: 'invalid' };

  // Left of the point, group separators must group: the last group 3 digits, any between 2 or 3
  // (Indian grouping), the first 1 to 3. "12,5" in en-US is a typo, not 125.
  const groups = group.trim() ? whole.split(group) : [whole];
  if (groups.some((segment) => !/^\d*$/.test(segment))) return { ok: false, error: 'invalid' };
  if (groups.length > 1) {
    const [first = '', ...rest] = groups;
    const last = rest.pop() ?? '';
    if (first.length < 1 || first.length > 3 || last.length !== 3 || rest.some((g) => g.length < 2 || g.length > 3)) {
      return { ok: false, error: 'invalid' };
    }
  }
  if (!whole && !fraction) return { ok: false, error: 'invalid' };
  // "12.500" in USD is $12.50; "12.505" is finer than a cent.
  if (/[^0]/.test(fraction.slice(digits))) return { ok: false, error: 'precision' };
  const integer = groups.join('') || '0';
  const minorDigits = fraction.slice(0, digits).padEnd(digits, '0');
  const minor = Number(integer + minorDigits);
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'invalid' };
  return { ok: true, minor };
}
