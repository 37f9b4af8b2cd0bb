/**
 * Request parsing at the edge: JSON bodies and query strings through zod, with every failure a 400
 * that names the field. Written here rather than with a validator middleware so that malformed JSON,
 * a wrong content type and a schema failure each get their own stable code.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './errors';

function issuesOf(error: z.ZodError) {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, 'invalid_request', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpError(400, 'invalid_request', 'Some fields are missing or not valid.', {
      issues: issuesOf(result.error),
    });
  }
  return result.data;
}

export function queryParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    throw new HttpError(400, 'invalid_request', 'Some query parameters are not valid.', {
      issues: issuesOf(result.error),
    });
  }
  return result.data;
}
