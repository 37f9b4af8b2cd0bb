/** Payments: requests, their outcomes and the payment configuration the widget reads. */
import type { paymentMethods, paymentStatuses } from './lists';

/** `debit` is a debit card; `ach` a US bank debit; `eft` a Canadian one. */
export type PaymentMethod = (typeof paymentMethods)[number];
export type PaymentProviderName = 'sandbox' | 'stripe' | 'paypal';
/**
 * `pending`: waiting on the payer (authenticate, approve at PayPal). `processing`: the provider has it
 * (a bank debit stays here until it settles). `returned`: a bank debit that settled and was sent back;
 * its allocations are reversed.
 */
export type PaymentStatus = (typeof paymentStatuses)[number];
/*
 * `failed` also covers a payment cancelled before it completed: `failure.code` is `cancelled` (the payer
 * gave up, or started a new payment for the same invoices) or `lapsed` (waited over 30 minutes). A
 * cancelled or lapsed payment never completes afterwards. `refunded`: every cent went back to the payer.
 */

export interface PaymentAllocationInput {
  invoiceId: string;
  /** What this invoice gets, credit included; at most its balance. */
  amount: number;
}

/** `POST /payments`, with an `Idempotency-Key` header (8–255 visible ASCII characters). */
export interface PaymentRequestBody {
  account: string;
  allocations: PaymentAllocationInput[];
  /** Unapplied credit to use towards the allocations (not charged). Default 0. */
  credit?: number;
  /** Paid on top of the allocations, kept as credit: only when the company allows overpayment. */
  overpayment?: number;
  method: PaymentMethod;
  /**
   * The provider's token for the card or bank account, made in the browser (sandbox: `tok_…` from the
   * widget's test form; Stripe: a PaymentMethod id). Never a card number. Not used for PayPal.
   */
  paymentMethod?: string;
  /** The total the payer was shown (amount + surcharge): a different total is refused with `amount_changed`. */
  expectedTotal?: number;
  /**
   * What to do with money a chosen invoice can no longer take when the payment settles (the ERP
   * recorded a payment meanwhile), and with an overpayment: `false` (default) refunds it (or keeps it
   * as credit where the company allows overpayment); `true` applies it to the account's oldest open
   * invoices first.
   */
  applyRestToOldest?: boolean;
}

export type PaymentNextAction =
  /** Sandbox: a test card that asks the payer to authenticate (3-D Secure stand-in). */
  | { type: 'sandbox_authenticate' }
  /** Sandbox PayPal: the buyer approves or cancels in the sandbox PayPal window. */
  | { type: 'sandbox_paypal_approve'; orderId: string }
  /** Stripe: confirm the PaymentIntent in the browser with Stripe.js. */
  | { type: 'stripe_confirm'; clientSecret: string }
  /** PayPal: the buyer approves the order at PayPal (popup from the PayPal JS SDK, or this URL). */
  | { type: 'paypal_approve'; orderId: string; approveUrl: string | null };

/** `POST /payments/:id/confirm`: the payer finished (or gave up) the next action. */
export interface PaymentConfirmBody {
  /** `complete`: authenticated / approved. `cancel`: gave up (the payment fails, nothing is charged). */
  outcome: 'complete' | 'cancel';
}

export interface PaymentAllocationView {
  invoiceId: string;
  number: string;
  amount: number;
  /** `payment`: this payment's money; `credit`: the payer's earlier credit used with it. */
  source: 'payment' | 'credit';
}

export interface PaymentView {
  id: string;
  accountId: string;
  status: PaymentStatus;
  method: PaymentMethod;
  provider: PaymentProviderName;
  currency: string;
  /** Charged towards invoices (and overpayment), surcharge excluded. */
  amount: number;
  /** Card surcharge, its own line; 0 for every other method. */
  surcharge: number;
  /** What the payer is charged: amount + surcharge. */
  total: number;
  /** Credit the payer asked to use with it. */
  credit: number;
  /** What no invoice took (new unapplied credit), once succeeded. */
  unapplied: number;
  /** Given back to the payer through the provider (what no chosen invoice could take and was not kept as credit). */
  refunded: number;
  /** Where that refund stands; null when nothing is refunded. */
  refundStatus: 'pending' | 'succeeded' | 'failed' | null;
  /** Requested allocations until it succeeds; then the allocations made. */
  allocations: PaymentAllocationView[];
  failure: { code: string; message: string } | null;
  nextAction: PaymentNextAction | null;
  createdAt: string;
  succeededAt: string | null;
  /** A short receipt number for people (`R-…`). */
  receiptNumber: string;
  /** For a payment waiting on the payer: when it lapses (cancelled at the provider), else null. */
  expiresAt: string | null;
}

export interface PaymentList {
  items: PaymentView[];
}

/** `GET /payments/config`: what the pay form offers for an account. */
export interface PaymentConfig {
  accountId: string;
  currency: string;
  methods: { method: PaymentMethod; provider: PaymentProviderName }[];
  /** Card surcharge in basis points of the amount (300 = 3 %), and its cap in minor units; null when off. */
  surcharge: { rateBp: number; cap: number | null } | null;
  allowOverpayment: boolean;
  /** Credit available to use on this account. */
  credit: number;
  /** Present when Stripe is on: the widget loads Stripe.js only then. */
  stripe: { publishableKey: string } | null;
  /** Present when real PayPal is on: the widget loads the PayPal JS SDK only then. */
  paypal: { clientId: string } | null;
}
