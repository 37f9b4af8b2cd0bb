import { Task } from '@lit/task';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../../../internal/api.js';
import { renderLoadError } from '../../../internal/states.js';
import { AdminElement } from '../shared/admin-element.js';
import type { WorklistPage } from '../shared/types.js';
import { loadWorklist } from './api.js';
import {
  defaultFilters,
  formatFilters,
  parseFilters,
  queryOf,
  renderFilters,
  type WorklistFilters,
} from './filters.js';
import { renderTable } from './table.js';
import { styles } from './worklist.styles.js';

/**
 * The console's worklist: the customers with something unpaid, ranked by a score (past-due money
 * weighted by age, broken promises, open disputes, days since the last contact; explained beside the
 * table), each with its balance, past due, disputed amount, promise, last contact and collector. The
 * name opens the customer's page. Filters above the table (accounts, a search, promises, disputes) are
 * kept in the route, so Back from a customer finds them; a collector starts on their own accounts.
 * Paged by the server's cursor, Previous and Next.
 *
 * @summary Staff console: customers ranked for collection, filtered and paged.
 *
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - What follows `worklist/` in the console's route: the filters (`collector=all&q=north`).
 *
 * @event ar-admin-navigate - A customer was opened (`customers/<id>`), or the filters changed (`worklist/<filters>`). `detail` is `{route}`.
 *
 * @csspart filters - The filter form.
 * @csspart table - The scrolling box around the table.
 * @csspart row - Each customer's row.
 * @csspart pager - Previous and Next.
 * @csspart empty - No customer to show.
 * @csspart loading - The loading state.
 * @csspart error - A failed load, with its retry button.
 */
export class ArAdminWorklist extends AdminElement {
  static override styles = styles;

  /** What follows the section in the console's route: the filters, as `key=value&…`. */
  @property() accessor path = '';

  @state() private accessor filters: WorklistFilters = defaultFilters(undefined);

  /** The cursors of the pages after the first, up to the one shown: Previous drops the last. */
  @state() private accessor cursors: readonly string[] = [];

  private readonly worklistTask = new Task(this, {
    args: () => {
      const { collector, q, promise, dispute } = this.filters;
      return [this.client, this.session.token, collector, q, promise, dispute, this.cursors.at(-1)] as const;
    },
    task: ([client, , collector, q, promise, dispute, cursor], { signal }) =>
      loadWorklist(client, queryOf({ collector, q, promise, dispute }, cursor), signal),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('path') || !this.hasUpdated) {
      this.applyFilters(parseFilters(new URLSearchParams(this.path), this.staffRole));
    }
  }

  /** Shows `next` from the first page, unless it is what is shown. */
  private applyFilters(next: WorklistFilters): boolean {
    if (formatFilters(next, this.staffRole) === formatFilters(this.filters, this.staffRole) && this.hasUpdated)
      return false;
    this.filters = next;
    this.cursors = [];
    return true;
  }

  /** New filters: shown at once, and written into the console's route (Back returns to the ones before). */
  private handleFilters(next: WorklistFilters): void {
    if (!this.applyFilters(next)) return;
    const text = formatFilters(next, this.staffRole);
    this.navigate(text ? `worklist/${text}` : 'worklist', true);
  }

  /** A cursor the server no longer takes (`invalid_request`) starts again from the first page; anything else is asked again. */
  private retry(error: unknown): void {
    if (error instanceof ApiError && error.code === 'invalid_request' && this.cursors.length) this.cursors = [];
    else void this.worklistTask.run();
  }

  /** Another page; once it is shown, the focus goes to the table, whose name a screen reader reads out. */
  private async turnPage(cursors: readonly string[]): Promise<void> {
    this.cursors = cursors;
    await this.updateComplete;
    await this.worklistTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="table"]')?.focus();
  }

  protected override render(): TemplateResult {
    const w = this.w.worklist;
    const isDefault = formatFilters(this.filters, this.staffRole) === '';
    return html`<h2>${w.heading}</h2>
      <p class="hint">${w.intro}</p>
      ${renderFilters(
        this.filters,
        isDefault,
        w,
        (params) => this.handleFilters(parseFilters(params, this.staffRole)),
        () => this.handleFilters(defaultFilters(this.staffRole)),
      )}
      <details class="help">
        <summary>${w.scoreHelp}</summary>
        <p id="score-explained">${w.scoreExplained}</p>
      </details>
      ${this.worklistTask.render({
        initial: () => this.renderLoading(),
        // A new page or filter loading: the rows shown stay (dimmed), so Next and Previous keep the focus.
        pending: () => {
          const shown = this.worklistTask.value;
          return shown ? this.renderPage(shown, true) : this.renderLoading();
        },
        error: (error) => renderLoadError(w.loadFailed, error, () => this.retry(error), this.t),
        complete: (page) => this.renderPage(page, false),
      })}`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="loading" part="loading" role="status">
      <span class="visually-hidden">${this.w.worklist.loading}</span>
      ${[1, 2, 3, 4].map(() => html`<span class="bone" aria-hidden="true"></span>`)}
    </div>`;
  }

  private renderPage(page: WorklistPage, busy: boolean): TemplateResult {
    const w = this.w.worklist;
    if (page.items.length === 0 && this.cursors.length === 0) return this.renderEmpty();
    const pageNumber = this.cursors.length + 1;
    return html`<div class="results" aria-busy=${busy ? 'true' : 'false'}>
      ${renderTable(page.items, this.w, this.localeOrDefault)}
      ${
        page.nextCursor || pageNumber > 1
          ? html`<nav class="pager" part="pager" aria-label=${w.pages}>
              <button
                class="button secondary"
                type="button"
                ?disabled=${pageNumber === 1}
                @click=${() => busy || void this.turnPage(this.cursors.slice(0, -1))}
              >
                ${this.w.shell.previous}
              </button>
              <span>${w.page(pageNumber)}</span>
              <button
                class="button secondary"
                type="button"
                ?disabled=${!page.nextCursor}
                @click=${() => busy || void this.turnPage([...this.cursors, page.nextCursor!])}
              >
                ${this.w.shell.next}
              </button>
            </nav>`
          : ''
      }
    </div>`;
  }

  private renderEmpty(): TemplateResult {
    const w = this.w.worklist;
    const { collector, q, promise, dispute } = this.filters;
    const onlyMine = collector === 'me' && !q && !promise && !dispute;
    const filtered = q || promise || dispute || collector !== 'all';
    return html`<div class="empty" part="empty" role="status">
      <p>${onlyMine ? w.emptyMine : filtered ? w.emptyFiltered : w.empty}</p>
      ${
        onlyMine
          ? html`<button
              class="button secondary"
              type="button"
              @click=${() => this.handleFilters({ ...this.filters, collector: 'all' })}
            >
              ${w.showAll}
            </button>`
          : ''
      }
    </div>`;
  }
}
