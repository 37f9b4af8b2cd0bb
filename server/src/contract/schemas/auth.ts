/**
 * Sign-in requests: magic links (asked for, resent, previewed) and their exchange for a session.
 * Lengths are capped before any work: a 10 KB token is a 400, not a hash of 10 KB.
 */
import { z } from 'zod';

const audience = z.enum(['customer', 'staff']);
/** A random value this browser keeps; when the link is opened here it is exchanged at once. */
const nonce = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'nonce must be 16–128 URL-safe characters');
const token = z.string().min(1).max(200);
/** Exact allow-listed origin plus a path; the email's link is `returnTo#portico-link=<token>`. */
const returnTo = z.string().min(1).max(2048);

/** `POST /auth/links`: a link for an email. */
export const linkRequestBody = z.object({
  email: z.string().max(320),
  audience: audience.default('customer'),
  returnTo,
  /** A portal route such as `invoices?status=past_due`, `invoices/INV-1042` or `pay/INV-1042`. */
  target: z.string().max(250).optional(),
  nonce: nonce.optional(),
});

/**
 * `POST /auth/links` with an old link's `resendToken`: one-click resend from an expired or used-up link.
 * The new link goes to the old link's email, with its audience and target. Holding the old token
 * proves nothing more than the email already shows.
 */
export const linkResendBody = z.object({ resendToken: token, returnTo, nonce: nonce.optional() });

/** What `POST /auth/links` takes: a resend when it has a `resendToken`, else a request. */
export const linkBody = z.union([linkResendBody, linkRequestBody]);

/** `POST /auth/links/preview`: a non-consuming look at a link. */
export const linkPreviewBody = z.object({ token, nonce: nonce.optional() });

/**
 * `POST /auth/sessions`: a link's token, or an email and its one-time code. `audience` with a token
 * refuses a link of the other audience (a staff link in the customer portal).
 */
export const sessionRequestBody = z.union([
  z.object({ token, audience: audience.optional() }),
  z.object({ email: z.string().max(320), code: z.string().max(32), audience: audience.default('customer') }),
]);
