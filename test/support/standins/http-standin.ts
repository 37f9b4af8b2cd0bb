/**
 * A real HTTP server on loopback that records every request and answers through a handler: the base
 * of the Stripe and PayPal stand-ins, so the providers' own HTTP clients (the Stripe SDK, fetch) do
 * the talking in tests.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-cased names, as node gives them (`idempotency-key`, `paypal-request-id`). */
  headers: IncomingHttpHeaders;
  /** The raw body: `new URLSearchParams(body)` for Stripe's forms, `JSON.parse(body)` for PayPal. */
  body: string;
}

export interface StandinReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpStandin {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startHttpStandin(
  handle: (request: RecordedRequest) => StandinReply | Promise<StandinReply>,
): Promise<HttpStandin> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => handle(recorded))
        .catch((error: unknown): StandinReply => ({ status: 599, body: { standinError: String(error) } }))
        .then((reply) => {
          const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(body);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDKs keep connections alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A loopback URL where nothing listens: a port that was just free. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
