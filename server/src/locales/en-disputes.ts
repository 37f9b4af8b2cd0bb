/**
 * The words of disputes in English: the emails to the customer at each step of a dispute, the notice to
 * staff, and what a statement says of the amounts in question. Part of the catalog (`en.ts` spreads it in,
 * so `t.dispute` is there for every locale); French in `fr-disputes.ts`. The catalog's rules hold: no `<`
 * or `&`, money and dates come in formatted, and a value the customer or staff wrote comes in escaped
 * where the sentence goes into HTML.
 */
import type { DisputeReason, StatementDispute } from '../contract';

/** Where a dispute's staff notice comes from. */
type NoticeEvent = 'opened' | 'message' | 'withdrawn';

export const enDisputes = {
  dispute: {
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Wrong price',
        quantity: 'Wrong quantity',
        damaged: 'Damaged',
        not_received: 'Not received',
        duplicate: 'Billed twice',
        tax: 'Wrong tax',
        other: 'Something else',
      })[reason],
    /** A dispute not yet decided, as the statement lists it. */
    status: (status: StatementDispute['status']) => ({ open: 'Open', under_review: 'Under review' })[status],
    /** The disputed lines, in the customer's email and the staff notice. */
    lines: {
      line: 'Invoice line',
      reason: 'Reason',
      amount: 'Disputed',
      quantity: 'Quantity in question',
      note: 'Note',
      total: 'Total in dispute',
    },
    /** To the customer, at each step; every one links to the dispute's page. */
    email: {
      view: 'View your dispute',
      viewNote:
        'The View your dispute link signs you in to the customer portal and opens this dispute. Please do not forward this email.',
      opened: {
        subject: (invoice: string) => `Dispute of invoice ${invoice} received`,
        body: (invoice: string, amount: string, customer: string) =>
          `We received your dispute of invoice ${invoice} for ${customer}: ${amount} is in question.`,
        message: 'Your message',
        /** `rest`: what is not in question, to pay now. */
        payRest: (rest: string) =>
          `You can pay the undisputed ${rest} now, from your dispute's page. Until the dispute is settled, our reminders ask only for that.`,
        allDisputed:
          'The whole balance of this invoice is in question: we will not remind you of it until the dispute is settled.',
        next: 'We will look into it and write to you at each step.',
      },
      underReview: {
        subject: (invoice: string) => `Dispute of invoice ${invoice} is under review`,
        /** `staff`: who reviews it, '' when not named. */
        body: (invoice: string, amount: string, staff: string) =>
          `${staff || 'We'} ${staff ? 'is' : 'are'} now reviewing your dispute of invoice ${invoice} (${amount} in question).`,
        next: "We will write to you when it is decided. Meanwhile you can add a message or files on your dispute's page.",
      },
      message: {
        subject: (invoice: string) => `New reply about your dispute of ${invoice}`,
        /** `from`: the staff member's name, else the company's. */
        body: (invoice: string, from: string) => `${from} replied about your dispute of invoice ${invoice}:`,
        answer: "To answer, write on your dispute's page.",
      },
      resolved: {
        subject: (invoice: string, credit: string) => `Dispute of invoice ${invoice} resolved: ${credit} credited`,
        /** `whole`: the credit is the whole amount in question. */
        body: (invoice: string, credit: string, creditNote: string, amount: string, whole: boolean) =>
          whole
            ? `Your dispute of invoice ${invoice} is resolved: we issued credit note ${creditNote} for the ${credit} in question.`
            : `Your dispute of invoice ${invoice} is resolved: we issued credit note ${creditNote} for ${credit} of the ${amount} in question.`,
        note: 'Our note',
      },
      rejected: {
        subject: (invoice: string) => `Dispute of invoice ${invoice} not accepted`,
        body: (invoice: string, amount: string) =>
          `We looked into your dispute of invoice ${invoice} (${amount} in question) and could not accept it.`,
        reason: 'Our reason',
      },
      withdrawn: {
        subject: (invoice: string) => `Dispute of invoice ${invoice} withdrawn`,
        body: (invoice: string, amount: string) =>
          `Your dispute of invoice ${invoice} (${amount} in question) is withdrawn.`,
      },
      /** The invoice's balance once the dispute is decided or withdrawn; `balance` '' when nothing is left. */
      balanceNow: (balance: string) =>
        balance ? `The invoice's balance is now ${balance}.` : 'Nothing is left to pay on this invoice.',
      dueAgain: (balance: string) =>
        balance
          ? `The invoice's balance of ${balance} is asked for in full again.`
          : 'Nothing is left to pay on this invoice.',
    },
    /** To staff: a new dispute, a customer's reply, a withdrawal. No links. */
    notice: {
      subject: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `New dispute: ${customer}, ${invoice}, ${amount}`,
          message: `New reply on a dispute: ${customer}, ${invoice}, ${amount}`,
          withdrawn: `Dispute withdrawn: ${customer}, ${invoice}, ${amount}`,
        })[event],
      body: (event: NoticeEvent, customer: string, invoice: string, amount: string) =>
        ({
          opened: `${customer} disputes ${amount} of invoice ${invoice}.`,
          message: `${customer} wrote about their dispute of invoice ${invoice} (${amount} in question).`,
          withdrawn: `${customer} withdrew their dispute of invoice ${invoice} (${amount} in question). The invoice is no longer in dispute.`,
        })[event],
      contact: 'Contact',
      message: 'Their message',
      attachments: (count: number) => `${count} ${count === 1 ? 'file' : 'files'} attached so far.`,
      console: 'Open the dispute in the staff console to review it, reply or assign it.',
    },
    /** The statement (PDF and CSV): the amounts open disputes put in question, apart from the balance. */
    statement: {
      ofWhichDisputed: 'Of which disputed',
      /** The aging table's second row. */
      disputed: 'Disputed',
      openDisputes: 'Open disputes',
      invoice: 'Invoice',
      amount: 'Disputed amount',
      status: 'Status',
      openedOn: 'Opened on',
      /** A CSV row's description. */
      dispute: 'Dispute',
    },
  },
};
