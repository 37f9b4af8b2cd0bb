/**
 * Every user-visible string of the widget, in English. Kept in one object so a later locale file
 * can provide the same shape (`PorticoStrings`) without touching the elements.
 */
import type { Audience, InvoiceStatus, InvoiceStatusFilter, StaffRole } from './types.js';

function plural(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}

/** Seconds as words for a countdown or a rate-limit message: "45 seconds", "2 minutes". */
function waitFor(seconds: number): string {
  if (seconds < 90) return plural(Math.max(1, Math.ceil(seconds)), 'second', 'seconds');
  return plural(Math.ceil(seconds / 60), 'minute', 'minutes');
}

export const strings = {
  common: {
    retry: 'Retry',
    loading: 'Loading…',
    networkError: 'Could not reach the server. Check your connection and try again.',
    unexpectedError: 'Something went wrong on our side. Try again in a moment.',
  },
  login: {
    heading: 'Sign in',
    staffHeading: 'Staff sign-in',
    intro: 'Enter your email address and we will send you a sign-in link. No password needed.',
    emailLabel: 'Email address',
    emailHint: 'Use the address your invoices are sent to.',
    sendLink: 'Email me a sign-in link',
    sending: 'Sending…',
    emailInvalid: 'Enter a valid email address, like name@company.com.',
    emailRequired: 'Enter your email address.',
    rateLimited: (seconds: number) => `Too many sign-in requests. Try again in ${waitFor(seconds)}.`,
    requestFailed: 'We could not send a sign-in link.',
    checkEmailHeading: 'Check your email',
    sentTo: (maskedEmail: string) => `We sent a sign-in link to ${maskedEmail}.`,
    sentToSameAddress: 'We sent a new sign-in link to the address the old link was for.',
    openLinkHint: 'Open the link on this device, or enter the 6-digit code from the email.',
    openNewLinkHint: 'Open the link in the new email to sign in.',
    codeLabel: '6-digit code',
    codeSubmit: 'Sign in with code',
    codeChecking: 'Checking…',
    codeFormat: 'The code is 6 digits.',
    codeInvalid: 'That code is not right or has expired. Check the email and try again.',
    codeFailed: 'We could not check the code.',
    resend: 'Send a new link',
    resendIn: (seconds: number) => `Send a new link in ${waitFor(seconds)}`,
    resent: 'We sent a new link. Check your inbox.',
    useDifferentEmail: 'Use a different email',
    checkingLink: 'Checking your sign-in link…',
    signingIn: 'Signing you in…',
    continueHeading: 'Continue signing in?',
    continueIntro: 'This sign-in link was opened in a different browser from the one that asked for it.',
    continueAs: (maskedEmail: string) => `Continue as ${maskedEmail}`,
    linkExpired: 'This sign-in link has expired.',
    linkUsed: 'This sign-in link has already been used.',
    linkResendHint: 'We can send a new one to the same email address.',
    sendNewLink: 'Send me a new link',
    linkInvalid: 'This sign-in link is not valid. Enter your email to get a new one.',
    linkFailed: 'We could not check your sign-in link.',
    signedInAs: (email: string) => `You are signed in as ${email}.`,
    sessionExpired: 'Your session has ended. Sign in again to continue where you were.',
    signedOut: 'You have signed out.',
    signedOutEverywhere: 'You have signed out on every device.',
  },
  portal: {
    portalName: (audience: Audience) => (audience === 'staff' ? 'Staff console' : 'Customer portal'),
    checkingSession: 'Restoring your session…',
    loadingAccounts: 'Loading your accounts…',
    sessionFailed: 'We could not check your session.',
    accountsFailed: 'We could not load your accounts.',
    noAccounts: 'Your email is not linked to any customer account yet. Contact us and we will set it up.',
    accountLabel: 'Account',
    signedInAs: 'Signed in as',
    logout: 'Log out',
    logoutEverywhere: 'Log out everywhere',
    loggingOut: 'Logging out…',
    logoutEverywhereFailed: 'We could not log you out on your other devices.',
    balance: 'Balance',
    pastDue: 'Past due',
    credit: 'Credit',
    tabsLabel: 'Invoices by status',
    staffRole: (role: StaffRole) => ({ admin: 'Admin', collector: 'Collector', viewer: 'Viewer' })[role],
    staffComingSoon: 'The staff console is coming soon. For now you can sign in and out here.',
    payComingSoon: (invoice: string) => `Paying online is coming soon. Invoice ${invoice} is highlighted below.`,
    statementComingSoon: 'Statements are coming soon. Your invoices are below.',
  },
  invoices: {
    caption: 'Invoices',
    number: 'Invoice',
    issueDate: 'Issued',
    dueDate: 'Due',
    dueOn: (date: string) => `Due ${date}`,
    total: 'Total',
    balance: 'Balance',
    status: 'Status',
    loading: 'Loading invoices…',
    loadMore: 'Load more invoices',
    loadingMore: 'Loading more…',
    loadedMore: (count: number) => `${plural(count, 'more invoice', 'more invoices')} loaded.`,
    loadFailed: 'We could not load your invoices.',
    loadMoreFailed: 'We could not load more invoices.',
    signedOut: 'Sign in to see your invoices.',
    highlightMissing: (invoice: string) => `Invoice ${invoice} is not in this list.`,
    tab: (status: InvoiceStatusFilter) => ({ past_due: 'Past due', open: 'Open', paid: 'Paid', all: 'All' })[status],
    empty: (status: InvoiceStatusFilter) =>
      ({
        past_due: 'No past-due invoices — you’re all caught up.',
        open: 'No open invoices. Nothing is due right now.',
        paid: 'No paid invoices yet.',
        all: 'No invoices yet.',
      })[status],
    badge: (status: InvoiceStatus) => ({ past_due: 'Past due', open: 'Open', paid: 'Paid', void: 'Void' })[status],
    daysPastDue: (days: number) => plural(days, 'day', 'days'),
    rowLabel: (invoice: string, balance: string, status: string) => `Invoice ${invoice}, balance ${balance}, ${status}`,
  },
};

export type PorticoStrings = typeof strings;
