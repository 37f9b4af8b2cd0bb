/**
 * The English words of `<ar-dispute-editor>`: choosing the lines in question, why and how much, the
 * message and the files, and paying the undisputed rest (also Easy Pay's note on a disputed invoice).
 * Part of the lazy elements' words (`en-views.ts`).
 */
import type { DisputeReason } from '../internal/types.js';

/** "INV-1", "INV-1 and INV-2", "INV-1, INV-2 and INV-3". */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const enDisputeEditor = {
  disputeEditor: {
    heading: (invoice: string) => `Dispute invoice ${invoice}`,
    intro: 'Tick the lines you question, and say why and how much. We tell the company at once.',
    loading: (invoice: string) => `Loading invoice ${invoice}…`,
    loadFailed: 'We could not load the dispute form.',
    signedOut: 'Sign in to dispute an invoice.',
    noInvoice: 'No invoice chosen: open the dispute form from an invoice.',
    oneAtATime: (invoice: string, others: readonly string[]) =>
      `A dispute is about one invoice: this one is for ${invoice}. Dispute ${listOf(others)} afterwards, the same way.`,
    alreadyDisputed: (invoice: string, amount: string) =>
      `Invoice ${invoice} is already under dispute (${amount} in question).`,
    alreadyHint: 'Add to it on the dispute’s page: reply there, or attach more files.',
    seeDispute: 'See the dispute',
    nothingToDispute: (invoice: string, status: 'paid' | 'void') =>
      status === 'void'
        ? `Nothing to dispute: invoice ${invoice} is void.`
        : `Nothing to dispute: invoice ${invoice} is paid in full.`,
    noLinesOnInvoice: 'This invoice has no lines to dispute. Contact us instead.',
    balance: (amount: string) => `Balance due ${amount}`,
    linesLegend: 'The lines in question',
    lineOf: (quantity: string, unitPrice: string, amount: string) => `${quantity} × ${unitPrice} = ${amount}`,
    disputeLine: 'Dispute this line',
    reasonLabel: 'Reason',
    /** Also `<ar-dispute>`'s, beside each line in question. */
    reason: (reason: DisputeReason) =>
      ({
        pricing: 'Wrong price',
        quantity: 'Wrong quantity',
        damaged: 'Damaged',
        not_received: 'Not received',
        duplicate: 'Billed twice',
        tax: 'Wrong tax',
        other: 'Other',
      })[reason],
    reasonChoose: 'Choose a reason',
    reasonEmpty: 'Choose why you dispute this line.',
    quantityLabel: 'Quantity (optional)',
    quantityHint: (most: string) => `How many are in question: at most ${most}.`,
    quantityInvalid: 'Enter a quantity like 2 or 2.5 (at most 3 decimals), or leave it empty.',
    quantityTooHigh: (most: string) => `Enter at most the line’s quantity, ${most}.`,
    amountLabel: 'Amount disputed',
    amountHint: (most: string) => `At most the line’s amount with its tax, ${most}.`,
    amountTooHigh: (most: string) => `Enter at most the line’s amount with its tax, ${most}.`,
    noteLabel: 'Note on this line (optional)',
    noLines: 'Tick at least one line you dispute.',
    messageLabel: (company: string) => `Your message to ${company}`,
    theCompany: 'the company',
    messageHint: 'What is wrong, in your own words.',
    messageEmpty: 'Write a message saying what is wrong.',
    filesLabel: 'Photos or documents (optional)',
    filesHint: 'Images or PDFs: at most 5 files, 10 MB each.',
    filesCaption: 'Files to attach',
    removeFile: (name: string) => `Remove ${name}`,
    fileType: (name: string) => `${name} is not an image or a PDF, so it was not added.`,
    fileTooLarge: (name: string, size: string) => `${name} is ${size}: a file can be at most 10 MB.`,
    tooManyFiles: (names: readonly string[]) => `At most 5 files: ${listOf(names)} not added.`,
    disputed: (amount: string) => `Disputed: ${amount}`,
    rest: (amount: string) => `Undisputed rest: ${amount}`,
    overBalance: (balance: string) =>
      `That is more than the invoice’s balance, ${balance}. Lower the amounts in question.`,
    submit: (amount: string) => `Open a dispute for ${amount}`,
    submitting: 'Opening the dispute…',
    uploading: (index: number, count: number) => `Attaching file ${index} of ${count}…`,
    failed: 'We could not open the dispute.',
    errors: {
      dispute_amount_too_large:
        'An amount or quantity is more than its line, or the total is more than the balance. We updated the invoice.',
      invoice_disputed: 'This invoice is already under dispute. We updated the form.',
      invoice_not_disputable: 'This invoice was paid or voided meanwhile. We updated the form.',
      dispute_line_invalid: 'One of these lines is no longer on the invoice. We updated the form.',
      not_found: 'We can’t find this invoice on your account.',
      invalid_request: 'Part of the form was not accepted. Check the amounts and the message.',
    },
    uploadFailed: (name: string) => `Your dispute is open, but we could not attach ${name}.`,
    uploadErrors: {
      attachment_type_unsupported: 'Its content is not an image or a PDF.',
      attachment_too_large: 'It is larger than 10 MB.',
      attachment_limit: 'The dispute already has 5 files.',
      dispute_not_open: 'The dispute is no longer open.',
    },
    retryUpload: 'Try again',
    skipUpload: 'Skip this file',
    createdHeading: 'Dispute opened',
    created: (amount: string, invoice: string) => `You dispute ${amount} of invoice ${invoice}.`,
    told: (company: string) => `We have told ${company}; you will get an email at each step.`,
    attached: (count: number) => (count === 1 ? '1 file attached.' : `${count} files attached.`),
    skipped: (names: readonly string[]) => `Not attached: ${listOf(names)}. Add files on the dispute’s page.`,
    payRest: (amount: string) => `Pay the undisputed ${amount} now`,
    /** Easy Pay's row of an invoice under dispute: its default amount leaves the disputed part out. */
    payingRest: (amount: string) => `${amount} disputed — paying the undisputed rest`,
  },
};
