/**
 * Reading the event log for staff: a page at a time, newest first by id (keyset, so a page is an index
 * range however deep), or in chunks for the CSV export, which first checks the filter is not too wide.
 */
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AuditEvent, AuditEventList } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { customers, events, staffUsers } from '../../db/schema';
import { auditCondition, type AuditFilters } from './filters';

const auditColumns = {
  id: events.id,
  type: events.type,
  actorType: events.actorType,
  actorId: events.actorId,
  staffName: staffUsers.name,
  subjectType: events.subjectType,
  subjectId: events.subjectId,
  customerId: events.customerId,
  customerName: customers.name,
  data: events.data,
  requestId: events.requestId,
  createdAt: events.createdAt,
};

/** The events with their customer and, for staff actors, the staff user: what `q` searches and items show. */
function joinedEvents(db: DbOrTx) {
  return db
    .select(auditColumns)
    .from(events)
    .leftJoin(customers, eq(customers.id, events.customerId))
    .leftJoin(staffUsers, and(eq(events.actorType, 'staff'), eq(staffUsers.id, events.actorId)));
}

type AuditRow = Awaited<ReturnType<typeof auditRows>>[number];

function auditEvent(row: AuditRow): AuditEvent {
  return {
    id: `evt_${row.id}`,
    type: row.type,
    at: row.createdAt.toISOString(),
    actor: {
      type: row.actorType,
      id: row.actorId,
      ...(row.staffName === null ? {} : { name: row.staffName }),
    },
    subject: row.subjectType !== null && row.subjectId !== null ? { type: row.subjectType, id: row.subjectId } : null,
    customer: row.customerId !== null ? { id: row.customerId, name: row.customerName ?? row.customerId } : null,
    data: row.data,
    requestId: row.requestId,
  };
}

/** Up to `limit` matching events older than `before` (an event id), newest first. */
async function auditRows(db: DbOrTx, where: SQL | undefined, before: number | undefined, limit: number) {
  return joinedEvents(db)
    .where(and(where, before === undefined ? undefined : lt(events.id, before)))
    .orderBy(desc(events.id))
    .limit(limit)
    .all();
}

/** One page of the audit log; `cursor` is the previous page's `nextCursor`. */
export async function listAuditEvents(
  db: DbOrTx,
  query: AuditFilters & { cursor?: number; limit: number },
  timeZone: string,
): Promise<AuditEventList> {
  const rows = await auditRows(db, auditCondition(query, timeZone), query.cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(auditEvent),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/**
 * Whether more than `atMost` events match: asks for the one after the first `atMost`, so the database
 * walks no further than that however many match.
 */
export async function matchesMoreThan(
  db: DbOrTx,
  filters: AuditFilters,
  timeZone: string,
  atMost: number,
): Promise<boolean> {
  const beyond = await joinedEvents(db)
    .where(auditCondition(filters, timeZone))
    .orderBy(desc(events.id))
    .limit(1)
    .offset(atMost)
    .all();
  return beyond.length > 0;
}

/**
 * The matching events, newest first, in chunks of at most `chunkSize`, and no more than `atMost` in all
 * (events recorded meanwhile are newer than the first chunk, so they are not in the export).
 */
export async function* auditEventChunks(
  db: DbOrTx,
  filters: AuditFilters,
  timeZone: string,
  options: { chunkSize: number; atMost: number },
): AsyncGenerator<AuditEvent[]> {
  const where = auditCondition(filters, timeZone);
  let before: number | undefined;
  let left = options.atMost;
  while (left > 0) {
    const rows = await auditRows(db, where, before, Math.min(options.chunkSize, left));
    if (rows.length === 0) return;
    yield rows.map(auditEvent);
    left -= rows.length;
    before = rows[rows.length - 1]!.id;
    if (rows.length < options.chunkSize) return;
  }
}
