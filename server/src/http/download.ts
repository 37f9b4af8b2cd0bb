import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { localeQuery } from '../contract/schemas';
import { queryParams } from './validate';

type Body = Readable | string | Uint8Array;

function send(c: Context, body: Body, filename: string, contentType: string): Response {
  c.header('Content-Type', contentType);
  // The filename is built from our own invoice numbers and dates; quotes and odd characters are replaced anyway.
  c.header('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  c.header('Cache-Control', 'private, no-store');
  if (body instanceof Uint8Array) {
    c.header('Content-Length', String(body.byteLength));
    return c.body(body as Uint8Array<ArrayBuffer>);
  }
  return c.body(typeof body === 'string' ? body : (Readable.toWeb(body) as ReadableStream));
}

/**
 * Sends a generated file as a download. A PDF comes as the promise of its bytes (a PDF worker draws
 * it, see pdf/pool.ts): nothing is sent until it is done, so a failure, or `503 busy` when too many
 * are being drawn, is an ordinary JSON error and not a broken download.
 */
export function download(
  c: Context,
  body: Body | Promise<Uint8Array>,
  filename: string,
  contentType: string,
): Response | Promise<Response> {
  if (body instanceof Promise) return body.then((bytes) => send(c, bytes, filename, contentType));
  return send(c, body, filename, contentType);
}

/**
 * The locale a download is asked for in (`?locale=fr-CA`, as the element that fetches it has it), or
 * undefined: then it is the signed-in contact's, else the company's (domain/notifications/reader-locale.ts). Its
 * words fall back by language (fr-CA reads French, de-DE English); money and dates keep the whole tag.
 * A value that is not a BCP 47 tag is a 400.
 */
export function requestedLocale(c: Context): string | undefined {
  return queryParams(c, localeQuery).locale;
}
