/**
 * Every word the server writes to a customer in English, in emails, PDFs and statement downloads:
 * the reference catalog. Other locales (`fr.ts`) are checked against its shape (`DocumentCatalog`),
 * so a key missing in one fails the typecheck. Values are plain strings, or functions where a word
 * depends on a count or a value; money and dates come in already formatted for the reader's locale.
 * Emails call the functions with HTML already escaped where the result goes into HTML, so no word
 * here may hold `<` or `&`. The elements' words are in widget/src/locales, in the same style.
 */
import type { AgingBuckets, InvoiceStatus, PaymentStatus, StatementLine } from '../contract';
import { enDisputes } from './en-disputes';
import { enStaff } from './en-staff';
import { enStaffActions } from './en-staff-actions';

/** Every method a payment may carry, portal and ERP (`recordedPaymentMethods`), as people say it. */
const methods: Readonly<Record<string, string>> = {
  card: 'Card',
  debit: 'Debit card',
  ach: 'Bank transfer (ACH)',
  eft: 'Bank transfer (EFT)',
  paypal: 'PayPal',
  check: 'Check',
  wire: 'Wire transfer',
  cash: 'Cash',
  other: 'Other',
};

/** "1 day", "3 days". */
function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

export const en = {
  /** Disputes: their emails and what statements say of them (en-disputes.ts). */
  ...enDisputes,
  /** The staff console's invitation email (en-staff.ts). */
  ...enStaff,
  /** The staff console's customer actions' emails (en-staff-actions.ts). */
  ...enStaffActions,
  /**
   * A calendar date inside a sentence (an email, a statement line), given as `YYYY-MM-DD` and as the
   * locale writes it. English keeps `2026-12-01`, as its emails always have: the company default `en`
   * names no country, and the ISO form reads the same in New York and in London.
   */
  dateInText: (isoDate: string, _localized: string) => isoDate,
  /** "Amount due: $242.01" */
  labelled: (label: string, value: string) => `${label}: ${value}`,
  /** A payment method by its code; one no catalog knows is shown as it is. */
  method: (method: string) => methods[method] ?? method,
  email: {
    /** `link` is the portal's address (a link in HTML). */
    portal: (link: string) => `Customer portal: ${link}`,
    sentBy: (company: string) => `Sent by ${company}'s customer portal.`,
    signIn: {
      /** What the link opens, as the subject and the first line name it. */
      place: (company: string, audience: 'customer' | 'staff') =>
        audience === 'staff' ? `${company} staff console` : `${company} customer portal`,
      subject: (place: string) => `Your sign-in link for ${place}`,
      intro: (place: string) => `Sign in to the ${place}:`,
      button: 'Sign in',
      codeIntro: 'Or enter this code in the browser where you asked for it:',
      lifetime: (linkMinutes: number, codeMinutes: number) =>
        `The link works for ${linkMinutes} minutes and the code for ${codeMinutes} minutes.`,
      notYou: 'If you did not ask to sign in, ignore this email: nothing happens until the link is used.',
    },
    invoice: {
      subject: (number: string, company: string, amountDue: string, dueDate: string) =>
        `Invoice ${number} from ${company} — ${amountDue} due ${dueDate}`,
      intro: (number: string, company: string, customer: string) =>
        `Invoice ${number} from ${company} for ${customer}.`,
      /** The HTML body's first line: the company is in its header already. */
      heading: (number: string, customer: string) => `Invoice ${number} for ${customer}.`,
      amountDue: 'Amount due',
      dueDate: 'Due date',
      payNow: 'Pay now',
      attached: (dueDate: string, pastDue: boolean) =>
        `The invoice is attached as a PDF. Payment ${pastDue ? 'was' : 'is'} due on ${dueDate}.`,
      payLinkNote: (days: number) =>
        `The Pay now link opens this invoice ready to pay, with no sign-in, for ${days} days; it shows only this invoice. Please do not forward this email.`,
      questions: (supportEmail: string) => `Questions about this invoice? Write to ${supportEmail}.`,
    },
    receipt: {
      subject: (receipt: string, company: string, total: string) =>
        `Receipt ${receipt} from ${company}: ${total} received`,
      thanks: (total: string, method: string) => `Thank you. We received your payment of ${total} by ${method}.`,
      receipt: (receipt: string) => `Receipt ${receipt}`,
      fromCredit: (invoice: string) => `${invoice} (your credit)`,
      keptAsCredit: 'Kept as credit on your account',
      surcharge: 'Card surcharge',
      totalCharged: 'Total charged',
      attached: 'The receipt is attached as a PDF.',
    },
    returned: {
      subject: (receipt: string, total: string) => `Your payment ${receipt} of ${total} was returned by your bank`,
      body: (total: string, receipt: string) => `Your bank returned your payment of ${total} (receipt ${receipt}).`,
      reopened: (invoices: string) => `The invoices it paid are open again: ${invoices}.`,
      payAgain: 'Please pay them again in the portal, or contact us if you think this is a mistake.',
    },
    refunded: {
      subject: (amount: string, receipt: string) => `We refunded ${amount} of your payment ${receipt}`,
      body: (amount: string, receipt: string) =>
        `We refunded ${amount} of your payment ${receipt} to the account or card you paid with.`,
      whole:
        'The invoices it was for had been paid or cancelled by the time the money arrived, so none of it was applied.',
      part: 'Part of it could not be applied: the invoices you chose had less left to pay by the time the money arrived.',
      when: 'It usually shows there within 5 to 10 business days.',
    },
    /** Payment reminders (dunning), and the words the promise emails share with them. */
    reminder: {
      /** One invoice; `daysPastDue` negative: days until it is due. */
      subjectOne: (number: string, amount: string, dueDate: string, daysPastDue: number) =>
        daysPastDue > 0
          ? `Payment reminder: invoice ${number} is ${days(daysPastDue)} past due (${amount})`
          : daysPastDue === 0
            ? `Reminder: invoice ${number} (${amount}) is due today`
            : `Reminder: invoice ${number} (${amount}) is due on ${dueDate}`,
      /** Several invoices: the totals past due and not yet past due ('' for none); `comingWhen` from `dueBy`. */
      subjectMany: (count: number, pastDue: string, comingDue: string, comingWhen: string) =>
        pastDue
          ? `Payment reminder: ${count} invoices, ${pastDue} past due${comingDue ? ` and ${comingDue} ${comingWhen}` : ''}`
          : `Reminder: ${count} invoices, ${comingDue} ${comingWhen}`,
      /** When the invoices not yet past due are due: by the last one's date, or today. */
      dueBy: (dueDate: string, today: boolean) => (today ? 'due today' : `due by ${dueDate}`),
      intro: (count: number, pastDueCount: number, allDueToday: boolean) =>
        pastDueCount === 0
          ? `A friendly reminder: ${count === 1 ? 'the invoice below is' : 'the invoices below are'} ${allDueToday ? 'due today' : 'coming due'}.`
          : pastDueCount === count
            ? `Our records show that ${count === 1 ? 'the invoice below is' : 'the invoices below are'} past due.`
            : `Our records show that ${pastDueCount === 1 ? 'one of the invoices below is' : `${pastDueCount} of the invoices below are`} past due.`,
      /** The heading of one customer's invoices. */
      account: (customer: string) => `For ${customer}`,
      invoice: 'Invoice',
      dueDate: 'Due date',
      amount: 'To pay',
      pay: 'Pay',
      total: 'Total to pay',
      /** How an invoice stands against its due date: "3 days past due", "today", "in 3 days". */
      timing: (daysPastDue: number) =>
        daysPastDue > 0
          ? `${days(daysPastDue)} past due`
          : daysPastDue === 0
            ? 'today'
            : daysPastDue === -1
              ? 'tomorrow'
              : `in ${days(-daysPastDue)}`,
      /** An invoice in the plain-text email; `timing` from `timing`. */
      line: (number: string, amount: string, dueDate: string, timing: string) =>
        `${number}: ${amount}, due ${dueDate} (${timing})`,
      disputed: (amount: string) =>
        `${amount} of this invoice is in dispute: it is not asked for until the dispute is settled.`,
      payLinks: 'Each Pay link opens its invoice ready to pay, with no sign-in. Please do not forward this email.',
      /** The link to the portal's past-due list (it signs the reader in). */
      portal: (anyPastDue: boolean) => (anyPastDue ? 'See all your past-due invoices' : 'Open the customer portal'),
      alreadyPaid: 'If you have paid since, thank you: a payment can take a few days to reach us.',
      questions: (supportEmail: string) => `Questions, or something wrong? Write to ${supportEmail}.`,
    },
    /** Promises to pay: what the customer is told when making one, before its date and when it is missed. */
    promise: {
      promised: (amount: string, date: string, customer: string) =>
        `You promised to pay ${amount} by ${date} for ${customer}.`,
      thanks: 'Thank you.',
      /** The label before the invoices' numbers. */
      invoices: (count: number) => (count === 1 ? 'Invoice' : 'Invoices'),
      balance: 'Left to pay',
      totalBalance: 'Total left to pay',
      confirmation: {
        subject: (amount: string, date: string) => `Your promise to pay ${amount} by ${date} is recorded`,
        paused: (count: number, until: string, remind: string, date: string) =>
          `Reminders for ${count === 1 ? 'this invoice' : 'these invoices'} stop until ${until}; we will remind you on ${remind} and on ${date}.`,
        later: 'If the money has not arrived by then, reminders start again.',
        manage: 'You can see your promise, or cancel it, in the customer portal.',
      },
      reminder: {
        subject: (remaining: string, date: string, onTheDay: boolean) =>
          onTheDay
            ? `Reminder: ${remaining} to pay today, as promised`
            : `Reminder: ${remaining} to pay tomorrow, ${date}, as promised`,
        progress: (paid: string, remaining: string) => `We have received ${paid} so far; ${remaining} is left to pay.`,
        pay: (remaining: string) => `Pay ${remaining}`,
        payLink: (count: number) =>
          `The Pay link opens ${count === 1 ? 'this invoice' : 'these invoices'} ready to pay, with no sign-in. Please do not forward this email.`,
      },
      missed: {
        /** `paid`: what was received, '' for nothing. */
        subject: (amount: string, date: string, paid: string) =>
          paid
            ? `We received ${paid} of the ${amount} you promised by ${date}`
            : `We have not received the ${amount} you promised by ${date}`,
        outcome: (paid: string) => (paid ? `We received ${paid} of it: thank you.` : 'We have not received it.'),
        resumed: (count: number) =>
          `Reminders for ${count === 1 ? 'this invoice' : 'these invoices'} start again. What is left to pay:`,
        needTime: (supportEmail: string) =>
          `If you need more time, or think this is a mistake, write to ${supportEmail}.`,
      },
      /** To the collector. */
      brokenNotice: {
        subject: (customer: string, amount: string, date: string, paid: string) =>
          paid
            ? `Promise partly kept: ${customer} paid ${paid} of the ${amount} promised by ${date}`
            : `Promise broken: ${customer} did not pay the ${amount} promised by ${date}`,
        body: (customer: string, amount: string, date: string) => `${customer} promised to pay ${amount} by ${date}.`,
        outcome: (paid: string) =>
          paid
            ? `By the end of the grace days, ${paid} had been paid.`
            : 'By the end of the grace days, nothing had been paid.',
        madeBy: (who: string) => `The promise was made by ${who}.`,
        resumed: 'Reminders for its invoices have started again, and the customer has been told.',
      },
    },
  },
  pdf: {
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    continued: (document: string) => `${document} (continued)`,
    payOnline: (url: string) => `Pay online: ${url}`,
    amount: 'Amount',
    date: 'Date',
    invoice: {
      document: (number: string) => `Invoice ${number}`,
      subject: (number: string, customer: string) => `Invoice ${number} for ${customer}`,
      title: 'INVOICE',
      number: 'Invoice number',
      issueDate: 'Issue date',
      dueDate: 'Due date',
      poNumber: 'PO number',
      status: 'Status',
      /** The status fact beside the title. */
      statusFact: (status: InvoiceStatus, daysPastDue: number) =>
        ({
          open: 'Open',
          past_due: `Past due, ${daysPastDue} ${daysPastDue === 1 ? 'day' : 'days'}`,
          disputed: 'In dispute',
          paid: 'Paid',
          void: 'Void',
        })[status],
      /** The stamp under the facts (and the watermark of a paid or void invoice). */
      stamp: (status: Exclude<InvoiceStatus, 'open'>) =>
        ({ past_due: 'PAST DUE', disputed: 'DISPUTED', paid: 'PAID', void: 'VOID' })[status],
      billTo: 'Bill to',
      amountDue: 'AMOUNT DUE',
      dueBy: (dueDate: string) => `Due ${dueDate}`,
      description: 'Description',
      sku: 'SKU',
      quantity: 'Qty',
      unitPrice: 'Unit price',
      tax: 'Tax',
      subtotal: 'Subtotal',
      total: 'Total',
      paid: 'Paid',
      credited: 'Credited',
      balanceDue: 'Balance due',
      processing: (amount: string, receipt: string, since: string) =>
        `A payment of ${amount} (receipt ${receipt}) has been processing since ${since}`,
      leftToPay: (processing: string, payable: string) => `${processing}; ${payable} is left to pay.`,
      nothingMoreDue: (processing: string) => `${processing}. Nothing more is due unless it fails.`,
      nothingToPay: 'Nothing to pay',
      voided: 'This invoice has been voided.',
      paidInFull: 'Paid in full',
      thanks: 'Thank you for your payment.',
      paymentProcessing: 'Payment processing',
      whereToPay: 'Where to pay',
      questions: (supportEmail: string) => `Questions about this invoice: ${supportEmail}`,
      paymentsApplied: 'Payments applied',
      receipt: 'Receipt',
      method: 'Method',
      creditsApplied: 'Credits applied',
      creditNote: 'Credit note',
      reason: 'Reason',
    },
    receipt: {
      document: (receipt: string) => `Receipt ${receipt}`,
      subject: (customer: string) => `Payment receipt for ${customer}`,
      title: 'RECEIPT',
      number: 'Receipt number',
      method: 'Method',
      status: 'Status',
      stamp: (status: PaymentStatus) =>
        ({
          succeeded: 'PAID',
          processing: 'PROCESSING',
          pending: 'PENDING',
          failed: 'FAILED',
          refunded: 'REFUNDED',
          returned: 'RETURNED',
        })[status],
      receivedFrom: 'Received from',
      amountPaid: 'AMOUNT PAID',
      paidBy: (email: string) => `Paid by ${email}`,
      appliedTo: 'Applied to',
      invoice: 'Invoice',
      paidFrom: 'Paid from',
      yourCredit: 'Your credit',
      thisPayment: 'This payment',
      appliedToInvoices: 'Applied to invoices',
      lessYourCredit: 'Less your credit',
      keptAsCredit: 'Kept as credit',
      surcharge: 'Card surcharge',
      totalCharged: 'Total charged',
      yourPayments: (url: string) => `Your payments and receipts: ${url}`,
    },
    statement: {
      document: (account: string, from: string, to: string) => `Statement of account: ${account}, ${from} to ${to}`,
      subject: (account: string) => `Statement of account for ${account}`,
      title: 'STATEMENT OF ACCOUNT',
      statementDate: 'Statement date',
      period: 'Period',
      periodOf: (from: string, to: string) => `${from} – ${to}`,
      currency: 'Currency',
      account: 'Account',
      summary: 'ACCOUNT SUMMARY',
      invoiced: 'Invoiced',
      payments: 'Payments',
      credits: 'Credits',
      unappliedCredit: 'Unapplied credit',
      activity: 'Activity',
      aging: (date: string) => `Aging: days past due as of ${date}`,
      daysPastDue: 'Days past due',
      openBalance: 'Open balance',
      /** An aging column: a bucket of days past due, or their total. */
      agingBucket: (bucket: keyof AgingBuckets | 'total') =>
        ({
          current: 'Current',
          days1to30: '1–30 days',
          days31to60: '31–60 days',
          days61to90: '61–90 days',
          over90: '90+ days',
          total: 'Total open',
        })[bucket],
      unappliedNote: (amount: string) => `You have ${amount} of unapplied credit, usable on a later payment.`,
      footer: (account: string) => `Statement for ${account}`,
    },
  },
  /** A statement's lines and headings, as the JSON, the CSV and the PDF give them. */
  statement: {
    date: 'Date',
    type: 'Type',
    reference: 'Reference',
    description: 'Description',
    balance: 'Balance',
    amountIn: (currency: string) => `Amount (${currency})`,
    balanceIn: (currency: string) => `Balance (${currency})`,
    openingBalance: 'Opening balance',
    closingBalance: 'Closing balance',
    lineType: (type: StatementLine['type']) =>
      ({ invoice: 'Invoice', payment: 'Payment', credit: 'Credit note' })[type],
    invoiceLine: (dueDate: string, poNumber: string | null) =>
      poNumber ? `Invoice, PO ${poNumber}, due ${dueDate}` : `Invoice, due ${dueDate}`,
    /** `reference`: a check's or wire's own number from the ERP, the payer's to recognise. */
    paymentLine: (method: string, reference: string | null) =>
      reference ? `Payment by ${method} ${reference}` : `Payment by ${method}`,
    creditLine: (reason: string | null) => (reason ? `Credit note: ${reason}` : 'Credit note'),
  },
};

/**
 * What every locale's catalog is: English's keys, each a string or a function of the same parameters
 * returning a string (English's literal strings widened, so French can say something else).
 */
export type DocumentCatalog = Widened<typeof en>;

type Widened<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => unknown
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : Widened<T[K]>;
};
