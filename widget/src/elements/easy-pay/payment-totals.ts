/**
 * What the pay form charges, in integer minor units: the invoices' amounts, less the credit used,
 * plus any overpayment, plus the card surcharge on that. The same rules as the server's
 * (server/src/domain/cash-application.ts), so the total the payer sees is the `expectedTotal` sent
 * and the server refuses it with `amount_changed` only when the data changed underneath.
 */
import type { PaymentConfig, PaymentMethod } from '../../internal/types.js';

export type SurchargePolicy = NonNullable<PaymentConfig['surcharge']>;

/**
 * The card surcharge: card only (never debit, bank or PayPal), on the amount charged (never on
 * itself), rounded half up to the minor unit, capped.
 */
export function cardSurcharge(method: PaymentMethod, base: number, policy: SurchargePolicy | null): number {
  if (method !== 'card' || !policy || policy.rateBp <= 0 || base <= 0) return 0;
  const surcharge = Math.floor((base * policy.rateBp + 5000) / 10000);
  return policy.cap === null ? surcharge : Math.min(surcharge, policy.cap);
}

export interface PaymentTotals {
  /** Sum of the amounts chosen for the invoices. */
  allocated: number;
  /** Unapplied credit used towards them. */
  credit: number;
  overpayment: number;
  /** Charged before the surcharge: allocated − credit + overpayment. */
  amount: number;
  surcharge: number;
  /** What the payer is charged. */
  total: number;
}

export function paymentTotals(input: {
  allocated: number;
  creditAvailable: number;
  useCredit: boolean;
  overpayment: number;
  method: PaymentMethod | null;
  surcharge: SurchargePolicy | null;
}): PaymentTotals {
  const credit = input.useCredit ? Math.max(0, Math.min(input.creditAvailable, input.allocated)) : 0;
  const amount = input.allocated - credit + input.overpayment;
  const surcharge = input.method ? cardSurcharge(input.method, amount, input.surcharge) : 0;
  return {
    allocated: input.allocated,
    credit,
    overpayment: input.overpayment,
    amount,
    surcharge,
    total: amount + surcharge,
  };
}

/** A rate in basis points for people: 300 → "3%", 275 → "2.75%". */
export function formatRate(rateBp: number, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rateBp / 10000);
  } catch {
    return `${rateBp / 100}%`;
  }
}
