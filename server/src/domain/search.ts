/** Finding text the way every search box of the API does, the same on both engines. */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Escapes LIKE's wildcards, so a search for `50%` or `a_b` means those characters. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The LIKE pattern of `text` anywhere, its wildcards meant literally. */
export function containsPattern(text: string): string {
  return `%${likeEscaped(text)}%`;
}

/** `column` LIKE `pattern`, in any case: lower() on both sides, since SQLite's LIKE ignores ASCII case and PostgreSQL's does not. */
export function likeIgnoringCase(column: SQLWrapper, pattern: string): SQL {
  return sql`lower(${column}) LIKE lower(${pattern}) ESCAPE '\\'`;
}
