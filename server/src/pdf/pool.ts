/**
 * PDFs are drawn off the event loop, in a small pool of worker threads (piscina): PDFKit lays out
 * and compresses synchronously, tens of milliseconds a page, and a burst of downloads on the main
 * thread would hold up every sign-in and payment behind it. The main thread reads what a PDF shows
 * from the database (a plain, cloneable input) and a worker draws it and hands back the bytes.
 *
 * Bounded on both sides: two workers (the machine's other cores serve requests and SQLite) and a
 * short queue; past that a download is refused with `503 busy` and a Retry-After rather than
 * waiting behind hundreds of others. The pool is made on first use and shared by every app in the
 * process; idle workers do not keep the process alive.
 */
import { Piscina } from 'piscina';
import { DomainError } from '../domain/errors';
import type { PdfTask } from './inputs';

export type { PdfTask };

/** Worker threads drawing PDFs at once. */
export const PDF_WORKERS = 2;
/** PDFs waiting for a worker; one more is refused with `503 busy`. */
export const PDF_QUEUE = 32;
/** Seconds a refused client is told to wait. */
const RETRY_AFTER = 5;

let pool: Piscina<PdfTask, Uint8Array> | null = null;

function pdfPool(): Piscina<PdfTask, Uint8Array> {
  pool ??= new Piscina<PdfTask, Uint8Array>({
    // A JavaScript entry that registers tsx itself (see worker.mjs for why). Without the inherited
    // `--import tsx`, tsx is registered once rather than twice, which halves a worker's start.
    filename: new URL('./worker.mjs', import.meta.url).href,
    execArgv: [],
    minThreads: 1,
    maxThreads: PDF_WORKERS,
    maxQueue: PDF_QUEUE,
    // The second worker goes away after a quiet minute; the first stays, unreferenced.
    idleTimeout: 60_000,
  });
  return pool;
}

/** The PDF `task` describes, drawn by a worker. Throws `503 busy` when the queue is full. */
export async function renderPdf(task: PdfTask): Promise<Buffer> {
  let bytes: Uint8Array;
  try {
    bytes = await pdfPool().run(task);
  } catch (err) {
    if (err instanceof Error && err.message === 'Task queue is at limit') {
      throw new DomainError('busy', 'Many documents are being made right now; try again in a few seconds.', {
        retryAfter: RETRY_AFTER,
      });
    }
    throw err;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Starts the first worker now (loading PDFKit takes a moment), so the first download does not wait for it. */
export function warmPdfPool(): void {
  pdfPool();
}

/** How busy the pool is, for tests and the benchmark. */
export function pdfPoolStats(): { threads: number; queued: number; completed: number } {
  return pool
    ? { threads: pool.threads.length, queued: pool.queueSize, completed: pool.completed }
    : { threads: 0, queued: 0, completed: 0 };
}

/** Ends the workers (at shutdown); the next PDF starts a new pool. */
export async function closePdfPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
