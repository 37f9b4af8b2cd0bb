/** For the fuzz (fuzz.test.ts): the credentials its requests carry, and sending a request and checking the answer. */
import { request as httpRequest } from 'node:http';
import { testConfig } from '../src/config';
import { signPayload } from '../src/crypto';
import { createSession } from '../src/domain/auth/sessions';
import { errorShapeProblem } from './route-matrix-routes';
import { SANDBOX_SECRET } from './route-matrix-world';
import { BASE_SEED, REQUEST_TIMEOUT_MS, THROWAWAY_EMAIL, TRACE, codes, t, w } from './fuzz-support';
import type { Credential, FuzzRequest } from './fuzz-requests-support';

async function credentialValue(c: Credential): Promise<string | null> {
  switch (c) {
    case 'none':
    case 'signature':
      return null;
    case 'owner':
      return w.owner;
    case 'easyPay':
      return w.easyPay;
    case 'staff':
    case 'collector':
    case 'viewer':
      return w[c];
    case 'erp':
      return w.erpKey;
    case 'throwaway':
      return (
        await createSession(
          t.db,
          // The test server's timeouts are the defaults, as here.
          testConfig(),
          { audience: 'customer', email: THROWAWAY_EMAIL, staffUserId: null, scopeInvoiceIds: null, linkId: null },
          t.clock.now(),
        )
      ).token;
  }
}

/** A request as text for a failure message, long strings cut. */
export function describeRequest(r: FuzzRequest): string {
  return JSON.stringify(r, (_, v: unknown) =>
    typeof v === 'string' && v.length > 300 ? `${v.slice(0, 120)}…(${v.length} chars)` : v,
  );
}

export interface Tally {
  statuses: Map<number, number>;
  /** Answers that got past authentication (anything but 401 and a signature refusal). */
  pastAuth: number;
}

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * One request on its own connection, the path sent exactly as built (fetch would resolve `..` and
 * re-encode), so each answer depends on its request alone. Reusing a connection after a body the
 * handler did not read is tested on its own below.
 */
export function httpCall(
  path: string,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer | undefined,
) {
  const { hostname, port } = new URL(t.url);
  const payload = body === undefined || Buffer.isBuffer(body) ? body : Buffer.from(body);
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        path,
        method,
        agent: false,
        timeout: REQUEST_TIMEOUT_MS,
        headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            contentType: res.headers['content-type'] ?? null,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`nothing within ${REQUEST_TIMEOUT_MS} ms`)));
    // An error after the answer arrived (the server closed while a refused body was still being sent) changes nothing.
    req.on('error', reject);
    req.end(payload);
  });
}

export async function send(r: FuzzRequest, tally: Tally): Promise<void> {
  const headers: Record<string, string> = Object.fromEntries(r.extraHeaders);
  if (r.origin !== null) headers.origin = r.origin;
  if (r.body !== undefined && r.contentType !== null) headers['content-type'] = r.contentType;
  if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
  const credential = await credentialValue(r.credential);
  if (credential) {
    headers.authorization =
      r.authStyle === 'lowercase'
        ? `bearer ${credential}`
        : `Bearer ${credential}${r.authStyle === 'trailing' ? ' x' : ''}`;
  }
  if (r.credential === 'signature' && r.signature !== 'none') {
    headers['portico-signature'] =
      r.signature === 'valid' ? signPayload(SANDBOX_SECRET, r.body ?? '', t.clock.now()) : 't=1,v1=00';
  }
  const target = `${r.path}${r.query ? `?${r.query}` : ''}`;
  let res: Answer;
  try {
    res = await httpCall(target, r.method, headers, r.body);
  } catch (error) {
    if (TRACE) console.log('TRANSPORT', describeRequest(r).slice(0, 400), (error as Error).message);
    throw new Error(`no answer: ${(error as Error).message}`);
  }
  const text = res.text;
  if (TRACE) console.log(res.status, describeRequest(r).slice(0, 400), text.slice(0, 100));
  tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
  if (res.status >= 500) throw new Error(`answered ${res.status}: ${text.slice(0, 300)}`);
  if (res.status >= 400 && r.method !== 'HEAD') {
    const problem = errorShapeProblem(res.contentType, text, codes);
    if (problem) throw new Error(`answered ${res.status} with a bad error body (${problem}): ${text.slice(0, 300)}`);
  }
  if (res.status >= 200 && res.status < 300 && /json/.test(res.contentType ?? '') && r.method !== 'HEAD') {
    JSON.parse(text);
  }
  const refusedAuth = res.status === 401 || (res.status === 400 && /"signature_invalid"/.test(text));
  if (!refusedAuth) tally.pastAuth++;
}

/** A stable per-route seed, so adding a route does not change the others' sequences. */
export function routeSeed(key: string): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (BASE_SEED ^ h) | 0;
}
