import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { AUDIT_EXPORT_MAX_ROWS, type AuditEvent, type AuditEventList } from '../contract';
import { auditEventListQuery, auditExportQuery } from '../contract/schemas';
import { auditEventChunks, listAuditEvents, matchesMoreThan } from '../domain/audit';
import { calendarDate } from '../domain/dates';
import { download } from '../http/download';
import type { AppEnv } from '../http/env';
import { HttpError } from '../http/errors';
import { queryParams } from '../http/validate';

/** Rows read and written at a time: the export never holds more than this in memory. */
const EXPORT_CHUNK_ROWS = 10_000;

const CSV_COLUMNS = ['id', 'at', 'type', 'actor_type', 'actor', 'subject_type', 'subject', 'customer', 'data'];

/** Ids, not names, in the CSV: they are what other records and systems join on (the JSON has the names). */
function csvRow(e: AuditEvent): string[] {
  return [
    e.id,
    e.at,
    e.type,
    e.actor.type,
    e.actor.id ?? '',
    e.subject?.type ?? '',
    e.subject?.id ?? '',
    e.customer?.id ?? '',
    JSON.stringify(e.data),
  ];
}

/**
 * The export as CSV text, chunk by chunk. Cells a spreadsheet would run as a formula (`= + - @`, tab,
 * CR first) are prefixed with `'`: ids and emails come from customers and ERP imports.
 */
async function* auditCsv(chunks: AsyncIterable<AuditEvent[]>): AsyncGenerator<Buffer> {
  yield Buffer.from(stringify([CSV_COLUMNS]));
  for await (const events of chunks) yield Buffer.from(stringify(events.map(csvRow), { escape_formulas: true }));
}

/** `/admin/events`: the audit log. Every staff role reads it. Mounted behind a staff session (routes/admin.ts). */
export const adminAuditRouter = new Hono<AppEnv>()
  .get('/', async (c) => {
    const query = queryParams(c, auditEventListQuery);
    const { db, settings } = c.var.deps;
    const { timeZone } = await settings.get(db);
    return c.json((await listAuditEvents(db, query, timeZone)) satisfies AuditEventList);
  })
  .get('/export.csv', async (c) => {
    const filters = queryParams(c, auditExportQuery);
    const { db, settings, clock } = c.var.deps;
    const { timeZone } = await settings.get(db);
    // Decided before the first byte, so a refusal is an ordinary JSON error and not a cut-off file.
    if (await matchesMoreThan(db, filters, timeZone, AUDIT_EXPORT_MAX_ROWS)) {
      throw new HttpError(
        422,
        'invalid_request',
        `More than ${AUDIT_EXPORT_MAX_ROWS.toLocaleString('en')} events match; narrow the dates or the filters.`,
        { issues: [{ path: '(query)', message: `matches more than ${AUDIT_EXPORT_MAX_ROWS} events` }] },
      );
    }
    const chunks = auditEventChunks(db, filters, timeZone, {
      chunkSize: EXPORT_CHUNK_ROWS,
      atMost: AUDIT_EXPORT_MAX_ROWS,
    });
    const filename = `audit-events-${calendarDate(clock.now(), timeZone)}.csv`;
    return download(c, Readable.from(auditCsv(chunks)), filename, 'text/csv; charset=utf-8');
  });
