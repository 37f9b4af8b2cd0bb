/** Payment emails: the receipt (with its PDF attached by the outbox) and the notices of a returned or refunded payment. */
import type { PaymentView } from '../contract';
import type { EmailContent } from '../domain/notifications';
import type { CompanySettings } from '../domain/settings';
import { catalogFor, type DocumentCatalog } from '../locales/catalog';
import { documentFormats } from '../locales/format';
import { escapeHtml, footerText, layout, type CompanyFooter } from './templates';

interface PaymentEmail {
  /** The company's name, or its settings: then the footer also gives its portal page and address. */
  company: string | Pick<CompanySettings, 'companyName' | 'companyAddress' | 'portalUrl'>;
  to: string;
  payment: PaymentView;
  /** The recipient's BCP 47 locale (see domain/notifications/reader-locale.ts). */
  locale: string;
}

/** What every payment email starts from: who sends it, in which words, with which money format. */
function prepare({ company, payment, locale }: PaymentEmail) {
  const sender =
    typeof company === 'string'
      ? { name: company, footer: {} as CompanyFooter }
      : { name: company.companyName, footer: { address: company.companyAddress, portalUrl: company.portalUrl } };
  return { ...sender, t: catalogFor(locale), money: documentFormats(locale, payment.currency).money };
}

function lines(p: PaymentView, t: DocumentCatalog, money: (minor: number) => string): [string, string][] {
  const words = t.email.receipt;
  const rows: [string, string][] = p.allocations.map((a) => [
    a.source === 'credit' ? words.fromCredit(a.number) : a.number,
    money(a.amount),
  ]);
  if (p.unapplied > 0) rows.push([words.keptAsCredit, money(p.unapplied)]);
  if (p.surcharge > 0) rows.push([words.surcharge, money(p.surcharge)]);
  rows.push([words.totalCharged, money(p.total)]);
  return rows;
}

export function paymentReceiptEmail(email: PaymentEmail): EmailContent {
  const { to, payment, locale } = email;
  const { name: company, footer, t, money } = prepare(email);
  const words = t.email.receipt;
  const total = money(payment.total);
  const method = t.method(payment.method);
  const rows = lines(payment, t, money);
  const text = [
    words.thanks(total, method),
    '',
    words.receipt(payment.receiptNumber),
    ...rows.map(([label, amount]) => `  ${t.labelled(label, amount)}`),
    '',
    words.attached,
  ]
    .join('\n')
    .concat(footerText(locale, footer));
  const table = rows
    .map(
      ([label, amount], i) =>
        `<tr><td style="padding:4px 0${i === rows.length - 1 ? ';font-weight:bold;border-top:1px solid #cbd2d9' : ''}">${escapeHtml(label)}</td><td style="padding:4px 0;text-align:right${i === rows.length - 1 ? ';font-weight:bold;border-top:1px solid #cbd2d9' : ''}">${escapeHtml(amount)}</td></tr>`,
    )
    .join('');
  const html = layout(
    locale,
    company,
    `<p>${words.thanks(`<strong>${escapeHtml(total)}</strong>`, escapeHtml(method))}</p>
<p style="color:#52606d">${words.receipt(escapeHtml(payment.receiptNumber))}</p>
<table role="presentation" width="100%" style="border-collapse:collapse">${table}</table>
<p style="color:#52606d;font-size:13px">${words.attached}</p>`,
    footer,
  );
  const subject = words.subject(payment.receiptNumber, company, total);
  return { kind: 'payment.receipt', to, subject, text, html };
}

export function paymentReturnedEmail(email: PaymentEmail): EmailContent {
  const { to, payment, locale } = email;
  const { name: company, footer, t, money } = prepare(email);
  const words = t.email.returned;
  const total = money(payment.total);
  const numbers = payment.allocations.map((a) => a.number).join(', ');
  const text = [words.body(total, payment.receiptNumber), numbers ? words.reopened(numbers) : '', words.payAgain]
    .filter(Boolean)
    .join('\n\n')
    .concat(footerText(locale, footer));
  const html = layout(
    locale,
    company,
    `<p>${words.body(`<strong>${escapeHtml(total)}</strong>`, escapeHtml(payment.receiptNumber))}</p>
${numbers ? `<p>${words.reopened(escapeHtml(numbers))}</p>` : ''}
<p>${words.payAgain}</p>`,
    footer,
  );
  return { kind: 'payment.returned', to, subject: words.subject(payment.receiptNumber, total), text, html };
}

/** Money no chosen invoice could take went back to the payer (or, for a cancelled payment, all of it). */
export function paymentRefundedEmail(email: PaymentEmail): EmailContent {
  const { to, payment, locale } = email;
  const { name: company, footer, t, money } = prepare(email);
  const words = t.email.refunded;
  const refunded = money(payment.refunded);
  const why = payment.status === 'refunded' ? words.whole : words.part;
  const text = [words.body(refunded, payment.receiptNumber), why, words.when]
    .join('\n\n')
    .concat(footerText(locale, footer));
  const html = layout(
    locale,
    company,
    `<p>${words.body(`<strong>${escapeHtml(refunded)}</strong>`, escapeHtml(payment.receiptNumber))}</p>
<p>${why}</p>
<p>${words.when}</p>`,
    footer,
  );
  return { kind: 'payment.refunded', to, subject: words.subject(refunded, payment.receiptNumber), text, html };
}
