/** The overview's other cards: DSO, best possible DSO and ADD; CEI by month; cash; promises; disputes by age. */
import { html, type TemplateResult } from 'lit';
import { formatCount, formatMoney, formatQuantity, safeLocale } from '../../../internal/format.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import { followRoute, routeHref } from '../shared/navigate.js';
import type { CountAndAmount, Countback, OverviewMetrics } from '../shared/types.js';
import type { OverviewData } from './api.js';

type Words = AdminCatalog['overview'];

function days(value: number | null, w: Words, locale?: string, capped = false): string {
  if (value === null) return w.notAvailable;
  const text = formatQuantity(value, locale);
  return capped ? w.atLeastDays(text) : w.days(text);
}

function figure(label: string, value: string, hint: string): TemplateResult {
  return html`<div>
    <dt>${label}</dt>
    <dd>${value}</dd>
    <dd class="hint">${hint}</dd>
  </div>`;
}

export function renderMetrics(metrics: OverviewMetrics, w: Words, locale?: string): TemplateResult {
  const countback = (value: Countback) => days(value.days, w, locale, value.capped);
  return html`<section class="card" part="metrics" aria-labelledby="dso-heading">
    <h3 id="dso-heading">${w.daysOutstanding}</h3>
    <dl class="figures metrics">
      ${figure(w.dso, countback(metrics.dso), w.dsoHint)}
      ${figure(w.bestDso, countback(metrics.bestPossibleDso), w.bestDsoHint)}
      ${figure(w.add, days(metrics.averageDaysDelinquent, w, locale), w.addHint)}
    </dl>
  </section>`;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-09` → "Sep 2026" in the locale. */
function monthName(month: string, locale?: string): string {
  const key = locale ?? '';
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(safeLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(key, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

function ceiRow(label: string, percent: number | null, w: Words, locale?: string): TemplateResult {
  const width = Math.max(0, Math.min(100, percent ?? 0));
  return html`<li>
    <span>${label}</span>
    <svg class="bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="track" width="100" height="4"></rect>
      <rect class="undisputed" width=${width} height="4"></rect>
    </svg>
    <strong>${percent === null ? w.notAvailable : w.percent(formatQuantity(percent, locale))}</strong>
  </li>`;
}

export function renderCei(metrics: OverviewMetrics, w: Words, locale?: string): TemplateResult {
  return html`<section class="card" part="cei" aria-labelledby="cei-heading">
    <h3 id="cei-heading">${w.cei}</h3>
    <ul class="cei">
      ${metrics.ceiMonths.map((month) => ceiRow(w.ceiMonth(monthName(month.month, locale), 1), month.percent, w, locale))}
      ${ceiRow(w.ceiThree(3), metrics.ceiThreeMonths, w, locale)}
    </ul>
    <p class="hint">${w.ceiHint}</p>
  </section>`;
}

function counted(label: string, value: CountAndAmount, currency: string, w: Words, locale?: string): TemplateResult {
  return html`<div>
    <dt>${label}</dt>
    <dd>${w.countAmount(formatCount(value.count, locale), formatMoney(value.amount, currency, locale))}</dd>
  </div>`;
}

function link(route: string, text: string): TemplateResult {
  return html`<a href=${routeHref(route)} @click=${(event: MouseEvent) => followRoute(event, route)}>${text}</a>`;
}

export function renderActivity(data: OverviewData, w: Words, locale?: string): TemplateResult {
  const { currency } = data;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return html`<section class="card" part="cash" aria-labelledby="cash-heading">
      <h3 id="cash-heading">${w.cash}</h3>
      <dl class="figures">
        <div>
          <dt>${w.thisMonth}</dt>
          <dd>${money(data.cash.thisMonth)}</dd>
        </div>
        <div>
          <dt>${w.lastMonth}</dt>
          <dd>${money(data.cash.lastMonth)}</dd>
        </div>
      </dl>
    </section>
    <section class="card" part="promises" aria-labelledby="promises-heading">
      <h3 id="promises-heading">${w.promises}</h3>
      <dl class="list">
        ${counted(w.dueThisWeek, data.promises.dueThisWeek, currency, w, locale)}
        ${counted(w.broken, data.promises.brokenLast30Days, currency, w, locale)}
      </dl>
      ${link('promises', w.seePromises)}
    </section>
    <section class="card" part="disputes" aria-labelledby="disputes-heading">
      <h3 id="disputes-heading">${w.disputes}</h3>
      <dl class="list">
        ${counted(w.days0to7, data.disputes.days0to7, currency, w, locale)}
        ${counted(w.days8to30, data.disputes.days8to30, currency, w, locale)}
        ${counted(w.over30, data.disputes.over30, currency, w, locale)}
      </dl>
      ${link('disputes', w.seeDisputes)}
    </section>`;
}
