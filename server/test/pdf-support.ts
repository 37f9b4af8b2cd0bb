/**
 * What the tests draw PDFs with: one PDF pool for the test process, as the server has one per app.
 * Every test server (helpers.ts) is given it, so a test can fill the pool its downloads use, and the
 * PDF tests render through it with the pool bound in. Idle workers do not keep the process alive.
 */
import type { Db, DbOrTx } from '../src/db/client';
import { invoicePdfFile as invoicePdfFileIn } from '../src/domain/invoices/invoice-document';
import { emailDeliveryHandler as emailDeliveryHandlerIn } from '../src/domain/registry';
import type { Mailer } from '../src/mail/mailer';
import type { InvoicePdfInput, StatementPdfInput } from '../src/pdf/inputs';
import { createPdfPool, type PdfTask } from '../src/pdf/pool';
import { renderInvoicePdf as renderInvoicePdfIn, renderStatementPdf as renderStatementPdfIn } from '../src/pdf/render';

export const testPdfPool = createPdfPool();

export const renderPdf = (task: PdfTask) => testPdfPool.render(task);
export const pdfPoolStats = () => testPdfPool.stats();
export const closePdfPool = () => testPdfPool.close();
export const renderInvoicePdf = (input: InvoicePdfInput) => renderInvoicePdfIn(testPdfPool, input);
export const renderStatementPdf = (input: StatementPdfInput) => renderStatementPdfIn(testPdfPool, input);
export const invoicePdfFile = (
  db: DbOrTx,
  ...rest: Parameters<typeof invoicePdfFileIn> extends [unknown, unknown, ...infer R] ? R : never
) => invoicePdfFileIn(testPdfPool, db, ...rest);
export const emailDeliveryHandler = (db: Db, mailer: Mailer, from: string) =>
  emailDeliveryHandlerIn(db, mailer, from, testPdfPool);
