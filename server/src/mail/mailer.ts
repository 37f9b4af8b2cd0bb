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

export interface SmtpTimeouts {
  /** To open the TCP (and TLS) connection: 10 s. */
  connectionMs: number;
  /** From connecting to the server's greeting: 10 s. */
  greetingMs: number;
  /** Silence on an open connection, at any step (a server that takes the message and never answers): 30 s. */
  socketMs: number;
}

export const SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

/**
 * nodemailer over SMTP, from `SMTP_URL`. A server that accepts connections and never answers fails
 * the attempt within the timeouts (it is retried with backoff) and holds one job slot meanwhile, not
 * the queue. The socket timeout is the longest: a server may take a while to accept a message after
 * its body, and giving up early on one that then accepts sends the email twice.
 */
export function smtpMailer(url: string, timeouts: Partial<SmtpTimeouts> = {}): Mailer {
  const t = { ...SMTP_TIMEOUTS, ...timeouts };
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: t.connectionMs,
    greetingTimeout: t.greetingMs,
    socketTimeout: t.socketMs,
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
