/**
 * Money, dates and quantities as a document shows them to its reader: `Intl` with the reader's
 * locale (`1 234,56 €`, `14 janv. 2027` for fr-FR), from exact minor units, never a float. Emails use
 * these as they are; PDFs through pdf/format.ts, which also keeps them printable in Helvetica.
 */
import { minorToDecimal } from '../contract/money';

export interface DocumentFormats {
  /** The BCP 47 tag the formats use. */
  locale: string;
  /** Integer minor units of the document's currency, e.g. 123456 → "$1,234.56". */
  money(minor: number): string;
  /** A calendar date `YYYY-MM-DD`, e.g. "Nov 20, 2026"; the same day in every time zone. Anything else as given. */
  date(calendarDate: string): string;
  /** A decimal quantity, up to thousandths. */
  quantity(value: number): string;
}

/** A usable BCP 47 tag with Latin digits (Helvetica has no others); en-US when `locale` is unusable. */
function formatLocale(locale: string | null | undefined): string {
  try {
    return new Intl.Locale(locale || 'en-US', { numberingSystem: 'latn' }).toString();
  } catch {
    return 'en-US';
  }
}

/** Formats for one document in `currency`; `currencyDisplay: 'code'` names the currency (USD) rather than its sign. */
export function documentFormats(
  locale: string | null | undefined,
  currency: string,
  options: { currencyDisplay?: 'symbol' | 'code' } = {},
): DocumentFormats {
  const tag = formatLocale(locale);
  const currencyFormat = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    currencyDisplay: options.currencyDisplay ?? 'symbol',
  });
  const digits = currencyFormat.resolvedOptions().maximumFractionDigits ?? 2;
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const quantityFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 3 });
  return {
    locale: tag,
    money: (minor) => currencyFormat.format(minorToDecimal(minor, digits)),
    date(calendarDate) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(calendarDate);
      if (!match) return calendarDate;
      // Midnight UTC formatted in UTC: the printed day never moves with the server's time zone.
      return dateFormat.format(new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)));
    },
    quantity: (value) => quantityFormat.format(value),
  };
}
