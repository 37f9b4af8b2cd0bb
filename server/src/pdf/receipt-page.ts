/** The payment receipt: what was paid, how, and which invoices it settled. Drawn in a PDF worker. */
import type { PaymentAllocationView, PaymentView } from '../contract';
import { calendarDate } from '../domain/dates';
import { methodLabels } from '../mail/payment-templates';
import { pdfFormatters } from './format';
import {
  createPdfDocument,
  content,
  drawLetterhead,
  drawParty,
  drawSummary,
  drawTable,
  ensureSpace,
  finishDocument,
  palette,
  styles,
  summaryHeight,
  write,
  type SummaryRow,
} from './layout';
import type { ReceiptPdfInput } from './inputs';

export type { ReceiptPdfInput };

const STATUS: Record<PaymentView['status'], { text: string; color: string }> = {
  succeeded: { text: 'PAID', color: palette.positive },
  processing: { text: 'PROCESSING', color: palette.warning },
  pending: { text: 'PENDING', color: palette.muted },
  failed: { text: 'FAILED', color: palette.negative },
  refunded: { text: 'REFUNDED', color: palette.muted },
  returned: { text: 'RETURNED', color: palette.negative },
};

/** Lays out the receipt; the caller pipes the document. Runs in a PDF worker (see pool.ts). */
export function drawReceiptPdf(input: ReceiptPdfInput): PDFKit.PDFDocument {
  const { payment, company, customer } = input;
  const fmt = pdfFormatters(input.locale, payment.currency);
  const day = calendarDate(new Date(payment.succeededAt ?? payment.createdAt), company.timeZone);
  const status = STATUS[payment.status];
  const doc = createPdfDocument({
    title: `Receipt ${payment.receiptNumber}`,
    author: company.companyName,
    subject: `Payment receipt for ${customer.name}`,
    createdOn: day,
    locale: fmt.locale,
  });
  let y = drawLetterhead(doc, {
    company: {
      name: company.companyName,
      address: company.companyAddress,
      email: company.supportEmail,
      logo: company.logo,
    },
    title: 'RECEIPT',
    facts: [
      { label: 'Receipt number', value: payment.receiptNumber },
      { label: 'Date', value: fmt.date(day) },
      { label: 'Method', value: methodLabels[payment.method] },
      { label: 'Status', value: status.text, color: status.color },
    ],
    stamp: payment.status === 'succeeded' ? undefined : status,
  });
  const half = content.width(doc) / 2 - 18;
  const partyBottom = drawParty(
    doc,
    { label: 'Received from', name: customer.name, address: customer.billingAddress },
    content.left,
    y,
    half,
  );
  const x = content.right(doc) - half;
  write(doc, 'AMOUNT PAID', x, y, styles.label, { width: half, align: 'right' });
  write(doc, fmt.money(payment.total), x, y + 12, { ...styles.title, size: 20 }, { width: half, align: 'right' });
  const byBottom = input.payerEmail
    ? write(doc, `Paid by ${input.payerEmail}`, x, y + 38, styles.small, { width: half, align: 'right' })
    : y + 38;
  y = Math.max(partyBottom, byBottom) + 24;

  y = drawTable<PaymentAllocationView>(
    doc,
    {
      caption: 'Applied to',
      rows: payment.allocations,
      columns: [
        { header: 'Invoice', width: 'fill', value: (a) => a.number },
        { header: 'Paid from', width: 140, value: (a) => (a.source === 'credit' ? 'Your credit' : 'This payment') },
        { header: 'Amount', width: 110, align: 'right', value: (a) => fmt.money(a.amount) },
      ],
    },
    y,
  );
  const applied = payment.allocations.reduce((sum, a) => sum + a.amount, 0);
  const creditUsed = payment.allocations.filter((a) => a.source === 'credit').reduce((sum, a) => sum + a.amount, 0);
  const rows: SummaryRow[] = [{ label: 'Applied to invoices', value: fmt.money(applied) }];
  if (creditUsed > 0) rows.push({ label: 'Less your credit', value: fmt.money(-creditUsed) });
  if (payment.unapplied > 0) rows.push({ label: 'Kept as credit', value: fmt.money(payment.unapplied) });
  if (payment.surcharge > 0) rows.push({ label: 'Card surcharge', value: fmt.money(payment.surcharge) });
  rows.push({ label: 'Total charged', value: fmt.money(payment.total), kind: 'due' });
  y = ensureSpace(doc, y + 14, summaryHeight(rows));
  y = drawSummary(doc, rows, content.right(doc) - 230, y, 230);
  if (company.portalUrl) {
    const text = `Your payments and receipts: ${company.portalUrl}`;
    y = ensureSpace(doc, y + 18, 14);
    write(doc, text, content.left, y, styles.small, { width: content.width(doc), link: company.portalUrl });
  }

  finishDocument(doc, {
    footer: `${company.companyName} · Receipt ${payment.receiptNumber} · ${customer.name}`,
    runningHead: `Receipt ${payment.receiptNumber} (continued)`,
  });
  return doc;
}
