/** The payment receipt: what was paid, how, and which invoices it settled. Drawn in a PDF worker. */
import type { PaymentAllocationView, PaymentView } from '../contract';
import { calendarDate } from '../domain/dates';
import { catalogFor } from '../locales/catalog';
import { pdfFormatters } from './format';
import {
  createPdfDocument,
  content,
  drawLetterhead,
  drawParty,
  drawSummary,
  ensureSpace,
  finishDocument,
  palette,
  styles,
  summaryHeight,
  write,
  type SummaryRow,
} from './layout';
import { drawTable } from './table';
import type { ReceiptPdfInput } from './inputs';

export type { ReceiptPdfInput };

const STATUS_COLORS: Record<PaymentView['status'], string> = {
  succeeded: palette.positive,
  processing: palette.warning,
  pending: palette.muted,
  failed: palette.negative,
  refunded: palette.muted,
  returned: palette.negative,
};

/** Lays out the receipt; the caller pipes the document. Runs in a PDF worker (see pool.ts). */
export function drawReceiptPdf(input: ReceiptPdfInput): PDFKit.PDFDocument {
  const { payment, company, customer } = input;
  const fmt = pdfFormatters(input.locale, payment.currency);
  const t = catalogFor(input.locale);
  const words = t.pdf.receipt;
  const day = calendarDate(new Date(payment.succeededAt ?? payment.createdAt), company.timeZone);
  const status = { text: words.stamp(payment.status), color: STATUS_COLORS[payment.status] };
  const doc = createPdfDocument({
    title: words.document(payment.receiptNumber),
    author: company.companyName,
    subject: words.subject(customer.name),
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
    title: words.title,
    facts: [
      { label: words.number, value: payment.receiptNumber },
      { label: t.pdf.date, value: fmt.date(day) },
      { label: words.method, value: t.method(payment.method) },
      { label: words.status, value: status.text, color: status.color },
    ],
    stamp: payment.status === 'succeeded' ? undefined : status,
  });
  const half = content.width(doc) / 2 - 18;
  const partyBottom = drawParty(
    doc,
    { label: words.receivedFrom, name: customer.name, address: customer.billingAddress },
    content.left,
    y,
    half,
  );
  const x = content.right(doc) - half;
  write(doc, words.amountPaid, x, y, styles.label, { width: half, align: 'right' });
  write(doc, fmt.money(payment.total), x, y + 12, { ...styles.title, size: 20 }, { width: half, align: 'right' });
  const byBottom = input.payerEmail
    ? write(doc, words.paidBy(input.payerEmail), x, y + 38, styles.small, { width: half, align: 'right' })
    : y + 38;
  y = Math.max(partyBottom, byBottom) + 24;

  y = drawTable<PaymentAllocationView>(
    doc,
    {
      caption: words.appliedTo,
      rows: payment.allocations,
      columns: [
        { header: words.invoice, width: 'fill', value: (a) => a.number },
        {
          header: words.paidFrom,
          width: 140,
          value: (a) => (a.source === 'credit' ? words.yourCredit : words.thisPayment),
        },
        { header: t.pdf.amount, width: 110, align: 'right', value: (a) => fmt.money(a.amount) },
      ],
    },
    y,
  );
  const applied = payment.allocations.reduce((sum, a) => sum + a.amount, 0);
  const creditUsed = payment.allocations.filter((a) => a.source === 'credit').reduce((sum, a) => sum + a.amount, 0);
  const rows: SummaryRow[] = [{ label: words.appliedToInvoices, value: fmt.money(applied) }];
  if (creditUsed > 0) rows.push({ label: words.lessYourCredit, value: fmt.money(-creditUsed) });
  if (payment.unapplied > 0) rows.push({ label: words.keptAsCredit, value: fmt.money(payment.unapplied) });
  if (payment.surcharge > 0) rows.push({ label: words.surcharge, value: fmt.money(payment.surcharge) });
  rows.push({ label: words.totalCharged, value: fmt.money(payment.total), kind: 'due' });
  y = ensureSpace(doc, y + 14, summaryHeight(rows));
  y = drawSummary(doc, rows, content.right(doc) - 230, y, 230);
  if (company.portalUrl) {
    const text = words.yourPayments(company.portalUrl);
    y = ensureSpace(doc, y + 18, 14);
    write(doc, text, content.left, y, styles.small, { width: content.width(doc), link: company.portalUrl });
  }

  finishDocument(doc, {
    footer: `${company.companyName} · ${words.document(payment.receiptNumber)} · ${customer.name}`,
    runningHead: t.pdf.continued(words.document(payment.receiptNumber)),
    page: t.pdf.page,
  });
  return doc;
}
