/**
 * What open disputes put in question, on the statement: part of the balance, shown apart from it (the
 * total, its share of each aging bucket, and each open dispute), and only when something is disputed.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../../locales/catalog.js';
import { emit } from '../../internal/events.js';
import { tokens as t } from '../../internal/tokens.styles.js';
import type { AgingBuckets, Statement } from '../../internal/types.js';

export interface DisputedOptions {
  host: HTMLElement;
  t: Catalog;
  /** The aging buckets in their order. */
  keys: readonly (keyof AgingBuckets)[];
  money: (minor: number) => string;
  date: (day: string) => string;
}

export function renderDisputed(statement: Statement, options: DisputedOptions): TemplateResult | typeof nothing {
  const { disputed } = statement;
  if (!disputed || disputed.total <= 0) return nothing;
  const { t: words, money, date } = options;
  const buckets = options.keys.filter((key) => disputed.aging[key] > 0);
  return html`<section class="disputed" part="disputed" aria-labelledby="disputed-heading">
    <h3 id="disputed-heading">${words.statement.disputedHeading}</h3>
    <p class="disputed-note">${words.statement.disputedNote}</p>
    <dl class="figures">
      <div class="warning">
        <dt>${words.statement.disputedTotal}</dt>
        <dd>${money(disputed.total)}</dd>
      </div>
    </dl>
    ${
      buckets.length > 0
        ? html`<h4 id="disputed-aging-heading">${words.statement.disputedAging}</h4>
            <dl class="figures aging-buckets" aria-labelledby="disputed-aging-heading">
              ${buckets.map(
                (key) =>
                  html`<div class="bucket bucket-${key}">
                    <dt><span class="swatch" aria-hidden="true"></span>${words.statement.agingBucket[key]}</dt>
                    <dd>${money(disputed.aging[key])}</dd>
                  </div>`,
              )}
            </dl>`
        : nothing
    }
    ${
      disputed.items.length > 0
        ? html`<h4 id="disputed-items-heading">${words.statement.disputedItems}</h4>
            <ul class="disputed-items" aria-labelledby="disputed-items-heading">
              ${disputed.items.map(
                (item) =>
                  html`<li>
                    <button
                      class="button link"
                      part="button dispute-button"
                      type="button"
                      @click=${() => emit(options.host, 'ar-dispute-view-request', { dispute: item.disputeId })}
                    >
                      ${words.statement.disputedItem(item.invoiceNumber, date(item.openedOn), words.dispute.status(item.status))}
                    </button>
                    <span class="num">${money(item.amount)}</span>
                  </li>`,
              )}
            </ul>`
        : nothing
    }
  </section>`;
}

export const disputedStyles = css`
  .disputed {
    display: grid;
    gap: ${t.space};
  }

  .disputed h3,
  .disputed h4,
  .disputed-note {
    margin: 0;
  }

  .disputed h4 {
    color: ${t.colorMuted};
    font-size: 0.875em;
    font-weight: 600;
  }

  .disputed-note {
    color: ${t.colorMuted};
    font-size: 0.875em;
  }

  /* Tiles as wide as the aging's above, not stretched across when there are few. */
  .disputed .figures {
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
  }

  .disputed-items {
    display: grid;
    gap: calc(${t.space} / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .disputed-items li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(${t.space} / 2) ${t.space};
  }

  .disputed-items .button {
    text-align: start;
  }

  .disputed-items .num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
