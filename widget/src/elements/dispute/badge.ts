/**
 * Where a dispute stands, as a badge: words and a shape, never colour alone. Shown on a dispute's page,
 * in the list of disputes and on an invoice's detail.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Catalog } from '../../locales/catalog.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';
import type { DisputeStatus } from '../../internal/types.js';

const icons: Record<DisputeStatus, string> = {
  open: '?',
  under_review: '◔',
  resolved: '✓',
  rejected: '✕',
  withdrawn: '–',
};

/** Open and under review: the invoice is `disputed`, the thread takes replies, the customer may withdraw. */
export function isOpenDispute(status: DisputeStatus): boolean {
  return status === 'open' || status === 'under_review';
}

export function renderDisputeBadge(status: DisputeStatus, words: Catalog): TemplateResult {
  return html`<span class="badge dispute-${status}" part="badge badge-${status}"
    ><span class="badge-icon" aria-hidden="true">${icons[status]}</span> ${words.dispute.status(status)}</span
  >`;
}

/** The dispute badges, beside `badgeStyles` (whose `.badge` they extend). */
export const disputeBadgeStyles = css`
  .badge.dispute-open,
  .badge.dispute-under_review {
    color: ${t.colorWarning};
    background: ${tint(t.colorWarning, 8)};
  }

  .badge.dispute-resolved {
    color: ${t.colorSuccess};
    background: ${tint(t.colorSuccess, 8)};
  }

  .badge.dispute-rejected {
    color: ${t.colorDanger};
    background: ${tint(t.colorDanger, 8)};
  }

  .badge.dispute-withdrawn {
    color: ${t.colorMuted};
    background: ${tint(t.colorMuted, 6)};
  }
`;
