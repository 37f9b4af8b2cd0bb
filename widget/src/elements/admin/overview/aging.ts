/**
 * The AR aging card: a stacked bar per age bucket (the disputed part apart), drawn in plain SVG for
 * the eye and hidden from screen readers, then the same figures as a table, which is what they read.
 */
import { html, type TemplateResult } from 'lit';
import { formatMoney } from '../../../internal/format.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import type { AgingBuckets, OverviewAging } from '../shared/types.js';

export const buckets = [
  'current',
  'days1to30',
  'days31to60',
  'days61to90',
  'over90',
] as const satisfies readonly (keyof AgingBuckets)[];

/** One bar, 100 units wide at the largest bucket: the undisputed part, then the disputed part. */
function bar(balance: number, disputed: number, largest: number): TemplateResult {
  const whole = largest > 0 ? (balance / largest) * 100 : 0;
  const part = largest > 0 ? (Math.min(disputed, balance) / largest) * 100 : 0;
  return html`<svg class="bar" viewBox="0 0 100 4" preserveAspectRatio="none" focusable="false">
    <rect class="undisputed" width=${whole - part} height="4"></rect>
    <rect class="disputed" x=${whole - part} width=${part} height="4"></rect>
  </svg>`;
}

export function renderAging(aging: OverviewAging, currency: string, w: AdminCatalog['overview'], locale?: string) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const largest = Math.max(...buckets.map((bucket) => aging.balances[bucket]));
  return html`<section class="card wide" part="aging" aria-labelledby="aging-heading">
    <h3 id="aging-heading">${w.aging}</h3>
    <div class="aging">
      <div class="chart" part="aging-chart" aria-hidden="true">
        ${buckets.map(
          (bucket) =>
            html`<span class="label">${w.bucket(bucket)}</span
              >${bar(aging.balances[bucket], aging.disputed[bucket], largest)}`,
        )}
        <p class="legend">
          <span><i class="swatch undisputed"></i>${w.undisputed}</span>
          <span><i class="swatch disputed"></i>${w.disputed}</span>
        </p>
      </div>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${w.agingCaption(currency)}>
        <table>
          <caption class="visually-hidden">
            ${w.agingCaption(currency)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${w.age}</th>
              <th scope="col" class="num">${w.balance}</th>
              <th scope="col" class="num">${w.disputed}</th>
            </tr>
          </thead>
          <tbody>
            ${buckets.map(
              (bucket) =>
                html`<tr>
                  <th scope="row">${w.bucket(bucket)}</th>
                  <td class="num">${money(aging.balances[bucket])}</td>
                  <td class="num">${money(aging.disputed[bucket])}</td>
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${w.total}</th>
              <td class="num">${money(aging.total)}</td>
              <td class="num">${money(aging.disputedTotal)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
    ${aging.unappliedCredit > 0 ? html`<p class="hint">${w.unapplied(money(aging.unappliedCredit))}</p>` : ''}
  </section>`;
}
