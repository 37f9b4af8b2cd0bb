/**
 * The emails of the staff console's customer actions: a statement of account, without a link (the outbox
 * has no statement PDF attachment): its totals and balance, and a prompt to sign in to the portal.
 */
import type { EmailContent } from '../domain/notifications';
import { catalogFor } from '../locales/catalog';
import { documentFormats } from '../locales/format';
import { plainText } from './reminder-templates';
import { escapeHtml, layout, type CompanyFooter } from './templates';

/** This email's words, in the reader's language. */
function wordsFor(locale: string) {
  return catalogFor(locale).staffActions;
}

export interface StatementEmail {
  company: string;
  to: string;
  customerName: string;
  currency: string;
  /** `YYYY-MM-DD`, both inclusive. */
  period: { from: string; to: string };
  /** Integer minor units of `currency`. */
  totals: { opening: number; invoiced: number; paid: number; credited: number; closing: number };
  supportEmail: string;
  footer?: CompanyFooter;
  locale: string;
}

export function statementEmail(m: StatementEmail): EmailContent {
  const t = catalogFor(m.locale);
  const words = wordsFor(m.locale).statement;
  const formats = documentFormats(m.locale, m.currency);
  const date = (d: string) => t.dateInText(d, formats.date(d));
  const rows: [string, number][] = [
    [words.openingBalance, m.totals.opening],
    [words.invoiced, m.totals.invoiced],
    [words.paid, m.totals.paid],
    [words.credited, m.totals.credited],
    [words.closingBalance, m.totals.closing],
  ];
  const intro = words.intro(m.customerName, m.company, date(m.period.from), date(m.period.to));
  const signIn = m.footer?.portalUrl ? words.signInAt(m.footer.portalUrl) : words.signIn;
  const questions = m.supportEmail ? words.questions(m.supportEmail) : '';
  const text = plainText(m.locale, m.footer, [
    intro,
    rows.map(([label, amount]) => t.labelled(label, formats.money(amount))).join('\n'),
    signIn,
    questions,
  ]);
  const html = layout(
    m.locale,
    m.company,
    `<p>${escapeHtml(intro)}</p>
<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">
${rows
  .map(
    ([label, amount], i) =>
      `<tr><td style="padding:4px 16px 4px 0;color:#52606d">${escapeHtml(label)}</td><td style="padding:4px 0${i === rows.length - 1 ? ';font-size:20px;font-weight:bold' : ''}">${escapeHtml(formats.money(amount))}</td></tr>`,
  )
  .join('\n')}
</table>
<p>${escapeHtml(signIn)}</p>${questions ? `\n<p style="color:#52606d;font-size:13px">${escapeHtml(questions)}</p>` : ''}`,
    m.footer,
  );
  return {
    kind: 'statement',
    to: m.to,
    subject: words.subject(m.company, m.customerName),
    text,
    html,
    sensitive: false,
  };
}
