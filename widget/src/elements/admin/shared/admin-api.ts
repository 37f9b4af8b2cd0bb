/**
 * The staff API's calls, over the shared client's `call` (like `internal/dispute-api.ts`), so none of
 * it reaches `portico.js`. Each view keeps its own calls in its folder and builds them with these.
 */
import type { CallOptions, PorticoApi } from '../../../internal/api.js';

type QueryValue = string | number | boolean | null | undefined | readonly string[];

/** `?a=1&b=x` from the defined, non-empty values (arrays as repeated keys); '' when none. */
export function queryString(query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A path segment, encoded. */
export const seg = (value: string): string => encodeURIComponent(value);

export function adminGet<T>(
  api: PorticoApi,
  path: string,
  query?: Readonly<Record<string, QueryValue>>,
  options?: CallOptions,
): Promise<T> {
  return api.call('GET', `/admin${path}${queryString(query)}`, options);
}

export function adminSend<T>(
  api: PorticoApi,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options?: CallOptions & { idempotencyKey?: string },
): Promise<T> {
  const headers = options?.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : undefined;
  return api.call(method, `/admin${path}`, {
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
  });
}
