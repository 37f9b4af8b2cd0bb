/**
 * The emails of a promise to pay: its confirmation, the reminders the day before and on the promised
 * date, the "promise missed" email that resumes dunning, and the notice to the collector. Built of
 * the pieces of the payment reminder (reminder-templates.ts).
 */
import type { EmailContent } from '../domain/notifications';
import { button, invoiceTable, plainText, rowLink, wordsFor, type TableRow } from './reminder-templates';
import { escapeHtml, layout, type CompanyFooter } from './templates';

export interface PromiseEmailBase {
  company: string;
  to: string;
  customerName: string;
  currency: string;
  supportEmail: string;
  footer: CompanyFooter;
  locale: string;
}

/** A value to find at a glance (an amount, a date), as HTML. */
const strong = (value: string) => `<strong>${escapeHtml(value)}</strong>`;

/** The invoices' numbers after their label, e.g. "Invoices: INV-1, INV-2". */
function invoiceList(m: { locale: string; currency: string }, invoices: readonly { number: string }[]): string {
  const { t } = wordsFor(m.locale, m.currency);
  return t.labelled(t.email.promise.invoices(invoices.length), invoices.map((i) => i.number).join(', '));
}

/**
 * The invoices with something left to pay and what is left on each (under `label`), as text lines
 * and as table rows, with their total when `withTotal` and several.
 */
function balances(
  m: { locale: string; currency: string },
  all: readonly { number: string; balance: number; payUrl?: string }[],
  label: string,
  withTotal: boolean,
): { count: number; heading: string; lines: string; table: string } {
  const { t, money } = wordsFor(m.locale, m.currency);
  const words = t.email;
  const invoices = all.filter((i) => i.balance > 0);
  const links = invoices.some((i) => i.payUrl);
  const lines = invoices.map((i) =>
    [`  ${t.labelled(i.number, money(i.balance))}`, i.payUrl ? `    ${t.labelled(words.reminder.pay, i.payUrl)}` : '']
      .filter(Boolean)
      .join('\n'),
  );
  const rows: TableRow[] = invoices.map((i) => ({
    cells: [
      escapeHtml(i.number),
      escapeHtml(money(i.balance)),
      ...(links ? [i.payUrl ? rowLink(i.payUrl, words.reminder.pay) : ''] : []),
    ],
  }));
  if (withTotal && invoices.length > 1) {
    const total = money(invoices.reduce((s, i) => s + i.balance, 0));
    lines.push(`  ${t.labelled(words.promise.totalBalance, total)}`);
    rows.push({
      cells: [escapeHtml(words.promise.totalBalance), escapeHtml(total), ...(links ? [''] : [])],
      total: true,
    });
  }
  // "Left to pay:", the label of the text lines that follow.
  const heading = t.labelled(label, '').trimEnd();
  const table = invoiceTable([words.reminder.invoice, label, ...(links ? [''] : [])], rows, 1);
  return { count: invoices.length, heading, lines: lines.join('\n'), table };
}

/** Sent when a promise is made: what was promised, and that reminders for these invoices stop until deadlineDate. */
export function promiseConfirmationEmail(
  m: PromiseEmailBase & {
    amount: number;
    promisedDate: string;
    deadlineDate: string;
    reminderDate: string;
    invoices: { number: string }[];
  },
): EmailContent {
  const { t, money, date } = wordsFor(m.locale, m.currency);
  const words = t.email.promise;
  const amount = money(m.amount);
  const promised = date(m.promisedDate);
  const paused = words.confirmation.paused(m.invoices.length, date(m.deadlineDate), date(m.reminderDate), promised);
  const questions = m.supportEmail ? t.email.reminder.questions(m.supportEmail) : '';
  const text = plainText(m.locale, m.footer, [
    `${words.thanks} ${words.promised(amount, promised, m.customerName)}`,
    invoiceList(m, m.invoices),
    `${paused}\n${words.confirmation.later}`,
    `${words.confirmation.manage}${questions ? `\n${questions}` : ''}`,
  ]);
  const html = layout(
    m.locale,
    m.company,
    `<p>${words.thanks} ${words.promised(strong(amount), strong(promised), escapeHtml(m.customerName))}</p>
<p>${escapeHtml(invoiceList(m, m.invoices))}</p>
<p>${escapeHtml(paused)} ${words.confirmation.later}</p>
<p style="color:#52606d;font-size:13px">${words.confirmation.manage}${m.supportEmail ? ` ${t.email.reminder.questions(escapeHtml(m.supportEmail))}` : ''}</p>`,
    m.footer,
  );
  const subject = words.confirmation.subject(amount, promised);
  return { kind: 'promise.confirmation', to: m.to, subject, text, html, sensitive: false };
}

/** The day before (`onTheDay: false`) and on the promised date (`true`): what is left to pay, one Easy Pay link for it. */
export function promiseReminderEmail(
  m: PromiseEmailBase & {
    amount: number;
    paid: number;
    remaining: number;
    promisedDate: string;
    onTheDay: boolean;
    invoices: { number: string; balance: number }[];
    payUrl: string;
  },
): EmailContent {
  const { t, money, date } = wordsFor(m.locale, m.currency);
  const words = t.email.promise;
  const [amount, paid, remaining] = [money(m.amount), money(m.paid), money(m.remaining)];
  const promised = date(m.promisedDate);
  const progress = m.paid > 0 ? words.reminder.progress(paid, remaining) : '';
  // Their balances, without a total that a partial promise's own amount would contradict.
  const table = balances(m, m.invoices, t.statement.balance, false);
  const notes = [words.reminder.payLink(table.count), t.email.reminder.alreadyPaid];
  const questions = m.supportEmail ? t.email.reminder.questions(m.supportEmail) : '';
  const text = plainText(m.locale, m.footer, [
    [words.promised(amount, promised, m.customerName), progress].filter(Boolean).join(' '),
    `${table.heading}\n${table.lines}`,
    t.labelled(words.reminder.pay(remaining), m.payUrl),
    [...notes, questions].filter(Boolean).join('\n'),
  ]);
  const html = layout(
    m.locale,
    m.company,
    `<p>${words.promised(strong(amount), strong(promised), escapeHtml(m.customerName))}${progress ? ` ${escapeHtml(progress)}` : ''}</p>
${table.table}
${button(m.payUrl, words.reminder.pay(remaining))}
<p style="color:#52606d;font-size:13px">${notes.join(' ')}${m.supportEmail ? ` ${t.email.reminder.questions(escapeHtml(m.supportEmail))}` : ''}</p>`,
    m.footer,
  );
  const subject = words.reminder.subject(remaining, promised, m.onTheDay);
  return { kind: 'promise.reminder', to: m.to, subject, text, html, sensitive: true };
}

/** The promise was broken (or only partly kept, `paid > 0`): reminders resume; pay links per invoice and the past-due list. */
export function promiseMissedEmail(
  m: PromiseEmailBase & {
    amount: number;
    paid: number;
    promisedDate: string;
    invoices: { number: string; balance: number; payUrl: string }[];
    pastDueUrl: string;
  },
): EmailContent {
  const { t, money, date } = wordsFor(m.locale, m.currency);
  const words = t.email.promise;
  const amount = money(m.amount);
  const paid = m.paid > 0 ? money(m.paid) : '';
  const promised = date(m.promisedDate);
  const outcome = words.missed.outcome(paid);
  const table = balances(m, m.invoices, words.balance, true);
  const resumed = words.missed.resumed(table.count);
  const portal = t.email.reminder.portal(true);
  const text = plainText(m.locale, m.footer, [
    `${words.promised(amount, promised, m.customerName)} ${outcome}`,
    `${resumed}\n${table.lines}`,
    `${t.email.reminder.payLinks}\n${t.labelled(portal, m.pastDueUrl)}`,
    [t.email.reminder.alreadyPaid, m.supportEmail ? words.missed.needTime(m.supportEmail) : '']
      .filter(Boolean)
      .join('\n'),
  ]);
  const html = layout(
    m.locale,
    m.company,
    `<p>${words.promised(strong(amount), strong(promised), escapeHtml(m.customerName))} ${escapeHtml(outcome)}</p>
<p>${resumed}</p>
${table.table}
${button(m.pastDueUrl, portal)}
<p style="color:#52606d;font-size:13px">${t.email.reminder.payLinks} ${t.email.reminder.alreadyPaid}${m.supportEmail ? ` ${words.missed.needTime(escapeHtml(m.supportEmail))}` : ''}</p>`,
    m.footer,
  );
  const subject = words.missed.subject(amount, promised, paid);
  return { kind: 'promise.missed', to: m.to, subject, text, html, sensitive: true };
}

/** To the collector (staff): a customer's promise was missed. No links with secrets. */
export function promiseBrokenNoticeEmail(m: {
  company: string;
  to: string;
  customerName: string;
  currency: string;
  locale: string;
  amount: number;
  paid: number;
  promisedDate: string;
  madeBy: string | null;
  invoices: { number: string; balance: number }[];
}): EmailContent {
  const { t, money, date } = wordsFor(m.locale, m.currency);
  const words = t.email.promise;
  const notice = words.brokenNotice;
  const amount = money(m.amount);
  const paid = m.paid > 0 ? money(m.paid) : '';
  const promised = date(m.promisedDate);
  const outcome = notice.outcome(paid);
  const madeBy = m.madeBy ? notice.madeBy(m.madeBy) : '';
  const table = balances(m, m.invoices, words.balance, true);
  const text = plainText(m.locale, undefined, [
    [notice.body(m.customerName, amount, promised), outcome, madeBy].filter(Boolean).join(' '),
    `${table.heading}\n${table.lines}`,
    notice.resumed,
  ]);
  const html = layout(
    m.locale,
    m.company,
    `<p>${notice.body(strong(m.customerName), strong(amount), strong(promised))} ${escapeHtml(outcome)}${m.madeBy ? ` ${notice.madeBy(escapeHtml(m.madeBy))}` : ''}</p>
${table.table}
<p>${notice.resumed}</p>`,
  );
  const subject = notice.subject(m.customerName, amount, promised, paid);
  return { kind: 'promise.broken_notice', to: m.to, subject, text, html, sensitive: false };
}
