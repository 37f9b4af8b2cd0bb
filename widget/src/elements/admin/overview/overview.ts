import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../../../internal/format.js';
import { renderLoadError } from '../../../internal/states.js';
import { AdminElement } from '../shared/admin-element.js';
import { renderAging } from './aging.js';
import { loadOverview, type OverviewData } from './api.js';
import { renderActivity, renderCei, renderMetrics } from './figures.js';
import { styles } from './overview.styles.js';

/**
 * The console's overview: the AR figures of one currency as of today. AR aging (current, 1–30, 31–60,
 * 61–90, over 90 days) as a bar chart with the disputed part of each bucket apart, and the same figures
 * as a table; DSO by countback, best possible DSO and average days delinquent, each with a line saying
 * what it means; the collection effectiveness index of each of the last three months and of the three
 * together; cash collected this month and last; promises due this week and broken lately, and disputes
 * by age, each with a link to its queue. With several currencies, a switcher picks the one shown.
 *
 * @summary Staff console: AR aging, DSO, CEI, cash, promises and disputes at a glance.
 *
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - What follows `overview/` in the console's route: a currency code (`EUR`) to show, else the company's.
 *
 * @event ar-admin-navigate - A link to the promises or disputes queue was followed (`promises`, `disputes`), or another currency was picked (`overview/<currency>`). `detail` is `{route}`.
 *
 * @csspart aging - The aging card (`aging-chart`: its bars).
 * @csspart metrics - DSO, best possible DSO and ADD.
 * @csspart cei - The collection effectiveness index by month.
 * @csspart cash - Cash collected.
 * @csspart promises - Promises due and broken.
 * @csspart disputes - Disputes by age.
 * @csspart empty - No open invoices.
 * @csspart loading - The loading state.
 * @csspart error - A failed load, with its retry button.
 */
export class ArAdminOverview extends AdminElement {
  static override styles = styles;

  /** What follows the section in the console's route: a currency code, or nothing for the company's currency. */
  @property() accessor path = '';

  /** The currency shown; '' until the person picks one (the server then answers in the company's). */
  @state() private accessor currency = '';

  private readonly overviewTask = new Task(this, {
    args: () => [this.client, this.session.token, this.currency] as const,
    task: ([client, , currency], { signal }) => loadOverview(client, currency, signal),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('path')) this.currency = /^[A-Z]{3}$/.test(this.path) ? this.path : '';
  }

  protected override render(): TemplateResult {
    const w = this.w.overview;
    return html`<h2>${w.heading}</h2>
      ${this.overviewTask.render({
        initial: () => this.renderLoading(),
        // Another currency loading: the figures shown stay (dimmed), so the switcher keeps its focus.
        pending: () => {
          const shown = this.overviewTask.value;
          return shown ? this.renderOverview(shown, true) : this.renderLoading();
        },
        error: (error) => renderLoadError(w.loadFailed, error, () => void this.overviewTask.run(), this.t),
        complete: (data) => this.renderOverview(data),
      })}`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="grid" part="loading" role="status">
      <span class="visually-hidden">${this.w.overview.loading}</span>
      ${[0, 1, 2, 3].map(
        (card) =>
          html`<div class="card ${card ? '' : 'wide'}" aria-hidden="true">
            <span class="bone" style="width: 40%"></span>
            <span class="bone" style="width: 90%"></span>
            <span class="bone" style="width: 70%"></span>
          </div>`,
      )}
    </div>`;
  }

  private renderOverview(data: OverviewData, busy = false): TemplateResult {
    const w = this.w.overview;
    const locale = this.localeOrDefault;
    const empty = data.aging.total === 0 && data.aging.unappliedCredit === 0;
    return html`<div class="bar-top">
        <p class="as-of">${w.asOf(formatDate(data.asOf, locale, 'long'))} · ${data.currency}</p>
        ${this.renderSwitcher(data)}
      </div>
      <div class="grid" aria-busy=${busy ? 'true' : 'false'}>
        ${
          empty
            ? html`<div class="empty wide" part="empty" role="status">
                <p><strong>${w.empty(data.currency)}</strong></p>
                <p class="hint">${w.emptyHint}</p>
              </div>`
            : html`${renderAging(data.aging, data.currency, w, locale)} ${renderMetrics(data.metrics, w, locale)}
              ${renderCei(data.metrics, w, locale)}`
        }
        ${renderActivity(data, w, locale)}
      </div>`;
  }

  private renderSwitcher(data: OverviewData): TemplateResult | typeof nothing {
    const { currencies } = data;
    if (currencies.length < 2) return nothing;
    return html`<div class="switch">
      <label for="currency">${this.w.overview.currency}</label>
      <select id="currency" @change=${this.handleCurrency}>
        ${currencies.map((code) => html`<option value=${code} ?selected=${code === data.currency}>${code}</option>`)}
      </select>
    </div>`;
  }

  /** Shows another currency at once, and writes it into the console's route (Back returns to the one before). */
  private handleCurrency(event: Event): void {
    this.currency = (event.target as HTMLSelectElement).value;
    this.navigate(`overview/${this.currency}`, true);
  }
}
