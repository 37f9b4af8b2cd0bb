import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../locales/catalog.js';
import type { InvoiceStatus } from './types.js';

const icons: Record<InvoiceStatus, string> = { past_due: '!', open: '○', paid: '✓', disputed: '?', void: '–' };

/** The status in words, with days past due, for a row's accessible name. */
export function statusText(invoice: { status: InvoiceStatus; daysPastDue: number }, t: Catalog): string {
  const label = t.invoices.badge(invoice.status);
  return invoice.status === 'past_due' ? `${label} · ${t.invoices.daysPastDue(invoice.daysPastDue)}` : label;
}

/** The status badge: words and a shape, never colour alone (styles in `badgeStyles`). */
export function renderStatusBadge(invoice: { status: InvoiceStatus; daysPastDue: number }, t: Catalog): TemplateResult {
  const { status } = invoice;
  const days = status === 'past_due' ? html`<span> · ${t.invoices.daysPastDue(invoice.daysPastDue)}</span>` : nothing;
  return html`<span class="badge ${status}" part="badge badge-${status}"
    ><span><span class="badge-icon" aria-hidden="true">${icons[status]}</span> ${t.invoices.badge(status)}</span
    >${days}</span
  >`;
}
