/** The company's logo: a PNG or JPEG read in the browser as the `data:` URL the setting holds, or removed. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Ctx } from './context.js';

/** The server's limit (`LOGO_MAX_BYTES`). */
const MAX_BYTES = 100 * 1024;

export class LogoField {
  /** The new logo: a data URL, null to remove it, undefined while unchanged. */
  value: string | null | undefined = undefined;

  constructor(private readonly ctx: () => Ctx) {}

  private async pick(event: Event): Promise<void> {
    const ctx = this.ctx();
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES || !/^image\/(png|jpeg)$/.test(file.type)) {
      return ctx.changes.invalid('company', { logo: ctx.w.settings.logoTooBig }, ctx.w.settings.checkFields);
    }
    this.value = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsDataURL(file);
    });
    ctx.update();
  }

  render(saved: string | null): TemplateResult {
    const ctx = this.ctx();
    const s = ctx.w.settings;
    const logo = this.value === undefined ? saved : this.value;
    const [label, hint] = s.fields.logo;
    return html`<div class="field">
      <label for="logo">${label}</label>
      <p class="hint" id="logo-hint">${hint}</p>
      ${logo ? html`<img class="logo" src=${logo} alt=${s.currentLogo} />` : nothing}
      <input
        id="logo"
        type="file"
        accept="image/png,image/jpeg"
        aria-describedby="logo-hint${ctx.changes.fieldErrors.logo ? ' logo-error' : ''}"
        @change=${(e: Event) => void this.pick(e)}
      />
      ${
        logo
          ? html`<button class="button link" type="button" @click=${() => ((this.value = null), ctx.update())}>
              ${s.removeLogo}
            </button>`
          : nothing
      }
      ${
        ctx.changes.fieldErrors.logo
          ? html`<p class="error-text" id="logo-error">${ctx.changes.fieldErrors.logo}</p>`
          : nothing
      }
    </div>`;
  }
}
