/** What a change leaves for later, in its own transaction: the event log, outbox emails, durable jobs. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { int, instant, flag, json, serialId } from './columns';

/** An email attachment, rendered from live data at delivery so the outbox holds no file bytes. */
export type EmailAttachmentSpec =
  | { type: 'invoice_pdf'; invoiceId: string }
  | { type: 'receipt_pdf'; paymentId: string }
  /** The account's statement for a period (calendar dates, company time zone), as it stands at delivery. */
  | { type: 'statement_pdf'; customerId: string; from: string; to: string };

/** Append-only record of everything that happened: audit log, webhook source, activity timeline. */
export const events = sqliteTable(
  'events',
  {
    /** Monotonic, so feeds can page with `since`. */
    id: serialId('id'),
    type: text('type').notNull(),
    actorType: text('actor_type', { enum: ['customer', 'staff', 'erp', 'system', 'anonymous'] }).notNull(),
    /** An email, staff id or key id: never a token. */
    actorId: text('actor_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    customerId: text('customer_id'),
    data: json<Record<string, unknown>>('data').notNull(),
    requestId: text('request_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('events_subject_idx').on(t.subjectType, t.subjectId),
    index('events_customer_idx').on(t.customerId, t.id),
    index('events_type_idx').on(t.type, t.id),
  ],
);

/** Every email, written in the same transaction as the change that causes it. */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** Holds a secret (a sign-in link or code): the body is blanked once delivery ends, either way. */
    sensitive: flag('sensitive', false),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: int('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    /** Files rendered when the email is sent (an invoice or receipt PDF), named by what they show. */
    attachments: json<EmailAttachmentSpec[]>('attachments'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt), index('email_outbox_status_idx').on(t.status)],
);

/** Durable scheduled work that survives restarts (email delivery, reminders, webhook deliveries). */
export const jobs = sqliteTable(
  'jobs',
  {
    id: serialId('id'),
    type: text('type').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'dead'] })
      .notNull()
      .default('queued'),
    runAt: instant('run_at').notNull(),
    attempts: int('attempts').notNull().default(0),
    maxAttempts: int('max_attempts').notNull().default(8),
    /** A running job whose lock has lapsed (its worker died) is claimed again. */
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt)],
);
