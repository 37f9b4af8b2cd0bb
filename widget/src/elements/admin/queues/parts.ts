/**
 * What the three queues share (their styles are in `queues.styles.ts`): a status badge, a table in its
 * own scroll box, a filter select, links, form fields, cursor paging, and `Steps` (an action's form or
 * confirm step, and its busy, error and success states).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatAmountInput, parseAmountInput } from '../../../internal/amount-input.js';
import { describeError } from '../../../internal/states.js';
import type { Catalog } from '../../../locales/catalog.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import { followRoute, routeHref } from '../shared/navigate.js';

/** How each status of a dispute, promise, payment or delivery looks: waiting, good, bad, or over. */
const tones: Record<string, 'warn' | 'ok' | 'bad' | 'muted'> = {
  open: 'warn',
  under_review: 'warn',
  partially_kept: 'warn',
  pending: 'warn',
  processing: 'warn',
  resolved: 'ok',
  kept: 'ok',
  succeeded: 'ok',
  delivered: 'ok',
  rejected: 'bad',
  broken: 'bad',
  failed: 'bad',
  returned: 'bad',
};
const icons = { warn: '◔', ok: '✓', bad: '✕', muted: '–' };

/** A status in words and a shape, never colour alone. */
export function badge(status: string, label: string): TemplateResult {
  const tone = tones[status] ?? 'muted';
  return html`<span class="badge ${tone}" part="badge"><span aria-hidden="true">${icons[tone]}</span> ${label}</span>`;
}

/** A data table whose scroll box (focusable, so keyboards can scroll it) keeps a narrow page from scrolling sideways. */
export function table(caption: string, head: readonly string[], rows: TemplateResult[]): TemplateResult {
  return html`<div class="table-scroll" part="table" tabindex="0" role="region" aria-label=${caption}>
    <table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${head.map((label) => html`<th scope="col">${label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** A labelled select whose change is the new value. */
export function select(
  id: string,
  label: string,
  value: string,
  options: readonly (readonly [string, string])[],
  change: (value: string) => void,
): TemplateResult {
  return html`<div class="field filter">
    <label for=${id}>${label}</label>
    <select id=${id} part="filter" @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
      ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
    </select>
  </div>`;
}

/** A link to a console route, followed inside the console. */
export const link = (route: string, text: string, label?: string): TemplateResult =>
  html`<a href=${routeHref(route)} aria-label=${label ?? nothing} @click=${(e: MouseEvent) => followRoute(e, route)}
    >${text}</a
  >`;

export function empty(text: string): TemplateResult {
  return html`<p class="empty" part="empty" role="status">${text}</p>`;
}

/** Which page of a cursor-paged list is shown: the cursors of the pages before it are kept for Previous. */
export class Pages {
  private cursors: (string | undefined)[] = [undefined];

  get cursor(): string | undefined {
    return this.cursors[this.cursors.length - 1];
  }

  reset(): void {
    this.cursors = [undefined];
  }

  render(next: string | null, w: AdminCatalog, go: () => void): TemplateResult | typeof nothing {
    const first = this.cursors.length === 1;
    if (first && !next) return nothing;
    return html`<nav class="pager" part="pager" aria-label=${w.queues.pages}>
      <button
        class="button secondary"
        type="button"
        ?disabled=${first}
        @click=${() => {
          this.cursors.pop();
          go();
        }}
      >
        ${w.shell.previous}
      </button>
      <button
        class="button secondary"
        type="button"
        ?disabled=${!next}
        @click=${() => {
          this.cursors.push(next!);
          go();
        }}
      >
        ${w.shell.next}
      </button>
    </nav>`;
  }
}

/**
 * The state of a view's actions: which one is open (its form or confirm step), which is under way, the
 * last one's error (the server's message) or its success sentence.
 */
export class Steps {
  open = '';
  busy = '';
  error: { key: string; error: unknown; text?: string } | null = null;
  done = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Forgets everything (another dispute, another page). */
  clear(): void {
    this.open = this.busy = this.done = '';
    this.error = null;
  }

  toggle(key: string): void {
    this.open = this.open === key ? '' : key;
    this.error = null;
    this.done = '';
    this.host.requestUpdate();
  }

  /** Runs `call` as `key`; on success closes the form, says `done` and calls `after` (a reload). */
  async run(key: string, call: () => Promise<unknown>, done: string, after: () => void): Promise<void> {
    if (this.busy) return;
    this.busy = key;
    this.error = null;
    this.done = '';
    this.host.requestUpdate();
    try {
      await call();
      this.open = '';
      this.done = done;
      after();
    } catch (error) {
      this.error = { key, error };
    } finally {
      this.busy = '';
      this.host.requestUpdate();
    }
  }

  /** Refuses what was typed for `key` with `text`, before any request; null for the caller to return. */
  refuse(key: string, text: string): null {
    this.error = { key, error: null, text };
    this.done = '';
    this.host.requestUpdate();
    return null;
  }

  /** The error of `key`, if its last run failed. */
  errorOf(key: string, t: Catalog): TemplateResult | typeof nothing {
    return this.error?.key === key
      ? html`<p class="error-text" part="error" role="alert">
          ${this.error.text ?? describeError(this.error.error, t)}
        </p>`
      : nothing;
  }

  doneNotice(): TemplateResult | typeof nothing {
    return this.done ? html`<p class="notice success" part="done" role="status">${this.done}</p>` : nothing;
  }

  /** A form's submit: `read` gives what to send (null once it refused the input), then `send` runs as `key`. */
  onSubmit(
    key: string,
    read: (form: HTMLFormElement) => unknown,
    send: (body: unknown) => Promise<unknown>,
    done: string,
    after: () => void,
  ): (event: SubmitEvent) => void {
    return (event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const body = read(form);
      if (body) void this.run(key, () => send(body), done, after).then(() => this.error || form.reset());
    };
  }

  /** A submit button that shows the work under way, then (with `cancel`) a Cancel button, then the error. */
  end(key: string, label: string, w: AdminCatalog, t: Catalog, cancel = true): TemplateResult {
    return html`<div class="actions">
        <button class="button" type="submit" ?disabled=${!!this.busy}>
          ${this.busy === key ? html`<span class="spinner" aria-hidden="true"></span> ${w.queues.busy}` : label}
        </button>
        ${
          cancel
            ? html`<button class="button secondary" type="button" @click=${() => this.toggle('')}>
                ${w.shell.cancel}
              </button>`
            : nothing
        }
      </div>
      ${this.errorOf(key, t)}`;
  }
}

/** A labelled text area. */
export const area = (id: string, label: string, max: number): TemplateResult =>
  html`<div class="field">
    <label for=${id}>${label}</label>
    <textarea id=${id} name=${id} maxlength=${max}></textarea>
  </div>`;

/** A labelled amount, typed in the locale's digits. */
export const amount = (label: string, currency: string, minor: number, locale: string | undefined): TemplateResult =>
  html`<div class="field">
    <label for="amount">${label} (${currency})</label>
    <input id="amount" name="amount" inputmode="decimal" .value=${formatAmountInput(minor, currency, locale)} />
  </div>`;

/** The minor units typed in the form's amount, when above 0 and at most `max`; else null. */
export function amountOf(
  form: HTMLFormElement,
  currency: string,
  max: number,
  locale: string | undefined,
): number | null {
  const parsed = parseAmountInput(field(form, 'amount'), currency, locale);
  return parsed.ok && parsed.minor > 0 && parsed.minor <= max ? parsed.minor : null;
}

/** The value of a form's field by name. */
export function field(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name) as HTMLInputElement | null;
  return control?.type === 'checkbox' ? String(control.checked) : (control?.value ?? '').trim();
}
