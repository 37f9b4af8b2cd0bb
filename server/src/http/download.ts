import { Readable } from 'node:stream';
import type { Context } from 'hono';

/** Sends a generated file as a download, streamed: a 500-line invoice PDF never sits in memory. */
export function download(c: Context, body: Readable | string, filename: string, contentType: string): Response {
  c.header('Content-Type', contentType);
  // The filename is built from our own invoice numbers and dates; quotes and odd characters are replaced anyway.
  c.header('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(typeof body === 'string' ? body : (Readable.toWeb(body) as ReadableStream));
}
