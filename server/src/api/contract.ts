/**
 * The HTTP API v1 contract as TypeScript types, shared by the server (whose handlers are checked
 * against them) and the widget's api client (which imports them with `import type`, so nothing of the
 * server reaches the browser bundle). Change a shape here and both sides stop compiling until they
 * agree.
 *
 * Money is always an integer number of minor units beside an ISO 4217 currency code. Calendar dates
 * are `YYYY-MM-DD` in the company's time zone; instants are UTC ISO-8601 strings.
 */
import type { invoiceStatusFilters, paymentMethods, paymentStatuses } from '../contract/lists';

export type Audience = 'customer' | 'staff';
export type StaffRole = 'admin' | 'collector' | 'viewer';

/** Every error body. `code` is stable: clients switch on it. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Seconds to wait, for `rate_limited` and `too_soon`. */
    retryAfter?: number;
    /** Field-level problems for `invalid_request`. */
    issues?: { path: string; message: string }[];
    /** For `amount_in_flight`: the invoice, the payment holding part of it, and what may still be paid. */
    inFlight?: AmountInFlight;
    requestId?: string;
  };
}

export type ErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'session_expired'
  | 'forbidden'
  | 'origin_forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'too_soon'
  | 'link_expired'
  | 'link_used'
  | 'link_invalid'
  | 'code_invalid'
  | 'return_to_invalid'
  | 'target_invalid'
  | 'email_invalid'
  | 'validation_failed'
  | 'conflict'
  /** The same `Idempotency-Key` was sent with a different body. */
  | 'idempotency_conflict'
  /** The total the payer saw (`expectedTotal`) is no longer what would be charged. */
  | 'amount_changed'
  /** The payment method is not offered (not configured, or not for this currency). */
  | 'method_unavailable'
  /** The payment provider could not be reached or answered with an error; nothing was charged. */
  | 'provider_error'
  /**
   * Part of an invoice's balance is already being paid by a payment in flight (processing, or waiting
   * on the payer): the body's `inFlight` names the invoice, the payment and what is left to pay.
   */
  | 'amount_in_flight'
  /** The payment waited too long for the payer (3-D Secure, PayPal approval) or was replaced: start again. */
  | 'payment_lapsed'
  /** A provider webhook failed its signature, timestamp or replay check. */
  | 'signature_invalid'
  | 'busy'
  | 'internal_error';

// ---- Auth -------------------------------------------------------------------------------------

export interface LinkRequestBody {
  email: string;
  audience?: Audience;
  /** Exact allow-listed origin plus a path; the email's link is `returnTo#portico-link=<token>`. */
  returnTo: string;
  /** A portal route such as `invoices?status=past_due`, `invoices/INV-1042` or `pay/INV-1042`. */
  target?: string;
  /** A random value this browser keeps; when the link is opened here it is exchanged at once. */
  nonce?: string;
}

/**
 * One-click resend from an expired or used-up link: the new link goes to the old link's email, with
 * its audience and target. Holding the old token proves nothing more than the email already shows.
 */
export interface LinkResendBody {
  resendToken: string;
  returnTo: string;
  nonce?: string;
}

/** The same for every email, known or not. */
export interface LinkRequestAccepted {
  ok: true;
  /** Seconds before another link may be asked for this email. */
  resendAfter: number;
}

/** Non-consuming look at a link: what the "Continue as …" screen needs. */
export interface LinkPreviewBody {
  token: string;
  nonce?: string;
}
export interface LinkPreview {
  /** Masked, e.g. `j•••@acme.com`. */
  email: string;
  audience: Audience;
  /** True when the nonce sent matches the one the link was asked with: this browser asked for it. */
  sameBrowser: boolean;
  expiresAt: string;
  /**
   * `pay`: an Easy Pay link the company sent with an invoice. Nobody asked for it in a browser, so
   * `sameBrowser` means nothing for it and the landing is about paying, not signing in.
   */
  purpose: 'sign_in' | 'pay';
  /** For `pay` links: what the landing shows before the link is exchanged (nothing is consumed). */
  pay: EasyPayPreview | null;
}

export interface EasyPayPreview {
  company: string;
  invoices: {
    number: string;
    dueDate: string;
    currency: string;
    balance: number;
    /** Balance minus payments in flight. */
    payable: number;
  }[];
}

/** `audience` with a token refuses a link of the other audience (a staff link in the customer portal). */
export type SessionRequestBody =
  { token: string; audience?: Audience } | { email: string; code: string; audience?: Audience };

export interface AccountRef {
  id: string;
  name: string;
}

export interface SessionUser {
  email: string;
  name: string;
  /** Staff sessions only. */
  role?: StaffRole;
}

export interface SessionInfo {
  expiresAt: string;
  audience: Audience;
  user: SessionUser;
  accounts: AccountRef[];
  /** Where the link asked to land, a portal route; null for none. */
  target: string | null;
  /** For Easy Pay sessions: the only invoices this session may see. */
  scope: { invoiceIds: string[] } | null;
}

export interface SessionCreated extends SessionInfo {
  token: string;
}

// ---- Accounts ---------------------------------------------------------------------------------

export interface AccountSummary {
  id: string;
  name: string;
  currency: string;
  /** Sum of open invoices' balances. */
  balance: number;
  pastDue: number;
  /** Balance of invoices under an open dispute (shown apart; the undisputed rest can be paid). */
  disputed: number;
  /** Unapplied credit: payments and credit notes no invoice took, usable on a later payment. */
  credit: number;
  /** Held by payments in flight (part of `balance`, not yet applied). */
  inFlight: number;
  openCount: number;
  pastDueCount: number;
  /** How many invoices each status filter shows, for the list's tabs. */
  counts: Record<InvoiceStatusFilter, number>;
}

export interface AccountList {
  items: AccountSummary[];
  /** The company the portal belongs to, for headings and emails. */
  company: { name: string; timeZone: string };
}

// ---- Invoices ---------------------------------------------------------------------------------

/** Derived: void, else paid (balance 0), else disputed (an open dispute covers it), else past due or open. */
export type InvoiceStatus = 'open' | 'past_due' | 'disputed' | 'paid' | 'void';
/** `open` is every unpaid invoice (past due and disputed included), as AR uses the word. */
export type InvoiceStatusFilter = (typeof invoiceStatusFilters)[number];
export const invoiceSorts = [
  'priority',
  'dueDate',
  '-dueDate',
  'issueDate',
  '-issueDate',
  'number',
  '-number',
  'total',
  '-total',
  'balance',
  '-balance',
] as const;
export type InvoiceSort = (typeof invoiceSorts)[number];

/** Money on its way to an invoice: payments accepted but not yet applied, failed or returned. */
export interface InFlight {
  /** Reserved by payments in flight, in minor units. */
  amount: number;
  /** When the oldest of them was accepted. */
  since: string;
  /** The oldest of them; its receipt number is what the payer was given. */
  paymentId: string;
  receiptNumber: string;
  /** `pending`: waiting on the payer (3-D Secure, PayPal); `processing`: with the bank or processor. */
  status: 'pending' | 'processing';
}

/** The detail of a `409 amount_in_flight`. */
export interface AmountInFlight {
  invoiceId: string;
  number: string;
  paymentId: string;
  receiptNumber: string;
  /** Balance minus what payments in flight hold: the most a new payment may take for this invoice. */
  payable: number;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  accountId: string;
  poNumber: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: number;
  balance: number;
  status: InvoiceStatus;
  /** Whole days past the due date of an unpaid invoice (disputed ones too), else 0. */
  daysPastDue: number;
  /** Payments in flight for this invoice; null when none. */
  inFlight: InFlight | null;
  /** What a new payment may take: balance − inFlight.amount, never below 0. */
  payable: number;
}

export interface InvoiceListQuery {
  account?: string;
  status?: InvoiceStatusFilter;
  /** Text found in the invoice number or PO, or an amount (`1234.56`, `1,234.56`) matching a total or balance. */
  q?: string;
  sort?: InvoiceSort;
  cursor?: string;
  limit?: string | number;
}

export interface InvoiceList {
  items: InvoiceSummary[];
  nextCursor: string | null;
}

export interface InvoiceLine {
  lineNo: number;
  description: string;
  sku: string | null;
  /** Decimal quantity (2.5), exact to thousandths. */
  quantity: number;
  unitPrice: number;
  amount: number;
  tax: number;
}

export interface AppliedPayment {
  paymentId: string;
  /** The receipt number the payer was given (`R-…`); how people name a payment. */
  receiptNumber: string;
  /** Calendar date the payment was applied to this invoice. */
  date: string;
  method: string;
  reference: string | null;
  amount: number;
}

export interface AppliedCredit {
  creditNoteId: string;
  number: string;
  date: string;
  amount: number;
  reason: string;
}

export interface InvoiceHistoryEntry {
  at: string;
  /** Event type, e.g. `invoice.created`, `payment.applied`, `invoice.voided`. */
  type: string;
  /** A short sentence for people. */
  label: string;
}

export interface InvoiceDetail extends InvoiceSummary {
  accountName: string;
  subtotal: number;
  taxTotal: number;
  amountPaid: number;
  amountCredited: number;
  lines: InvoiceLine[];
  payments: AppliedPayment[];
  credits: AppliedCredit[];
  history: InvoiceHistoryEntry[];
  dispute: { id: string; status: string } | null;
}

// ---- Payments ---------------------------------------------------------------------------------

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

// ---- Statements -------------------------------------------------------------------------------

export interface AgingBuckets {
  /** Not yet due. */
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

export interface StatementLine {
  date: string;
  type: 'invoice' | 'payment' | 'credit';
  reference: string;
  description: string;
  /** Signed: charges positive, payments and credits negative. */
  amount: number;
  /** Running balance after this line. */
  balance: number;
}

export interface Statement {
  account: { id: string; name: string; currency: string; billingAddress: string | null };
  company: { name: string; address: string; timeZone: string };
  from: string;
  to: string;
  currency: string;
  openingBalance: number;
  lines: StatementLine[];
  totals: { invoiced: number; paid: number; credited: number };
  /** opening + invoiced − paid − credited, always. */
  closingBalance: number;
  /** As of `to`: payments and credit notes not applied to any invoice. */
  unappliedCredit: number;
  /** As of `to`: open invoice balances by days past due. */
  aging: AgingBuckets;
}

export interface Health {
  ok: true;
}
