/** For the route matrix and the fuzz: a request built from a ROUTE_TABLE template, with a credential. */
import { ORIGIN, type TestServer } from './helpers';
import type { RequestTemplate } from './route-matrix';
import { type RouteRef, fillPath } from './route-matrix-routes';

// ---- Calls -------------------------------------------------------------------------------------

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

/**
 * A request from a template: JSON (or multipart, whose boundary fetch sets) body, allowed Origin for browsers'
 * calls, none for the ERP's.
 */
export function buildRequest(
  t: TestServer,
  route: RouteRef,
  template: RequestTemplate,
  credential: string | null,
  options: { origin?: string | null } = {},
): BuiltRequest {
  const path = fillPath(route.path, (name) => {
    const value = template.params?.[name];
    if (value === undefined) throw new Error(`${route.key}: the table gives no value for :${name}`);
    return encodeURIComponent(value);
  });
  const query = template.query ? `?${new URLSearchParams(template.query)}` : '';
  const headers: Record<string, string> = { ...template.headers };
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (credential) headers.authorization = `Bearer ${credential}`;
  let body: string | FormData | undefined;
  if (template.form) {
    body = new FormData();
    const { bytes, name, type } = template.form.file;
    body.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
    for (const [key, value] of Object.entries(template.form.fields ?? {})) body.append(key, value);
  } else if (template.body !== undefined) {
    body = JSON.stringify(template.body);
    headers['content-type'] ??= 'application/json';
  }
  return { method: route.method, url: `${t.url}${path}${query}`, headers, body };
}
