/** The customer page's header: who, the money figures, the account's facts and (for staff who act) the actions. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney } from '../../../internal/format.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import { followRoute, routeHref } from '../shared/navigate.js';
import type { CustomerDetail } from '../shared/types.js';
import type { ActionKind, ActionPanel } from './actions/panel.js';

export interface HeaderOptions {
  w: AdminCatalog;
  locale: string | undefined;
  canAct: boolean;
  panel: ActionPanel;
  /** Resume reminders (no form: one click). */
  resume: () => void;
}

/** The date dunning is paused until, in words (`9999-12-31` is "until resumed"). */
export function pauseText(until: string | null, w: AdminCatalog['customer'], locale: string | undefined): string {
  if (!until) return w.dunningRunning;
  return until.startsWith('9999') ? w.pausedIndefinitely : w.pausedUntil(formatDate(until, locale));
}

export function renderHeader(detail: CustomerDetail, o: HeaderOptions): TemplateResult {
  const w = o.w.customer;
  const money = (minor: number) => formatMoney(minor, detail.currency, o.locale);
  const figure = (label: string, minor: number, tone = '') =>
    html`<div class=${tone}>
      <dt>${label}</dt>
      <dd>${money(minor)}</dd>
    </div>`;
  const fact = (label: string, value: unknown) =>
    html`<div>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<header class="head" part="header">
    <a class="back" href=${routeHref('customers')} @click=${(e: MouseEvent) => followRoute(e, 'customers')}
      >← ${w.allCustomers}</a
    >
    <h2>${detail.name}</h2>
    <p class="hint">${w.externalId}: ${detail.externalId ?? o.w.shell.none}</p>
    <dl class="figures" part="figures">
      ${figure(w.balance, detail.balance)} ${figure(w.pastDue, detail.pastDue, detail.pastDue > 0 ? 'danger' : '')}
      ${figure(w.disputed, detail.disputed, detail.disputed > 0 ? 'warning' : '')}
      ${figure(w.credit, detail.credit, detail.credit > 0 ? 'success' : '')}
    </dl>
    <dl class="facts">
      ${fact(w.collector, detail.collector?.name ?? w.unassigned)}
      ${fact(w.dunning, pauseText(detail.dunningPausedUntil, w, o.locale))}
      ${fact(w.terms, w.termsDays(detail.paymentTermsDays))}
      ${detail.billingAddress ? fact(w.address, html`<span class="address">${detail.billingAddress}</span>`) : nothing}
    </dl>
    ${o.canAct ? renderActionBar(detail, o) : nothing}
  </header>`;
}

function renderActionBar(detail: CustomerDetail, o: HeaderOptions): TemplateResult {
  const w = o.w.customer;
  const kinds: ActionKind[] = [
    'payment',
    ...(detail.credit > 0 ? (['credit'] as const) : []),
    'creditNote',
    'promise',
    'link',
    'statement',
    ...(detail.dunningPausedUntil ? [] : (['dunning'] as const)),
    'collector',
    'note',
  ];
  const button = (kind: ActionKind) =>
    html`<button
      class="button secondary"
      part="button action-button"
      type="button"
      aria-expanded=${o.panel.kind === kind ? 'true' : 'false'}
      @click=${() => (o.panel.kind === kind ? o.panel.close() : void o.panel.open(kind))}
    >
      ${w.actions[kind]}
    </button>`;
  return html`<div class="actions" role="group" aria-label=${w.actionsLabel} part="actions">
    ${kinds.map(button)}
    ${
      detail.dunningPausedUntil
        ? html`<button
            class="button secondary"
            part="button action-button"
            type="button"
            ?disabled=${o.panel.busy}
            @click=${o.resume}
          >
            ${w.actions.resume}
          </button>`
        : nothing
    }
  </div>`;
}
