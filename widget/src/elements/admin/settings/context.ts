/** What the settings view's parts share: the client, words, locale, the `Changes` they send through. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PorticoApi } from '../../../internal/api.js';
import { describeError } from '../../../internal/states.js';
import type { Catalog } from '../../../locales/catalog.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import type { Changes } from './changes.js';

export interface Ctx {
  readonly api: PorticoApi;
  readonly w: AdminCatalog;
  readonly t: Catalog;
  readonly locale: string;
  readonly changes: Changes;
  update(): void;
}

/** How the change `key` went: saved, or why not (a string is the form's own sentence). */
export function renderOutcome(ctx: Ctx, key: string): TemplateResult | typeof nothing {
  const { changes, w, t } = ctx;
  if (changes.failed?.key === key) {
    const { error } = changes.failed;
    return html`<div class="notice danger" role="alert">
      <p><strong>${w.settings.saveFailed}</strong></p>
      <p>${typeof error === 'string' ? error : describeError(error, t)}</p>
    </div>`;
  }
  if (changes.saved?.key === key) return html`<p class="notice success" role="status">${changes.saved.message}</p>`;
  return nothing;
}

/** The submit button of the form `key`: Save, or Saving… while it is sent. */
export function saveButton(ctx: Ctx, key: string, label = ctx.w.shell.save): TemplateResult {
  const busy = ctx.changes.busy === key;
  return html`<button class="button" type="submit" ?disabled=${!!ctx.changes.busy} aria-busy=${busy}>
    ${busy ? ctx.w.shell.saving : label}
  </button>`;
}

/**
 * A labelled text field (a textarea for `area`) with its hint and its problem, which its input names in
 * `aria-describedby`; `key` is its id and its name in the form.
 */
export function field(
  ctx: Ctx,
  key: string,
  label: string,
  { hint = '', value = '', type = 'text', area = false } = {},
): TemplateResult {
  const error = ctx.changes.fieldErrors[key];
  const describedBy = [hint && `${key}-hint`, error && `${key}-error`].filter(Boolean).join(' ') || nothing;
  return html`<div class="field">
    <label for=${key}>${label}</label>
    ${hint ? html`<p class="hint" id="${key}-hint">${hint}</p>` : nothing}
    ${
      area
        ? html`<textarea
            id=${key}
            name=${key}
            rows="3"
            .value=${value}
            aria-describedby=${describedBy}
            aria-invalid=${!!error}
          ></textarea>`
        : html`<input
            id=${key}
            name=${key}
            type=${type}
            .value=${value}
            aria-describedby=${describedBy}
            aria-invalid=${!!error}
          />`
    }
    ${error ? html`<p class="error-text" id="${key}-error">${error}</p>` : nothing}
  </div>`;
}
