/**
 * Email bodies, HTML and plain text, with the company's name, in the words, money and dates of the
 * recipient's locale (server/src/locales). Kept as small functions with escaping rather than a
 * template engine: there are few emails and every interpolation is visible here. Where a sentence
 * goes into HTML, the catalog gets its values already escaped (or as the markup to show).
 */
import type { EmailContent } from '../domain/notifications';
import { catalogFor } from '../locales/catalog';
import { documentFormats } from '../locales/format';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The company as an email's footer shows it: its postal address and its customer portal (settings). */
export interface CompanyFooter {
  address?: string;
  portalUrl?: string;
}

/** The footer's plain-text lines (after a blank line), or '' when there is nothing to add. */
export function footerText(locale: string, footer: CompanyFooter = {}): string {
  const lines = [
    footer.portalUrl ? catalogFor(locale).email.portal(footer.portalUrl) : '',
    footer.address?.trim() ? footer.address.trim() : '',
  ].filter(Boolean);
  return lines.length ? `\n\n--\n${lines.join('\n')}` : '';
}

/** The HTML page around a body: the company's name above, who sent it and the footer below. */
export function layout(locale: string, company: string, bodyHtml: string, footer: CompanyFooter = {}): string {
  const t = catalogFor(locale);
  const name = escapeHtml(company);
  const url = footer.portalUrl ? escapeHtml(footer.portalUrl) : '';
  const portal = url ? `<br>${t.email.portal(`<a href="${url}" style="color:#52606d">${url}</a>`)}` : '';
  const address = footer.address?.trim() ? `<br>${escapeHtml(footer.address.trim()).replace(/\r?\n/g, '<br>')}` : '';
  return `<!doctype html><html lang="${escapeHtml(locale)}"><body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<tr><td style="font-size:18px;font-weight:bold;padding-bottom:16px">${name}</td></tr>
<tr><td style="font-size:15px;line-height:1.5">${bodyHtml}</td></tr>
<tr><td style="font-size:12px;color:#52606d;padding-top:24px">${t.email.sentBy(name)}${portal}${address}</td></tr>
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
  /** The recipient's BCP 47 locale (see domain/notifications/reader-locale.ts). */
  locale: string;
}

export function magicLinkEmail(m: MagicLinkEmail): EmailContent {
  const words = catalogFor(m.locale).email.signIn;
  const place = words.place(m.company, m.audience);
  const lifetime = words.lifetime(m.expiresInMinutes, m.codeExpiresInMinutes);
  const text = [words.intro(place), '', m.url, '', `${words.codeIntro} ${m.code}`, '', lifetime, words.notYou].join(
    '\n',
  );
  const html = layout(
    m.locale,
    m.company,
    `<p>${words.intro(escapeHtml(place))}</p>
<p><a href="${escapeHtml(m.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${words.button}</a></p>
<p>${words.codeIntro}</p>
<p style="font-size:28px;letter-spacing:6px;font-weight:bold;font-family:monospace">${escapeHtml(m.code)}</p>
<p style="color:#52606d;font-size:13px">${lifetime} ${words.notYou}</p>`,
  );
  return { kind: `magic_link.${m.audience}`, to: m.to, subject: words.subject(place), text, html, sensitive: true };
}

export interface InvoiceEmail {
  company: string;
  to: string;
  number: string;
  /** The customer's name, as the invoice is addressed. */
  customerName: string;
  /** Integer minor units of `currency`. */
  amountDue: number;
  currency: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  pastDue: boolean;
  /** The Easy Pay link: opens the invoice ready to pay, without signing in. */
  payUrl: string;
  payLinkDays: number;
  supportEmail: string;
  /** The company's address and portal page, for the footer. */
  footer?: CompanyFooter;
  /** The recipient's BCP 47 locale (see domain/notifications/reader-locale.ts). */
  locale: string;
}

/** A new invoice, with its PDF attached by the outbox and a long-lived Easy Pay link. */
export function invoiceEmail(m: InvoiceEmail): EmailContent {
  const t = catalogFor(m.locale);
  const words = t.email.invoice;
  const formats = documentFormats(m.locale, m.currency);
  const amountDue = formats.money(m.amountDue);
  const dueDate = t.dateInText(m.dueDate, formats.date(m.dueDate));
  const text = [
    words.intro(m.number, m.company, m.customerName),
    '',
    t.labelled(words.amountDue, amountDue),
    t.labelled(words.dueDate, dueDate),
    '',
    t.labelled(words.payNow, m.payUrl),
    '',
    words.attached(dueDate, m.pastDue),
    words.payLinkNote(m.payLinkDays),
    m.supportEmail ? words.questions(m.supportEmail) : '',
  ]
    .join('\n')
    .trimEnd()
    .concat(footerText(m.locale, m.footer));
  const html = layout(
    m.locale,
    m.company,
    `<p>${words.heading(`<strong>${escapeHtml(m.number)}</strong>`, escapeHtml(m.customerName))}</p>
<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">
<tr><td style="padding:4px 16px 4px 0;color:#52606d">${words.amountDue}</td><td style="padding:4px 0;font-size:20px;font-weight:bold">${escapeHtml(amountDue)}</td></tr>
<tr><td style="padding:4px 16px 4px 0;color:#52606d">${words.dueDate}</td><td style="padding:4px 0">${escapeHtml(dueDate)}</td></tr>
</table>
<p><a href="${escapeHtml(m.payUrl)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${words.payNow}</a></p>
<p>${words.attached(escapeHtml(dueDate), m.pastDue)}</p>
<p style="color:#52606d;font-size:13px">${words.payLinkNote(m.payLinkDays)}${m.supportEmail ? ` ${words.questions(escapeHtml(m.supportEmail))}` : ''}</p>`,
    m.footer,
  );
  const subject = words.subject(m.number, m.company, amountDue, dueDate);
  return { kind: 'invoice', to: m.to, subject, text, html, sensitive: true };
}
