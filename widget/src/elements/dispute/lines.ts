/** The lines a dispute questions: each with its reason, and the quantity and amount in question against the line's own. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../../locales/catalog.js';
import { formatQuantity } from '../../internal/format.js';
import type { DisputeView } from '../../internal/types.js';

export function renderDisputeLines(
  dispute: DisputeView,
  money: (minor: number) => string,
  locale: string | undefined,
  t: Catalog,
): TemplateResult {
  const words = t.dispute;
  return html`<section aria-labelledby="lines-heading">
    <h3 id="lines-heading">${words.lines}</h3>
    <ul class="lines" part="lines">
      ${dispute.lines.map(
        (line) =>
          html`<li class="line">
            <p class="line-head">
              <span class="description">${line.description}</span>
              <span class="reason">${t.disputeEditor.reason(line.reason)}</span>
            </p>
            <dl class="line-facts">
              ${
                line.quantity !== null
                  ? html`<div>
                      <dt>${words.quantity}</dt>
                      <dd>
                        ${words.ofLine(formatQuantity(line.quantity, locale), formatQuantity(line.lineQuantity, locale))}
                      </dd>
                    </div>`
                  : nothing
              }
              <div>
                <dt>${words.amount}</dt>
                <dd>${words.ofLine(money(line.amount), money(line.lineAmount))}</dd>
              </div>
            </dl>
            ${line.note ? html`<p class="note"><span class="subtle">${words.note}:</span> ${line.note}</p>` : nothing}
          </li>`,
      )}
    </ul>
  </section>`;
}
