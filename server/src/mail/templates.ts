/**
 * Email bodies, HTML and plain text, with the company's name. Kept as small functions with escaping
 * rather than a template engine: there are few emails and every interpolation is visible here.
 */
import type { EmailContent } from '../domain/outbox';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The company as an email's footer shows it: its postal address and its customer portal (settings). */
export interface CompanyFooter {
  address?: string;
  portalUrl?: string;
}

/** The footer's plain-text lines (after a blank line), or '' when there is nothing to add. */
export function footerText(footer: CompanyFooter = {}): string {
  const lines = [
    footer.portalUrl ? `Customer portal: ${footer.portalUrl}` : '',
    footer.address?.trim() ? footer.address.trim() : '',
  ].filter(Boolean);
  return lines.length ? `\n\n--\n${lines.join('\n')}` : '';
}

export function layout(company: string, bodyHtml: string, footer: CompanyFooter = {}): string {
  const name = escapeHtml(company);
  const portal = footer.portalUrl
    ? `<br>Customer portal: <a href="${escapeHtml(footer.portalUrl)}" style="color:#52606d">${escapeHtml(footer.portalUrl)}</a>`
    : '';
  const address = footer.address?.trim() ? `<br>${escapeHtml(footer.address.trim()).replace(/\r?\n/g, '<br>')}` : '';
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<tr><td style="font-size:18px;font-weight:bold;padding-bottom:16px">${name}</td></tr>
<tr><td style="font-size:15px;line-height:1.5">${bodyHtml}</td></tr>
<tr><td style="font-size:12px;color:#52606d;padding-top:24px">Sent by ${name}'s customer portal.${portal}${address}</td></tr>
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

export interface InvoiceEmail {
  company: string;
  to: string;
  number: string;
  /** The customer's name, as the invoice is addressed. */
  customerName: string;
  /** Already formatted (`$1,234.56`). */
  amountDue: string;
  dueDate: string;
  pastDue: boolean;
  /** The Easy Pay link: opens the invoice ready to pay, without signing in. */
  payUrl: string;
  payLinkDays: number;
  supportEmail: string;
  /** The company's address and portal page, for the footer. */
  footer?: CompanyFooter;
}

/** A new invoice, with its PDF attached by the outbox and a long-lived Easy Pay link. */
export function invoiceEmail(m: InvoiceEmail): EmailContent {
  const subject = `Invoice ${m.number} from ${m.company} — ${m.amountDue} due ${m.dueDate}`;
  const due = m.pastDue ? `was due on ${m.dueDate}` : `is due on ${m.dueDate}`;
  const questions = m.supportEmail ? `Questions about this invoice? Write to ${m.supportEmail}.` : '';
  const text = [
    `Invoice ${m.number} from ${m.company} for ${m.customerName}.`,
    '',
    `Amount due: ${m.amountDue}`,
    `Due date: ${m.dueDate}`,
    '',
    `Pay now: ${m.payUrl}`,
    '',
    `The invoice is attached as a PDF. Payment ${due}.`,
    `The Pay now link opens this invoice ready to pay, with no sign-in, for ${m.payLinkDays} days; it shows only this invoice. Please do not forward this email.`,
    questions,
  ]
    .join('\n')
    .trimEnd()
    .concat(footerText(m.footer));
  const html = layout(
    m.company,
    `<p>Invoice <strong>${escapeHtml(m.number)}</strong> for ${escapeHtml(m.customerName)}.</p>
<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">
<tr><td style="padding:4px 16px 4px 0;color:#52606d">Amount due</td><td style="padding:4px 0;font-size:20px;font-weight:bold">${escapeHtml(m.amountDue)}</td></tr>
<tr><td style="padding:4px 16px 4px 0;color:#52606d">Due date</td><td style="padding:4px 0">${escapeHtml(m.dueDate)}</td></tr>
</table>
<p><a href="${escapeHtml(m.payUrl)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Pay now</a></p>
<p>The invoice is attached as a PDF. Payment ${escapeHtml(due)}.</p>
<p style="color:#52606d;font-size:13px">The Pay now link opens this invoice ready to pay, with no sign-in, for ${m.payLinkDays} days; it shows only this invoice. Please do not forward this email.${m.supportEmail ? ` Questions about this invoice? Write to ${escapeHtml(m.supportEmail)}.` : ''}</p>`,
    m.footer,
  );
  return { kind: 'invoice', to: m.to, subject, text, html, sensitive: true };
}
