/**
 * The statement PDF as an email attachment (staff send it from the console): the statement read here,
 * on the main thread, in the reader's words, and drawn by a PDF worker (statement-pdf.ts).
 */
import type { Config } from '../config';
import type { DbOrTx } from '../db/client';
import type { EmailAttachmentSpec } from '../db/schema';
import { buildStatement } from '../domain/invoices';
import { readerLocale } from '../domain/notifications';
import { getSettings } from '../domain/settings';
import type { PdfPool } from './pool';
import { renderStatementPdf } from './render';

export async function statementPdfFile(
  pdf: PdfPool,
  db: DbOrTx,
  spec: Extract<EmailAttachmentSpec, { type: 'statement_pdf' }>,
  to: string,
  config?: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
) {
  const company = await getSettings(db, config);
  const locale = await readerLocale(db, { email: to }, spec.customerId, company);
  const statement = await buildStatement(db, company, { ...spec, accountId: spec.customerId, locale });
  const content = await renderStatementPdf(pdf, {
    statement,
    logo: company.logo,
    portalUrl: company.portalUrl,
    locale,
  });
  const name = statement.account.name.replace(/\W+/g, '-');
  return { filename: `statement-${name}-${spec.from}-to-${spec.to}.pdf`, contentType: 'application/pdf', content };
}
