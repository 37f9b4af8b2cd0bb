/**
 * The statement of account: what happened on the account in a period, and what is owed now.
 * `drawStatementPdf` lays it out (in a PDF worker thread); `renderStatementPdf` has a worker do it.
 */
import type { Statement, StatementLine } from '../contract';
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
  styles,
  write,
  type Column,
  type SummaryRow,
} from './layout';
import type { StatementPdfInput } from './inputs';
import { renderPdf } from './pool';

export type { StatementPdfInput };

/** Statement lines between an opening and a closing balance row. */
type ActivityRow = ({ kind: 'line' } & StatementLine) | { kind: 'opening' | 'closing'; date: string; balance: number };

const TYPE_LABELS: Record<StatementLine['type'], string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  credit: 'Credit note',
};

function activityColumns(fmt: PdfFormatters): Column<ActivityRow>[] {
  return [
    { header: 'Date', width: 74, value: (r) => fmt.date(r.date) },
    { header: 'Type', width: 60, value: (r) => (r.kind === 'line' ? TYPE_LABELS[r.type] : '') },
    // Wide enough for a receipt number (R- and ten characters) on one line.
    { header: 'Reference', width: 92, value: (r) => (r.kind === 'line' ? r.reference : '') },
    {
      header: 'Description',
      width: 'fill',
      value: (r) => (r.kind === 'line' ? r.description : r.kind === 'opening' ? 'Opening balance' : 'Closing balance'),
    },
    { header: 'Amount', width: 82, align: 'right', value: (r) => (r.kind === 'line' ? fmt.money(r.amount) : '') },
    { header: 'Balance', width: 86, align: 'right', value: (r) => fmt.money(r.balance) },
  ];
}

function summaryRows(statement: Statement, fmt: PdfFormatters): SummaryRow[] {
  const less = (minor: number) => fmt.money(minor === 0 ? 0 : -minor);
  return [
    { label: 'Opening balance', value: fmt.money(statement.openingBalance) },
    { label: 'Invoiced', value: fmt.money(statement.totals.invoiced) },
    { label: 'Payments', value: less(statement.totals.paid) },
    { label: 'Credits', value: less(statement.totals.credited) },
    { label: 'Closing balance', value: fmt.money(statement.closingBalance), kind: 'due' },
    { label: 'Unapplied credit', value: fmt.money(statement.unappliedCredit) },
  ];
}

function drawAging(doc: PDFKit.PDFDocument, statement: Statement, fmt: PdfFormatters, y: number): number {
  const { current, days1to30, days31to60, days61to90, over90 } = statement.aging;
  const buckets: [string, number][] = [
    ['Current', current],
    ['1–30 days', days1to30],
    ['31–60 days', days31to60],
    ['61–90 days', days61to90],
    ['90+ days', over90],
    ['Total open', current + days1to30 + days31to60 + days61to90 + over90],
  ];
  const headers = ['Days past due', ...buckets.map(([header]) => header)];
  const amounts = ['Open balance', ...buckets.map(([, minor]) => fmt.money(minor))];
  return drawTable<string[]>(
    doc,
    {
      caption: `Aging: days past due as of ${fmt.date(statement.to)}`,
      rows: [amounts],
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

/** Lays out the statement; the caller pipes the document. Runs in a PDF worker (see pool.ts). */
export function drawStatementPdf(input: StatementPdfInput): PDFKit.PDFDocument {
  const { statement } = input;
  const { account, company } = statement;
  const fmt = pdfFormatters(input.locale, statement.currency);
  const period = `${fmt.date(statement.from)} – ${fmt.date(statement.to)}`;
  const doc = createPdfDocument({
    title: `Statement of account: ${account.name}, ${statement.from} to ${statement.to}`,
    author: company.name,
    subject: `Statement of account for ${account.name}`,
    createdOn: statement.to,
    locale: fmt.locale,
  });

  let y = drawLetterhead(doc, {
    company: { name: company.name, address: company.address, logo: input.logo },
    title: 'STATEMENT OF ACCOUNT',
    facts: [
      { label: 'Statement date', value: fmt.date(statement.to) },
      { label: 'Period', value: period },
      { label: 'Currency', value: statement.currency },
    ],
  });

  const summaryWidth = 230;
  const partyWidth = content.width(doc) - summaryWidth - 36;
  const partyBottom = drawParty(
    doc,
    { label: 'Account', name: account.name, address: account.billingAddress },
    content.left,
    y,
    partyWidth,
  );
  const summaryX = content.right(doc) - summaryWidth;
  write(doc, 'ACCOUNT SUMMARY', summaryX + 6, y, styles.label, { width: summaryWidth });
  const rows = summaryRows(statement, fmt);
  const summaryBottom = drawSummary(doc, rows, summaryX, y + 10, summaryWidth);
  y = Math.max(partyBottom, summaryBottom) + 28;

  const activity: ActivityRow[] = [
    { kind: 'opening', date: statement.from, balance: statement.openingBalance },
    ...statement.lines.map((l) => ({ kind: 'line' as const, ...l })),
    { kind: 'closing', date: statement.to, balance: statement.closingBalance },
  ];
  y = drawTable(
    doc,
    { caption: 'Activity', columns: activityColumns(fmt), rows: activity, isStrong: (r) => r.kind !== 'line' },
    y,
  );

  y = drawAging(doc, statement, fmt, y + 28);
  if (statement.unappliedCredit > 0) {
    const note = `You have ${fmt.money(statement.unappliedCredit)} of unapplied credit, usable on a later payment.`;
    y = ensureSpace(doc, y + 12, 14);
    y = write(doc, note, content.left, y, styles.small, { width: content.width(doc) });
  }
  if (input.portalUrl) {
    const text = `Pay online: ${input.portalUrl}`;
    y = ensureSpace(doc, y + 12, 14);
    write(doc, text, content.left, y, styles.body, { width: content.width(doc), link: input.portalUrl });
  }

  finishDocument(doc, {
    footer: `${company.name} · Statement for ${account.name} · ${period}`,
    runningHead: `Statement for ${account.name} (continued)`,
  });
  return doc;
}

/** The statement PDF, drawn by a PDF worker off the event loop. */
export function renderStatementPdf(input: StatementPdfInput): Promise<Buffer> {
  return renderPdf({ kind: 'statement', input });
}
