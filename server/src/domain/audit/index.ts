/**
 * The audit log: the event log (`events`, written by every slice through `recordEvent`) read back for
 * staff, filtered, searched and paged (`read.ts`), by the conditions in `filters.ts`.
 *
 * This module is the slice's entry: the rest of the server imports the audit log from here only.
 */
export { type AuditFilters } from './filters';
export { auditEventChunks, listAuditEvents, matchesMoreThan } from './read';
