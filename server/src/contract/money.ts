/**
 * Money rules the server and the widget share, written once. Runtime-neutral: no Node, no DOM, so the
 * browser bundle takes it as it is (rollup.config.mjs and .dependency-cruiser.cjs allow
 * `server/src/contract/` into the widget and keep it free of anything else).
 *
 * Money is an integer number of minor units beside an ISO 4217 code; no float ever touches it.
 */

/** Minor-unit digits of a currency: 2 for USD and EUR, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `minor` as an exact decimal string with `digits` fraction digits: (-123456, 2) → "-1234.56". */
export function minorToDecimal(minor: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be integer minor units, got ${minor}`);
  const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? magnitude : `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return `${minor < 0 ? '-' : ''}${decimal}` as `${number}`;
}

/** The largest payment taken in one go: far above any invoice, far below floating-point trouble. */
export const MAX_PAYMENT = 1e13;

/**
 * An invoice line's amount: quantity (in thousandths: 2500 is 2.5) × unit price, rounded half up to the
 * minor unit, in integers only. Throws a RangeError when the product would leave exact integer arithmetic.
 */
export function lineAmount(quantityMilli: number, unitPrice: number): number {
  const product = quantityMilli * unitPrice;
  if (!Number.isSafeInteger(product)) throw new RangeError('A line amount is too large.');
  return Math.sign(product) * Math.floor((Math.abs(product) + 500) / 1000);
}

/** A line's tax at `rateBp` basis points (825 = 8.25 %) of its amount, rounded half up to the minor unit. */
export function lineTax(amount: number, rateBp: number): number {
  return Math.sign(amount) * Math.floor((Math.abs(amount) * rateBp + 5000) / 10000);
}

export interface SurchargePolicy {
  /** Basis points of the base: 300 is 3 %. */
  rateBp: number;
  /** The most any one payment pays, in minor units; null for no cap. */
  cap: number | null;
}

/**
 * The card surcharge: card only (never debit, bank or PayPal), on what is paid towards invoices (never
 * on the surcharge itself), rounded half up to the minor unit, capped. Throws a RangeError when the
 * product would leave exact integer arithmetic.
 */
export function cardSurcharge(method: string, base: number, policy: SurchargePolicy | null): number {
  if (method !== 'card' || !policy || policy.rateBp <= 0 || base <= 0) return 0;
  if (!Number.isSafeInteger(base * policy.rateBp + 5000)) throw new RangeError('The amount is too large.');
  const surcharge = Math.floor((base * policy.rateBp + 5000) / 10000);
  return policy.cap === null ? surcharge : Math.min(surcharge, policy.cap);
}
