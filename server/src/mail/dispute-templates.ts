/**
 * The emails of a dispute: to the customer at each step (received, under review, a staff reply,
 * resolved, not accepted, withdrawn), each with a link that opens the dispute in the portal; and the
 * notice to staff of a new dispute, a customer's reply or a withdrawal. Built of the pieces of the
 * payment reminder (reminder-templates.ts). What the customer or staff wrote (messages, notes, reasons)
 * is quoted as written in text and escaped in HTML.
 */
import type { DisputeReason } from '../contract';
import type { EmailContent } from '../domain/notifications';
import { catalogFor } from '../locales/catalog';
import { documentFormats } from '../locales/format';
import { button, invoiceTable, plainText, wordsFor, type TableRow } from './reminder-templates';
import type { PromiseEmailBase } from './promise-templates';
import { escapeHtml, layout } from './templates';

/** The customer, the company and the dispute every customer email names (the promise emails' base, and the dispute). */
export interface DisputeEmailBase extends PromiseEmailBase {
  invoiceNumber: string;
  /** The disputed total. */
  amount: number;
  /** A link that opens this dispute in the portal (a scoped sign-in link: sensitive). */
  disputeUrl: string;
}

export interface DisputeEmailLine {
  description: string;
  reason: DisputeReason;
  quantity: number | null;
  amount: number;
  note: string | null;
}

/** To the customer, at each step. `step` → EmailContent.kind `dispute.<step>`. */
export type DisputeCustomerStep =
  | { step: 'opened'; lines: DisputeEmailLine[]; message: string; undisputed: number }
  | { step: 'under_review'; staffName: string | null }
  /** A staff reply, quoted. */
  | { step: 'message'; staffName: string | null; body: string }
  /** `balance`: the invoice's balance after the credit. */
  | { step: 'resolved'; creditAmount: number; creditNoteNumber: string; note: string; balance: number }
  | { step: 'rejected'; reason: string; balance: number }
  | { step: 'withdrawn'; balance: number };

/** What staff are told of: a new dispute, a customer's reply, a withdrawal. */
export interface DisputeStaffNotice {
  company: string;
  to: string;
  locale: string;
  currency: string;
  customerName: string;
  invoiceNumber: string;
  amount: number;
  event: 'opened' | 'message' | 'withdrawn';
  /** The disputed lines (for 'opened'; may be passed for the others). */
  lines: DisputeEmailLine[];
  /** The customer's message (opened, message). */
  message: string | null;
  /** The contact's email. */
  openedBy: string | null;
  /** How many files came with the dispute so far. */
  attachments: number;
}

/** Text written by a person, quoted as written: `> ` before each line in text, a bar beside it in HTML. */
function quote(written: string): { text: string; html: string } {
  const body = written.trim().replace(/\r\n?/g, '\n');
  return {
    text: body.replace(/^/gm, '> '),
    html: `<blockquote style="margin:0 0 16px;padding:4px 0 4px 12px;border-left:3px solid #cbd2d9">${escapeHtml(body).replace(/\n/g, '<br>')}</blockquote>`,
  };
}

/** A quote under its label ("Your message:"); null when nothing was written. */
function labelledQuote(locale: string, label: string, written: string | null): { text: string; html: string } | null {
  if (!written?.trim()) return null;
  const { text, html } = quote(written);
  const heading = catalogFor(locale).labelled(label, '').trimEnd();
  return {
    text: `${heading}\n${text}`,
    html: `<p style="margin:16px 0 4px;color:#52606d;font-size:13px">${escapeHtml(label)}</p>\n${html}`,
  };
}

/** The disputed lines as text lines and as a table: description, reason, amount; quantity and note beneath. */
function disputedLines(
  m: { locale: string; currency: string },
  lines: readonly DisputeEmailLine[],
): { text: string; table: string } {
  const { t, money } = wordsFor(m.locale, m.currency);
  const words = t.dispute.lines;
  const quantity = documentFormats(m.locale, m.currency).quantity;
  // A line's note is short: kept on one line, so it stays under its line in text.
  const details = (l: DisputeEmailLine) =>
    [
      l.quantity === null ? '' : t.labelled(words.quantity, quantity(l.quantity)),
      l.note?.trim() ? t.labelled(words.note, l.note.trim().replace(/\s*\n\s*/g, ' ')) : '',
    ].filter(Boolean);
  const text = lines.flatMap((l) => [
    `  ${t.labelled(l.description, `${money(l.amount)} (${t.dispute.reason(l.reason)})`)}`,
    ...details(l).map((d) => `    ${d}`),
  ]);
  const rows: TableRow[] = lines.map((l) => ({
    cells: [escapeHtml(l.description), escapeHtml(t.dispute.reason(l.reason)), escapeHtml(money(l.amount))],
    note: details(l).length ? escapeHtml(details(l).join(' · ')) : undefined,
  }));
  if (lines.length > 1) {
    const total = money(lines.reduce((s, l) => s + l.amount, 0));
    text.push(`  ${t.labelled(words.total, total)}`);
    rows.push({ cells: [escapeHtml(words.total), '', escapeHtml(total)], total: true });
  }
  return {
    text: text.join('\n'),
    table: invoiceTable([words.line, words.reason, words.amount], rows, 2, ['56%', '24%', '20%']),
  };
}

/** A step's own paragraphs, as text and as HTML (each HTML paragraph whole, values escaped). */
interface StepBody {
  subject: string;
  text: string[];
  html: string[];
}

function stepBody(m: DisputeEmailBase & DisputeCustomerStep): StepBody {
  const { t, money } = wordsFor(m.locale, m.currency);
  const words = t.dispute.email;
  const amount = money(m.amount);
  const invoice = m.invoiceNumber;
  const html = escapeHtml;
  // The balance after the decision; '' when nothing is left, so the sentence says so.
  const balance = (minor: number) => (minor > 0 ? money(minor) : '');
  switch (m.step) {
    case 'opened': {
      const lines = disputedLines(m, m.lines);
      const message = labelledQuote(m.locale, words.opened.message, m.message);
      const rest = m.undisputed > 0 ? words.opened.payRest(money(m.undisputed)) : words.opened.allDisputed;
      return {
        subject: words.opened.subject(invoice),
        text: [
          words.opened.body(invoice, amount, m.customerName),
          lines.text,
          message?.text ?? '',
          rest,
          words.opened.next,
        ],
        html: [
          `<p>${words.opened.body(`<strong>${html(invoice)}</strong>`, `<strong>${html(amount)}</strong>`, html(m.customerName))}</p>`,
          lines.table,
          message?.html ?? '',
          `<p>${html(rest)} ${words.opened.next}</p>`,
        ],
      };
    }
    case 'under_review': {
      const staff = m.staffName?.trim() ?? '';
      return {
        subject: words.underReview.subject(invoice),
        text: [words.underReview.body(invoice, amount, staff), words.underReview.next],
        html: [
          `<p>${words.underReview.body(html(invoice), `<strong>${html(amount)}</strong>`, html(staff))}</p>`,
          `<p>${words.underReview.next}</p>`,
        ],
      };
    }
    case 'message': {
      const from = m.staffName?.trim() || m.company;
      const reply = quote(m.body);
      return {
        subject: words.message.subject(invoice),
        text: [`${words.message.body(invoice, from)}\n${reply.text}`, words.message.answer],
        html: [`<p>${words.message.body(html(invoice), html(from))}</p>`, reply.html, `<p>${words.message.answer}</p>`],
      };
    }
    case 'resolved': {
      const credit = money(m.creditAmount);
      const whole = m.creditAmount >= m.amount;
      const note = labelledQuote(m.locale, words.resolved.note, m.note);
      const after = words.balanceNow(balance(m.balance));
      return {
        subject: words.resolved.subject(invoice, credit),
        text: [words.resolved.body(invoice, credit, m.creditNoteNumber, amount, whole), note?.text ?? '', after],
        html: [
          `<p>${words.resolved.body(html(invoice), `<strong>${html(credit)}</strong>`, html(m.creditNoteNumber), html(amount), whole)}</p>`,
          note?.html ?? '',
          `<p>${html(after)}</p>`,
        ],
      };
    }
    case 'rejected': {
      const reason = labelledQuote(m.locale, words.rejected.reason, m.reason);
      const after = words.dueAgain(balance(m.balance));
      return {
        subject: words.rejected.subject(invoice),
        text: [words.rejected.body(invoice, amount), reason?.text ?? '', after],
        html: [
          `<p>${words.rejected.body(html(invoice), html(amount))}</p>`,
          reason?.html ?? '',
          `<p>${html(after)}</p>`,
        ],
      };
    }
    case 'withdrawn': {
      const after = words.dueAgain(balance(m.balance));
      return {
        subject: words.withdrawn.subject(invoice),
        text: [words.withdrawn.body(invoice, amount), after],
        html: [`<p>${words.withdrawn.body(html(invoice), html(amount))}</p>`, `<p>${html(after)}</p>`],
      };
    }
  }
}

/** To the customer at each step of the dispute, with the link that opens it (sensitive: it signs in). */
export function disputeCustomerEmail(m: DisputeEmailBase & DisputeCustomerStep): EmailContent {
  const { t } = wordsFor(m.locale, m.currency);
  const words = t.dispute.email;
  const body = stepBody(m);
  const questions = m.supportEmail ? t.email.reminder.questions(m.supportEmail) : '';
  const text = plainText(m.locale, m.footer, [
    ...body.text,
    t.labelled(words.view, m.disputeUrl),
    [words.viewNote, questions].filter(Boolean).join('\n'),
  ]);
  const html = layout(
    m.locale,
    m.company,
    `${body.html.filter(Boolean).join('\n')}
${button(m.disputeUrl, words.view)}
<p style="color:#52606d;font-size:13px">${words.viewNote}${m.supportEmail ? ` ${t.email.reminder.questions(escapeHtml(m.supportEmail))}` : ''}</p>`,
    m.footer,
  );
  return { kind: `dispute.${m.step}`, to: m.to, subject: body.subject, text, html, sensitive: true };
}

/** To staff: a new dispute, a customer's reply, a withdrawal. No links with secrets. */
export function disputeStaffNotice(m: DisputeStaffNotice): EmailContent {
  const { t, money } = wordsFor(m.locale, m.currency);
  const words = t.dispute.notice;
  const amount = money(m.amount);
  const lines = m.lines.length ? disputedLines(m, m.lines) : null;
  const message = labelledQuote(m.locale, words.message, m.message);
  const contact = m.openedBy ? t.labelled(words.contact, m.openedBy) : '';
  const attachments = m.attachments > 0 ? words.attachments(m.attachments) : '';
  const intro = words.body(m.event, m.customerName, m.invoiceNumber, amount);
  const text = plainText(m.locale, undefined, [
    [intro, contact].filter(Boolean).join('\n'),
    lines?.text ?? '',
    message?.text ?? '',
    [attachments, words.console].filter(Boolean).join(' '),
  ]);
  const html = layout(
    m.locale,
    m.company,
    [
      `<p>${words.body(m.event, `<strong>${escapeHtml(m.customerName)}</strong>`, escapeHtml(m.invoiceNumber), `<strong>${escapeHtml(amount)}</strong>`)}${contact ? `<br>${escapeHtml(contact)}` : ''}</p>`,
      lines?.table ?? '',
      message?.html ?? '',
      `<p style="color:#52606d;font-size:13px">${attachments ? `${attachments} ` : ''}${words.console}</p>`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const subject = words.subject(m.event, m.customerName, m.invoiceNumber, amount);
  return { kind: 'dispute.notice', to: m.to, subject, text, html, sensitive: false };
}
