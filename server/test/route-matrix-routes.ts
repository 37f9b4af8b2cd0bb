/** For the route matrix and the fuzz: every route of the app read from its router, and what a 4xx body must be. */
import { readFileSync } from 'node:fs';
import type { ErrorCode } from '../src/contract';

// ---- Routes from the router ------------------------------------------------------------------

export interface RouteRef {
  method: string;
  /** The pattern as registered, e.g. `/api/v1/invoices/:id`. */
  path: string;
  /** `METHOD pattern`, the table's key. */
  key: string;
}

/** Fewer routes than this means the enumeration broke, not that the app shrank. */
export const MIN_ROUTES = 25;

/**
 * Every method + pattern the app answers, from `app.routes`. `ALL /x/*` entries are middleware
 * (`.use`); an `ALL` on a concrete path would be a route for every method, which the table cannot
 * describe, so it is an error here.
 */
export function enumerateRoutes(app: { routes: readonly { method: string; path: string }[] }): RouteRef[] {
  const seen = new Map<string, RouteRef>();
  for (const r of app.routes) {
    if (r.method === 'ALL') {
      if (!r.path.endsWith('*')) throw new Error(`ALL ${r.path} answers every method; register one route per method`);
      continue;
    }
    const key = `${r.method} ${r.path}`;
    if (!seen.has(key)) seen.set(key, { method: r.method, path: r.path, key });
  }
  return [...seen.values()];
}

/** The names of a pattern's parameters: `:id`, `:id{[0-9]+}`, `:id?`. */
export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/:([A-Za-z0-9_]+)(?:\{[^}]*\})?\??/g)].map((m) => m[1]!);
}

/** The pattern with each parameter replaced by `fill(name)` (which must encode what it returns). */
export function fillPath(pattern: string, fill: (name: string) => string): string {
  return pattern.replace(/:([A-Za-z0-9_]+)(?:\{[^}]*\})?\??/g, (_, name: string) => fill(name));
}

// ---- Error bodies ----------------------------------------------------------------------------

/** The ErrorCode union of the contract, read from its source so a new code needs no change here. */
export function knownErrorCodes(): ReadonlySet<ErrorCode> {
  const source = readFileSync(new URL('../src/contract/errors.ts', import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const block = /export type ErrorCode\s*=([^;]*);/.exec(source);
  if (!block) throw new Error('no `export type ErrorCode` in server/src/contract/errors.ts');
  const codes = [...block[1]!.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as ErrorCode);
  if (codes.length < 20 || !codes.includes('invalid_request')) throw new Error(`ErrorCode parse: ${codes.join(',')}`);
  return new Set(codes);
}

/** Why a 4xx/5xx body is not `{error: {code, message}}` with a known code, or null when it is. */
export function errorShapeProblem(contentType: string | null, text: string, codes: ReadonlySet<string>): string | null {
  if (!/^application\/json\b/i.test(contentType ?? '')) return `content-type ${contentType ?? '(none)'}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error !== 'object') return 'no `error` object';
  if (typeof error.code !== 'string' || !codes.has(error.code)) return `unknown code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'no message';
  return null;
}
