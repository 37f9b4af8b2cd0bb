/** One dispute in the staff console: its figures, lines, files and thread, and the staff's steps. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PorticoApi } from '../../../internal/api.js';
import type { DownloadController } from '../../../internal/download-controller.js';
import { formatDateTime, formatMoney } from '../../../internal/format.js';
import { describeError } from '../../../internal/states.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import type { Catalog } from '../../../locales/catalog.js';
import type { DisputeAttachmentView, DisputeStatus, DisputeView, StaffUserView } from '../shared/types.js';
import { disputeStep, downloadAttachment } from './api.js';
import { amount, amountOf, area, badge, field, link, type Steps } from './parts.js';

export interface DisputeContext {
  w: AdminCatalog;
  t: Catalog;
  locale: string | undefined;
  client: PorticoApi;
  canAct: boolean;
  steps: Steps;
  download: DownloadController<string>;
  /** Whom an admin may assign (empty for collectors). */
  staff: StaffUserView[];
  /** The reader's staff user id, or `me`. */
  me: string;
  reload: () => void;
}

export const disputeBadge = (status: DisputeStatus, words: AdminCatalog['queues']['disputes']): TemplateResult =>
  badge(status, words.status(status));

export function renderDispute(c: DisputeContext, d: DisputeView): TemplateResult {
  const words = c.w.queues.disputes;
  const money = (minor: number) => formatMoney(minor, d.currency, c.locale);
  const open = d.status === 'open' || d.status === 'under_review';
  return html`${link('disputes', `← ${words.back}`)}
    <h2>${words.title(d.invoice.number)} ${disputeBadge(d.status, words)}</h2>
    <dl class="figures">
      <div>
        <dt>${c.w.queues.customer}</dt>
        <dd>${link(`customers/${d.accountId}`, d.accountName)}</dd>
      </div>
      <div>
        <dt>${words.disputed}</dt>
        <dd>${money(d.amount)}</dd>
      </div>
      <div>
        <dt>${words.undisputed}</dt>
        <dd>${money(d.undisputed)}</dd>
      </div>
      <div>
        <dt>${words.balance}</dt>
        <dd>${money(d.invoice.balance)}</dd>
      </div>
      <div>
        <dt>${words.assignee}</dt>
        <dd>${d.assignee?.name ?? words.unassigned}</dd>
      </div>
    </dl>
    ${d.resolution ? html`<p class="notice">${words.resolution(money(d.resolution.creditAmount), d.resolution.note)}</p>` : nothing}
    ${d.rejectionReason ? html`<p class="notice">${words.rejection(d.rejectionReason)}</p>` : nothing}
    <section aria-labelledby="lines">
      <h3 id="lines">${words.lines}</h3>
      <ul>
        ${d.lines.map(
          (line) =>
            html`<li>
              ${line.description} · ${words.reason(line.reason)} ·
              ${words.ofLine(money(line.amount), money(line.lineAmount))}
              ${line.note ? html`<span class="sub">${line.note}</span>` : nothing}
            </li>`,
        )}
      </ul>
    </section>
    ${files(c, d, null)}
    <section aria-labelledby="thread">
      <h3 id="thread">${words.thread}</h3>
      ${
        d.messages.length === 0
          ? html`<p>${words.noMessages}</p>`
          : html`<ol class="thread" part="thread">
              ${d.messages.map((m) =>
                m.author.type === 'system'
                  ? html`<li class="system">${words.step(m.body)} · ${formatDateTime(m.createdAt, c.locale)}</li>`
                  : html`<li class=${m.internal ? 'internal' : ''}>
                      <strong
                        >${m.author.type === 'customer' ? (m.author.name ?? words.customerAuthor) : (m.author.name ?? words.staffAuthor)}</strong
                      >
                      <span class="sub"
                        >${formatDateTime(m.createdAt, c.locale)}${m.internal ? ` · ${words.internal}` : ''}</span
                      >
                      <p>${m.body}</p>
                      ${files(c, d, m.id)}
                    </li>`,
              )}
            </ol>`
      }
    </section>
    ${c.canAct && open ? renderActions(c, d) : c.steps.doneNotice()}`;
}

function files(c: DisputeContext, d: DisputeView, messageId: string | null): TemplateResult | typeof nothing {
  const words = c.w.queues.disputes;
  const list = d.attachments.filter((file) => file.messageId === messageId);
  if (list.length === 0) return nothing;
  const save = (file: DisputeAttachmentView) =>
    void c.download.save(file.id, () => downloadAttachment(c.client, d.id, file));
  const items = html`<ul>
    ${list.map((file) => {
      const failed = c.download.error?.key === file.id ? c.download.error.error : null;
      return html`<li>
        <button
          class="button link"
          type="button"
          aria-label=${words.download(file.name)}
          ?disabled=${c.download.busy(file.id)}
          @click=${() => save(file)}
        >
          ${file.name}
        </button>
        ${failed ? html`<p class="error-text" role="alert">${words.downloadFailed(file.name)} ${describeError(failed, c.t)}</p>` : nothing}
      </li>`;
    })}
  </ul>`;
  return messageId
    ? items
    : html`<section aria-labelledby="files">
        <h3 id="files">${words.files}</h3>
        ${items}
      </section>`;
}

function renderActions(c: DisputeContext, d: DisputeView): TemplateResult {
  const { steps, w, t } = c;
  const words = w.queues.disputes;
  const send = (key: string) => (body?: unknown) => disputeStep(c.client, d.id, key, body);
  const submit = (key: string, read: (form: HTMLFormElement) => unknown) =>
    steps.onSubmit(key, read, send(key), words.done, c.reload);
  const run = (key: string, body?: unknown) => steps.run(key, () => send(key)(body), words.done, c.reload);
  const button = (label: string, click: () => void, open?: boolean) =>
    html`<button
      class="button secondary"
      type="button"
      aria-expanded=${open ?? nothing}
      ?disabled=${!!steps.busy && open === undefined}
      @click=${click}
    >
      ${label}
    </button>`;
  const toggle = (key: string, label: string) => button(label, () => steps.toggle(key), steps.open === key);
  const text = (form: HTMLFormElement, name: string, key: string) =>
    field(form, name) || steps.refuse(key, words.required);
  const forms: Record<string, () => TemplateResult> = {
    assign: () =>
      html`<form @submit=${submit('assign', (form) => ({ staffUserId: field(form, 'staff') || null }))}>
        <div class="field">
          <label for="staff">${words.assignTo}</label>
          <select id="staff" name="staff">
            <option value="">${words.unassigned}</option>
            ${c.staff.map((u) => html`<option value=${u.id} ?selected=${u.id === d.assignee?.id}>${u.name}</option>`)}
          </select>
        </div>
        ${steps.end('assign', words.assign, w, t)}
      </form>`,
    resolve: () =>
      html`<form
        @submit=${submit('resolve', (form) => {
          const creditAmount = amountOf(form, d.currency, d.amount, c.locale);
          if (!creditAmount) return steps.refuse('resolve', words.amountInvalid);
          const note = text(form, 'note', 'resolve');
          return note && { creditAmount, note };
        })}
      >
        ${amount(words.creditAmount, d.currency, d.amount, c.locale)} ${area('note', w.queues.noteLabel, 2000)}
        <p>${words.resolveConfirm}</p>
        ${steps.end('resolve', w.queues.confirm, w, t)}
      </form>`,
    reject: () =>
      html`<form
        @submit=${submit('reject', (form) => text(form, 'reason', 'reject') && { reason: field(form, 'reason') })}
      >
        ${area('reason', w.queues.reasonLabel, 2000)}
        <p>${words.rejectConfirm}</p>
        ${steps.end('reject', w.queues.confirm, w, t)}
      </form>`,
  };
  return html`<section class="panel" part="actions" aria-labelledby="actions">
    <h3 id="actions">${words.actions}</h3>
    ${steps.doneNotice()}
    <form
      @submit=${submit('messages', (form) => {
        const body = text(form, 'body', 'messages');
        return body && { body, internal: field(form, 'internal') === 'true' };
      })}
    >
      ${area('body', words.replyLabel, 5000)}
      <div class="field">
        <label class="check"><input type="checkbox" name="internal" /> ${words.internalLabel}</label>
      </div>
      ${steps.end('messages', words.send, w, t, false)}
    </form>
    <div class="actions">
      ${d.status === 'open' ? button(steps.busy === 'review' ? w.queues.busy : words.review, () => void run('review')) : nothing}
      ${
        d.assignee?.id === c.me
          ? nothing
          : button(
              steps.busy === 'assign' && !steps.open ? w.queues.busy : words.assignToMe,
              () => void run('assign', { staffUserId: c.me }),
            )
      }
      ${c.staff.length > 0 ? toggle('assign', words.assignTo) : nothing} ${toggle('resolve', words.resolve)}
      ${toggle('reject', words.reject)}
    </div>
    ${steps.open ? nothing : [steps.errorOf('review', t), steps.errorOf('assign', t)]} ${forms[steps.open]?.()}
  </section>`;
}
