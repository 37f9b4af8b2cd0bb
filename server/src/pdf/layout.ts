/**
 * Page furniture shared by the invoice and statement PDFs: the document itself, the letterhead,
 * a table that breaks across pages with its header row repeated, label/value summaries and the
 * "Page 1 of N" footers written once every page exists. Coordinates are PDF points from the top
 * left; every helper takes the `y` to start at and returns the `y` below what it drew.
 */
import PDFDocument from 'pdfkit';
import { pdfText } from './format';
import { logoBytes } from './logo';

export const palette = {
  ink: '#111827',
  muted: '#6b7280',
  rule: '#e5e7eb',
  headerFill: '#f3f4f6',
  accent: '#1e3a5f',
  accentFill: '#eef2f7',
  positive: '#15803d',
  negative: '#b91c1c',
  warning: '#b45309',
} as const;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 50;
/** Room kept free above the bottom margin for the footer. */
const FOOTER_SPACE = 16;
export const CELL_PAD_X = 6;
export const CELL_PAD_Y = 5;

export interface TextStyle {
  font: string;
  size: number;
  color: string;
  /**
   * Letter spacing for small caps labels. Kept under ~0.06 em: wider, and text extraction (search,
   * copy, screen readers) reads "B I L L  TO".
   */
  tracking?: number;
}

export const styles = {
  title: { font: BOLD, size: 22, color: palette.accent },
  companyName: { font: BOLD, size: 14, color: palette.ink },
  heading: { font: BOLD, size: 10.5, color: palette.ink },
  label: { font: BOLD, size: 7.5, color: palette.muted, tracking: 0.4 },
  body: { font: REGULAR, size: 9, color: palette.ink },
  strong: { font: BOLD, size: 9, color: palette.ink },
  small: { font: REGULAR, size: 8.5, color: palette.muted },
  emphasis: { font: BOLD, size: 11.5, color: palette.accent },
} satisfies Record<string, TextStyle>;

type Align = 'left' | 'right' | 'center';

interface WriteOptions {
  width?: number;
  align?: Align;
  link?: string;
}

function applyStyle(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

/** Writes `text` (made WinAnsi-safe) at x, y; returns the y below it. */
export function write(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  options: WriteOptions = {},
): number {
  applyStyle(doc, style);
  const printable = pdfText(text);
  const textOptions: PDFKit.Mixins.TextOptions = {
    width: options.width,
    align: options.align ?? 'left',
    characterSpacing: style.tracking,
    lineGap: 1.5,
    link: options.link,
  };
  doc.text(printable, x, y, textOptions);
  return y + doc.heightOfString(printable, textOptions);
}

/** The height `text` would take in `style` within `width`. */
export function measure(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number): number {
  applyStyle(doc, style);
  return doc.heightOfString(pdfText(text), { width, lineGap: 1.5, characterSpacing: style.tracking });
}

export function rule(
  doc: PDFKit.PDFDocument,
  x1: number,
  x2: number,
  y: number,
  color: string = palette.rule,
  width = 0.75,
) {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
}

export function fillBox(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, color: string) {
  doc.save().rect(x, y, w, h).fill(color).restore();
}

export const content = {
  left: MARGIN,
  top: MARGIN,
  right: (doc: PDFKit.PDFDocument) => doc.page.width - MARGIN,
  width: (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN,
  bottom: (doc: PDFKit.PDFDocument) => doc.page.height - MARGIN - FOOTER_SPACE,
};

/** A new page when `height` more points do not fit below `y`; returns where to draw. */
export function ensureSpace(doc: PDFKit.PDFDocument, y: number, height: number): number {
  if (y + height <= content.bottom(doc)) return y;
  doc.addPage();
  return content.top;
}

/** Letter where it is the standard paper (US, Canada, Mexico, the Philippines…), A4 elsewhere. */
function paperSize(locale: string): 'LETTER' | 'A4' {
  const region = new Intl.Locale(locale).maximize().region;
  return region && ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE'].includes(region) ? 'LETTER' : 'A4';
}

export interface DocumentSetup {
  title: string;
  author: string;
  subject: string;
  /** A calendar date; fixes the PDF's CreationDate (and with it the file ID) so output is reproducible. */
  createdOn: string;
  locale: string;
  /** Large faint diagonal text under every page's content, for PAID and VOID. */
  watermark?: { text: string; color: string };
}

export function createPdfDocument(setup: DocumentSetup): PDFKit.PDFDocument {
  const created = new Date(`${setup.createdOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: paperSize(setup.locale),
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    lang: setup.locale.split('-u-')[0],
    displayTitle: true,
    info: {
      Title: setup.title,
      Author: setup.author,
      Subject: setup.subject,
      Creator: 'Portico',
      // An unparseable date would print as "D:NaN…": let PDFKit use now instead.
      ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
    },
  });
  const watermark = setup.watermark;
  if (watermark) {
    doc.on('pageAdded', () => {
      const { width, height } = doc.page;
      doc.save().rotate(-30, { origin: [width / 2, height / 2] });
      applyStyle(doc, { font: BOLD, size: 110, color: watermark.color });
      doc.fillOpacity(0.07);
      const text = pdfText(watermark.text);
      doc.text(text, width / 2 - doc.widthOfString(text) / 2, height / 2 - 55, { lineBreak: false });
      doc.restore();
    });
  }
  doc.addPage();
  return doc;
}

export interface Letterhead {
  /** `logo`: the `logo` setting, a PNG or JPEG data URL, printed above the name. */
  company: { name: string; address: string; email?: string; logo?: string | null };
  title: string;
  /** Label/value pairs under the title: number, dates, status. */
  facts: { label: string; value: string; color?: string }[];
  /** A bordered stamp under the facts, e.g. PAST DUE in red. */
  stamp?: { text: string; color: string };
}

/** The largest a logo is drawn, in points: it keeps its proportions within this box. */
const LOGO_BOX = { width: 180, height: 54 };

/**
 * Draws the logo at x, y scaled into `LOGO_BOX`; returns the y below it. An image PDFKit cannot read
 * is left out (the setting is checked when it is set; a document never fails for its letterhead).
 */
function drawLogo(doc: PDFKit.PDFDocument, logo: string | null | undefined, x: number, y: number): number {
  const bytes = logoBytes(logo);
  if (!bytes) return y;
  try {
    const image = (doc as PDFKit.PDFDocument & { openImage(src: Buffer): { width: number; height: number } }).openImage(
      bytes,
    );
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height, 1);
    const height = image.height * scale;
    doc.image(image as unknown as Buffer, x, y, { width: image.width * scale, height });
    return y + height + 8;
  } catch {
    return y;
  }
}

/** Company block on the left (logo, name, address), the document title and its facts on the right. */
export function drawLetterhead(doc: PDFKit.PDFDocument, head: Letterhead): number {
  const left = content.left;
  const nameY = drawLogo(doc, head.company.logo, left, content.top);
  let leftY = write(doc, head.company.name, left, nameY, styles.companyName, { width: 250 });
  leftY += 3;
  if (head.company.address) leftY = write(doc, head.company.address, left, leftY, styles.small, { width: 250 });
  if (head.company.email) leftY = write(doc, head.company.email, left, leftY + 2, styles.small, { width: 250 });

  const right = content.right(doc);
  const blockWidth = 230;
  const x = right - blockWidth;
  // Long titles (STATEMENT OF ACCOUNT) shrink to one line rather than wrap.
  applyStyle(doc, styles.title);
  const size = Math.min(
    styles.title.size,
    (styles.title.size * (blockWidth - 2)) / doc.widthOfString(pdfText(head.title)),
  );
  const titleStyle = { ...styles.title, size };
  let rightY = write(doc, head.title, x, content.top - 4, titleStyle, { width: blockWidth, align: 'right' }) + 6;
  for (const fact of head.facts) {
    write(doc, fact.label, x, rightY, styles.small, { width: 100 });
    const valueStyle = fact.color ? { ...styles.strong, color: fact.color } : styles.body;
    rightY = write(doc, fact.value, x + 100, rightY, valueStyle, { width: blockWidth - 100, align: 'right' }) + 2;
  }
  if (head.stamp) {
    const stampStyle = { font: BOLD, size: 10, color: head.stamp.color, tracking: 0.6 };
    const text = pdfText(head.stamp.text);
    applyStyle(doc, stampStyle);
    const w = doc.widthOfString(text, { characterSpacing: stampStyle.tracking }) + 16;
    rightY += 6;
    doc
      .save()
      .roundedRect(right - w, rightY, w, 20, 3)
      .lineWidth(1.25)
      .strokeColor(head.stamp.color)
      .stroke()
      .restore();
    write(doc, text, right - w, rightY + 5.5, stampStyle, { width: w, align: 'center' });
    rightY += 20;
  }
  const y = Math.max(leftY, rightY) + 18;
  rule(doc, content.left, right, y, palette.rule, 1);
  return y + 18;
}

/** A small uppercase label, then a name in bold and a multi-line address. */
export function drawParty(
  doc: PDFKit.PDFDocument,
  party: { label: string; name: string; address: string | null },
  x: number,
  y: number,
  width: number,
): number {
  let next = write(doc, party.label.toUpperCase(), x, y, styles.label, { width }) + 3;
  next = write(doc, party.name, x, next, { ...styles.strong, size: 10.5 }, { width });
  if (party.address) next = write(doc, party.address, x, next + 1, styles.body, { width });
  return next;
}

export interface SummaryRow {
  label: string;
  value: string;
  /** `total` gets a rule above and bold; `due` is the highlighted band (balance due, closing balance). */
  kind?: 'plain' | 'total' | 'due';
}

const SUMMARY_ROW = 16;
const SUMMARY_DUE = 26;

export function summaryHeight(rows: SummaryRow[]): number {
  return rows.reduce((h, r) => h + (r.kind === 'due' ? SUMMARY_DUE + 4 : SUMMARY_ROW), 0);
}

/** Label/value rows with values right-aligned: totals blocks and account summaries. */
export function drawSummary(doc: PDFKit.PDFDocument, rows: SummaryRow[], x: number, y: number, width: number): number {
  const pad = CELL_PAD_X;
  for (const row of rows) {
    if (row.kind === 'due') {
      y += 4;
      fillBox(doc, x, y, width, SUMMARY_DUE, palette.accentFill);
      rule(doc, x, x + width, y, palette.accent, 1.25);
      write(doc, row.label, x + pad, y + 8, styles.emphasis, { width: width / 2 });
      write(doc, row.value, x + width / 2, y + 8, styles.emphasis, { width: width / 2 - pad, align: 'right' });
      y += SUMMARY_DUE;
      continue;
    }
    const style = row.kind === 'total' ? styles.strong : styles.body;
    if (row.kind === 'total') rule(doc, x, x + width, y, palette.muted, 0.75);
    write(doc, row.label, x + pad, y + 4, row.kind === 'total' ? style : { ...style, color: palette.muted }, {
      width: width / 2,
    });
    write(doc, row.value, x + width / 2, y + 4, style, { width: width / 2 - pad, align: 'right' });
    y += SUMMARY_ROW;
  }
  return y;
}

/**
 * Writes the running head on continuation pages and "Page i of N" (in the document's words) on every
 * page, then ends the document so the caller can pipe it.
 */
export function finishDocument(
  doc: PDFKit.PDFDocument,
  furniture: { footer: string; runningHead: string; page: (page: number, pages: number) => string },
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make PDFKit start a new page.
    const margins = doc.page.margins;
    const bottom = margins.bottom;
    margins.bottom = 0;
    const right = content.right(doc);
    const footerY = doc.page.height - MARGIN + 8;
    rule(doc, content.left, right, footerY - 6, palette.rule, 0.5);
    write(doc, furniture.footer, content.left, footerY, styles.small, { width: content.width(doc) - 90 });
    write(doc, furniture.page(i - start + 1, count), right - 90, footerY, styles.small, { width: 90, align: 'right' });
    if (i > start) {
      write(doc, furniture.runningHead, content.left, MARGIN - 24, styles.small, {
        width: content.width(doc),
        align: 'right',
      });
    }
    margins.bottom = bottom;
  }
  doc.end();
}
