/**
 * Money and calendar-date formatting for an element's `locale`, with `Intl`.
 *
 * Money arrives as an integer number of minor units plus an ISO 4217 code; it is turned into an exact
 * decimal string (never a float division) and formatted with the currency's own fraction digits.
 * Calendar dates (`YYYY-MM-DD`) are dates, not instants: they are formatted in UTC so no time zone
 * can move them to the day before.
 */
import { isCalendarDate } from '../../../server/src/contract/dates.js';
import { canonicalLocale } from '../../../server/src/contract/locale.js';
import { currencyExponent, minorToDecimal as contractMinorToDecimal } from '../../../server/src/contract/money.js';

/** `j•••@acme.com`, the way the server masks emails, for the address the person just typed. */
export { maskEmail } from '../../../server/src/contract/email.js';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `undefined` lets `Intl` use the browser's locale; a malformed tag falls back to it too. */
function safeLocale(locale: string | undefined): string | undefined {
  return (locale && canonicalLocale(locale)) || undefined;
}

function currencyFormat(locale: string | undefined, currency: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency });
    numberFormats.set(key, format);
  }
  return format;
}

/** How many minor units the currency has: 2 for USD and EUR, 0 for JPY, 3 for KWD (the contract's rule). */
export const currencyDigits: (currency: string) => number = currencyExponent;

/**
 * Integer minor units as an exact decimal string: (-123456, 2) → "-1234.56", by the contract's rule.
 * A value that is not a whole number is cut to one first, so a bad amount never blanks the page.
 */
export function minorToDecimal(minor: number, digits: number): string {
  return contractMinorToDecimal(Math.trunc(minor), digits);
}

/** `formatMoney(123456, 'EUR', 'fr-FR')` → "1 234,56 €". */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  try {
    const format = currencyFormat(locale, currency);
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minorToDecimal(minor, digits) as Intl.StringNumericLiteral);
  } catch {
    // An unknown currency code must not blank the page: show the amount and the code.
    return `${minorToDecimal(minor, 2)} ${currency}`;
  }
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

/**
 * `formatDate('2026-03-01', 'en-US')` → "Mar 1, 2026", the same day in every time zone; `dayMonth`
 * ("Mar 1") where the year goes without saying, as in a badge.
 */
export function formatDate(
  date: string,
  locale?: string,
  style: 'medium' | 'long' | 'short' | 'dayMonth' = 'medium',
): string {
  if (!isCalendarDate(date)) return date;
  const instant = new Date(`${date}T00:00:00Z`);
  const key = `${locale ?? ''}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    const fields: Intl.DateTimeFormatOptions =
      style === 'dayMonth' ? { day: 'numeric', month: 'short' } : { dateStyle: style };
    format = new Intl.DateTimeFormat(safeLocale(locale), { ...fields, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(instant);
}

const quantityFormats = new Map<string, Intl.NumberFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** A line quantity, exact to thousandths: `formatQuantity(2.5, 'en-US')` → "2.5". */
export function formatQuantity(quantity: number, locale?: string): string {
  const key = locale ?? '';
  let format = quantityFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), { maximumFractionDigits: 3 });
    quantityFormats.set(key, format);
  }
  return format.format(quantity);
}

/** A count of things for people: `formatCount(10000, 'en-US')` → "10,000". */
export function formatCount(count: number, locale?: string): string {
  return formatQuantity(count, locale);
}

/**
 * An instant (UTC ISO-8601) as a date and time for people, in `timeZone` when given (the company's,
 * so a history entry reads the same for everyone) else the browser's.
 */
export function formatDateTime(instant: string, locale?: string, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let format = instantFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      format = new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
    }
    instantFormats.set(key, format);
  }
  return format.format(date);
}
