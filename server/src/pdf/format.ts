/**
 * Text, money and dates as the PDFs print them. PDFKit's built-in Helvetica is a WinAnsi (Latin-1
 * plus a few typographic marks) font: any other character is written as two garbage bytes, so all
 * text goes through `pdfText` on its way to the page.
 */
import { minorToDecimal } from '../domain/money';
import { documentFormats, type DocumentFormats } from '../locales/format';

export { minorToDecimal };

/** The characters WinAnsi has beyond printable Latin-1, by code point. */
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

/** Look-alikes for characters Intl and people often produce that WinAnsi lacks. */
const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space: fr-FR's digit group separator
  '\u2007': '\u00a0',
  '\u2212': '-', // minus sign, used by some locales for negative amounts
  '\u2010': '-',
  '\u2011': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
  // Letters with a stroke have no decomposition to strip an accent from.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
};

function isWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff && codePoint !== 0xad) ||
    WIN_ANSI_EXTRAS.has(codePoint)
  );
}

function isPrintable(text: string): boolean {
  for (const ch of text) if (!isWinAnsi(ch.codePointAt(0)!) && ch !== '\n') return false;
  return true;
}

/** True when `pdfText` can show all of `text`, if only through look-alikes. */
function survivesPdfText(text: string): boolean {
  return !pdfText(text).includes('?') || text.includes('?');
}

/**
 * `value` made printable in Helvetica: é and € stay, typographic spaces and minus signs become their
 * WinAnsi look-alikes, accents WinAnsi lacks are dropped (ő → o), invisible controls vanish and
 * anything else (CJK, emoji) becomes "?" rather than garbage.
 */
export function pdfText(value: string): string {
  let out = '';
  for (const ch of value.replace(/\r\n?/g, '\n').normalize('NFC')) {
    if (ch === '\n' || isWinAnsi(ch.codePointAt(0)!)) out += ch;
    else if (SUBSTITUTES[ch] !== undefined) out += SUBSTITUTES[ch];
    else if (/\s/u.test(ch)) out += ' ';
    else if (/[\p{Cc}\p{Cf}]/u.test(ch) || ch === '\u00ad') continue;
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && isPrintable(base) ? base : '?';
    }
  }
  return out;
}

/** How a PDF shows the numbers of one document: every value already passed through `pdfText`. */
export type PdfFormatters = DocumentFormats;

/**
 * The reader's formats (locales/format.ts) made printable in Helvetica: a currency whose sign it
 * cannot draw is named by its code, and month names in a script it lacks give way to `YYYY-MM-DD`.
 */
export function pdfFormatters(locale: string | undefined, currency: string): PdfFormatters {
  let formats = documentFormats(locale, currency);
  // A symbol Helvetica cannot draw (₹, ₽, ₩) would print as "?": name the currency by its code instead.
  if (!survivesPdfText(formats.money(0))) formats = documentFormats(locale, currency, { currencyDisplay: 'code' });
  return {
    locale: formats.locale,
    money: (minor) => pdfText(formats.money(minor)),
    date(calendarDate) {
      const formatted = formats.date(calendarDate);
      // Month names in a script Helvetica lacks (ru, ja…) fall back to the unambiguous ISO form.
      return survivesPdfText(formatted) ? pdfText(formatted) : calendarDate;
    },
    quantity: (value) => pdfText(formats.quantity(value)),
  };
}
