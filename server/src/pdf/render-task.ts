/**
 * What a PDF worker thread runs (loaded through worker.mjs): one task in, the file's bytes out,
 * moved to the main thread rather than copied. Only the drawing modules are imported here: no
 * database, no configuration.
 */
import { move } from 'piscina';
import { drawInvoicePdf } from './invoice-pdf';
import type { PdfTask } from './inputs';
import { drawReceiptPdf } from './receipt-page';
import { drawStatementPdf } from './statement-pdf';

function draw(task: PdfTask): PDFKit.PDFDocument {
  switch (task.kind) {
    case 'invoice':
      return drawInvoicePdf(task.input);
    case 'statement':
      return drawStatementPdf(task.input);
    case 'receipt':
      return drawReceiptPdf(task.input);
  }
}

/** A finished document's bytes in one buffer of its own, so it can be transferred. */
async function bytesOf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export default async function renderTask(task: PdfTask) {
  const bytes = await bytesOf(draw(task));
  return move(bytes);
}
