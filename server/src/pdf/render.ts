/**
 * The PDFs as the main thread asks for them: a task handed to the app's pool, drawn by a worker. No
 * PDFKit here: only the workers load the drawing modules (render-task.ts), so the server's main thread
 * and the CLI stay small.
 */
import type { InvoicePdfInput, ReceiptPdfInput, StatementPdfInput } from './inputs';
import type { PdfPool } from './pool';

/** The invoice PDF, drawn by a PDF worker off the event loop. */
export function renderInvoicePdf(pdf: PdfPool, input: InvoicePdfInput): Promise<Buffer> {
  return pdf.render({ kind: 'invoice', input });
}

/** The statement PDF, drawn by a PDF worker off the event loop. */
export function renderStatementPdf(pdf: PdfPool, input: StatementPdfInput): Promise<Buffer> {
  return pdf.render({ kind: 'statement', input });
}

/** The receipt PDF, drawn by a PDF worker off the event loop. */
export function renderReceiptPdf(pdf: PdfPool, input: ReceiptPdfInput): Promise<Buffer> {
  return pdf.render({ kind: 'receipt', input });
}
