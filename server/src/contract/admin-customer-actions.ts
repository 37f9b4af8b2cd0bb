/** The staff console's customer actions (issue 13): what `POST /admin/customers/:id/…` answer. */
import type { z } from 'zod';
import type {
  collectorAssignBody,
  contactCreateBody,
  customerLinkBody,
  customerNoteBody,
  dunningPauseBody,
  statementSendBody,
} from './schemas/admin-customer-actions';

/** `POST /admin/customers/:id/notes` (201): the note as the timeline shows it. */
export interface CustomerNoteView {
  /** The id of its `customer.note_added` event. */
  id: string;
  body: string;
  author: { id: string; name: string };
  /** ISO 8601 instant. */
  at: string;
}

/** `POST /admin/customers/:id/dunning/pause|resume`. */
export interface DunningPauseView {
  /** `YYYY-MM-DD` (inclusive), or null when reminders run. */
  dunningPausedUntil: string | null;
}

/** `POST /admin/customers/:id/collector`. */
export interface CollectorView {
  collector: { id: string; name: string; email: string } | null;
}

/** `POST /admin/customers/:id/contacts` (201). */
export interface CustomerContactView {
  id: string;
  email: string;
  name: string;
  /** BCP 47, or null for the company's locale. */
  locale: string | null;
  createdAt: string;
}

/** `POST /admin/customers/:id/contacts/:contactId/sessions/end`: how many sessions ended and links were revoked. */
export interface ContactAccessEnded {
  sessions: number;
  links: number;
}

/** `POST /admin/customers/:id/links` and `…/statement/send` (202): how many emails were queued. */
export interface EmailsQueued {
  sent: number;
}

export type CustomerNoteBody = z.input<typeof customerNoteBody>;
export type DunningPauseBody = z.input<typeof dunningPauseBody>;
export type CollectorAssignBody = z.input<typeof collectorAssignBody>;
export type ContactCreateBody = z.input<typeof contactCreateBody>;
export type CustomerLinkBody = z.input<typeof customerLinkBody>;
export type StatementSendBody = z.input<typeof statementSendBody>;
