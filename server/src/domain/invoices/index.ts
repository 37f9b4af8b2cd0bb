/**
 * Invoices: what a customer owes and sees. Accounts and their summaries, the invoice list and detail,
 * statements, the invoice document (its PDF) and invoice delivery (the ERP's "send this invoice").
 *
 * This module is the slice's entry: the rest of the server imports invoices from here only.
 */
export { accountSummaries, unappliedCredit } from './accounts';
export {
  collectorRecipients,
  easyPayReturnTo,
  queueInvoiceSend,
  recipientsOf,
  requestInvoiceSend,
  SEND_INVOICE,
  sendInvoiceHandler,
  targetSegment,
} from './invoice-delivery';
export { invoicePdfFile, sessionInvoiceDocument } from './invoice-document';
export { invoiceDetail } from './invoice-detail';
export { accountFor, listInvoices } from './invoices';
export { invoiceStatus } from './status';
export { buildStatement } from './statement';
