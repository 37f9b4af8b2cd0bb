/** Payments: the request that pays, its confirmation, and the ids and keys in paths and headers. */
import { z } from 'zod';
import { paymentMethods } from '../lists';
import { MAX_PAYMENT } from '../money';

/** Minor units: a whole number, positive, far from float trouble. Strings, fractions and huge values fail here. */
const minor = z.number().int().positive().max(MAX_PAYMENT);

export const paymentAllocationInput = z.strictObject({
  invoiceId: z.string().min(1).max(64),
  /** What this invoice gets, credit included; at most its balance. */
  amount: minor,
});

/** A provider's token for a card or bank account, made in the browser (`tok_…`, `pm_…`): never the numbers. */
export const providerToken = z
  .string()
  .regex(/^[A-Za-z]+_[A-Za-z0-9_]{1,250}$/, 'Send the provider token made in the browser, never card or bank numbers');

/** `POST /payments`, with an `Idempotency-Key` header (`idempotencyKey`). */
export const paymentRequestBody = z.strictObject({
  account: z.string().min(1).max(64),
  allocations: z.array(paymentAllocationInput).min(1).max(500),
  /** Unapplied credit to use towards the allocations (not charged). Default 0. */
  credit: z.number().int().min(0).max(MAX_PAYMENT).optional(),
  /** Paid on top of the allocations, kept as credit: only when the company allows overpayment. */
  overpayment: z.number().int().min(0).max(MAX_PAYMENT).optional(),
  method: z.enum(paymentMethods),
  /**
   * The provider's token for the card or bank account, made in the browser (sandbox: `tok_…` from the
   * widget's test form; Stripe: a PaymentMethod id). Never a card number: anything shaped like a card or
   * account number is refused. Not used for PayPal.
   */
  paymentMethod: providerToken.optional(),
  /** The total the payer was shown (amount + surcharge): a different total is refused with `amount_changed`. */
  expectedTotal: z
    .number()
    .int()
    .min(0)
    .max(MAX_PAYMENT * 2)
    .optional(),
  /**
   * What to do with money a chosen invoice can no longer take when the payment settles (the ERP
   * recorded a payment meanwhile), and with an overpayment: `false` (default) refunds it (or keeps it
   * as credit where the company allows overpayment); `true` applies it to the account's oldest open
   * invoices first.
   */
  applyRestToOldest: z.boolean().optional(),
});

/** `POST /payments/:id/confirm`: the payer finished (or gave up) the next action. */
export const paymentConfirmBody = z.strictObject({
  /** `complete`: authenticated / approved. `cancel`: gave up (the payment fails, nothing is charged). */
  outcome: z.enum(['complete', 'cancel']),
});

/** The `Idempotency-Key` header: 8–255 visible ASCII characters, like Stripe's keys; a UUID is the usual choice. */
export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{8,255}$/);

/** A payment id (`pay_…`) in a path. */
export const paymentId = z.string().regex(/^pay_[A-Za-z0-9]{1,60}$/);
