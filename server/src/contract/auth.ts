/**
 * Who signs in, sign-in (magic links, one-time codes) and sessions. Request bodies are the input types
 * of their zod schemas (schemas/auth.ts), so the type and the check cannot drift apart.
 */
import type { z } from 'zod';
import type { linkPreviewBody, linkRequestBody, linkResendBody, sessionRequestBody } from './schemas/auth';

export type Audience = 'customer' | 'staff';
export type StaffRole = 'admin' | 'collector' | 'viewer';

/** `POST /auth/links` (see `linkRequestBody` in schemas/auth.ts for each field). */
export type LinkRequestBody = z.input<typeof linkRequestBody>;

/**
 * One-click resend from an expired or used-up link: the new link goes to the old link's email, with
 * its audience and target. Holding the old token proves nothing more than the email already shows.
 */
export type LinkResendBody = z.input<typeof linkResendBody>;

/** The same for every email, known or not. */
export interface LinkRequestAccepted {
  ok: true;
  /** Seconds before another link may be asked for this email. */
  resendAfter: number;
}

/** Non-consuming look at a link: what the "Continue as …" screen needs. */
export type LinkPreviewBody = z.input<typeof linkPreviewBody>;
export interface LinkPreview {
  /** Masked, e.g. `j•••@acme.com`. */
  email: string;
  audience: Audience;
  /** True when the nonce sent matches the one the link was asked with: this browser asked for it. */
  sameBrowser: boolean;
  expiresAt: string;
  /**
   * `pay`: an Easy Pay link the company sent with an invoice. Nobody asked for it in a browser, so
   * `sameBrowser` means nothing for it and the landing is about paying, not signing in. `dispute`: such
   * a link sent about a dispute (it lands on the dispute's page), so the landing is about the dispute.
   */
  purpose: 'sign_in' | 'pay' | 'dispute';
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
export type SessionRequestBody = z.input<typeof sessionRequestBody>;

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
