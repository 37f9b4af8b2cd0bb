import type { ErrorCode } from '../contract';
import { DomainError, type ErrorExtra } from '../domain/errors';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503;

/**
 * The one place a domain error becomes an HTTP status. Typed over every contract code, so a new code
 * does not compile until it has a status.
 */
const STATUS: Record<ErrorCode, ErrorStatus | 500> = {
  invalid_request: 422,
  invalid_json: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  origin_forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  too_soon: 429,
  link_expired: 401,
  link_used: 401,
  link_invalid: 401,
  code_invalid: 401,
  return_to_invalid: 400,
  target_invalid: 400,
  email_invalid: 400,
  validation_failed: 422,
  conflict: 409,
  idempotency_conflict: 409,
  amount_changed: 409,
  method_unavailable: 422,
  provider_error: 502,
  amount_in_flight: 409,
  payment_lapsed: 409,
  signature_invalid: 400,
  promise_date_out_of_range: 422,
  promise_amount_too_large: 422,
  invoice_not_promisable: 409,
  invoice_promised: 409,
  promise_not_open: 409,
  dispute_line_invalid: 422,
  dispute_amount_too_large: 422,
  invoice_not_disputable: 409,
  invoice_disputed: 409,
  dispute_not_open: 409,
  attachment_type_unsupported: 415,
  attachment_too_large: 413,
  attachment_limit: 409,
  assignee_invalid: 422,
  credit_insufficient: 409,
  allocation_exceeds_balance: 422,
  payment_not_refundable: 409,
  refund_too_large: 422,
  reauth_required: 403,
  busy: 503,
  unavailable: 503,
  internal_error: 500,
};

export function statusOf(error: DomainError): ErrorStatus | 500 {
  return error.code === 'invalid_request' && error.malformed ? 400 : STATUS[error.code];
}

/**
 * A failure of the HTTP exchange itself, which only the HTTP layer can see: a body that is not JSON or is
 * too large, a wrong content type, a field that fails its schema, an origin not allowed. Routes and
 * middleware throw it; the domain never does.
 */
export class HttpError extends DomainError {
  constructor(
    readonly status: ErrorStatus,
    code: ErrorCode,
    message: string,
    extra: ErrorExtra = {},
  ) {
    super(code, message, extra);
    this.name = 'HttpError';
  }
}

/** The status of any error our code threw on purpose, or undefined for anything else (a bug: 500). */
export function httpStatusOf(error: unknown): ErrorStatus | 500 | undefined {
  if (error instanceof HttpError) return error.status;
  if (error instanceof DomainError) return statusOf(error);
  return undefined;
}
