/** The queues' keyset cursor: newest first on `(created_at, id)`, carried as base64url text. */
import { and, type AnyColumn, eq, lt, or, type SQL } from 'drizzle-orm';
import { malformedInput } from '../errors';

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.getTime()}\n${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('\n');
  if (rest.length || !ms || !/^\d{1,15}$/.test(ms) || !id || !/^[a-z]{2,4}_[A-Za-z0-9]{1,60}$/.test(id))
    throw malformedInput('The cursor is not valid for this list; start again from the first page.');
  return { createdAt: new Date(Number(ms)), id };
}

/** The rows after `cursor` in the order `created_at DESC, id DESC`; none when there is no cursor. */
export function afterCursor(
  columns: { createdAt: AnyColumn; id: AnyColumn },
  cursor: string | undefined,
): SQL | undefined {
  if (!cursor) return undefined;
  const after = decodeCursor(cursor);
  return or(
    lt(columns.createdAt, after.createdAt),
    and(eq(columns.createdAt, after.createdAt), lt(columns.id, after.id)),
  );
}
