/**
 * The ERP connection: API keys (create: the secret shown once, with a copy button; revoke after a
 * confirm step) and webhook endpoints (add a URL and its events: the signing secret shown once; remove
 * after a confirm step).
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ERP_WEBHOOK_EVENT_TYPES } from '../../../../../server/src/contract/lists.js';
import { formatDateTime } from '../../../internal/format.js';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import type { ErpKeySummary, ErpWebhookEndpoint, ErpWebhookEventType } from '../shared/types.js';
import { addWebhook, createKey, listKeys, listWebhooks, removeWebhook, revokeKey } from './api.js';
import { field, renderOutcome, saveButton, type Ctx } from './context.js';

interface Loaded {
  keys: ErpKeySummary[];
  hooks: ErpWebhookEndpoint[];
}

export class ErpSection {
  private changed: Loaded | null = null;
  /** A secret just made, until the person says they saved it. */
  private secret: { title: string; value: string; copied?: boolean } | null = null;
  /** The key or endpoint whose removal awaits its confirm step. */
  private confirming = '';
  private readonly task: Task<readonly unknown[], Loaded | null>;

  constructor(
    host: ReactiveControllerHost,
    private readonly ctx: () => Ctx,
    active: () => boolean,
  ) {
    this.task = new Task(host, {
      args: () => [ctx().api, active()] as const,
      task: async ([, on]) => {
        this.changed = null;
        if (!on) return null;
        const [keys, hooks] = await Promise.all([listKeys(ctx().api), listWebhooks(ctx().api)]);
        return { keys: keys.items, hooks: hooks.items };
      },
    });
  }

  private get loaded(): Loaded {
    return this.changed ?? this.task.value ?? { keys: [], hooks: [] };
  }

  private async send(key: string, action: () => Promise<Partial<Loaded>>, message = this.ctx().w.shell.saved) {
    const ctx = this.ctx();
    return ctx.changes.run(
      key,
      async () => {
        this.changed = { ...this.loaded, ...(await action()) };
        this.confirming = '';
      },
      message,
    );
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const ctx = this.ctx();
    const form = event.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('keyName') as HTMLInputElement).value.trim();
    if (!name) return ctx.changes.invalid('key', { keyName: ctx.w.settings.required }, ctx.w.settings.checkFields);
    const ok = await this.send('key', async () => {
      const created = await createKey(ctx.api, name);
      this.secret = { title: ctx.w.settings.newKey(name), value: created.key };
      const { key: _secret, ...summary } = created;
      return { keys: [summary, ...this.loaded.keys] };
    });
    if (ok) form.reset();
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const ctx = this.ctx();
    const form = event.currentTarget as HTMLFormElement;
    const url = (form.elements.namedItem('hookUrl') as HTMLInputElement).value.trim();
    const description = (form.elements.namedItem('hookDescription') as HTMLInputElement).value.trim();
    const events = [...form.querySelectorAll<HTMLInputElement>('input[name=hookEvent]:checked')].map(
      (box) => box.value as ErpWebhookEventType,
    );
    if (!url) return ctx.changes.invalid('hook', { hookUrl: ctx.w.settings.required }, ctx.w.settings.checkFields);
    const ok = await this.send('hook', async () => {
      const { secret, ...endpoint } = await addWebhook(ctx.api, {
        url,
        events,
        ...(description ? { description } : {}),
      });
      this.secret = { title: ctx.w.settings.newSecret, value: secret };
      return { hooks: [endpoint, ...this.loaded.hooks] };
    });
    if (ok) form.reset();
  }

  private async copy(): Promise<void> {
    if (!this.secret) return;
    await navigator.clipboard.writeText(this.secret.value).then(
      () => (this.secret = this.secret && { ...this.secret, copied: true }),
      () => undefined,
    );
    this.ctx().update();
  }

  private ask(id: string): void {
    this.confirming = id;
    this.ctx().update();
  }

  render(): unknown {
    const ctx = this.ctx();
    return this.task.render({
      initial: () => renderPending(ctx.w.shell.loadingView),
      pending: () => renderPending(ctx.w.shell.loadingView),
      error: (error) => renderLoadError(ctx.w.settings.keysLoadFailed, error, () => void this.task.run(), ctx.t),
      complete: (loaded) => (loaded ? this.renderLoaded() : nothing),
    });
  }

  private renderSecret(): TemplateResult | typeof nothing {
    const secret = this.secret;
    if (!secret) return nothing;
    const s = this.ctx().w.settings;
    return html`<div class="notice" role="alert">
      <p><strong>${secret.title}</strong></p>
      <p>${s.secretOnce}</p>
      <p><code>${secret.value}</code></p>
      <p class="actions">
        <button class="button" type="button" @click=${() => void this.copy()}>${s.copy}</button>
        <button class="button secondary" type="button" @click=${() => ((this.secret = null), this.ctx().update())}>
          ${s.done}
        </button>
        <span role="status">${secret.copied ? s.copied : ''}</span>
      </p>
    </div>`;
  }

  /** A row's Revoke/Remove button, or its confirm step; once done, the row leaves the list. */
  private renderRemove(
    list: keyof Loaded,
    id: string,
    label: string,
    question: string,
    yes: string,
    remove: () => Promise<unknown>,
  ) {
    const { w, changes } = this.ctx();
    const key = `${list}:${id}`;
    if (this.confirming !== key) {
      return html`<button class="button secondary" type="button" @click=${() => this.ask(key)}>${label}</button>`;
    }
    const done = async () => {
      await remove();
      return { [list]: (this.loaded[list] as { id: string }[]).filter((item) => item.id !== id) };
    };
    return html`<div class="confirm" role="group" aria-label=${question}>
      <p>${question}</p>
      <button class="button danger" type="button" ?disabled=${!!changes.busy} @click=${() => void this.send(key, done)}>
        ${yes}
      </button>
      <button class="button secondary" type="button" @click=${() => this.ask('')}>${w.shell.cancel}</button>
    </div>`;
  }

  private renderLoaded(): TemplateResult {
    const ctx = this.ctx();
    const s = ctx.w.settings;
    const { keys, hooks } = this.loaded;
    const when = (at: string | null) => (at ? formatDateTime(at, ctx.locale) : s.never);
    const list = <T>(items: T[], row: (item: T) => TemplateResult) =>
      items.length
        ? html`<ul class="rows">
            ${items.map((item) => html`<li>${row(item)}</li>`)}
          </ul>`
        : html`<p>${s.none}</p>`;
    // One place for how the last change went: a key's or an endpoint's.
    return html`${this.renderSecret()} ${renderOutcome(ctx, ctx.changes.saved?.key ?? ctx.changes.failed?.key ?? '')}
      <section aria-labelledby="keys-heading">
        <h3 id="keys-heading">${s.keys}</h3>
        <p class="hint">${s.keysHint}</p>
        ${list(
          keys.filter((key) => !key.revokedAt),
          (key) =>
            html`<p><strong>${key.name}</strong> · ${s.prefix} <code>${key.prefix}</code></p>
              <p class="hint">${s.created} ${when(key.createdAt)} · ${s.lastUsed} ${when(key.lastUsedAt)}</p>
              ${this.renderRemove('keys', key.id, s.revoke, s.confirmRevoke(key.name), s.yesRevoke, () => revokeKey(ctx.api, key.id))}`,
        )}
        <form class="subform" novalidate @submit=${(e: SubmitEvent) => void this.create(e)}>
          ${field(ctx, 'keyName', s.keyName)} ${saveButton(ctx, 'key', s.createKey)}
        </form>
      </section>
      <section aria-labelledby="hooks-heading">
        <h3 id="hooks-heading">${s.webhooks}</h3>
        <p class="hint">${s.webhooksHint}</p>
        ${list(
          hooks.filter((hook) => !hook.disabledAt),
          (hook) =>
            html`<p><strong>${hook.url}</strong></p>
              <p class="hint">${hook.events.join(', ') || s.allEvents} ${hook.description}</p>
              ${this.renderRemove('hooks', hook.id, s.remove, s.confirmRemove(hook.url), s.yesRemove, () => removeWebhook(ctx.api, hook.id))}`,
        )}
        <form class="subform" novalidate @submit=${(e: SubmitEvent) => void this.add(e)}>
          ${field(ctx, 'hookUrl', s.url, { type: 'url' })}
          <fieldset>
            <legend>${s.events}</legend>
            <p class="hint">${s.eventsHint}</p>
            ${ERP_WEBHOOK_EVENT_TYPES.map(
              (type) => html`<label><input type="checkbox" name="hookEvent" value=${type} /> ${type}</label>`,
            )}
          </fieldset>
          ${field(ctx, 'hookDescription', s.description)} ${saveButton(ctx, 'hook', s.addEndpoint)}
        </form>
      </section>`;
  }
}
