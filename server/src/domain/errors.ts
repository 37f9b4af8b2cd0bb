import type { ApiErrorBody, ErrorCode } from '../contract';

/** What an error may carry beside its code and message (Retry-After, field issues, the money in flight). */
export type ErrorExtra = Omit<ApiErrorBody['error'], 'code' | 'message' | 'requestId'>;

/**
 * A failure the caller caused or may act on, in the domain's words: a stable contract `code`, a message
 * a person can read, and what the caller needs to act on it. It knows nothing of HTTP: the server's
 * one error handler maps it to a status (`http/errors.ts`), the CLI prints its message. Anything else
 * thrown is a bug, answered as a 500 with no details.
 *
 * `malformed` separates the two meanings of `invalid_request`: input the domain cannot read at all (a
 * cursor it never issued, a webhook that is not one) from a well-formed request its rules refuse.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: ErrorExtra = {},
    readonly malformed = false,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Not found') => new DomainError('not_found', what);
export const unauthenticated = (message = 'Sign in to continue.') => new DomainError('unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do that.') => new DomainError('forbidden', message);
/** Input the domain cannot read (not a rule refusing it): a 400 where a refusal is a 422. */
export const malformedInput = (message: string, extra: ErrorExtra = {}) =>
  new DomainError('invalid_request', message, extra, true);
