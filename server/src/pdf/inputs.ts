/**
 * What each PDF shows: the plain, cloneable input the main thread reads from the database and a PDF
 * worker draws. Types only, apart from the drawing modules and the pool, so that the pool can name
 * its tasks without importing the modules that call it.
 */
import type { InvoiceDetail, PaymentView, Statement } from '../contract';
import type { CompanySettings } from '../domain/settings';

export interface InvoicePdfInput {
  invoice: InvoiceDetail;
  company: CompanySettings;
  customer: { name: string; billingAddress: string | null };
  /** BCP 47 locale of the reader: its words (locales/), money and dates; English and en-US when absent. */
  locale?: string;
}

export interface StatementPdfInput {
  statement: Statement;
  /** The `logo` setting, printed in the letterhead. */
  logo?: string | null;
  /** The `portalUrl` setting: where the account can be paid online. */
  portalUrl?: string;
  /** BCP 47 locale of the reader: its words (locales/), money and dates; English and en-US when absent. */
  locale?: string;
}

export interface ReceiptPdfInput {
  payment: PaymentView;
  company: CompanySettings;
  customer: { name: string; billingAddress: string | null };
  payerEmail: string | null;
  /** BCP 47 locale of the reader: its words (locales/), money and dates; English and en-US when absent. */
  locale?: string;
}

/** One PDF for a worker to draw (render-task.ts). */
export type PdfTask =
  | { kind: 'invoice'; input: InvoicePdfInput }
  | { kind: 'statement'; input: StatementPdfInput }
  | { kind: 'receipt'; input: ReceiptPdfInput };
