/**
 * What end-to-end tests do over the API beside the browser: ask for a sign-in link (read from the SMTP
 * capture) and call the API as a person, through a session of their own.
 */
import assert from 'node:assert/strict';
import type { DemoStack } from './demo-stack';
import { linkFrom } from './smtp-capture';

export type Audience = 'customer' | 'staff';

/** Asks for a sign-in link for `email` and returns what its email holds. */
export async function signInLink(stack: DemoStack, email: string, audience: Audience = 'customer', path = '/') {
  const url = stack.portico.url;
  const sent = stack.mail.to(email).length;
  const res = await fetch(`${url}/api/v1/auth/links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, audience, returnTo: `${url}${path}` }),
  });
  assert.equal(res.status, 202, await res.clone().text());
  return linkFrom(await stack.mail.waitFor(email, { after: sent, timeoutMs: 15_000, subject: /sign-in link/ }));
}

/** A call of the API: GET without a body, POST with one, unless `options.method` says otherwise. */
export type ApiCall = <T>(
  path: string,
  body?: unknown,
  options?: { method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; headers?: Record<string, string> },
) => Promise<{ status: number; body: T }>;

/** The API as `email`, through a session of its own. */
export async function apiAs(stack: DemoStack, email: string, audience: Audience = 'customer'): Promise<ApiCall> {
  const url = stack.portico.url;
  const { token } = await signInLink(stack, email, audience);
  const res = await fetch(`${url}/api/v1/auth/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ token, audience }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const bearer = `Bearer ${((await res.json()) as { token: string }).token}`;
  return async (path, body, options = {}) => {
    const answer = await fetch(`${url}/api/v1${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: { authorization: bearer, 'content-type': 'application/json', origin: url, ...options.headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as never };
  };
}
