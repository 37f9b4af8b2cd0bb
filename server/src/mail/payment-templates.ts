/** Payment emails: the receipt (with its PDF attached by the outbox) and the notice of a returned debit. */
import type { PaymentMethod, PaymentView } from '../contract';
import type { EmailContent } from '../domain/outbox';
import { formatMoney } from '../domain/money';
import type { CompanySettings } from '../domain/settings';
import { escapeHtml, footerText, layout, type CompanyFooter } from './templates';

export const methodLabels: Record<PaymentMethod, string> = {
  card: 'Card',
  debit: 'Debit card',
  ach: 'Bank transfer (ACH)',
  eft: 'Bank transfer (EFT)',
  paypal: 'PayPal',
};

/** Any payment's method as people say it, including those only the ERP records (check, wire). */
export function paymentMethodLabel(method: string): string {
  const other: Record<string, string> = { check: 'Check', wire: 'Wire transfer', other: 'Other' };
  return methodLabels[method as PaymentMethod] ?? other[method] ?? method;
}

interface PaymentEmail {
  /** The company's name, or its settings: then the footer also gives its portal page and address. */
  company: string | Pick<CompanySettings, 'companyName' | 'companyAddress' | 'portalUrl'>;
  to: string;
  payment: PaymentView;
}

function sender(company: PaymentEmail['company']): { name: string; footer: CompanyFooter } {
  if (typeof company === 'string') return { name: company, footer: {} };
  return { name: company.companyName, footer: { address: company.companyAddress, portalUrl: company.portalUrl } };
}

function lines(p: PaymentView): [string, string][] {
  const rows: [string, string][] = p.allocations.map((a) => [
    `${a.number}${a.source === 'credit' ? ' (your credit)' : ''}`,
    formatMoney(a.amount, p.currency),
  ]);
  if (p.unapplied > 0) rows.push(['Kept as credit on your account', formatMoney(p.unapplied, p.currency)]);
  if (p.surcharge > 0) rows.push(['Card surcharge', formatMoney(p.surcharge, p.currency)]);
  rows.push(['Total charged', formatMoney(p.total, p.currency)]);
  return rows;
}

export function paymentReceiptEmail({ company: from, to, payment }: PaymentEmail): EmailContent {
  const { name: company, footer } = sender(from);
  const total = formatMoney(payment.total, payment.currency);
  const subject = `Receipt ${payment.receiptNumber} from ${company}: ${total} received`;
  const rows = lines(payment);
  const text = [
    `Thank you. We received your payment of ${total} by ${methodLabels[payment.method]}.`,
    '',
    `Receipt ${payment.receiptNumber}`,
    ...rows.map(([label, amount]) => `  ${label}: ${amount}`),
    '',
    'The receipt is attached as a PDF.',
  ]
    .join('\n')
    .concat(footerText(footer));
  const table = rows
    .map(
      ([label, amount], i) =>
        `<tr><td style="padding:4px 0${i === rows.length - 1 ? ';font-weight:bold;border-top:1px solid #cbd2d9' : ''}">${escapeHtml(label)}</td><td style="padding:4px 0;text-align:right${i === rows.length - 1 ? ';font-weight:bold;border-top:1px solid #cbd2d9' : ''}">${escapeHtml(amount)}</td></tr>`,
    )
    .join('');
  const html = layout(
    company,
    `<p>Thank you. We received your payment of <strong>${escapeHtml(total)}</strong> by ${escapeHtml(methodLabels[payment.method])}.</p>
<p style="color:#52606d">Receipt ${escapeHtml(payment.receiptNumber)}</p>
<table role="presentation" width="100%" style="border-collapse:collapse">${table}</table>
<p style="color:#52606d;font-size:13px">The receipt is attached as a PDF.</p>`,
    footer,
  );
  return { kind: 'payment.receipt', to, subject, text, html };
}

export function paymentReturnedEmail({ company: from, to, payment }: PaymentEmail): EmailContent {
  const { name: company, footer } = sender(from);
  const total = formatMoney(payment.total, payment.currency);
  const numbers = payment.allocations.map((a) => a.number).join(', ');
  const subject = `Your payment ${payment.receiptNumber} of ${total} was returned by your bank`;
  const text = [
    `Your bank returned your payment of ${total} (receipt ${payment.receiptNumber}).`,
    numbers ? `The invoices it paid are open again: ${numbers}.` : '',
    'Please pay them again in the portal, or contact us if you think this is a mistake.',
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat(footerText(footer));
  const html = layout(
    company,
    `<p>Your bank returned your payment of <strong>${escapeHtml(total)}</strong> (receipt ${escapeHtml(payment.receiptNumber)}).</p>
${numbers ? `<p>The invoices it paid are open again: ${escapeHtml(numbers)}.</p>` : ''}
<p>Please pay them again in the portal, or contact us if you think this is a mistake.</p>`,
    footer,
  );
  return { kind: 'payment.returned', to, subject, text, html };
}

/** Money no chosen invoice could take went back to the payer (or, for a cancelled payment, all of it). */
export function paymentRefundedEmail({ company: from, to, payment }: PaymentEmail): EmailContent {
  const { name: company, footer } = sender(from);
  const refunded = formatMoney(payment.refunded, payment.currency);
  const whole = payment.status === 'refunded';
  const subject = `We refunded ${refunded} of your payment ${payment.receiptNumber}`;
  const why = whole
    ? 'The invoices it was for had been paid or cancelled by the time the money arrived, so none of it was applied.'
    : 'Part of it could not be applied: the invoices you chose had less left to pay by the time the money arrived.';
  const text = [
    `We refunded ${refunded} of your payment ${payment.receiptNumber} to the account or card you paid with.`,
    why,
    'It usually shows there within 5 to 10 business days.',
  ]
    .join('\n\n')
    .concat(footerText(footer));
  const html = layout(
    company,
    `<p>We refunded <strong>${escapeHtml(refunded)}</strong> of your payment ${escapeHtml(payment.receiptNumber)} to the account or card you paid with.</p>
<p>${escapeHtml(why)}</p>
<p>It usually shows there within 5 to 10 business days.</p>`,
    footer,
  );
  return { kind: 'payment.refunded', to, subject, text, html };
}
