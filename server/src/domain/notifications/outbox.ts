/**
 * The email outbox: an email is written here, in the transaction of the change that causes it, and
 * a job delivers it (email-delivery.ts). This module is what everything that sends email imports,
 * so it holds only the queueing side: no mailer, no PDF code.
 */
import { newId } from '../../crypto';
import type { DbOrTx } from '../../db/client';
import { emailOutbox, type EmailAttachmentSpec } from '../../db/schema';
import { enqueueJob } from '../jobs';

export interface EmailContent {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The body holds a secret (a sign-in link or code), kept only until delivery ends. */
  sensitive?: boolean;
  /** Files rendered at delivery (an invoice or receipt PDF). */
  attachments?: EmailAttachmentSpec[];
}

export const DELIVER_EMAIL = 'email.deliver';

/**
 * Writes an email to the outbox and schedules its delivery. Call it in the transaction of the change
 * that causes the email, so the two commit or roll back together.
 */
export async function queueEmail(db: DbOrTx, email: EmailContent, now: Date): Promise<string> {
  const id = newId('eml');
  await db
    .insert(emailOutbox)
    .values({ id, ...email, status: 'pending', createdAt: now })
    .run();
  await enqueueJob(db, { type: DELIVER_EMAIL, payload: { emailId: id }, maxAttempts: 10 }, now);
  return id;
}
