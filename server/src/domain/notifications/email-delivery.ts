/**
 * Sending what the outbox holds: the `email.deliver` job, which calls the attachment renderers it is
 * given. Apart from outbox.ts, and handed its renderers by `domain/registry.ts`, so that queueing an
 * email (which payments, magic links and invoice delivery do) does not depend on the PDF code, which
 * itself reads payments.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { emailOutbox, type EmailAttachmentSpec } from '../../db/schema';
import type { MailAttachment, Mailer } from '../../mail/mailer';
import type { JobHandler } from '../jobs';

export { DELIVER_EMAIL } from './outbox';

const REDACTED_TEXT = 'This email held a sign-in link and code. They are not kept once the email has been delivered.';

/**
 * Makes one attachment's file from live data when the email is sent, in the words of its recipient
 * `to` (the contact's locale, as the email's body: domain/notifications/reader-locale.ts).
 */
export type AttachmentRenderer<T extends EmailAttachmentSpec['type'] = EmailAttachmentSpec['type']> = (
  db: Db,
  spec: Extract<EmailAttachmentSpec, { type: T }>,
  now: Date,
  to: string,
) => Promise<MailAttachment>;

/**
 * The renderer of each attachment type, registered in `domain/registry.ts`. An email naming a type with
 * no renderer fails its delivery attempt (and is retried) rather than going out without the file.
 */
export type AttachmentRenderers = { [T in EmailAttachmentSpec['type']]?: AttachmentRenderer<T> };

async function renderAttachments(
  renderers: AttachmentRenderers,
  db: Db,
  specs: readonly EmailAttachmentSpec[],
  now: Date,
  to: string,
): Promise<MailAttachment[]> {
  const files: MailAttachment[] = [];
  // One at a time: each may be a large PDF.
  for (const spec of specs) {
    const render = renderers[spec.type] as AttachmentRenderer | undefined;
    if (!render) throw new Error(`No renderer is registered for ${spec.type} attachments; the email waits for one.`);
    files.push(await render(db, spec, now, to));
  }
  return files;
}

/**
 * `email.deliver`: one attempt at one outbox email. The outbox row is the record of the work: a run
 * that finds it `sent` (a repeat after a crash) does nothing. The one window left is SMTP accepting
 * the message and the process dying before `sent` is written; then it goes out twice. A mail server
 * that does not answer fails the attempt after the mailer's timeouts, and it is retried with backoff.
 */
export function emailDeliveryHandler(db: Db, mailer: Mailer, from: string, renderers: AttachmentRenderers): JobHandler {
  return async (payload, { now, lastAttempt, signal }) => {
    const emailId = String(payload.emailId);
    const email = await db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId)).get();
    if (!email || email.status === 'sent') return;
    // With the dev mailer the outbox is the mailbox, so its bodies stay readable there.
    const redact =
      email.sensitive && mailer.kind !== 'dev' ? { text: REDACTED_TEXT, html: `<p>${REDACTED_TEXT}</p>` } : {};
    try {
      const attachments = await renderAttachments(renderers, db, email.attachments ?? [], now, email.to);
      // Rendering took long enough for another worker to take the job over: it sends, not us.
      signal.throwIfAborted();
      const { messageId } = await mailer.send({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      await db
        .update(emailOutbox)
        .set({ status: 'sent', messageId, sentAt: now, attempts: email.attempts + 1, lastError: null, ...redact })
        .where(eq(emailOutbox.id, emailId))
        .run();
    } catch (err) {
      // A worker that lost the job leaves the row to the one that holds it now.
      if (signal.aborted) throw err;
      await db
        .update(emailOutbox)
        .set({
          status: lastAttempt ? 'failed' : 'pending',
          attempts: email.attempts + 1,
          lastError: err instanceof Error ? err.message : String(err),
          ...(lastAttempt ? redact : {}),
        })
        .where(and(eq(emailOutbox.id, emailId), ne(emailOutbox.status, 'sent')))
        .run();
      throw err;
    }
  };
}
