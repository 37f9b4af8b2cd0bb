/** Which events an audit filter matches, as one WHERE condition over `events` joined to its customer and staff actor. */
import { and, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, likeEscaped, likeIgnoringCase } from '../search';
import { customers, events, staffUsers } from '../../db/schema';
import { addDays, startOfDay } from '../dates';

export interface AuditFilters {
  type?: string;
  typePrefix?: string;
  actor?: string;
  customer?: string;
  subject?: string;
  q?: string;
  /** Calendar dates in `timeZone`, both days included. */
  from?: string;
  to?: string;
}

/** The condition for `filters`; dates are whole days in the company's `timeZone` (DST included). */
export function auditCondition(filters: AuditFilters, timeZone: string): SQL | undefined {
  const { type, typePrefix, actor, customer, subject, q, from, to } = filters;
  const contains = q === undefined ? '' : containsPattern(q);
  return and(
    type === undefined ? undefined : eq(events.type, type),
    typePrefix === undefined ? undefined : likeIgnoringCase(events.type, `${likeEscaped(typePrefix)}%`),
    // Emails are recorded lower-cased; an actor typed with capitals still finds them.
    actor === undefined ? undefined : sql`lower(${events.actorId}) = lower(${actor})`,
    customer === undefined ? undefined : eq(events.customerId, customer),
    subject === undefined ? undefined : eq(events.subjectId, subject),
    from === undefined ? undefined : gte(events.createdAt, startOfDay(from, timeZone)),
    to === undefined ? undefined : lt(events.createdAt, startOfDay(addDays(to, 1), timeZone)),
    q === undefined
      ? undefined
      : or(
          likeIgnoringCase(events.type, contains),
          likeIgnoringCase(events.actorId, contains),
          likeIgnoringCase(staffUsers.name, contains),
          likeIgnoringCase(events.subjectId, contains),
          likeIgnoringCase(customers.name, contains),
        ),
  );
}
