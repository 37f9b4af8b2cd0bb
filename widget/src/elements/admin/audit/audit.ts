import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { DownloadController } from '../../../internal/download-controller.js';
import { formatDateTime } from '../../../internal/format.js';
import { describeError, renderLoadError, renderPending } from '../../../internal/states.js';
import { AdminElement } from '../shared/admin-element.js';
import { followRoute, routeHref } from '../shared/navigate.js';
import type { AuditEvent } from '../shared/types.js';
import { exportEvents, listEvents, type AuditFilters } from './api.js';
import { styles } from './audit.styles.js';

/** The filter fields, by their query key; `typePrefix` is labelled Type (`payment.` finds every payment event). */
const FIELDS = ['q', 'typePrefix', 'actor', 'customer', 'from', 'to'] as const;

/** A line about an event's data: its first values, shortened. */
function summary(data: Record<string, unknown>): string {
  const line = Object.entries(data)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/**
 * The audit log: every event the server recorded, newest first, for every staff role. Filters (a
 * search, the type or its beginning, who did it, the customer, a date range in the company's time
 * zone) above a table of the time, type, actor, subject, customer (a link to their page) and a line of
 * the event's data; a row opens to show all its data. Paged by the server's cursor, Previous and Next;
 * Export CSV downloads every event the filters match.
 *
 * @summary Staff console: the audit log, filtered, paged and exported as CSV.
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - What follows `audit/` in the console's route (unused).
 * @event ar-admin-navigate - A customer was opened (`customers/<id>`). `detail` is `{route}`.
 * @csspart filters - The filter form.
 * @csspart table - The scrolling box around the table.
 * @csspart pager - Previous and Next.
 * @csspart empty - No event matches.
 * @csspart loading - The loading state.
 * @csspart error - A failed load, with its retry button.
 */
export class ArAdminAudit extends AdminElement {
  static override styles = styles;
  // Declared rather than decorated: the chunk then carries no decorator helpers.
  static override properties: PropertyDeclarations = {
    path: {},
    filters: { state: true },
    cursors: { state: true },
    open: { state: true },
  };

  /** What follows the section in the console's route. */
  declare path: string;
  /** The filters applied (the form's non-empty fields). */
  declare private filters: AuditFilters;
  /** The cursors of the pages after the first, up to the one shown: Previous drops the last. */
  declare private cursors: readonly string[];
  /** The events whose data is shown. */
  declare private open: ReadonlySet<string>;

  constructor() {
    super();
    this.path = '';
    this.filters = {};
    this.cursors = [];
    this.open = new Set();
  }

  private readonly download = new DownloadController(this);

  private readonly task = new Task(this, {
    args: () => [this.client, this.session.token, this.filters, this.cursors.at(-1)] as const,
    task: ([client, token, filters, cursor], { signal }) =>
      token ? listEvents(client, filters, cursor, { signal }) : Promise.resolve(null),
  });

  private filter(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    this.filters = Object.fromEntries(
      FIELDS.map((key) => [key, String(form.get(key) ?? '').trim()]).filter(([, value]) => value),
    );
    this.cursors = [];
  }

  private toggle(id: string): void {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }

  protected override render(): TemplateResult {
    const a = this.w.audit;
    const failed = this.download.error;
    return html`<h2>${a.heading}</h2>
      <p class="hint">${a.intro}</p>
      <form
        part="filters"
        aria-label=${a.filters}
        @submit=${this.filter}
        @reset=${() => ((this.filters = {}), (this.cursors = []))}
      >
        ${FIELDS.map((key) => {
          const label = key === 'typePrefix' ? a.type : a[key];
          const hint = key === 'q' ? a.qHint : key === 'typePrefix' ? a.typeHint : key === 'actor' ? a.actorHint : '';
          return html`<div class="field">
            <label for=${key}>${label}</label>
            <input
              id=${key}
              name=${key}
              type=${key === 'from' || key === 'to' ? 'date' : 'text'}
              .value=${this.filters[key] ?? ''}
              placeholder=${hint || nothing}
            />
          </div>`;
        })}
        <div class="actions">
          <button class="button" type="submit">${a.apply}</button>
          <button class="button secondary" type="reset">${a.clear}</button>
          <button
            class="button secondary"
            type="button"
            ?disabled=${this.download.busy()}
            @click=${() => void this.download.save(true, () => exportEvents(this.client, this.filters))}
          >
            ${this.download.busy() ? a.exporting : a.export}
          </button>
        </div>
      </form>
      ${failed ? html`<p class="error-text" role="alert">${a.exportFailed} ${describeError(failed.error, this.t)}</p>` : nothing}
      ${this.task.render({
        initial: () => renderPending(a.loading),
        pending: () => renderPending(a.loading),
        error: (error) => renderLoadError(a.loadFailed, error, () => void this.task.run(), this.t),
        complete: (page) => (page ? this.renderPage(page.items, page.nextCursor) : nothing),
      })}`;
  }

  private renderPage(events: readonly AuditEvent[], next: string | null): TemplateResult {
    const { w } = this;
    const a = w.audit;
    if (events.length === 0) return html`<p class="empty" part="empty" role="status">${a.empty}</p>`;
    return html`<div class="table-scroll" part="table" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table>
          <caption id="audit-caption" class="visually-hidden">
            ${a.table}
          </caption>
          <thead>
            <tr>
              <th scope="col">${a.time}</th>
              <th scope="col">${a.type}</th>
              <th scope="col">${a.actor}</th>
              <th scope="col">${a.subject}</th>
              <th scope="col">${a.customerColumn}</th>
              <th scope="col">${a.summary}</th>
            </tr>
          </thead>
          <tbody>
            ${events.map((event) => this.renderRow(event))}
          </tbody>
        </table>
      </div>
      <nav class="actions" part="pager" aria-label=${a.table}>
        <button
          class="button secondary"
          type="button"
          ?disabled=${this.cursors.length === 0}
          @click=${() => (this.cursors = this.cursors.slice(0, -1))}
        >
          ${w.shell.previous}
        </button>
        <button
          class="button secondary"
          type="button"
          ?disabled=${!next}
          @click=${() => (this.cursors = [...this.cursors, next!])}
        >
          ${w.shell.next}
        </button>
      </nav>`;
  }

  private renderRow(event: AuditEvent): TemplateResult {
    const a = this.w.audit;
    const { actor, customer, subject } = event;
    const open = this.open.has(event.id);
    const who =
      actor.type === 'system' ? a.system : actor.type === 'anonymous' ? a.anonymous : (actor.name ?? actor.id ?? '');
    const route = customer && `customers/${customer.id}`;
    return html`<tr>
        <td class="nowrap">${formatDateTime(event.at, this.localeOrDefault)}</td>
        <td>
          <button
            class="button link"
            type="button"
            aria-expanded=${open}
            aria-controls="data-${event.id}"
            aria-label=${a.show(event.type)}
            @click=${() => this.toggle(event.id)}
          >
            ${event.type}
          </button>
        </td>
        <td>${who}</td>
        <td>${subject ? `${subject.type} ${subject.id}` : this.w.shell.none}</td>
        <td>
          ${customer && route ? html`<a href=${routeHref(route)} @click=${(e: MouseEvent) => followRoute(e, route)}>${customer.name}</a>` : this.w.shell.none}
        </td>
        <td class="summary">${summary(event.data)}</td>
      </tr>
      <tr id="data-${event.id}" ?hidden=${!open}>
        <td colspan="6"><pre>${open ? JSON.stringify(event.data, null, 2) : ''}</pre></td>
      </tr>`;
  }
}
