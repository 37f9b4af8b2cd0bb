/**
 * Payments: requests, their outcomes and the payment configuration the widget reads. Request bodies are
 * the input types of their zod schemas (schemas/payments.ts).
 */
import type { z } from 'zod';
import type { paymentMethods, paymentStatuses } from './lists';
import type { paymentAllocationInput, paymentConfirmBody, paymentRequestBody } from './schemas/payments';

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

export type PaymentAllocationInput = z.input<typeof paymentAllocationInput>;

/** `POST /payments`, with an `Idempotency-Key` header (8–255 visible ASCII characters); see schemas/payments.ts. */
export type PaymentRequestBody = z.input<typeof paymentRequestBody>;

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
export type PaymentConfirmBody = z.input<typeof paymentConfirmBody>;

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
