/**
 * The sandbox provider's test cards and bank accounts, turned into tokens here in the browser the way
 * Stripe.js would: the pay form sends `tok_visa`, never `4242 4242 4242 4242`, so card and account
 * numbers never reach the Portico server, not even in the sandbox. The server's sandbox provider
 * (server/src/payments/sandbox.ts) decides what each token does.
 */

export type CardMethod = 'card' | 'debit';
export type BankMethod = 'ach' | 'eft';

export interface TestCard {
  /** As printed on the card, in groups of four. */
  number: string;
  /** Also the key of what paying with it does, in the catalogs' `pay.sandbox.outcome` (widget/src/locales). */
  token: string;
}

export const testCards: readonly TestCard[] = [
  { number: '4242 4242 4242 4242', token: 'tok_visa' },
  { number: '5555 5555 5555 4444', token: 'tok_mastercard' },
  { number: '4000 0566 5566 5556', token: 'tok_visa_debit' },
  { number: '4000 0027 6000 3184', token: 'tok_authentication_required' },
  { number: '4000 0000 0000 9995', token: 'tok_insufficient_funds' },
  { number: '4000 0000 0000 0069', token: 'tok_expired_card' },
  { number: '4000 0000 0000 9979', token: 'tok_stolen_card' },
];

/** The only test card the `debit` method takes. */
const debitToken = 'tok_visa_debit';

export interface TestBankAccount {
  account: string;
  token: string;
}

export const testBankAccounts: readonly TestBankAccount[] = [
  { account: '000123456789', token: 'btok_settles' },
  { account: '000111111113', token: 'btok_returns' },
  { account: '000111111116', token: 'btok_fails' },
];

/** The test routing numbers: ACH's 9-digit routing number, EFT's institution and transit numbers. */
export const testRouting = { ach: '110000000', institution: '000', transit: '11000' } as const;

export const digitsOnly = (text: string): string => text.replace(/\D/g, '');

/** The Luhn checksum every card number carries. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card number as typed, in groups of four: "424242" → "4242 42". At most 19 digits. */
export function formatCardNumber(text: string): string {
  return digitsOnly(text)
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** An expiry as typed: "1234" → "12/34"; the slash appears with the third digit so backspace works. */
export function formatExpiry(text: string): string {
  const digits = digitsOnly(text).slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

export type CardNumberProblem = 'empty' | 'invalid' | 'not_test_card' | 'not_debit';
export type TokenResult<Problem> = { ok: true; token: string } | { ok: false; problem: Problem };

/** The token for a test card number, or why there is none. */
export function cardToken(number: string, method: CardMethod): TokenResult<CardNumberProblem> {
  const digits = digitsOnly(number);
  if (!digits) return { ok: false, problem: 'empty' };
  if (!luhnValid(digits)) return { ok: false, problem: 'invalid' };
  const card = testCards.find((test) => digitsOnly(test.number) === digits);
  if (!card) return { ok: false, problem: 'not_test_card' };
  if (method === 'debit' && card.token !== debitToken) return { ok: false, problem: 'not_debit' };
  return { ok: true, token: card.token };
}

export type ExpiryProblem = 'invalid' | 'past';

/** Checks "MM/YY": a real month, not before this one (a card is good to the end of its month). */
export function checkExpiry(text: string, now = new Date()): ExpiryProblem | null {
  const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(text.trim());
  if (!match) return 'invalid';
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return 'invalid';
  const thisMonth = now.getFullYear() * 12 + now.getMonth();
  return year * 12 + (month - 1) < thisMonth ? 'past' : null;
}

export function cvcValid(text: string): boolean {
  return /^\d{3,4}$/.test(text.trim());
}

export type BankProblem = 'routing' | 'institution' | 'transit' | 'account_empty' | 'not_test_account';

export interface BankDetails {
  /** ACH routing number. */
  routing?: string;
  /** EFT institution and transit numbers. */
  institution?: string;
  transit?: string;
  account: string;
}

/** The token for a test bank account, or every problem with what was typed. */
export function bankToken(method: BankMethod, details: BankDetails): { token: string | null; problems: BankProblem[] } {
  const problems: BankProblem[] = [];
  if (method === 'ach' && digitsOnly(details.routing ?? '') !== testRouting.ach) problems.push('routing');
  if (method === 'eft') {
    if (digitsOnly(details.institution ?? '') !== testRouting.institution) problems.push('institution');
    if (digitsOnly(details.transit ?? '') !== testRouting.transit) problems.push('transit');
  }
  const account = digitsOnly(details.account);
  const test = testBankAccounts.find((candidate) => candidate.account === account);
  if (!account) problems.push('account_empty');
  else if (!test) problems.push('not_test_account');
  return { token: problems.length === 0 && test ? test.token : null, problems };
}
