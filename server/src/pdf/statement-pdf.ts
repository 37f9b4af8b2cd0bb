/**
 * The statement of account: what happened on the account in a period, and what is owed now.
 * `drawStatementPdf` lays it out (in a PDF worker thread); `renderStatementPdf` has a worker do it.
 */
import type { AgingBuckets, Statement, StatementDispute, StatementLine } from '../contract';
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
  styles,
  write,
  type SummaryRow,
} from './layout';
import { drawTable, type Column } from './table';
import type { StatementPdfInput } from './inputs';

export type { StatementPdfInput };

/** Statement lines between an opening and a closing balance row. */
type ActivityRow = ({ kind: 'line' } & StatementLine) | { kind: 'opening' | 'closing'; date: string; balance: number };

function activityColumns(fmt: PdfFormatters, t: DocumentCatalog): Column<ActivityRow>[] {
  const words = t.statement;
  return [
    { header: words.date, width: 74, value: (r) => fmt.date(r.date) },
    { header: words.type, width: 60, value: (r) => (r.kind === 'line' ? words.lineType(r.type) : '') },
    // Wide enough for a receipt number (R- and ten characters) on one line.
    { header: words.reference, width: 92, value: (r) => (r.kind === 'line' ? r.reference : '') },
    {
      header: words.description,
      width: 'fill',
      value: (r) =>
        r.kind === 'line' ? r.description : r.kind === 'opening' ? words.openingBalance : words.closingBalance,
    },
    { header: t.pdf.amount, width: 82, align: 'right', value: (r) => (r.kind === 'line' ? fmt.money(r.amount) : '') },
    { header: words.balance, width: 86, align: 'right', value: (r) => fmt.money(r.balance) },
  ];
}

function summaryRows(statement: Statement, fmt: PdfFormatters, t: DocumentCatalog): SummaryRow[] {
  const words = t.pdf.statement;
  const less = (minor: number) => fmt.money(minor === 0 ? 0 : -minor);
  return [
    { label: t.statement.openingBalance, value: fmt.money(statement.openingBalance) },
    { label: words.invoiced, value: fmt.money(statement.totals.invoiced) },
    { label: words.payments, value: less(statement.totals.paid) },
    { label: words.credits, value: less(statement.totals.credited) },
    { label: t.statement.closingBalance, value: fmt.money(statement.closingBalance), kind: 'due' },
    // Part of the closing balance, not asked for while in dispute: shown apart, under it.
    ...(statement.disputed.total > 0
      ? [{ label: t.dispute.statement.ofWhichDisputed, value: fmt.money(statement.disputed.total) }]
      : []),
    { label: words.unappliedCredit, value: fmt.money(statement.unappliedCredit) },
  ];
}

const agingOrder = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

/** A row of the aging table: its label, each bucket's amount, their total. */
function agingRow(label: string, aging: AgingBuckets, fmt: PdfFormatters): string[] {
  const total = agingOrder.reduce((sum, bucket) => sum + aging[bucket], 0);
  return [label, ...agingOrder.map((bucket) => fmt.money(aging[bucket])), fmt.money(total)];
}

function drawAging(
  doc: PDFKit.PDFDocument,
  statement: Statement,
  fmt: PdfFormatters,
  t: DocumentCatalog,
  y: number,
): number {
  const words = t.pdf.statement;
  const headers = [
    words.daysPastDue,
    ...agingOrder.map((bucket) => words.agingBucket(bucket)),
    words.agingBucket('total'),
  ];
  const rows = [agingRow(words.openBalance, statement.aging, fmt)];
  // The disputed part of each bucket, under the open balance it is part of.
  if (statement.disputed.total > 0) rows.push(agingRow(t.dispute.statement.disputed, statement.disputed.aging, fmt));
  return drawTable<string[]>(
    doc,
    {
      caption: words.aging(fmt.date(statement.to)),
      rows,
      columns: headers.map((header, i) => ({
        header,
        width: i === 0 ? 96 : 'fill',
        align: i === 0 ? 'left' : 'right',
        value: (row) => row[i]!,
      })),
    },
    y,
  );
}

/** The open disputes: which invoice, how much is in question, where it stands, since when. */
function drawOpenDisputes(
  doc: PDFKit.PDFDocument,
  items: readonly StatementDispute[],
  fmt: PdfFormatters,
  t: DocumentCatalog,
  y: number,
): number {
  const words = t.dispute.statement;
  const columns: Column<StatementDispute>[] = [
    { header: words.invoice, width: 'fill', value: (d) => d.invoiceNumber },
    { header: words.openedOn, width: 96, value: (d) => fmt.date(d.openedOn) },
    { header: words.status, width: 110, value: (d) => t.dispute.status(d.status) },
    { header: words.amount, width: 110, align: 'right', value: (d) => fmt.money(d.amount) },
  ];
  // A short list stays on one page rather than leave a row or two on the next: caption, header, ~20 pt a row.
  y = ensureSpace(doc, y, 40 + 20 * Math.min(items.length, 5));
  return drawTable(doc, { caption: words.openDisputes, columns, rows: items }, y);
}

/** Lays out the statement; the caller pipes the document. Runs in a PDF worker (see pool.ts). */
export function drawStatementPdf(input: StatementPdfInput): PDFKit.PDFDocument {
  const { statement } = input;
  const { account, company } = statement;
  const fmt = pdfFormatters(input.locale, statement.currency);
  const t = catalogFor(input.locale);
  const words = t.pdf.statement;
  const period = words.periodOf(fmt.date(statement.from), fmt.date(statement.to));
  const doc = createPdfDocument({
    title: words.document(account.name, statement.from, statement.to),
    author: company.name,
    subject: words.subject(account.name),
    createdOn: statement.to,
    locale: fmt.locale,
  });

  let y = drawLetterhead(doc, {
    company: { name: company.name, address: company.address, logo: input.logo },
    title: words.title,
    facts: [
      { label: words.statementDate, value: fmt.date(statement.to) },
      { label: words.period, value: period },
      { label: words.currency, value: statement.currency },
    ],
  });

  const summaryWidth = 230;
  const partyWidth = content.width(doc) - summaryWidth - 36;
  const partyBottom = drawParty(
    doc,
    { label: words.account, name: account.name, address: account.billingAddress },
    content.left,
    y,
    partyWidth,
  );
  const summaryX = content.right(doc) - summaryWidth;
  write(doc, words.summary, summaryX + 6, y, styles.label, { width: summaryWidth });
  const rows = summaryRows(statement, fmt, t);
  const summaryBottom = drawSummary(doc, rows, summaryX, y + 10, summaryWidth);
  y = Math.max(partyBottom, summaryBottom) + 28;

  const activity: ActivityRow[] = [
    { kind: 'opening', date: statement.from, balance: statement.openingBalance },
    ...statement.lines.map((l) => ({ kind: 'line' as const, ...l })),
    { kind: 'closing', date: statement.to, balance: statement.closingBalance },
  ];
  y = drawTable(
    doc,
    { caption: words.activity, columns: activityColumns(fmt, t), rows: activity, isStrong: (r) => r.kind !== 'line' },
    y,
  );

  y = drawAging(doc, statement, fmt, t, y + 28);
  if (statement.disputed.items.length) y = drawOpenDisputes(doc, statement.disputed.items, fmt, t, y + 28);
  if (statement.unappliedCredit > 0) {
    const note = words.unappliedNote(fmt.money(statement.unappliedCredit));
    y = ensureSpace(doc, y + 12, 14);
    y = write(doc, note, content.left, y, styles.small, { width: content.width(doc) });
  }
  if (input.portalUrl) {
    const text = t.pdf.payOnline(input.portalUrl);
    y = ensureSpace(doc, y + 12, 14);
    write(doc, text, content.left, y, styles.body, { width: content.width(doc), link: input.portalUrl });
  }

  finishDocument(doc, {
    footer: `${company.name} · ${words.footer(account.name)} · ${period}`,
    runningHead: t.pdf.continued(words.footer(account.name)),
    page: t.pdf.page,
  });
  return doc;
}
