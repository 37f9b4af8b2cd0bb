/** Money is an integer number of minor units beside an ISO 4217 code; these are the few helpers it needs. */

import { currencyExponent, minorToDecimal } from '../contract/money';

export { currencyExponent, minorToDecimal };

/** An amount for an email or a history line: en-US currency format of exact minor units, never a float. */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
    minorToDecimal(minor, currencyExponent(currency)),
  );
}

/**
 * An amount as a person types it (`1234.56`, `1,234.56`, `$1,234`, `1234`) in minor units of a
 * currency with `exponent` digits, or null when it is not one. Digits only: never through a float.
 */
export function parseTypedAmount(text: string, exponent: number): number | null {
  const cleaned = text.trim().replace(/^[$€£¥]\s*/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1]!.replace(/,/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}
