/**
 * Email bodies, HTML and plain text, with the company's name. Kept as small functions with escaping
 * rather than a template engine: there are few emails and every interpolation is visible here.
 */
import type { EmailContent } from '../domain/outbox';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function layout(company: string, bodyHtml: string): string {
  const name = escapeHtml(company);
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<tr><td style="font-size:18px;font-weight:bold;padding-bottom:16px">${name}</td></tr>
<tr><td style="font-size:15px;line-height:1.5">${bodyHtml}</td></tr>
<tr><td style="font-size:12px;color:#52606d;padding-top:24px">Sent by ${name}'s customer portal.</td></tr>
</table></body></html>`;
}

export interface MagicLinkEmail {
  company: string;
  to: string;
  url: string;
  code: string;
  audience: 'customer' | 'staff';
  expiresInMinutes: number;
  codeExpiresInMinutes: number;
}

export function magicLinkEmail(m: MagicLinkEmail): EmailContent {
  const what = m.audience === 'staff' ? `${m.company} staff console` : `${m.company} customer portal`;
  const subject = `Your sign-in link for ${what}`;
  const text = [
    `Sign in to the ${what}:`,
    '',
    m.url,
    '',
    `Or enter this code in the browser where you asked for it: ${m.code}`,
    '',
    `The link works for ${m.expiresInMinutes} minutes and the code for ${m.codeExpiresInMinutes} minutes.`,
    `If you did not ask to sign in, ignore this email: nothing happens until the link is used.`,
  ].join('\n');
  const html = layout(
    m.company,
    `<p>Sign in to the ${escapeHtml(what)}:</p>
<p><a href="${escapeHtml(m.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Sign in</a></p>
<p>Or enter this code in the browser where you asked for it:</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold;font-family:monospace">${escapeHtml(m.code)}</p>
<p style="color:#52606d;font-size:13px">The link works for ${m.expiresInMinutes} minutes and the code for ${m.codeExpiresInMinutes} minutes. If you did not ask to sign in, ignore this email: nothing happens until the link is used.</p>`,
  );
  return { kind: `magic_link.${m.audience}`, to: m.to, subject, text, html, sensitive: true };
}
