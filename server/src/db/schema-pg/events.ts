/** What a change leaves for later, in its own transaction: the event log, outbox emails, durable jobs. */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { int, instant, flag, json, serialId } from './columns';
import type { EmailAttachmentSpec } from '../schema/events';

export const events = pgTable(
  'events',
  {
    id: serialId('id'),
    type: text('type').notNull(),
    actorType: text('actor_type', { enum: ['customer', 'staff', 'erp', 'system', 'anonymous'] }).notNull(),
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

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    sensitive: flag('sensitive', false),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: int('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    attachments: json<EmailAttachmentSpec[]>('attachments'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt), index('email_outbox_status_idx').on(t.status)],
);

export const jobs = pgTable(
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
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt)],
);
