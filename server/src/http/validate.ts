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

/**
 * A multipart/form-data body with one file in `fileField`, and its other fields checked with `schema`.
 * Anything else (another content type, no file, a file given as text, fields the schema refuses) is a
 * 4xx; the file's bytes are read whole (the body limit before this caps them).
 */
export async function multipartBody<S extends z.ZodType>(
  c: Context,
  fileField: string,
  schema: S,
): Promise<{ file: { name: string; bytes: Uint8Array }; fields: z.output<S> }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpError(415, 'invalid_request', 'Send the file as multipart/form-data.');
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new HttpError(400, 'invalid_request', 'The multipart body could not be read.');
  }
  const { [fileField]: file, ...rest } = form;
  if (!(file instanceof File)) {
    throw new HttpError(400, 'invalid_request', `Send one file in the "${fileField}" field.`, {
      issues: [{ path: fileField, message: 'must be one file' }],
    });
  }
  const result = schema.safeParse(rest);
  if (!result.success) {
    throw new HttpError(400, 'invalid_request', 'Some fields are missing or not valid.', {
      issues: issuesOf(result.error),
    });
  }
  return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, fields: result.data };
}
