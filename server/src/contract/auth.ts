/** Who signs in, sign-in (magic links, one-time codes) and sessions. */

export type Audience = 'customer' | 'staff';
export type StaffRole = 'admin' | 'collector' | 'viewer';

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
