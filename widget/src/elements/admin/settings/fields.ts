/**
 * The settings that are one plain value each (a name, a number of days, a surcharge), as form fields:
 * which section shows which, how each reads into its input and back, and the PATCH of only those that
 * changed. Each field's label and hint are in the catalog (`settings.fields`).
 */
import { html, type TemplateResult } from 'lit';
import { formatAmountInput, parseAmountInput } from '../../../internal/amount-input.js';
import type { CompanySettings } from '../shared/types.js';
import { field, type Ctx } from './context.js';

type Kind = 'text' | 'email' | 'url' | 'area' | 'int' | 'percent' | 'money' | 'bool';
type Key = keyof CompanySettings;
export type Field = readonly [key: Key, kind: Kind, nullable?: boolean];

export const FIELDS = {
  company: [
    ['companyName', 'text'],
    ['companyAddress', 'area'],
    ['supportEmail', 'email'],
    ['portalUrl', 'url'],
    ['timeZone', 'text'],
    ['locale', 'text'],
    ['paymentInstructions', 'area'],
  ],
  payments: [
    ['surchargeRateBp', 'percent'],
    ['surchargeCap', 'money', true],
    ['allowOverpayment', 'bool'],
  ],
  dunning: [['dunningEnabled', 'bool']],
  promises: [
    ['promiseHorizonDays', 'int'],
    ['promiseToleranceDays', 'int'],
  ],
} satisfies Record<string, readonly Field[]>;

/** A value as its input shows it. */
function shown(ctx: Ctx, kind: Kind, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '';
  if (kind === 'percent') return String((value as number) / 100);
  if (kind === 'money') return formatAmountInput(value as number, currency, ctx.locale);
  return String(value);
}

/** A whole number typed in an input; null when it is not one. */
export function readInt(text: string): number | null {
  return /^\s*[-−]?\d+\s*$/.test(text) ? Number(text.trim().replace('−', '-')) : null;
}

/** What the person typed, as the setting's value; a string is the reason it is not one. */
function read(
  ctx: Ctx,
  kind: Kind,
  nullable: boolean,
  input: HTMLInputElement,
  currency: string,
): { value: unknown } | { error: string } {
  const text = input.value;
  const s = ctx.w.settings;
  if (kind === 'bool') return { value: input.checked };
  if (kind === 'text' || kind === 'email' || kind === 'url' || kind === 'area') return { value: text.trim() };
  if (nullable && !text.trim()) return { value: null };
  if (kind === 'int') {
    const value = readInt(text);
    return value === null ? { error: s.notNumber } : { value };
  }
  if (kind === 'percent') {
    const number = Number(text.trim().replace(',', '.'));
    return text.trim() && Number.isFinite(number) ? { value: Math.round(number * 100) } : { error: s.notPercent };
  }
  const amount = parseAmountInput(text, currency, ctx.locale);
  return amount.ok ? { value: amount.minor } : { error: s.notAmount };
}

/**
 * The changed values of `fields` in `form`, or the problems by key. Unchanged values are left out, so
 * the PATCH says only what the person changed.
 */
export function changedValues(
  ctx: Ctx,
  form: HTMLFormElement,
  fields: readonly Field[],
  settings: CompanySettings,
): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [key, kind, nullable = false] of fields) {
    const input = form.elements.namedItem(key) as HTMLInputElement;
    const result = read(ctx, kind, nullable, input, settings.currency);
    if ('error' in result) errors[key] = result.error;
    else if (JSON.stringify(result.value) !== JSON.stringify(settings[key])) values[key] = result.value;
  }
  return { values, errors };
}

/** One setting's label, hint, input and error. */
export function renderField(ctx: Ctx, [key, kind]: Field, settings: CompanySettings): TemplateResult {
  const [label, hint] = ctx.w.settings.fields[key as keyof typeof ctx.w.settings.fields];
  const value = settings[key];
  if (kind === 'bool') {
    return html`<div class="field check">
      <input type="checkbox" id=${key} name=${key} .checked=${value === true} aria-describedby="${key}-hint" />
      <label for=${key}>${label}</label>
      <p class="hint" id="${key}-hint">${hint}</p>
    </div>`;
  }
  return field(ctx, key, label, {
    hint,
    value: shown(ctx, kind, value, settings.currency),
    type: kind === 'email' || kind === 'url' ? kind : 'text',
    area: kind === 'area',
  });
}
