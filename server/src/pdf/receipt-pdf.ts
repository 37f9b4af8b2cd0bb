/**
 * The payment receipt of a stored payment: its data read here, on the main thread, and the PDF drawn
 * by a PDF worker (receipt-page.ts, pool.ts).
 */
import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { DbOrTx } from '../db/client';
import { customers } from '../db/schema';
import { paymentView } from '../domain/payments';
import { readerLocale, type Reader } from '../domain/notifications';
import { getSettings } from '../domain/settings';
import type { PdfPool } from './pool';
import type { ReceiptPdfInput } from './inputs';
import { renderReceiptPdf } from './render';

export type { ReceiptPdfInput } from './inputs';

/** What the receipt of a stored payment shows to `reader`, read from the database. */
export async function receiptInput(
  db: DbOrTx,
  paymentId: string,
  reader: Reader = {},
  config?: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
): Promise<ReceiptPdfInput> {
  const payment = await paymentView(db, paymentId);
  const customer = (await db.select().from(customers).where(eq(customers.id, payment.accountId)).get())!;
  const payer = await db.query.payments.findFirst({ where: (t, { eq: is }) => is(t.id, paymentId) });
  const company = await getSettings(db, config);
  return {
    payment,
    company,
    customer: { name: customer.name, billingAddress: customer.billingAddress },
    payerEmail: payer?.payerEmail ?? null,
    locale: await readerLocale(db, reader, payment.accountId, company),
  };
}

/** The receipt of a stored payment (being drawn) for `reader`, with its file name. */
export async function receiptPdf(
  pdf: PdfPool,
  db: DbOrTx,
  paymentId: string,
  reader: Reader = {},
  config?: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>,
): Promise<{ doc: Promise<Buffer>; filename: string }> {
  const input = await receiptInput(db, paymentId, reader, config);
  return { doc: renderReceiptPdf(pdf, input), filename: `Receipt-${input.payment.receiptNumber}.pdf` };
}

/** The receipt PDF as one buffer, for an email attachment to `to`. */
export async function receiptPdfFile(pdf: PdfPool, db: DbOrTx, paymentId: string, to: string) {
  const { doc, filename } = await receiptPdf(pdf, db, paymentId, { email: to });
  return { filename, contentType: 'application/pdf', content: await doc };
}
