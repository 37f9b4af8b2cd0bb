/** Why typed text is not an amount, in words: shared by the forms that read amounts (paying, promising). */
import type { Catalog } from '../locales/catalog.js';
import { currencyDigits, formatAmountInput, type AmountInputError } from './format.js';

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
