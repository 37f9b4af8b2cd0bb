/**
 * Streams a CSV file through the ERP upserts in one transaction: rows are parsed, validated and
 * written as they arrive, so a file of millions of rows needs the memory of one invoice. The whole
 * file commits, or (by default) nothing does when any row has a problem; `dryRun` always rolls back.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { ErpRowError } from '../contract/erp';
import type { Db } from '../db/client';
import { CustomerUpserter, ErpImport, InvoiceUpserter } from '../domain/erp';
import type { Actor } from '../domain/events';
import {
  cellsOf,
  columnOf,
  customerFromCells,
  HeaderError,
  headerDifference,
  invoiceHeaderFromCells,
  invoiceLineFromCells,
  mapHeader,
  type Cells,
  type FileRowError,
  type ImportKind,
} from './csv-columns';

export interface CsvImportOptions {
  kind: ImportKind;
  file: string;
  db: Db;
  actor: Actor;
  now: Date;
  dryRun?: boolean;
  /** Write the good rows and skip the bad ones, instead of all or nothing. */
  partial?: boolean;
  /** Every row problem, in file order. */
  onError?(error: FileRowError): void;
  /** After each file row: rows read so far and bytes of the file read. */
  onProgress?(rows: number, bytes: number): void;
}

export interface CsvImportSummary {
  /** Data rows in the file (invoice lines for invoices). */
  rows: number;
  /** Customers or invoices. */
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  voided: number;
  errors: number;
  /** Whether anything was written: false on errors (without partial) and on a dry run. */
  committed: boolean;
}

/** A problem with the file itself (its header, its quoting): nothing is imported. */
export class CsvFileError extends Error {
  override name = 'CsvFileError';
}

interface PendingInvoice {
  externalId: string;
  header: Record<string, unknown>;
  firstCells: Cells;
  /** File line of each invoice line, so errors point at the row to fix. */
  lineNumbers: number[];
  lines: Record<string, unknown>[];
  /** Lines that cannot be part of it: invoice columns unlike the first line's, a wrong field count. */
  broken: FileRowError[];
}

function lineBreaks(record: string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(/\r\n|\r|\n/g)!.length;
  }
  return breaks;
}

/** More than the schema's maximum, so the too-many-lines error still shows, but bounded. */
const MAX_HELD_LINES = 1_001;

type Upserter = CustomerUpserter | InvoiceUpserter;

export async function importCsvFile(options: CsvImportOptions): Promise<CsvImportSummary> {
  const summary: CsvImportSummary = {
    rows: 0,
    records: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    voided: 0,
    errors: 0,
    committed: false,
  };
  const importOptions = { actor: options.actor, now: options.now, partial: options.partial };
  // The whole file in one transaction: committed, or rolled back on a dry run or a problem without partial.
  return ErpImport.run(options.db, importOptions, async (imp) => {
    const upserter = options.kind === 'customers' ? new CustomerUpserter(imp) : new InvoiceUpserter(imp);
    // Opened once the transaction holds the database, so the file is read as fast as rows are written.
    // Blank lines come through as one empty field and are skipped below, so line numbers need no
    // per-record info from the parser (which costs about a third of its time).
    const parser = createReadStream(options.file, { highWaterMark: 1024 * 1024 }).pipe(
      parse({ bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }),
    );
    try {
      await readFile(options, parser, upserter, summary);
    } finally {
      parser.destroy();
    }
    Object.assign(summary, upserter.result());
    summary.committed = !options.dryRun && (summary.errors === 0 || !!options.partial);
    return { commit: summary.committed, result: summary };
  });
}

/** Reads every row of the file through `upserter`, counting into `summary` and reporting each problem. */
async function readFile(
  options: CsvImportOptions,
  parser: ReturnType<typeof parse>,
  upserter: Upserter,
  summary: CsvImportSummary,
): Promise<void> {
  const { kind } = options;
  const report = (error: FileRowError) => {
    summary.errors++;
    options.onError?.(error);
  };
  const fileError = (e: ErpRowError, line: number, externalId: string): FileRowError => {
    const column = columnOf(kind, e.field);
    // Messages name the API field (`lines.2.unitPrice: …`); a file's reader wants the column.
    const message = `${column || 'row'}: ${e.message.slice((e.field || 'row').length + 2)}`;
    return { line, column, code: e.code, message, externalId };
  };

  let positions: Map<string, number> | null = null;
  let width = 0;
  let pending: PendingInvoice | null = null;
  let lastLine = 0;

  const flushInvoice = async () => {
    if (!pending) return;
    const p = pending;
    pending = null;
    const problems = [...p.broken];
    // A line with the wrong number of fields has its values in the wrong columns: checking the
    // invoice would only add noise. With partial, any broken line skips the invoice whole; without,
    // the invoice is still checked so the report lists its other problems (nothing is written anyway).
    const skip = p.broken.some((b) => b.code === 'invalid_row') || (p.broken.length > 0 && options.partial);
    if (!skip) {
      const errors = await upserter.upsert({ ...p.header, lines: p.lines }, summary.records);
      for (const e of errors) {
        const line = /^lines\.(\d+)/.exec(e.field);
        problems.push(fileError(e, p.lineNumbers[line ? Number(line[1]) : 0] ?? p.lineNumbers[0]!, p.externalId));
      }
    }
    summary.records++;
    for (const problem of problems.sort((a, b) => a.line - b.line)) report(problem);
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // The row starts on the line after the last one ended and ends as many lines later as its
      // quoted fields hold line breaks. (Counted here: csv-parse's own count takes a CRLF inside
      // quotes for two lines.)
      const line = lastLine + 1;
      lastLine = line + lineBreaks(record);
      if (record.length === 1 && record[0] === '') continue;
      if (!positions) {
        positions = mapHeader(kind, record);
        width = record.length;
        continue;
      }
      summary.rows++;
      const cells = cellsOf(record, positions);
      const externalId = cells('externalId')?.trim() ?? '';
      const badWidth: FileRowError | null =
        record.length === width
          ? null
          : {
              line,
              column: '',
              code: 'invalid_row',
              message: `row: has ${record.length} fields but the header has ${width}`,
              externalId,
            };
      if (kind === 'customers') {
        if (badWidth) report(badWidth);
        else {
          for (const e of await upserter.upsert(customerFromCells(cells), summary.records)) {
            report(fileError(e, line, externalId));
          }
        }
        summary.records++;
      } else {
        if (!pending || externalId === '' || externalId !== pending.externalId) {
          await flushInvoice();
          pending = {
            externalId,
            header: invoiceHeaderFromCells(cells),
            firstCells: cells,
            lineNumbers: [],
            lines: [],
            broken: [],
          };
        } else {
          const differs = headerDifference(pending.firstCells, cells);
          if (differs) {
            pending.broken.push({
              line,
              column: differs,
              code: 'inconsistent_invoice',
              message: `${differs}: differs from the invoice's first line (line ${pending.lineNumbers[0]})`,
              externalId,
            });
          }
        }
        if (badWidth) pending.broken.push(badWidth);
        if (pending.lines.length < MAX_HELD_LINES) {
          pending.lines.push(invoiceLineFromCells(cells));
          pending.lineNumbers.push(line);
        }
      }
      options.onProgress?.(summary.rows, (parser.info as { bytes: number }).bytes);
    }
  } catch (err) {
    if (err instanceof HeaderError) throw new CsvFileError(err.message);
    const code = (err as { code?: string }).code;
    if (code?.startsWith('CSV_')) throw new CsvFileError((err as Error).message);
    throw err;
  }
  if (!positions) throw new CsvFileError('The file is empty: it needs a header row.');
  await flushInvoice();
}
