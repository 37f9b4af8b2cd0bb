import { Task } from '@lit/task';
import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { DownloadController } from '../../../internal/download-controller.js';
import { formatMoney } from '../../../internal/format.js';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import { AdminElement } from '../shared/admin-element.js';
import type { DisputeStatus, DisputeSummary, DisputeView, StaffUserView } from '../shared/types.js';
import { getDispute, listDisputes, listStaff } from './api.js';
import { disputeBadge, renderDispute, type DisputeContext } from './dispute-view.js';
import { empty, link, select, Steps, table } from './parts.js';
import { styles } from './queues.styles.js';

const statuses: DisputeStatus[] = ['open', 'under_review', 'resolved', 'rejected', 'withdrawn'];

/**
 * The disputes queue of the staff console, and one dispute's page. With an empty `path`: every
 * account's disputes as the server orders them, filtered by status and by assignee ("Assigned to me"),
 * each with its customer, invoice, disputed amount, reasons, status, age and assignee, linking to
 * `disputes/<id>`. With a dispute id as `path`: its lines, thread and files (downloaded through the
 * staff API), and for admins and collectors the steps: reply (or an internal note), start review,
 * assign (to oneself; admins pick anyone), resolve with a credit note, reject with a reason. Each step
 * shows its work, the server's refusal, or its success, and the dispute is loaded again after.
 *
 * @summary Staff console: the disputes queue and one dispute with its actions.
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - What follows `disputes/` in the console's route: empty for the queue, a dispute id for one.
 * @event ar-admin-navigate - A link to another console page was followed; `detail.route` is its route, which `<ar-admin>` shows.
 * @csspart table - The queue's scroll box.
 * @csspart filter - The status and assignee selects.
 * @csspart badge - Status badges.
 * @csspart empty - No disputes.
 * @csspart error - Load and action errors.
 * @csspart actions - A dispute's steps (admins and collectors).
 * @csspart done - A step's success notice.
 */
export class ArAdminDisputes extends AdminElement {
  static override styles = styles;
  // Declared rather than decorated: the chunk then carries no decorator helpers.
  static override properties: PropertyDeclarations = { path: {}, status: { state: true }, assignee: { state: true } };

  /** What follows the section in the console's route. */
  declare path: string;
  declare private status: string;
  declare private assignee: string;

  constructor() {
    super();
    this.path = '';
    this.status = '';
    this.assignee = '';
  }

  private readonly steps = new Steps(this);
  private readonly download = new DownloadController<string>(this);

  private readonly task = new Task(this, {
    args: () => [this.client, this.path, this.status, this.assignee] as const,
    task: async ([client, path, status, assignee]): Promise<{ dispute: DisputeView } | { items: DisputeSummary[] }> =>
      path
        ? { dispute: await getDispute(client, path.split('/')[0]!) }
        : {
            items: (
              await listDisputes(client, {
                status: (status || undefined) as DisputeStatus | undefined,
                assignee: assignee || undefined,
              })
            ).items,
          },
  });

  /** Admins may assign anyone: the active admins and collectors. */
  private readonly staffTask = new Task(this, {
    args: () => [this.client, this.staffRole, !!this.path] as const,
    task: async ([client, role, detail]): Promise<StaffUserView[]> =>
      role === 'admin' && detail
        ? (await listStaff(client)).items.filter((user) => user.active && user.role !== 'viewer')
        : [],
  });

  /** The dispute on screen, once loaded. */
  private get shown(): DisputeView | undefined {
    const value = this.task.value;
    return value && 'dispute' in value ? value.dispute : undefined;
  }

  private reload(): void {
    void this.task.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('path')) this.steps.clear();
  }

  /** What a dispute's page needs of the element. */
  private context(): DisputeContext {
    const staff = this.staffTask.value ?? [];
    const email = this.client.session.info?.user.email;
    return {
      w: this.w,
      t: this.t,
      locale: this.localeOrDefault,
      client: this.client,
      canAct: this.canAct,
      steps: this.steps,
      download: this.download,
      staff,
      me: staff.find((user) => user.email === email)?.id ?? 'me',
      reload: () => this.reload(),
    };
  }

  protected override render(): TemplateResult {
    const words = this.w.queues.disputes;
    const detail = !!this.path;
    const shown = this.shown;
    return html`<div class="base" part="base">
      ${this.task.render({
        // Loading the same dispute again after a step: keep it on screen (and the focus where it was).
        pending: () =>
          shown && shown.id === this.path.split('/')[0]
            ? renderDispute(this.context(), shown)
            : renderPending(detail ? words.detailLoading : words.loading),
        error: (error) =>
          renderLoadError(detail ? words.detailFailed : words.loadFailed, error, () => this.reload(), this.t),
        complete: (loaded) =>
          'dispute' in loaded ? renderDispute(this.context(), loaded.dispute) : this.renderList(loaded.items),
      })}
    </div>`;
  }

  private renderList(items: DisputeSummary[]): TemplateResult {
    const q = this.w.queues;
    const words = q.disputes;
    const locale = this.localeOrDefault;
    const age = (d: DisputeSummary) =>
      Math.max(0, Math.floor(((d.closedAt ? Date.parse(d.closedAt) : Date.now()) - Date.parse(d.createdAt)) / 864e5));
    return html`<h2>${words.heading}</h2>
      <div class="bar">
        ${select('status', q.status, this.status, [['', q.all], ...statuses.map((s) => [s, words.status(s)] as const)], (v) => (this.status = v))}
        ${select(
          'assignee',
          words.assignee,
          this.assignee,
          [
            ['', q.all],
            ['me', words.mine],
          ],
          (v) => (this.assignee = v),
        )}
      </div>
      ${
        items.length === 0
          ? empty(words.empty)
          : table(
              words.caption,
              [words.invoice, q.customer, q.amount, q.reasonLabel, q.status, words.age, words.assignee],
              items.map(
                (d) =>
                  html`<tr>
                    <td>${link(`disputes/${d.id}`, d.invoice.number, words.open(d.invoice.number))}</td>
                    <td>${link(`customers/${d.accountId}`, d.accountName)}</td>
                    <td class="num">${formatMoney(d.amount, d.currency, locale)}</td>
                    <td class="wrap">${[...new Set(d.lines.map((line) => words.reason(line.reason)))].join(', ')}</td>
                    <td>${disputeBadge(d.status, words)}</td>
                    <td>${q.days(age(d))}</td>
                    <td>${d.assignee?.name ?? words.unassigned}</td>
                  </tr>`,
              ),
            )
      }`;
  }
}
