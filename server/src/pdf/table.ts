/** Tables in a PDF: a header row, rows that break across pages with the header repeated. */
import {
  CELL_PAD_X,
  CELL_PAD_Y,
  content,
  ensureSpace,
  fillBox,
  measure,
  palette,
  rule,
  styles,
  write,
  type TextStyle,
} from './layout';

export interface Column<Row> {
  header: string;
  /** Points, or 'fill' to share the width left over with the other 'fill' columns. */
  width: number | 'fill';
  align?: 'left' | 'right';
  value: (row: Row) => string;
}

export interface TableSpec<Row> {
  columns: Column<Row>[];
  rows: readonly Row[];
  /** Bold rows: opening and closing balances. */
  isStrong?: (row: Row) => boolean;
  /** A heading kept on the same page as the header row and first row. */
  caption?: string;
}

/** A header row of one line; a heading that wraps (longer words in some languages) makes it taller. */
const HEADER_HEIGHT = 20;
const HEADER_PAD_Y = 7;

/**
 * A full-width table. A row that does not fit goes to a new page, where the header row is drawn
 * again; rows are never split, and long cells wrap within their column.
 */
export function drawTable<Row>(doc: PDFKit.PDFDocument, table: TableSpec<Row>, y: number): number {
  const total = content.width(doc);
  const fixed = table.columns.reduce((w, c) => w + (c.width === 'fill' ? 0 : c.width), 0);
  const fillCount = table.columns.filter((c) => c.width === 'fill').length;
  const widths = table.columns.map((c) => (c.width === 'fill' ? (total - fixed) / fillCount : c.width));
  const xs = widths.map((_, i) => content.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = content.left + total;

  const headers = table.columns.map((c) => c.header.toUpperCase());
  const oneLine = measure(doc, 'X', styles.label, total);
  const tallest = Math.max(...headers.map((h, i) => measure(doc, h, styles.label, widths[i]! - 2 * CELL_PAD_X)));
  const headerHeight = HEADER_HEIGHT + tallest - oneLine;
  const drawHeader = (top: number): number => {
    fillBox(doc, content.left, top, total, headerHeight, palette.headerFill);
    headers.forEach((header, i) =>
      write(doc, header, xs[i]! + CELL_PAD_X, top + HEADER_PAD_Y, styles.label, {
        width: widths[i]! - 2 * CELL_PAD_X,
        align: table.columns[i]!.align ?? 'left',
      }),
    );
    return top + headerHeight;
  };

  const rowHeight = (cells: string[], style: TextStyle) =>
    Math.max(...cells.map((text, i) => measure(doc, text, style, widths[i]! - 2 * CELL_PAD_X))) + 2 * CELL_PAD_Y;

  const captionHeight = table.caption ? 20 : 0;
  const first = table.rows[0];
  const firstHeight = first
    ? rowHeight(
        table.columns.map((c) => c.value(first)),
        styles.body,
      )
    : 0;
  y = ensureSpace(doc, y, captionHeight + headerHeight + firstHeight);
  if (table.caption) write(doc, table.caption, content.left, y, styles.heading);
  y = drawHeader(y + captionHeight);

  for (const row of table.rows) {
    const style = table.isStrong?.(row) ? styles.strong : styles.body;
    const cells = table.columns.map((c) => c.value(row));
    const height = rowHeight(cells, style);
    if (y + height > content.bottom(doc)) {
      doc.addPage();
      y = drawHeader(content.top);
    }
    cells.forEach((text, i) =>
      write(doc, text, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, style, {
        width: widths[i]! - 2 * CELL_PAD_X,
        align: table.columns[i]!.align ?? 'left',
      }),
    );
    y += height;
    rule(doc, content.left, right, y, palette.rule, 0.5);
  }
  return y;
}
