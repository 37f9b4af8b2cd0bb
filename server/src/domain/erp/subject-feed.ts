/**
 * The pull feed of one kind of subject (promises, disputes, credit notes): the subjects whose events
 * came after the cursor, each once, in the order of their latest change, paged by the events table's
 * id exactly as the payments feed is (payments-feed.ts says why that misses nothing).
 */
import { and, asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { events } from '../../db/schema';
import { decodeSince, SCAN_CHUNK } from './payments-feed';

export interface SubjectPage {
  ids: string[];
  nextCursor: string;
  hasMore: boolean;
}

/** Subjects of `subjectType` changed by events whose type starts with `typePrefix` (`promise.`). */
export async function changedSubjects(
  db: Db,
  subjectType: string,
  typePrefix: string,
  input: { since?: string | undefined; limit: number },
): Promise<SubjectPage> {
  const page = new Set<string>();
  let cursor = decodeSince(input.since);
  let hasMore = false;
  scan: for (;;) {
    const chunk = await db
      .select({ id: events.id, subjectId: events.subjectId })
      .from(events)
      .where(
        and(
          gt(events.id, cursor),
          sql`(${events.subjectType} || '') = ${subjectType} AND substr(${events.type}, 1, ${typePrefix.length}) = ${typePrefix}`,
        ),
      )
      .orderBy(asc(events.id))
      .limit(SCAN_CHUNK)
      .all();
    for (const event of chunk) {
      const id = event.subjectId!;
      if (page.size >= input.limit && !page.has(id)) {
        hasMore = true;
        break scan;
      }
      page.delete(id);
      page.add(id);
      cursor = event.id;
    }
    if (chunk.length < SCAN_CHUNK) break;
  }
  return { ids: [...page], nextCursor: String(cursor), hasMore };
}
