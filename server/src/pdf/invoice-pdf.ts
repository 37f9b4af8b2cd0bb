/**
 * The invoice as a PDF a customer can file, forward to accounts payable, and pay from.
 * `drawInvoicePdf` lays it out (in a PDF worker thread); `renderInvoicePdf` has a worker do it.
 */
import type { AppliedPayment, InvoiceDetail, InvoiceLine, InvoiceStatus } from '../contract';
import { calendarDate } from '../domain/dates';
import type { CompanySettings } from '../domain/settings';
import { catalogFor, type DocumentCatalog } from '../locales/catalog';
import { pdfFormatters, type PdfFormatters } from './format';
import {
  content,
  createPdfDocument,
  drawLetterhead,
  drawParty,
  drawSummary,
  ensureSpace,
  finishDocument,
  measure,
  palette,
  styles,
  summaryHeight,
  write,
  type SummaryRow,
} from './layout';
import { drawTable, type Column } from './table';
import type { InvoicePdfInput } from './inputs';

export type { InvoicePdfInput };

/** What the invoice PDF draws with: its input, its formats and its words. */
interface Drawing {
  input: InvoicePdfInput;
  fmt: PdfFormatters;
  t: DocumentCatalog;
}

const STATUS_COLORS: Record<Exclude<InvoiceStatus, 'open'>, string> = {
  past_due: palette.negative,
  disputed: palette.warning,
  paid: palette.positive,
  void: palette.muted,
};

/** The stamp of an invoice that needs one (all but open ones), in the document's words. */
function statusStamp(
  status: InvoiceStatus,
  words: DocumentCatalog['pdf']['invoice'],
): { text: string; color: string } | null {
  return status === 'open' ? null : { text: words.stamp(status), color: STATUS_COLORS[status] };
}

/**
 * How the payer knows a payment: by the receipt number they were given. A reference of their own
 * (a check number from the ERP) follows the method; a provider's internal id (`pi_…`, `sbx_…`) is
 * never printed.
 */
function paymentMethod(p: AppliedPayment, t: DocumentCatalog): string {
  const label = t.method(p.method);
  return (p.method === 'check' || p.method === 'wire') && p.reference ? `${label} ${p.reference}` : label;
}

function lineColumns({ fmt, t }: Drawing): Column<InvoiceLine>[] {
  const words = t.pdf.invoice;
  // Amount last, so the column adds up to the subtotal printed right below it.
  return [
    { header: words.description, width: 'fill', value: (l) => l.description },
    { header: words.sku, width: 72, value: (l) => l.sku ?? '' },
    { header: words.quantity, width: 38, align: 'right', value: (l) => fmt.quantity(l.quantity) },
    { header: words.unitPrice, width: 70, align: 'right', value: (l) => fmt.money(l.unitPrice) },
    { header: words.tax, width: 62, align: 'right', value: (l) => fmt.money(l.tax) },
    { header: t.pdf.amount, width: 76, align: 'right', value: (l) => fmt.money(l.amount) },
  ];
}

/** A voided invoice keeps its ledger balance, but nothing on it is owed any more. */
function amountDue(invoice: InvoiceDetail): number {
  return invoice.status === 'void' ? 0 : invoice.balance;
}

function totalsRows(invoice: InvoiceDetail, { fmt, t }: Drawing): SummaryRow[] {
  const words = t.pdf.invoice;
  const less = (minor: number) => fmt.money(minor === 0 ? 0 : -minor);
  return [
    { label: words.subtotal, value: fmt.money(invoice.subtotal) },
    { label: words.tax, value: fmt.money(invoice.taxTotal) },
    { label: words.total, value: fmt.money(invoice.total), kind: 'total' },
    { label: words.paid, value: less(invoice.amountPaid) },
    { label: words.credited, value: less(invoice.amountCredited) },
    { label: words.balanceDue, value: fmt.money(amountDue(invoice)), kind: 'due' },
  ];
}

/** A payment accepted but not yet settled: what it holds, since when, and what is left to pay. */
function inFlightNote(invoice: InvoiceDetail, company: CompanySettings, { fmt, t }: Drawing): string {
  const flight = invoice.inFlight;
  if (!flight) return '';
  const words = t.pdf.invoice;
  const since = fmt.date(calendarDate(new Date(flight.since), company.timeZone));
  const what = words.processing(fmt.money(flight.amount), flight.receiptNumber, since);
  return invoice.payable > 0 ? words.leftToPay(what, fmt.money(invoice.payable)) : words.nothingMoreDue(what);
}

/** "Where to pay" beside the totals: the two things a payer needs at the same glance. */
function paymentNote(drawing: Drawing): { heading: string; body: string[] } | null {
  const { invoice, company } = drawing.input;
  const words = drawing.t.pdf.invoice;
  if (invoice.status === 'void') return { heading: words.nothingToPay, body: [words.voided] };
  if (invoice.balance <= 0) return { heading: words.paidInFull, body: [words.thanks] };
  const processing = inFlightNote(invoice, company, drawing);
  if (processing && invoice.payable <= 0) return { heading: words.paymentProcessing, body: [processing] };
  const payOnline = company.portalUrl ? drawing.t.pdf.payOnline(company.portalUrl) : '';
  const body = [processing, company.paymentInstructions, payOnline];
  if (company.supportEmail) body.push(words.questions(company.supportEmail));
  const lines = body.filter(Boolean);
  return lines.length ? { heading: words.whereToPay, body: lines } : null;
}

function drawTotalsAndPayment(doc: PDFKit.PDFDocument, drawing: Drawing, y: number) {
  const { input } = drawing;
  const rows = totalsRows(input.invoice, drawing);
  const note = paymentNote(drawing);
  const totalsWidth = 230;
  const noteWidth = content.width(doc) - totalsWidth - 36;
  const noteHeight = note ? 18 + note.body.reduce((h, t) => h + measure(doc, t, styles.body, noteWidth) + 4, 0) : 0;
  y = ensureSpace(doc, y + 14, Math.max(summaryHeight(rows), noteHeight));

  const totalsBottom = drawSummary(doc, rows, content.right(doc) - totalsWidth, y, totalsWidth);
  let noteBottom = y;
  if (note) {
    noteBottom = write(doc, note.heading, content.left, y + 4, styles.heading, { width: noteWidth }) + 4;
    for (const text of note.body) {
      const url = input.company.portalUrl;
      const link = url && text.endsWith(url) ? url : undefined;
      noteBottom = write(doc, text, content.left, noteBottom, styles.body, { width: noteWidth, link }) + 4;
    }
  }
  return Math.max(totalsBottom, noteBottom);
}

/** Lays out the invoice; the caller pipes the document. Runs in a PDF worker (see pool.ts). */
export function drawInvoicePdf(input: InvoicePdfInput): PDFKit.PDFDocument {
  const { invoice, company, customer } = input;
  const drawing: Drawing = { input, fmt: pdfFormatters(input.locale, invoice.currency), t: catalogFor(input.locale) };
  const { fmt, t } = drawing;
  const words = t.pdf.invoice;
  const status = statusStamp(invoice.status, words);
  const doc = createPdfDocument({
    title: words.document(invoice.number),
    author: company.companyName,
    subject: words.subject(invoice.number, customer.name),
    createdOn: invoice.issueDate,
    locale: fmt.locale,
    watermark: invoice.status === 'paid' || invoice.status === 'void' ? (status ?? undefined) : undefined,
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
      { label: words.number, value: invoice.number },
      { label: words.issueDate, value: fmt.date(invoice.issueDate) },
      { label: words.dueDate, value: fmt.date(invoice.dueDate) },
      ...(invoice.poNumber ? [{ label: words.poNumber, value: invoice.poNumber }] : []),
      { label: words.status, value: words.statusFact(invoice.status, invoice.daysPastDue), color: status?.color },
    ],
    stamp: status ?? undefined,
  });

  const halfWidth = content.width(doc) / 2 - 18;
  const billToBottom = drawParty(
    doc,
    { label: words.billTo, name: customer.name, address: customer.billingAddress },
    content.left,
    y,
    halfWidth,
  );
  const dueX = content.right(doc) - halfWidth;
  write(doc, words.amountDue, dueX, y, styles.label, { width: halfWidth, align: 'right' });
  const due = amountDue(invoice);
  write(doc, fmt.money(due), dueX, y + 12, { ...styles.title, size: 20 }, { width: halfWidth, align: 'right' });
  const dueBy = due > 0 ? words.dueBy(fmt.date(invoice.dueDate)) : '';
  const dueBottom = write(doc, dueBy, dueX, y + 38, styles.small, { width: halfWidth, align: 'right' });
  y = Math.max(billToBottom, dueBottom) + 24;

  y = drawTable(doc, { columns: lineColumns(drawing), rows: invoice.lines }, y);
  y = drawTotalsAndPayment(doc, drawing, y);

  if (invoice.payments.length) {
    y = drawTable(
      doc,
      {
        caption: words.paymentsApplied,
        rows: invoice.payments,
        columns: [
          { header: t.pdf.date, width: 100, value: (p) => fmt.date(p.date) },
          { header: words.receipt, width: 110, value: (p) => p.receiptNumber },
          { header: words.method, width: 'fill', value: (p) => paymentMethod(p, t) },
          { header: t.pdf.amount, width: 100, align: 'right', value: (p) => fmt.money(p.amount) },
        ],
      },
      y + 28,
    );
  }
  if (invoice.credits.length) {
    drawTable(
      doc,
      {
        caption: words.creditsApplied,
        rows: invoice.credits,
        columns: [
          { header: t.pdf.date, width: 100, value: (c) => fmt.date(c.date) },
          { header: words.creditNote, width: 110, value: (c) => c.number },
          { header: words.reason, width: 'fill', value: (c) => c.reason },
          { header: t.pdf.amount, width: 100, align: 'right', value: (c) => fmt.money(c.amount) },
        ],
      },
      y + 28,
    );
  }

  finishDocument(doc, {
    footer: `${company.companyName} · ${words.document(invoice.number)} · ${customer.name}`,
    runningHead: t.pdf.continued(words.document(invoice.number)),
    page: t.pdf.page,
  });
  return doc;
}
