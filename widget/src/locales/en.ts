/**
 * Every user-visible word of the widget in English: the reference catalog. Other locales
 * (`fr.ts`) are checked against its shape (`Catalog`), so a key missing in one fails the typecheck.
 * Values are plain strings, or functions where a word depends on a count or a value.
 */
import type {
  Audience,
  InvoiceStatus,
  InvoiceStatusFilter,
  PaymentMethod,
  PaymentStatus,
  StaffRole,
} from '../internal/types.js';

function plural(count: number, one: string, other: string): string {
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

export const en = {
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
    viewLabel: (view: 'invoices' | 'invoice' | 'statement' | 'pay' | 'payments', invoice?: string) =>
      view === 'invoice'
        ? `Invoice ${invoice ?? ''}`.trim()
        : view === 'pay'
          ? 'Pay'
          : view === 'statement'
            ? 'Statement'
            : view === 'payments'
              ? 'Payments'
              : 'Invoices',
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
    staffRole: (role: StaffRole) => ({ admin: 'Admin', collector: 'Collector', viewer: 'Viewer' })[role],
    staffComingSoon: 'The staff console is coming soon. For now you can sign in and out here.',
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
    dispute: 'Dispute',
    clearSelection: 'Clear selection',
  },
  invoice: {
    loading: (invoice: string) => `Loading invoice ${invoice}…`,
    loadFailed: (invoice: string) => `We could not load invoice ${invoice}.`,
    notFound: (invoice: string) => `We can’t find invoice ${invoice} on your account.`,
    notFoundHint: 'Check the invoice number, or pick the invoice from your list.',
    noInvoice: 'No invoice chosen.',
    signedOut: 'Sign in to see this invoice.',
    back: 'Back to invoices',
    heading: (invoice: string) => `Invoice ${invoice}`,
    account: 'Account',
    issued: 'Issued',
    due: 'Due',
    po: 'PO number',
    daysPastDue: (days: number) => `${plural(days, 'day', 'days')} past due`,
    disputeOpen: (status: string) => `This invoice is under dispute (${status.replace(/_/g, ' ')}).`,
    lines: 'Lines',
    description: 'Description',
    sku: 'SKU',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    tax: 'Tax',
    amount: 'Amount',
    noLines: 'This invoice has no lines.',
    /** Under a line's description on narrow screens, where the unit price and tax columns are hidden. */
    lineInline: (quantity: string, unitPrice: string, tax: string) => `${quantity} × ${unitPrice} · tax ${tax}`,
    totals: 'Totals',
    subtotal: 'Subtotal',
    total: 'Total',
    paid: 'Paid',
    credited: 'Credited',
    balanceDue: 'Balance due',
    processing: 'Processing',
    leftToPay: 'Left to pay',
    receipt: (receipt: string) => `Receipt ${receipt}`,
    payments: 'Payments applied',
    noPayments: 'No payments applied yet.',
    date: 'Date',
    method: 'Method',
    reference: 'Reference',
    credits: 'Credits applied',
    noCredits: 'No credit notes applied.',
    creditNote: 'Credit note',
    reason: 'Reason',
    history: 'History',
    noHistory: 'No history yet.',
    downloadPdf: 'Download PDF',
    downloadingPdf: 'Preparing PDF…',
    downloadFailed: 'We could not download the PDF.',
  },
  pay: {
    heading: (invoices: readonly string[]) =>
      invoices.length === 1 ? `Pay invoice ${invoices[0]}` : `Pay ${plural(invoices.length, 'invoice', 'invoices')}`,
    loading: 'Loading what there is to pay…',
    loadFailed: 'We could not load the payment form.',
    signedOut: 'Sign in to pay your invoices.',
    notFound: (invoice: string) => `We can’t find invoice ${invoice} on your account.`,
    nothingToPay: 'Nothing to pay: these invoices are paid in full.',
    nothingOpen: 'Nothing to pay: there are no open invoices on this account.',
    noMethods: 'Paying online is not available for this account. Contact us to pay another way.',
    back: 'Back to invoices',
    invoicesCaption: 'Invoices to pay',
    invoice: 'Invoice',
    due: 'Due',
    balance: 'Balance',
    balanceOf: (amount: string) => `Balance ${amount}`,
    amount: 'Amount to pay',
    amountLabel: (invoice: string) => `Amount to pay on invoice ${invoice}`,
    amountEmpty: 'Enter an amount.',
    amountInvalid: (example: string) => `Enter an amount like ${example}.`,
    amountPrecision: (digits: number) =>
      digits === 0
        ? 'Enter a whole amount, with no decimals.'
        : `Use at most ${plural(digits, 'decimal', 'decimals')}.`,
    amountZero: 'Enter an amount greater than zero.',
    amountTooHigh: (balance: string) => `Enter at most the balance, ${balance}.`,
    useCredit: (credit: string) => `Use my unapplied credit (${credit} available)`,
    creditCoversAll:
      'Your credit covers all of this, so there is nothing to charge. Pay without it, or contact us and we apply the credit for you.',
    overpaymentLabel: 'Extra payment (optional)',
    overpaymentHint: 'Paid on top of these invoices and kept as credit on your account.',
    methodsLabel: 'Payment method',
    method: (method: PaymentMethod) =>
      ({
        card: 'Card',
        debit: 'Debit card',
        ach: 'Bank transfer (ACH)',
        eft: 'Bank transfer (EFT)',
        paypal: 'PayPal',
      })[method],
    summaryLabel: 'Payment summary',
    invoicesTotal: 'Invoices',
    creditApplied: 'Credit applied',
    overpayment: 'Extra, kept as credit',
    surcharge: (rate: string) => `Card surcharge (${rate})`,
    receiptSurcharge: 'Card surcharge',
    surchargeHint: (rate: string) =>
      `Card payments carry a ${rate} surcharge. Debit cards, bank transfers and PayPal do not.`,
    total: 'Total',
    pay: (amount: string) => `Pay ${amount}`,
    paying: 'Paying…',
    cardNumber: 'Card number',
    expiry: 'Expiry date (MM/YY)',
    cvc: 'Security code (CVC)',
    cardName: 'Name on card',
    routing: 'Routing number',
    institution: 'Institution number',
    transit: 'Transit number',
    accountNumber: 'Account number',
    holder: 'Account holder',
    paypalNote: 'When you press Pay, PayPal asks you to approve the payment. You come back here afterwards.',
    errors: {
      cardNumberEmpty: 'Enter the card number.',
      cardNumberInvalid: 'This card number is not valid. Check the digits.',
      notTestCard: 'This is a sandbox: use one of the test cards.',
      notDebit: 'This test card is a credit card: choose Card, or use the test debit card.',
      expiryInvalid: 'Enter the expiry date as MM/YY.',
      expiryPast: 'This card has expired. Enter a month that has not passed.',
      cvcInvalid: 'Enter the 3 or 4 digits of the security code.',
      nameEmpty: 'Enter the name on the card.',
      routingInvalid: (routing: string) => `This is a sandbox: use the test routing number ${routing}.`,
      institutionInvalid: (institution: string) => `This is a sandbox: use the test institution number ${institution}.`,
      transitInvalid: (transit: string) => `This is a sandbox: use the test transit number ${transit}.`,
      accountEmpty: 'Enter the account number.',
      notTestAccount: 'This is a sandbox: use one of the test bank accounts.',
      holderEmpty: 'Enter the account holder’s name.',
    },
    sandbox: {
      note: 'Sandbox — no real money moves',
      intro: 'Pay with these test numbers. Any expiry date that has not passed, any CVC and any name will do.',
      cardsCaption: 'Test cards',
      banksCaption: 'Test bank accounts',
      number: 'Number',
      whatHappens: 'What happens',
      bankRouting: (ach: string, eft: string) => `Routing number ${ach} (ACH), or institution ${eft} (EFT).`,
      paypal: 'PayPal opens a sandbox window where you approve or cancel.',
      /** What each test card or bank account does, by its token. */
      outcome: (token: string) =>
        ({
          tok_visa: 'Visa: succeeds',
          tok_mastercard: 'Mastercard: succeeds',
          tok_visa_debit: 'Visa debit: succeeds (use the Debit card tab)',
          tok_authentication_required: 'Asks for 3-D Secure authentication',
          tok_insufficient_funds: 'Declined: insufficient funds',
          tok_expired_card: 'Declined: expired card',
          tok_stolen_card: 'Declined: stolen card',
          btok_settles: 'Processing, then settles',
          btok_returns: 'Settles, then the bank returns it',
          btok_fails: 'The bank refuses the debit',
        })[token] ?? token,
    },
    declined: 'Your payment did not go through.',
    networkError:
      'We could not reach the server, so we cannot tell whether the payment went through. Press Pay again: it sends the same payment, so you cannot be charged twice.',
    amountChanged:
      'The amount due changed since this page was opened. We updated the totals: check them and pay again.',
    providerError: 'The payment service could not be reached. Nothing was charged. Try again in a moment.',
    failed: 'We could not take the payment.',
    confirming: 'Confirming your payment…',
    confirmFailed: 'We could not confirm the payment. Try again.',
    authHeading: 'Confirm it’s you',
    authSandbox: 'Sandbox 3-D Secure',
    authText: (amount: string) => `Your card issuer asks you to authenticate this payment of ${amount}.`,
    completeAuth: 'Complete authentication',
    failAuth: 'Fail authentication',
    paypalHeading: 'PayPal',
    paypalSandbox: 'Sandbox PayPal',
    paypalText: (amount: string) => `Approve a payment of ${amount} from your PayPal account?`,
    approve: 'Approve',
    cancel: 'Cancel',
    paypalPopupText: 'Open PayPal, approve the payment there, then come back here.',
    openPaypal: 'Open PayPal',
    paypalApproved: 'I’ve approved',
    stripeLoading: 'Loading the secure payment form…',
    stripeFailed: 'We could not load the secure payment form.',
    receiptHeading: 'Payment received',
    processingHeading: 'Payment processing',
    processing:
      'Your bank payment is processing; invoices update when it settles. That usually takes a few business days.',
    thanks: 'Thank you. Your invoices are updated.',
    receiptNumber: 'Receipt',
    date: 'Date',
    paidWith: 'Method',
    appliedTo: 'Applied to',
    appliedAmount: 'Amount',
    fromCredit: 'from credit',
    keptAsCredit: 'Kept as credit',
    totalCharged: 'Total charged',
    downloadReceipt: 'Download receipt (PDF)',
    downloadingReceipt: 'Preparing receipt…',
    downloadFailed: 'We could not download the receipt.',
    emailSent: (email: string) => `A receipt was emailed to ${email}.`,
    paid: (amount: string) => `Payment of ${amount} received.`,
    submitted: (amount: string) => `Bank payment of ${amount} submitted; it is processing.`,
    // Money in flight (see also inFlight above): what the pay form says about it.
    notPayable: 'Nothing to pay until that payment clears',
    nothingPayable: 'Nothing more can be paid on these invoices until the payments in flight clear.',
    amountTooHighInFlight: (payable: string) => `Enter at most what is left to pay, ${payable}.`,
    amountInFlight: (invoice: string, receipt: string) =>
      `Invoice ${invoice} already has a payment in progress (receipt ${receipt}).`,
    amountInFlightLeft: (amount: string) =>
      `We updated the form to what is left to pay: ${amount}. Check it and pay again.`,
    amountInFlightNone: 'Nothing more can be paid on it until that payment clears.',
    /** `409 payment_lapsed`: the 3-D Secure or PayPal step took too long, or a newer payment replaced it. */
    lapsed: 'This payment waited too long and was cancelled.',
    lapsedHint: 'Nothing was charged. Start again.',
    scopeFor: (invoices: readonly string[]) =>
      invoices.length === 1
        ? `This link is for invoice ${invoices[0]} only.`
        : `This link is for ${invoices.join(', ')} only.`,
    wholeAccountHeading: 'Your whole account',
    wholeAccount: (invoices: readonly string[]) =>
      `This payment was for ${invoices.join(', ')}. Your account may have other invoices: sign in to see everything you owe and every payment.`,
    wholeAccountSignIn: 'Sign in to see your whole account',
  },
  statement: {
    heading: 'Statement',
    loading: 'Loading your statement…',
    loadFailed: 'We could not load your statement.',
    signedOut: 'Sign in to see your statement.',
    period: 'Period',
    from: 'From',
    to: 'To',
    presets: 'Quick periods',
    last30: 'Last 30 days',
    last90: 'Last 90 days',
    thisYear: 'This year',
    periodInvalid: 'Enter two dates, the first on or before the second.',
    periodOf: (from: string, to: string) => `${from} – ${to}`,
    caption: (from: string, to: string) => `Activity from ${from} to ${to}`,
    date: 'Date',
    type: 'Type',
    lineType: (type: 'invoice' | 'payment' | 'credit') =>
      ({ invoice: 'Invoice', payment: 'Payment', credit: 'Credit' })[type],
    reference: 'Reference',
    description: 'Description',
    amount: 'Amount',
    balance: 'Balance',
    openingBalance: 'Opening balance',
    closingBalance: 'Closing balance',
    invoiced: 'Invoiced',
    paid: 'Paid',
    credited: 'Credited',
    unappliedCredit: 'Unapplied credit',
    noActivity: 'No invoices, payments or credits in this period.',
    aging: (date: string) => `Aging as of ${date}`,
    agingBucket: {
      current: 'Current',
      days1to30: '1–30 days',
      days31to60: '31–60 days',
      days61to90: '61–90 days',
      over90: '90+ days',
    },
    downloadCsv: 'Download CSV',
    downloadPdf: 'Download PDF',
    downloading: 'Preparing…',
    downloadFailed: (format: string) => `We could not download the ${format.toUpperCase()}.`,
  },
  /** The portal's Payments view: each payment with its receipt. */
  payments: {
    heading: 'Payments',
    loading: 'Loading your payments…',
    loadFailed: 'We could not load your payments.',
    signedOut: 'Sign in to see your payments.',
    empty: 'No payments yet. Payments made here show up with their receipts.',
    listLabel: 'Payments, newest first',
    receipt: (receipt: string) => `Receipt ${receipt}`,
    date: 'Date',
    method: 'Method',
    amount: 'Amount',
    surcharge: (amount: string) => `including ${amount} card surcharge`,
    status: (status: PaymentStatus) =>
      ({
        pending: 'Awaiting confirmation',
        processing: 'Processing',
        succeeded: 'Succeeded',
        failed: 'Failed',
        returned: 'Returned',
        refunded: 'Refunded',
      })[status],
    cancelled: 'Cancelled',
    lapsed: 'Expired',
    appliedTo: 'Applied to',
    requestedFor: 'For',
    fromCredit: 'from credit',
    keptAsCredit: (amount: string) => `${amount} kept as credit`,
    refunded: (amount: string, status: 'pending' | 'succeeded' | 'failed' | null) =>
      status === 'pending'
        ? `${amount} being refunded`
        : status === 'failed'
          ? `Refund of ${amount} failed: contact us`
          : `${amount} refunded`,
    returnedNote: 'Your bank returned this payment: the invoices are due again.',
    processingNote: 'Bank payments take a few business days to settle.',
    pendingNote: 'Waiting for you to confirm the payment.',
    downloadReceipt: 'Receipt (PDF)',
    downloadReceiptLabel: (receipt: string) => `Download receipt ${receipt} (PDF)`,
    downloading: 'Preparing…',
    downloadFailed: (receipt: string) => `We could not download receipt ${receipt}.`,
  },
};

/**
 * The shape every locale's catalog has: the same keys, every leaf a string or a function with the
 * same parameters returning a string (English's literal return types widened, so French can differ).
 */
export type Catalog = Words<typeof en>;

type Words<T> = T extends (...args: infer A) => unknown
  ? (...args: A) => string
  : T extends string
    ? string
    : { readonly [K in keyof T]: Words<T[K]> };
