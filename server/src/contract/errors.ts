/** Every error body's shape and its stable codes. */
import type { AmountInFlight } from './invoices';

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
  /** A promise's date is before tomorrow or past the company's horizon. */
  | 'promise_date_out_of_range'
  /** A promise's amount is more than its invoices owe (less what is disputed). */
  | 'promise_amount_too_large'
  /** An invoice cannot be promised: paid, void, or disputed in full. */
  | 'invoice_not_promisable'
  /** An invoice is already under an open promise. */
  | 'invoice_promised'
  /** The promise is no longer open (kept, broken, cancelled): it cannot be cancelled. */
  | 'promise_not_open'
  /** A dispute names a line the invoice does not have, or one line twice. */
  | 'dispute_line_invalid'
  /** A disputed amount or quantity is more than its line's, the total more than the balance, or a credit more than what is disputed. */
  | 'dispute_amount_too_large'
  /** An invoice cannot be disputed: paid or void. */
  | 'invoice_not_disputable'
  /** An invoice is already under an open dispute. */
  | 'invoice_disputed'
  /** The dispute is not in a state that allows this (a reply to a withdrawn one, resolving a rejected one). */
  | 'dispute_not_open'
  /** An attachment is not an image or a PDF, judged by its bytes. */
  | 'attachment_type_unsupported'
  /** An attachment is larger than 10 MB. */
  | 'attachment_too_large'
  /** A dispute already has its 5 attachments. */
  | 'attachment_limit'
  /** A dispute's assignee is not an active collector or admin. */
  | 'assignee_invalid'
  /** Staff money actions: the customer's unapplied credit in that currency is less than what is to be applied. */
  | 'credit_insufficient'
  /** Staff money actions: an amount is more than an invoice's payable balance (its balance less what payments in flight hold). */
  | 'allocation_exceeds_balance'
  /** A refund staff asked for: the payment is offline, not succeeded, already refunded (or being refunded), or has nothing left. */
  | 'payment_not_refundable'
  /** A refund staff asked for is more than what the payment may still give back. */
  | 'refund_too_large'
  /** Changing settings, staff or keys needs a sign-in made in the last 10 minutes: sign in again. */
  | 'reauth_required'
  | 'busy'
  /** The database cannot be reached (PostgreSQL restarting, failing over): try again in a moment. */
  | 'unavailable'
  | 'internal_error';
