import { eq } from 'drizzle-orm';
import { newId } from '../crypto';
import type { Db, DbOrTx } from '../db/client';
import { emailOutbox } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import { enqueueJob, type JobHandler } from './jobs';

export interface EmailContent {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The body holds a secret (a sign-in link or code), kept only until delivery ends. */
  sensitive?: boolean;
}

const REDACTED_TEXT = 'This email held a sign-in link and code. They are not kept once the email has been delivered.';

export const DELIVER_EMAIL = 'email.deliver';

/**
 * Writes an email to the outbox and schedules its delivery. Call it in the transaction of the change
 * that causes the email, so the two commit or roll back together.
 */
export function queueEmail(db: DbOrTx, email: EmailContent, now: Date): string {
  const id = newId('eml');
  db.insert(emailOutbox)
    .values({ id, ...email, status: 'pending', createdAt: now })
    .run();
  enqueueJob(db, { type: DELIVER_EMAIL, payload: { emailId: id }, maxAttempts: 10 }, now);
  return id;
}

export function emailDeliveryHandler(db: Db, mailer: Mailer, from: string): JobHandler {
  return async (payload, { now, lastAttempt }) => {
    const emailId = String(payload.emailId);
    const email = db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId)).get();
    if (!email || email.status === 'sent') return;
    // With the dev mailer the outbox is the mailbox, so its bodies stay readable there.
    const redact =
      email.sensitive && mailer.kind !== 'dev' ? { text: REDACTED_TEXT, html: `<p>${REDACTED_TEXT}</p>` } : {};
    try {
      const { messageId } = await mailer.send({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
      db.update(emailOutbox)
        .set({ status: 'sent', messageId, sentAt: now, attempts: email.attempts + 1, lastError: null, ...redact })
        .where(eq(emailOutbox.id, emailId))
        .run();
    } catch (err) {
      db.update(emailOutbox)
        .set({
          status: lastAttempt ? 'failed' : 'pending',
          attempts: email.attempts + 1,
          lastError: err instanceof Error ? err.message : String(err),
          ...(lastAttempt ? redact : {}),
        })
        .where(eq(emailOutbox.id, emailId))
        .run();
      throw err;
    }
  };
}
