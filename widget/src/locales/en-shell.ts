/**
 * The English words of what `portico.js` itself shows (sign-in, the portal, the invoice list) and
 * the words they share with every element. The lazy elements' words are in `en-views.ts`, which
 * `en.ts` adds to this same object; `catalog.ts` reads English from here.
 */
import type { Audience, InvoiceStatus, InvoiceStatusFilter } from '../internal/types.js';

/** The portal's views, as its `aria-label` names them. */
type PortalView =
  'invoices' | 'invoice' | 'statement' | 'pay' | 'payments' | 'promise' | 'promises' | 'dispute' | 'disputes';

export function plural(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}

/** "INV-1", "INV-1 and INV-2", "INV-1, INV-2 and INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Seconds as words for a countdown or a rate-limit message: "45 seconds", "2 minutes". */
function waitFor(seconds: number): string {
  if (seconds < 90) return plural(Math.max(1, Math.ceil(seconds)), 'second', 'seconds');
  return plural(Math.ceil(seconds / 60), 'minute', 'minutes');
}

export const enShell = {
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
    // The Easy Pay landing: a pay link the company sent, before it is exchanged.
    payHeading: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `Pay invoice ${invoices[0]}`
        : invoices.length === 0
          ? 'Pay your invoice'
          : `Pay ${plural(invoices.length, 'invoice', 'invoices')}`,
    payIntro: (company: string) => `${company} sent you this link to pay online.`,
    payIntroNoCompany: 'This link lets you pay online.',
    // The landing of a link sent about a dispute.
    disputeHeading: (invoices: readonly string[]) => `Your dispute of invoice ${invoices.join(', ')}`,
    disputeIntro: (company: string) => `${company} sent you this link about your dispute.`,
    seeDispute: 'See the dispute',
    payInvoice: (invoice: string) => `Invoice ${invoice}`,
    amountDue: 'Amount due',
    dueOn: (date: string) => `Due ${date}`,
    payInFlight: (amount: string) => `A payment of ${amount} is already processing; this is what is left.`,
    payAllInFlight: 'A payment for the whole balance is already processing: nothing is left to pay.',
    reviewAndPay: 'Review and pay',
    reviewInvoice: 'Review invoice',
    nothingChargedYet: 'Nothing is charged until you choose how to pay and press Pay.',
  },
  portal: {
    portalName: (audience: Audience) => (audience === 'staff' ? 'Staff console' : 'Customer portal'),
    checkingSession: 'Restoring your session…',
    loadingAccounts: 'Loading your accounts…',
    sessionFailed: 'We could not check your session.',
    accountsFailed: 'We could not load your accounts.',
    noAccounts: 'Your email is not linked to any customer account yet. Contact us and we will set it up.',
    signedInAs: 'Signed in as',
    logout: 'Log out',
    logoutEverywhere: 'Log out everywhere',
    loggingOut: 'Logging out…',
    logoutEverywhereFailed: 'We could not log you out on your other devices.',
    navLabel: 'Portal',
    navInvoices: 'Invoices',
    navStatement: 'Statement',
    navPayments: 'Payments',
    navPromises: 'Promises',
    navDisputes: 'Disputes',
    viewLabel: (view: PortalView, invoice?: string) =>
      view === 'invoice'
        ? `Invoice ${invoice ?? ''}`.trim()
        : {
            invoices: 'Invoices',
            pay: 'Pay',
            statement: 'Statement',
            payments: 'Payments',
            promise: 'Promise to pay',
            promises: 'Promises',
            dispute: 'Dispute an invoice',
            disputes: 'Disputes',
          }[view],
    // Easy Pay sessions see only the invoices their link is for.
    scopeLabel: 'About this link',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 0
        ? 'This link is for one invoice only.'
        : `This link is for ${invoices.length === 1 ? invoices[0] : `${invoices.slice(0, -1).join(', ')} and ${invoices.at(-1)}`} only.`,
    scopeHint: 'Balances shown here are for that invoice, not your whole account. Sign in to see everything you owe.',
    scopeSignIn: 'Sign in to see your whole account',
    scopeSignInHeading: 'Sign in to your whole account',
    scopeSignInCancel: 'Back to this invoice',
  },
  account: {
    label: 'Account',
    totals: {
      balance: 'Balance due',
      pastDue: 'Past due',
      disputed: 'Disputed',
      credit: 'Unapplied credit',
      /** Under the balance due: what payments in flight hold of it. */
      inFlight: (amount: string) => `${amount} processing`,
      /** An Easy Pay session's balance: that of the invoices its link is for, not the account's. */
      scopedBalance: (invoices: readonly string[]) =>
        invoices.length === 1 ? `${invoices[0]} balance due` : 'Balance due on this link',
    },
    totalsFailed: 'We could not load the account totals.',
  },
  /** Money on its way to an invoice (a payment accepted, not yet applied), wherever an invoice is shown. */
  inFlight: {
    notice: (amount: string, since: string, status: 'pending' | 'processing') =>
      status === 'pending'
        ? `Payment of ${amount} awaiting confirmation since ${since}`
        : `Payment of ${amount} processing since ${since}`,
    leftToPay: (amount: string) => `${amount} left to pay`,
    nothingLeft: 'Nothing more can be paid on this invoice until that payment clears.',
  },
  invoices: {
    caption: 'Invoices',
    number: 'Invoice',
    issueDate: 'Issued',
    dueDate: 'Due',
    dueOn: (date: string) => `Due ${date}`,
    po: (po: string) => `PO ${po}`,
    total: 'Total',
    balance: 'Balance',
    status: 'Status',
    loading: 'Loading invoices…',
    loadingMore: 'Loading more invoices…',
    loadedMore: (loaded: number, total: number | null) =>
      total === null ? `${plural(loaded, 'invoice', 'invoices')} loaded.` : `${loaded} of ${total} invoices loaded.`,
    loadFailed: 'We could not load your invoices.',
    loadMoreFailed: 'We could not load more invoices.',
    signedOut: 'Sign in to see your invoices.',
    highlightMissing: (invoice: string) => `Invoice ${invoice} is not in this list.`,
    tabsLabel: 'Invoices by status',
    tab: (status: InvoiceStatusFilter) =>
      ({ past_due: 'Past due', open: 'Open', paid: 'Paid', disputed: 'Disputed', all: 'All' })[status],
    empty: (status: InvoiceStatusFilter) =>
      ({
        past_due: 'No past-due invoices — you’re all caught up.',
        open: 'No open invoices. Nothing is due right now.',
        paid: 'No paid invoices yet.',
        disputed: 'No invoices under dispute.',
        all: 'No invoices yet.',
      })[status],
    /** An Easy Pay session's empty tab: about the invoices its link is for, never the whole account. */
    scopedEmpty: (status: InvoiceStatusFilter, invoices: readonly string[]) => {
      const covered = invoices.length ? listOf(invoices) : 'this link';
      return {
        past_due: `Nothing is past due on ${covered}.`,
        open: `Nothing is due on ${covered}.`,
        paid: `No paid invoices on ${covered} yet.`,
        disputed: `No invoices under dispute on ${covered}.`,
        all: `No invoices on ${covered}.`,
      }[status];
    },
    scopedHint: (invoices: readonly string[]) =>
      `This link is for ${invoices.length ? listOf(invoices) : 'one invoice'} only; your account may have other invoices.`,
    scopedSignIn: 'Sign in to see your whole account',
    badge: (status: InvoiceStatus) =>
      ({ past_due: 'Past due', open: 'Open', paid: 'Paid', disputed: 'Disputed', void: 'Void' })[status],
    daysPastDue: (days: number) => plural(days, 'day', 'days'),
    rowLabel: (invoice: string, balance: string, status: string, inFlight?: string) =>
      `Invoice ${invoice}, balance ${balance}, ${status}${inFlight ? `, ${inFlight}` : ''}`,
    searchLabel: 'Search invoices',
    searchHint: 'Invoice number, PO number or amount',
    clearSearch: 'Clear search',
    noMatch: (q: string) => `No invoices match “${q}”`,
    matches: (count: number, more: boolean, q: string) =>
      `${more ? 'More than ' : ''}${plural(count, 'invoice matches', 'invoices match')} “${q}”.`,
    sortedBy: (column: string, direction: 'ascending' | 'descending' | 'other') =>
      direction === 'other'
        ? `Sorted by ${column.toLowerCase()}, most urgent first.`
        : `Sorted by ${column.toLowerCase()}, ${direction}.`,
    selectInvoice: (invoice: string) => `Select ${invoice}`,
    selectAllLoaded: 'Select all loaded invoices',
    selectionLabel: 'Selected invoices',
    selected: (count: number, amount: string) => `${count} selected · ${amount}`,
    pay: 'Pay',
    promise: 'Promise to pay',
    /** Why the selection's "Promise to pay" is disabled. */
    allPromised: 'Every ticked invoice is already promised.',
    /** The badge of an invoice under an open promise, with the promised date. */
    promised: (date: string) => `Promised · ${date}`,
    dispute: 'Dispute',
    clearSelection: 'Clear selection',
  },
};
