/**
 * An invoice's detail and PDF outside any request: the PDF attached to an invoice email is rendered
 * by the outbox worker, which has no session. The detail is built through the same `invoiceDetail`
 * the portal uses, under a scope of exactly that invoice's account and that invoice, so the email's
 * PDF is the one the customer downloads.
 */
import { eq } from 'drizzle-orm';
import type { InvoiceDetail } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { customers, invoices } from '../../db/schema';
import { notFound } from '../errors';
import type { Config } from '../../config';
import { renderInvoicePdf } from '../../pdf/render';
import type { PdfPool } from '../../pdf/pool';
import { calendarDate } from '../dates';
import { invoiceDetail } from './invoice-detail';
import { readerLocale, type Reader } from '../notifications';
import type { AuthSession } from '../auth';
import { getSettings, type CompanySettings } from '../settings';

export interface InvoiceDocument {
  invoice: InvoiceDetail;
  company: CompanySettings;
  customer: { name: string; billingAddress: string | null };
  /** The reader's locale: the PDF's words, money and dates. */
  locale: string;
}

/**
 * The invoice as its customer sees it today (in the company's time zone), for `reader`; 404 when
 * there is none.
 */
export async function invoiceDocument(
  db: DbOrTx,
  invoiceId: string,
  now: Date,
  reader: Reader = {},
  config?: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
): Promise<InvoiceDocument> {
  const row = await db
    .select({ customerId: invoices.customerId, name: customers.name, billingAddress: customers.billingAddress })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(eq(invoices.id, invoiceId))
    .get();
  if (!row) throw notFound(`No invoice ${invoiceId}.`);
  const company = await getSettings(db, config);
  // Not a session: the narrowest scope invoiceDetail reads, the invoice's own account and the invoice.
  const scope: AuthSession = {
    id: 'system',
    audience: 'customer',
    email: '',
    name: '',
    role: null,
    staffUserId: null,
    accounts: [{ id: row.customerId, name: row.name }],
    scopeInvoiceIds: [invoiceId],
    linkId: null,
    expiresAt: now,
    signedInAt: now,
  };
  const invoice = await invoiceDetail(db, scope, invoiceId, calendarDate(now, company.timeZone), company.timeZone);
  const locale = await readerLocale(db, reader, row.customerId, company);
  return { invoice, company, customer: { name: row.name, billingAddress: row.billingAddress }, locale };
}

/**
 * One of a session's invoices (by id or number) as its PDF shows it, in the `locale` asked for, else the
 * signed-in contact's; 404 for anything the session may not see.
 */
export async function sessionInvoiceDocument(
  db: DbOrTx,
  session: AuthSession,
  idOrNumber: string,
  now: Date,
  locale?: string,
  config?: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
): Promise<InvoiceDocument> {
  const company = await getSettings(db, config);
  const invoice = await invoiceDetail(db, session, idOrNumber, calendarDate(now, company.timeZone), company.timeZone);
  const customer = (await db
    .select({ name: customers.name, billingAddress: customers.billingAddress })
    .from(customers)
    .where(eq(customers.id, invoice.accountId))
    .get())!;
  return {
    invoice,
    company,
    customer,
    locale: await readerLocale(db, { locale, email: session.email }, invoice.accountId, company),
  };
}

/** The invoice PDF as one buffer, for an email attachment to `reader`; drawn by a PDF worker. */
export async function invoicePdfFile(
  pdf: PdfPool,
  db: DbOrTx,
  invoiceId: string,
  now: Date,
  reader: Reader = {},
  config?: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
) {
  const document = await invoiceDocument(db, invoiceId, now, reader, config);
  // Numbers are the ERP's and may hold `/`; a file name may not.
  const filename = `${document.invoice.number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
  return { filename, contentType: 'application/pdf', content: await renderInvoicePdf(pdf, document) };
}
