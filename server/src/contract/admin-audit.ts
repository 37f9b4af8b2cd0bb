/**
 * The staff console's audit log (issue 13): every event the server recorded, newest first, filtered and
 * searched, and the same filters as a CSV download.
 */
import type { z } from 'zod';
import type { auditEventListQuery, auditExportQuery } from './schemas/admin-audit';

/** Who did it: a staff user (with the name they have now), a customer's email, an ERP key, the system. */
export interface AuditActor {
  type: 'customer' | 'staff' | 'erp' | 'system' | 'anonymous';
  /** A staff id, an email, an ERP key id; null for the system. Never a token. */
  id: string | null;
  /** Staff only: the staff user's name, when the id is one of them. */
  name?: string;
}

/** One recorded event, as the audit log shows it. */
export interface AuditEvent {
  /** `evt_<n>`, as the ERP's webhooks name it. */
  id: string;
  type: string;
  /** UTC ISO-8601 instant. */
  at: string;
  actor: AuditActor;
  /** What it happened to (`{type: 'invoice', id: 'inv_…'}`), or null when nothing in particular. */
  subject: { type: string; id: string } | null;
  /** The customer account it concerns, or null (a staff or settings event). */
  customer: { id: string; name: string } | null;
  /** The event's own record, as written when it happened. */
  data: Record<string, unknown>;
  /** The id of the HTTP request that caused it, when one did. */
  requestId: string | null;
}

/** `GET /admin/events`: newest first; follow `nextCursor` (null on the last page). */
export interface AuditEventList {
  items: AuditEvent[];
  nextCursor: string | null;
}

export type AuditEventListQuery = z.input<typeof auditEventListQuery>;
export type AuditExportQuery = z.input<typeof auditExportQuery>;

/** The most rows `GET /admin/events/export.csv` writes; a filter matching more is refused (422). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
