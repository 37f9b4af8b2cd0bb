/**
 * The invoice as a PDF a customer can file, forward to accounts payable, and pay from.
 * `drawInvoicePdf` lays it out (in a PDF worker thread); `renderInvoicePdf` has a worker do it.
 */
import type { AppliedPayment, InvoiceDetail, InvoiceLine, InvoiceStatus } from '../contract';
import { calendarDate } from '../domain/dates';
import type { CompanySettings } from '../domain/settings';
import { paymentMethodLabel } from '../mail/payment-templates';
import { pdfFormatters, type PdfFormatters } from './format';
import {
  content,
  createPdfDocument,
  drawLetterhead,
  drawParty,
  drawSummary,
  drawTable,
  ensureSpace,
  finishDocument,
  measure,
  palette,
  styles,
  summaryHeight,
  write,
  type Column,
  type SummaryRow,
} from './layout';
import type { InvoicePdfInput } from './inputs';
import { renderPdf } from './pool';

export type { InvoicePdfInput };

const STATUS_LABELS: Record<InvoiceStatus, { text: string; color: string } | null> = {
  open: null,
  past_due: { text: 'PAST DUE', color: palette.negative },
  disputed: { text: 'DISPUTED', color: palette.warning },
  paid: { text: 'PAID', color: palette.positive },
  void: { text: 'VOID', color: palette.muted },
};

/**
 * How the payer knows a payment: by the receipt number they were given. A reference of their own
 * (a check number from the ERP) follows the method; a provider's internal id (`pi_…`, `sbx_…`) is
 * never printed.
 */
function paymentMethod(p: AppliedPayment): string {
  const label = paymentMethodLabel(p.method);
  return (p.method === 'check' || p.method === 'wire') && p.reference ? `${label} ${p.reference}` : label;
}

function statusFact(invoice: InvoiceDetail): string {
  switch (invoice.status) {
    case 'past_due':
      return `Past due, ${invoice.daysPastDue} ${invoice.daysPastDue === 1 ? 'day' : 'days'}`;
    case 'disputed':
      return 'In dispute';
    default:
      return invoice.status.charAt(0).toUpperCase() + invoice.status.slice(1);
  }
}

function lineColumns(fmt: PdfFormatters): Column<InvoiceLine>[] {
  // Amount last, so the column adds up to the subtotal printed right below it.
  return [
    { header: 'Description', width: 'fill', value: (l) => l.description },
    { header: 'SKU', width: 72, value: (l) => l.sku ?? '' },
    { header: 'Qty', width: 38, align: 'right', value: (l) => fmt.quantity(l.quantity) },
    { header: 'Unit price', width: 70, align: 'right', value: (l) => fmt.money(l.unitPrice) },
    { header: 'Tax', width: 62, align: 'right', value: (l) => fmt.money(l.tax) },
    { header: 'Amount', width: 76, align: 'right', value: (l) => fmt.money(l.amount) },
  ];
}

/** A voided invoice keeps its ledger balance, but nothing on it is owed any more. */
function amountDue(invoice: InvoiceDetail): number {
  return invoice.status === 'void' ? 0 : invoice.balance;
}

function totalsRows(invoice: InvoiceDetail, fmt: PdfFormatters): SummaryRow[] {
  const less = (minor: number) => fmt.money(minor === 0 ? 0 : -minor);
  return [
    { label: 'Subtotal', value: fmt.money(invoice.subtotal) },
    { label: 'Tax', value: fmt.money(invoice.taxTotal) },
    { label: 'Total', value: fmt.money(invoice.total), kind: 'total' },
    { label: 'Paid', value: less(invoice.amountPaid) },
    { label: 'Credited', value: less(invoice.amountCredited) },
    { label: 'Balance due', value: fmt.money(amountDue(invoice)), kind: 'due' },
  ];
}

/** A payment accepted but not yet settled: what it holds, since when, and what is left to pay. */
function inFlightNote(invoice: InvoiceDetail, company: CompanySettings, fmt: PdfFormatters): string {
  const flight = invoice.inFlight;
  if (!flight) return '';
  const since = fmt.date(calendarDate(new Date(flight.since), company.timeZone));
  const what = `A payment of ${fmt.money(flight.amount)} (receipt ${flight.receiptNumber}) has been processing since ${since}`;
  return invoice.payable > 0
    ? `${what}; ${fmt.money(invoice.payable)} is left to pay.`
    : `${what}. Nothing more is due unless it fails.`;
}

/** "Where to pay" beside the totals: the two things a payer needs at the same glance. */
function paymentNote(
  invoice: InvoiceDetail,
  company: CompanySettings,
  fmt: PdfFormatters,
): { heading: string; body: string[] } | null {
  if (invoice.status === 'void') return { heading: 'Nothing to pay', body: ['This invoice has been voided.'] };
  if (invoice.balance <= 0) return { heading: 'Paid in full', body: ['Thank you for your payment.'] };
  const processing = inFlightNote(invoice, company, fmt);
  if (processing && invoice.payable <= 0) return { heading: 'Payment processing', body: [processing] };
  const body = [processing, company.paymentInstructions, company.portalUrl ? `Pay online: ${company.portalUrl}` : ''];
  if (company.supportEmail) body.push(`Questions about this invoice: ${company.supportEmail}`);
  const lines = body.filter(Boolean);
  return lines.length ? { heading: 'Where to pay', body: lines } : null;
}

function drawTotalsAndPayment(doc: PDFKit.PDFDocument, input: InvoicePdfInput, fmt: PdfFormatters, y: number) {
  const rows = totalsRows(input.invoice, fmt);
  const note = paymentNote(input.invoice, input.company, fmt);
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
  const fmt = pdfFormatters(input.locale, invoice.currency);
  const status = STATUS_LABELS[invoice.status];
  const doc = createPdfDocument({
    title: `Invoice ${invoice.number}`,
    author: company.companyName,
    subject: `Invoice ${invoice.number} for ${customer.name}`,
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
    title: 'INVOICE',
    facts: [
      { label: 'Invoice number', value: invoice.number },
      { label: 'Issue date', value: fmt.date(invoice.issueDate) },
      { label: 'Due date', value: fmt.date(invoice.dueDate) },
      ...(invoice.poNumber ? [{ label: 'PO number', value: invoice.poNumber }] : []),
      { label: 'Status', value: statusFact(invoice), color: status?.color },
    ],
    stamp: status ?? undefined,
  });

  const halfWidth = content.width(doc) / 2 - 18;
  const billToBottom = drawParty(
    doc,
    { label: 'Bill to', name: customer.name, address: customer.billingAddress },
    content.left,
    y,
    halfWidth,
  );
  const dueX = content.right(doc) - halfWidth;
  write(doc, 'AMOUNT DUE', dueX, y, styles.label, { width: halfWidth, align: 'right' });
  const due = amountDue(invoice);
  write(doc, fmt.money(due), dueX, y + 12, { ...styles.title, size: 20 }, { width: halfWidth, align: 'right' });
  const dueBy = due > 0 ? `Due ${fmt.date(invoice.dueDate)}` : '';
  const dueBottom = write(doc, dueBy, dueX, y + 38, styles.small, { width: halfWidth, align: 'right' });
  y = Math.max(billToBottom, dueBottom) + 24;

  y = drawTable(doc, { columns: lineColumns(fmt), rows: invoice.lines }, y);
  y = drawTotalsAndPayment(doc, input, fmt, y);

  if (invoice.payments.length) {
    y = drawTable(
      doc,
      {
        caption: 'Payments applied',
        rows: invoice.payments,
        columns: [
          { header: 'Date', width: 100, value: (p) => fmt.date(p.date) },
          { header: 'Receipt', width: 110, value: (p) => p.receiptNumber },
          { header: 'Method', width: 'fill', value: paymentMethod },
          { header: 'Amount', width: 100, align: 'right', value: (p) => fmt.money(p.amount) },
        ],
      },
      y + 28,
    );
  }
  if (invoice.credits.length) {
    drawTable(
      doc,
      {
        caption: 'Credits applied',
        rows: invoice.credits,
        columns: [
          { header: 'Date', width: 100, value: (c) => fmt.date(c.date) },
          { header: 'Credit note', width: 110, value: (c) => c.number },
          { header: 'Reason', width: 'fill', value: (c) => c.reason },
          { header: 'Amount', width: 100, align: 'right', value: (c) => fmt.money(c.amount) },
        ],
      },
      y + 28,
    );
  }

  finishDocument(doc, {
    footer: `${company.companyName} · Invoice ${invoice.number} · ${customer.name}`,
    runningHead: `Invoice ${invoice.number} (continued)`,
  });
  return doc;
}

/** The invoice PDF, drawn by a PDF worker off the event loop. */
export function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  return renderPdf({ kind: 'invoice', input });
}
