import { Task } from '@lit/task';
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { formatDate, formatMoney } from '../../../internal/format.js';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import { AdminElement } from '../shared/admin-element.js';
import type { AdminPromiseListQuery, AdminPromiseRow } from '../shared/types.js';
import { listPromises } from './api.js';
import { badge, empty, link, Pages, select, table } from './parts.js';
import { styles } from './queues.styles.js';

/** The filter's choices, as the query each one sends. */
const filters: Record<string, AdminPromiseListQuery> = {
  this_week: { due: 'this_week' },
  overdue: { due: 'overdue' },
  open: { status: 'open' },
  all: {},
};

/**
 * The promises to pay of every customer, in the staff console: due this week (the default), overdue
 * or broken, open, or all; each with its customer (a link to the customer's page), invoices, amount and
 * what is paid of it, the promised date, its status, and where it came from (the portal, or a phone
 * call and who took it). Paged by the server's cursor.
 *
 * @summary Staff console: the promises-to-pay queue.
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - What follows `promises/` in the console's route (unused).
 * @event ar-admin-navigate - A link to another console page was followed; `detail.route` is its route, which `<ar-admin>` shows.
 * @csspart table - The queue's scroll box.
 * @csspart filter - The filter select.
 * @csspart badge - Status badges.
 * @csspart pager - Previous and Next.
 * @csspart empty - No promises.
 * @csspart error - A failed load.
 */
export class ArAdminPromises extends AdminElement {
  static override styles = styles;
  // Declared rather than decorated: the chunk then carries no decorator helpers.
  static override properties: PropertyDeclarations = { path: {}, filter: { state: true }, page: { state: true } };

  /** What follows the section in the console's route. */
  declare path: string;
  declare private filter: string;
  declare private page: number;

  constructor() {
    super();
    this.path = '';
    this.filter = 'this_week';
    this.page = 0;
  }

  private readonly pages = new Pages();

  private readonly task = new Task(this, {
    args: () => [this.client, this.filter, this.page] as const,
    task: ([client, filter]) => listPromises(client, { ...filters[filter], cursor: this.pages.cursor }),
  });

  protected override render(): TemplateResult {
    const words = this.w.queues.promises;
    return html`<div class="base" part="base">
      <h2>${words.heading}</h2>
      <div class="bar">
        ${select(
          'filter',
          this.w.queues.filter,
          this.filter,
          [
            ['this_week', words.thisWeek],
            ['overdue', words.overdue],
            ['open', words.open],
            ['all', this.w.queues.all],
          ],
          (value) => {
            this.pages.reset();
            this.filter = value;
          },
        )}
      </div>
      ${this.task.render({
        pending: () => renderPending(words.loading),
        error: (error) => renderLoadError(words.loadFailed, error, () => void this.task.run(), this.t),
        complete: (page) =>
          html`${page.items.length === 0 ? empty(words.empty) : this.renderRows(page.items)}
          ${this.pages.render(page.nextCursor, this.w, () => this.page++)}`,
      })}
    </div>`;
  }

  private renderRows(items: AdminPromiseRow[]): TemplateResult {
    const q = this.w.queues;
    const words = q.promises;
    const locale = this.localeOrDefault;
    return table(
      words.caption,
      [q.customer, words.invoices, q.amount, words.promisedDate, q.status, words.source],
      items.map((p) => {
        const money = (minor: number) => formatMoney(minor, p.currency, locale);
        return html`<tr>
          <td>${link(`customers/${p.customer.id}`, p.customer.name)}</td>
          <td class="wrap">${p.invoices.map((invoice) => invoice.number).join(', ')}</td>
          <td class="num">
            ${money(p.amount)}${p.paid > 0 ? html`<span class="sub">${words.paid(money(p.paid))}</span>` : ''}
          </td>
          <td>${formatDate(p.promisedDate, locale)}</td>
          <td>${badge(p.status, words.status(p.status))}</td>
          <td>${p.source === 'staff' ? words.phone(p.takenBy) : words.portal}</td>
        </tr>`;
      }),
    );
  }
}
