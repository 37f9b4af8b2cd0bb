/**
 * PDFs are drawn off the event loop, in a small pool of worker threads (piscina): PDFKit lays out
 * and compresses synchronously, tens of milliseconds a page, and a burst of downloads on the main
 * thread would hold up every sign-in and payment behind it. The main thread reads what a PDF shows
 * from the database (a plain, cloneable input) and a worker draws it and hands back the bytes.
 *
 * Bounded on both sides: two workers (the machine's other cores serve requests and SQLite) and a
 * short queue; past that a download is refused with `503 busy` and a Retry-After rather than
 * waiting behind hundreds of others. Each app makes its pool (`createPdfPool`, `deps.pdf`) and closes
 * it at shutdown; its workers start on first use, and idle workers do not keep the process alive.
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

/** The worker threads that draw PDFs: one per app (`deps.pdf`), closed with it. */
export interface PdfPool {
  /** The PDF `task` describes, drawn by a worker. Throws `503 busy` when the queue is full. */
  render(task: PdfTask): Promise<Buffer>;
  /** Starts the first worker now (loading PDFKit takes a moment), so the first download does not wait for it. */
  warm(): void;
  /** How busy the pool is, for tests and the benchmark. */
  stats(): { threads: number; queued: number; completed: number };
  /** Ends the workers (at shutdown); the next PDF starts them again. */
  close(): Promise<void>;
}

/** A pool whose workers start on first use; idle workers do not keep the process alive. */
export function createPdfPool(): PdfPool {
  let pool: Piscina<PdfTask, Uint8Array> | null = null;
  const workers = () =>
    (pool ??= new Piscina<PdfTask, Uint8Array>({
      // A JavaScript entry that registers tsx itself (see worker.mjs for why). Without the inherited
      // `--import tsx`, tsx is registered once rather than twice, which halves a worker's start.
      filename: new URL('./worker.mjs', import.meta.url).href,
      execArgv: [],
      minThreads: 1,
      maxThreads: PDF_WORKERS,
      maxQueue: PDF_QUEUE,
      // The second worker goes away after a quiet minute; the first stays, unreferenced.
      idleTimeout: 60_000,
    }));
  return {
    async render(task) {
      let bytes: Uint8Array;
      try {
        bytes = await workers().run(task);
      } catch (err) {
        if (err instanceof Error && err.message === 'Task queue is at limit') {
          throw new DomainError('busy', 'Many documents are being made right now; try again in a few seconds.', {
            retryAfter: RETRY_AFTER,
          });
        }
        throw err;
      }
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    warm() {
      workers();
    },
    stats() {
      return pool
        ? { threads: pool.threads.length, queued: pool.queueSize, completed: pool.completed }
        : { threads: 0, queued: 0, completed: 0 };
    },
    async close() {
      const closing = pool;
      pool = null;
      await closing?.destroy();
    },
  };
}
