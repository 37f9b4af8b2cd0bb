/**
 * A real SMTP server on loopback that keeps what it receives, parsed by mailparser, so tests read
 * the emails nodemailer actually sent.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface SmtpCapture {
  url: string;
  messages: CapturedEmail[];
  /** Resolves with the first message to `to` (after `after` messages to it), waiting up to `timeoutMs`. */
  /** The `after`-th email to `to` (0-based), or with `subject` the first from there whose subject matches. */
  waitFor(to: string, options?: { after?: number; timeoutMs?: number; subject?: RegExp }): Promise<CapturedEmail>;
  to(address: string): CapturedEmail[];
  close(): Promise<void>;
  /** Refuse mail (as a down server would) until set back. */
  failing: boolean;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedEmail[] = [];
  const waiters = new Set<() => void>();
  const capture: SmtpCapture = {
    url: '',
    messages,
    failing: false,
    to: (address) => messages.filter((m) => m.to === address),
    async waitFor(to, { after = 0, timeoutMs = 5000, subject } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = subject
          ? capture
              .to(to)
              .slice(after)
              .find((m) => subject.test(m.subject))
          : capture.to(to)[after];
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no email #${after + 1} to ${to} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 50);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(capture.failing ? Object.assign(new Error('mailbox unavailable'), { responseCode: 451 }) : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          messages.push({
            to: to?.value[0]?.address ?? '',
            from: mail.from?.value[0]?.address ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            attachments: mail.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              content: a.content,
            })),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  capture.url = `smtp://127.0.0.1:${port}`;
  return capture;
}

/** The magic-link token and 6-digit code in a sign-in email. */
export function linkFrom(email: CapturedEmail): { url: string; token: string; code: string } {
  const url = /(https?:\/\/\S+#portico-link=([A-Za-z0-9_-]+))/.exec(email.text);
  const code = /\b(\d{6})\b/.exec(email.text);
  if (!url || !code) throw new Error(`no sign-in link in: ${email.text}`);
  return { url: url[1]!, token: url[2]!, code: code[1]! };
}
