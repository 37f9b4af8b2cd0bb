import nodemailer from 'nodemailer';

/** A file sent with an email, as nodemailer takes it. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Delivers one email or throws; the outbox worker retries on a throw. */
export interface Mailer {
  readonly kind: 'smtp' | 'dev';
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close?(): void;
}

/** nodemailer over SMTP, from `SMTP_URL`. */
export function smtpMailer(url: string): Mailer {
  // Timeouts well inside the job lease (5 minutes), so a hung server cannot get one email sent twice.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(email) {
      const info = await transport.sendMail(email);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/**
 * With no SMTP server, delivery is a no-op: the message stays readable in the outbox, which the dev
 * mailbox page shows. Nothing leaves the machine. Attachments are rendered all the same (a renderer
 * that fails shows in the demo too) and dropped; the outbox row names them.
 */
export const devMailer: Mailer = {
  kind: 'dev',
  send: async () => ({ messageId: `dev-${Date.now()}` }),
};
