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
export function safeLocale(locale: string | undefined): string | undefined {
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
