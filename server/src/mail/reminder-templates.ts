/**
 * The payment reminder (dunning): one email per contact and day, grouping that day's invoices by
 * account, each with its Easy Pay link. Also the pieces the promise emails (promise-templates.ts)
 * are built of: the words and formats of one currency, the button, the table of invoices.
 */
import type { EmailContent } from '../domain/notifications';
import { catalogFor } from '../locales/catalog';
import { documentFormats } from '../locales/format';
import { escapeHtml, footerText, layout, type CompanyFooter } from './templates';

export interface ReminderInvoice {
  number: string;
  dueDate: string;
  /** What is asked now: the balance less any disputed part. */
  amountDue: number;
  /** The disputed part of the balance, 0 when none (then say it is not asked for until the dispute is settled). */
  disputed: number;
  /** Days past the due date; negative: days until it is due; 0: due today. */
  daysPastDue: number;
  /** Easy Pay link for this invoice (one click, no sign-in). */
  payUrl: string;
}

export interface ReminderAccount {
  customerName: string;
  currency: string;
  invoices: ReminderInvoice[];
}

export interface ReminderEmail {
  company: string;
  to: string;
  /** One section per account (a bookkeeper may be the contact of several customers); usually one. */
  accounts: ReminderAccount[];
  /** A sign-in link to the portal's past-due list. */
  pastDueUrl: string;
  supportEmail: string;
  footer: CompanyFooter;
  locale: string;
}

/** The words of `locale`, and money and dates as its reader writes them (dates through `dateInText`). */
export function wordsFor(locale: string, currency: string) {
  const t = catalogFor(locale);
  const formats = documentFormats(locale, currency);
  return { t, money: formats.money, date: (isoDate: string) => t.dateInText(isoDate, formats.date(isoDate)) };
}

/** Paragraphs of a plain-text email, the empty ones left out, then the footer. */
export function plainText(locale: string, footer: CompanyFooter | undefined, paragraphs: readonly string[]): string {
  return paragraphs
    .filter((p) => p.trim() !== '')
    .join('\n\n')
    .concat(footerText(locale, footer));
}

/** The call to action: a link drawn as a button; `label` is plain text. */
export function button(url: string, label: string): string {
  return `<p style="margin:20px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(label)}</a></p>`;
}

/** A small link in a table row; `label` is plain text. */
export function rowLink(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}" style="color:#1d4ed8;font-weight:bold">${escapeHtml(label)}</a>`;
}

export interface TableRow {
  /** Cells as HTML, already escaped. */
  cells: readonly string[];
  /** A line under the row, across the table (HTML, already escaped). */
  note?: string;
  /** The total: bold, under a rule. */
  total?: boolean;
}

/**
 * A table of invoices: `head` are plain-text labels; the columns from `rightFrom` on (amounts, links)
 * are right-aligned; `widths` (e.g. "30%") keep the tables of one email aligned with each other.
 */
export function invoiceTable(
  head: readonly string[],
  rows: readonly TableRow[],
  rightFrom: number,
  widths: readonly string[] = [],
): string {
  // Padding between columns, none after the last, so the table lines up with the text around it.
  const align = (i: number) =>
    `padding:8px ${i === head.length - 1 ? 0 : 12}px 8px 0;vertical-align:top;text-align:${i >= rightFrom ? 'right' : 'left'}`;
  const th = head
    .map(
      (label, i) =>
        `<th scope="col"${widths[i] ? ` width="${widths[i]}"` : ''} style="${align(i)};border-bottom:1px solid #cbd2d9;color:#52606d;font-size:13px;font-weight:normal">${escapeHtml(label)}</th>`,
    )
    .join('');
  const body = rows
    .map((row) => {
      const extra = row.total ? ';font-weight:bold;border-top:1px solid #cbd2d9' : ';border-top:1px solid #e4e7eb';
      const tds = row.cells.map((html, i) => `<td style="${align(i)}${extra}">${html}</td>`).join('');
      const note = row.note
        ? `<tr><td colspan="${head.length}" style="padding:0 0 8px;font-size:13px;color:#52606d">${row.note}</td></tr>`
        : '';
      return `<tr>${tds}</tr>${note}`;
    })
    .join('');
  return `<table width="100%" style="border-collapse:collapse;margin:8px 0 16px;font-size:15px"><tr>${th}</tr>${body}</table>`;
}

/** An invoice of the email with its account's currency. */
type Listed = ReminderInvoice & { currency: string };

/** Sums per currency, formatted and joined ("$1,200.00 + 300,00 €"); '' when there is none. */
function totals(locale: string, invoices: readonly Listed[]): string {
  const sums = new Map<string, number>();
  for (const i of invoices) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.amountDue);
  return [...sums].map(([currency, sum]) => wordsFor(locale, currency).money(sum)).join(' + ');
}

function subject(locale: string, invoices: readonly Listed[]): string {
  const words = catalogFor(locale).email.reminder;
  const [only] = invoices;
  if (invoices.length === 1 && only) {
    const { money, date } = wordsFor(locale, only.currency);
    return words.subjectOne(only.number, money(only.amountDue), date(only.dueDate), only.daysPastDue);
  }
  const coming = invoices.filter((i) => i.daysPastDue <= 0);
  const last = coming.reduce<Listed | undefined>((l, i) => (!l || i.dueDate > l.dueDate ? i : l), undefined);
  return words.subjectMany(
    invoices.length,
    totals(
      locale,
      invoices.filter((i) => i.daysPastDue > 0),
    ),
    totals(locale, coming),
    last ? words.dueBy(wordsFor(locale, last.currency).date(last.dueDate), last.daysPastDue === 0) : '',
  );
}

/** One account's section, as plain text and as HTML. */
function accountSection(locale: string, account: ReminderAccount): { text: string; html: string } {
  const { t, money, date } = wordsFor(locale, account.currency);
  const words = t.email.reminder;
  const rows: TableRow[] = account.invoices.map((i) => ({
    cells: [
      escapeHtml(i.number),
      `${escapeHtml(date(i.dueDate))}<br><span style="font-size:13px;color:${i.daysPastDue > 0 ? '#b91c1c' : '#52606d'}">${escapeHtml(words.timing(i.daysPastDue))}</span>`,
      `<strong>${escapeHtml(money(i.amountDue))}</strong>`,
      rowLink(i.payUrl, words.pay),
    ],
    note: i.disputed > 0 ? words.disputed(escapeHtml(money(i.disputed))) : undefined,
  }));
  const sum = money(account.invoices.reduce((s, i) => s + i.amountDue, 0));
  if (account.invoices.length > 1)
    rows.push({ cells: [escapeHtml(words.total), '', escapeHtml(sum), ''], total: true });
  const lines = account.invoices.flatMap((i) => [
    `  ${words.line(i.number, money(i.amountDue), date(i.dueDate), words.timing(i.daysPastDue))}`,
    `    ${t.labelled(words.pay, i.payUrl)}`,
    i.disputed > 0 ? `    ${words.disputed(money(i.disputed))}` : '',
  ]);
  if (account.invoices.length > 1) lines.push(`  ${t.labelled(words.total, sum)}`);
  return {
    text: [words.account(account.customerName), ...lines.filter(Boolean)].join('\n'),
    html: `<p style="margin:24px 0 0;font-weight:bold">${words.account(escapeHtml(account.customerName))}</p>
${invoiceTable([words.invoice, words.dueDate, words.amount, ''], rows, 2, ['26%', '34%', '26%', '14%'])}`,
  };
}

/** The day's reminder to one contact: every invoice of theirs a reminder step falls on, by account. */
export function reminderEmail(m: ReminderEmail): EmailContent {
  const words = catalogFor(m.locale).email.reminder;
  const invoices = m.accounts.flatMap((a) => a.invoices.map((i): Listed => ({ ...i, currency: a.currency })));
  const pastDue = invoices.filter((i) => i.daysPastDue > 0).length;
  const intro = words.intro(
    invoices.length,
    pastDue,
    invoices.every((i) => i.daysPastDue === 0),
  );
  const sections = m.accounts.map((a) => accountSection(m.locale, a));
  const portal = words.portal(pastDue > 0);
  const questions = m.supportEmail ? words.questions(m.supportEmail) : '';
  const text = plainText(m.locale, m.footer, [
    intro,
    ...sections.map((s) => s.text),
    `${words.payLinks}\n${catalogFor(m.locale).labelled(portal, m.pastDueUrl)}`,
    `${words.alreadyPaid}${questions ? `\n${questions}` : ''}`,
  ]);
  const html = layout(
    m.locale,
    m.company,
    `<p>${intro}</p>
${sections.map((s) => s.html).join('\n')}
${button(m.pastDueUrl, portal)}
<p style="color:#52606d;font-size:13px">${words.payLinks} ${words.alreadyPaid}${m.supportEmail ? ` ${words.questions(escapeHtml(m.supportEmail))}` : ''}</p>`,
    m.footer,
  );
  return { kind: 'reminder', to: m.to, subject: subject(m.locale, invoices), text, html, sensitive: true };
}
