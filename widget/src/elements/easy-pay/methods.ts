/**
 * The payment methods of `<ar-easy-pay>`: the method tabs (the ARIA tabs pattern with automatic
 * activation; the element's `TabListController` moves focus on arrow keys) and the chosen method's
 * panel: card or bank fields, Stripe's Payment Element, or PayPal's note.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderTab } from '../../internal/tab-list-controller.js';
import type { PaymentConfig, PaymentMethod } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';
import type { PayFormFields } from './form-state.js';
import { renderSandboxFields, type BankFields, type CardFields } from '../../internal/payment-fields.js';
import { formatRate } from './payment-totals.js';
import { renderStripeSlot, type StripeStatus } from '../../internal/stripe.js';

export interface MethodsView {
  config: PaymentConfig;
  fields: PayFormFields;
  errorFor: (id: string) => string | undefined;
  /** Set when the chosen method is Stripe's (its Payment Element goes in the panel). */
  stripe: { status: StripeStatus; retry: () => void } | null;
  locale: string | undefined;
  t: Catalog;
}

export interface MethodsActions {
  select: (method: PaymentMethod) => void;
  keydown: (event: KeyboardEvent) => void;
  card: (fields: Partial<CardFields>) => void;
  bank: (fields: Partial<BankFields>) => void;
}

export function renderMethods(view: MethodsView, on: MethodsActions): TemplateResult {
  const { config, t } = view;
  const method = view.fields.method ?? config.methods[0]!.method;
  return html`<fieldset class="methods">
    <legend>${t.pay.methodsLabel}</legend>
    ${renderMethodTabs(
      config.methods.map((item) => item.method),
      method,
      on,
      t,
    )}
    <div id="method-panel" class="method-panel" role="tabpanel" aria-labelledby="method-${method}">
      ${renderMethodFields(view, method, on)}
    </div>
  </fieldset>`;
}

function renderMethodTabs(
  methods: readonly PaymentMethod[],
  current: PaymentMethod,
  on: { select: (method: PaymentMethod) => void; keydown: (event: KeyboardEvent) => void },
  t: Catalog,
): TemplateResult {
  return html`<div
    class="method-tabs"
    part="tabs"
    role="tablist"
    aria-label=${t.pay.methodsLabel}
    @keydown=${on.keydown}
  >
    ${methods.map((method) => {
      const tab = { id: `method-${method}`, selected: method === current, controls: 'method-panel' };
      return renderTab({ ...tab, select: () => on.select(method) }, t.pay.method(method));
    })}
  </div>`;
}

function renderMethodFields(view: MethodsView, method: PaymentMethod, on: MethodsActions): TemplateResult {
  const { config, t, errorFor } = view;
  const surcharge =
    method === 'card' && config.surcharge
      ? html`<p class="hint">${t.pay.surchargeHint(formatRate(config.surcharge.rateBp, view.locale))}</p>`
      : nothing;
  if (method === 'paypal') return html`<p class="hint">${t.pay.paypalNote}</p>`;
  if (view.stripe) return html`${surcharge} ${renderStripeSlot(view.stripe.status, view.stripe.retry, t)}`;
  return html`${surcharge} ${renderSandboxFields(method, view.fields, errorFor, on, t)}`;
}
