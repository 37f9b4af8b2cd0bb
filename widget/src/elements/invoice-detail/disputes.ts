/**
 * An invoice's disputes on its detail: the open one (its amount and where it stands, and the way to its
 * page), the button to open one when the invoice can be disputed, and the past ones, briefly.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../../locales/catalog.js';
import { emit } from '../../internal/events.js';
import type { InvoiceDetail } from '../../internal/types.js';

/** Something is owed on it, it is not void, and no dispute of it is open yet. */
function disputable(detail: InvoiceDetail): boolean {
  return detail.balance > 0 && detail.status !== 'void' && detail.status !== 'paid' && !detail.dispute;
}

/** "Dispute", in the header's actions, when the invoice can be disputed. */
export function renderDisputeButton(
  host: HTMLElement,
  detail: InvoiceDetail,
  t: Catalog,
): TemplateResult | typeof nothing {
  if (!disputable(detail)) return nothing;
  return html`<button
    class="button secondary"
    part="button dispute-button"
    type="button"
    @click=${() => emit(host, 'ar-dispute-request', { invoices: [detail] })}
  >
    ${t.invoice.dispute}
  </button>`;
}

/** The open dispute's amount and status, and the way to its page. */
export function renderOpenDispute(
  host: HTMLElement,
  detail: InvoiceDetail,
  money: (minor: number) => string,
  t: Catalog,
): TemplateResult | typeof nothing {
  const open = detail.dispute;
  if (!open) return nothing;
  return html`<div class="notice warning disputed" part="notice dispute">
    <p>${t.invoice.disputeOpen(money(open.amount), t.dispute.status(open.status))}</p>
    <button
      class="button secondary"
      part="button see-dispute-button"
      type="button"
      @click=${() => emit(host, 'ar-dispute-view-request', { dispute: open.id })}
    >
      ${t.invoice.seeDispute}
    </button>
  </div>`;
}

/** The invoice's decided disputes, briefly, each leading to its page. */
export function renderPastDisputes(
  host: HTMLElement,
  detail: InvoiceDetail,
  money: (minor: number) => string,
  t: Catalog,
): TemplateResult | typeof nothing {
  const past = detail.disputes.filter((dispute) => dispute.id !== detail.dispute?.id);
  if (past.length === 0) return nothing;
  return html`<section class="past-disputes" part="past-disputes" aria-labelledby="past-disputes-heading">
    <h3 id="past-disputes-heading">${t.invoice.pastDisputes}</h3>
    <ul>
      ${past.map(
        (dispute) =>
          html`<li>
            <button
              class="button link"
              part="button past-dispute-button"
              type="button"
              @click=${() => emit(host, 'ar-dispute-view-request', { dispute: dispute.id })}
            >
              ${t.invoice.pastDispute(money(dispute.amount), t.dispute.status(dispute.status))}
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}
