/**
 * What the pay form charges, in integer minor units: the invoices' amounts, less the credit used,
 * plus any overpayment, plus the card surcharge on that, by the contract's rule
 * (server/src/contract/money.ts) that the server uses too, so the total the payer sees is the `expectedTotal` sent
 * and the server refuses it with `amount_changed` only when the data changed underneath.
 */
import { cardSurcharge, type SurchargePolicy } from '../../../../server/src/contract/money.js';
import type { PaymentMethod } from '../../internal/types.js';

// One rule for the pay form and the server: the total shown is the `expectedTotal` the server checks.
export { cardSurcharge, type SurchargePolicy } from '../../../../server/src/contract/money.js';

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
