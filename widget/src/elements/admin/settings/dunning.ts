/**
 * The reminder sequence's fields (the days from the due date, then a repeat) and the email preview the
 * server renders for the values in the form, saved or not.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../../internal/api.js';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import type { CompanySettings, DunningPreview, DunningSequence } from '../shared/types.js';
import { previewDunning } from './api.js';
import { field, type Ctx } from './context.js';
import { readInt } from './fields.js';

/** The sequence in the form, or the problems by field (`offsets`, `repeatDays`). */
export function readSequence(
  ctx: Ctx,
  form: HTMLFormElement,
): { sequence?: DunningSequence; errors: Record<string, string> } {
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
  const errors: Record<string, string> = {};
  const parts = field('offsets')
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const offsets = parts.map(readInt);
  if (offsets.some((o) => o === null)) errors.offsets = ctx.w.settings.notOffsets;
  const repeat = field('repeatDays').trim();
  const repeatDays = repeat ? readInt(repeat) : null;
  if (repeat && repeatDays === null) errors.repeatDays = ctx.w.settings.notNumber;
  return Object.keys(errors).length ? { errors } : { sequence: { offsets: offsets as number[], repeatDays }, errors };
}

export function renderSequenceFields(ctx: Ctx, settings: CompanySettings): TemplateResult {
  const { offsets, repeatDays } = settings.dunningSequence;
  const [offsetsLabel, offsetsHint] = ctx.w.settings.fields.offsets;
  const [repeatLabel, repeatHint] = ctx.w.settings.fields.repeatDays;
  return html`${field(ctx, 'offsets', offsetsLabel, { hint: offsetsHint, value: offsets.join(', ') })}
  ${field(ctx, 'repeatDays', repeatLabel, { hint: repeatHint, value: repeatDays === null ? '' : String(repeatDays) })}`;
}

/** The preview asked last: under way, shown, or failed. */
export class Preview {
  state: { busy: true } | { preview: DunningPreview } | { error: unknown } | null = null;

  constructor(private readonly ctx: () => Ctx) {}

  async show(form: HTMLFormElement): Promise<void> {
    const ctx = this.ctx();
    const { sequence, errors } = readSequence(ctx, form);
    if (!sequence) return ctx.changes.invalid('dunning', errors, ctx.w.settings.checkFields);
    this.state = { busy: true };
    ctx.update();
    try {
      this.state = { preview: await previewDunning(ctx.api, { dunningSequence: sequence }) };
    } catch (error) {
      this.state = { error };
    }
    ctx.update();
  }

  /** The preview, its loading state or why it failed. */
  render(form: () => HTMLFormElement | null): TemplateResult | typeof nothing {
    const ctx = this.ctx();
    const s = ctx.w.settings;
    const state = this.state;
    let body: TemplateResult | typeof nothing = nothing;
    if (state && 'busy' in state) body = renderPending(s.previewing);
    else if (state && 'error' in state) {
      const message = state.error instanceof ApiError && state.error.status === 422 ? s.notOffsets : s.previewFailed;
      body = renderLoadError(message, state.error, () => void this.show(form()!), ctx.t);
    } else if (state) {
      const { steps, email } = state.preview;
      body = html`<section class="preview" aria-labelledby="preview-heading">
        <h3 id="preview-heading">${s.previewHeading}</h3>
        <p><strong>${s.previewSteps}</strong></p>
        <ol class="steps">
          ${steps.map((step) => html`<li>${step.label}</li>`)}
        </ol>
        <p><strong>${s.previewSubject}</strong> ${email.subject}</p>
        <pre class="email" tabindex="0" aria-label=${s.previewFrame}>${email.text}</pre>
      </section>`;
    }
    return body;
  }

  /** "Preview the email", beside Save. */
  button(form: () => HTMLFormElement | null): TemplateResult {
    return html`<button
      class="button secondary"
      type="button"
      ?disabled=${this.state !== null && 'busy' in this.state}
      @click=${() => void this.show(form()!)}
    >
      ${this.ctx().w.settings.preview}
    </button>`;
  }
}
