import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { formatDateTime, formatMoney } from '../../../internal/format.js';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import { AdminElement } from '../shared/admin-element.js';
import type { AdminPaymentPage, AdminPaymentRow, AdminRefundBody, PaymentStatus } from '../shared/types.js';
import { listPayments, refundPayment } from './api.js';
import { renderDeliveries, DeliveriesTasks } from './deliveries.js';
import { amount, amountOf, area, badge, empty, field, link, Pages, select, Steps, table } from './parts.js';
import { styles } from './queues.styles.js';

const statuses: PaymentStatus[] = ['pending', 'processing', 'succeeded', 'failed', 'refunded', 'returned'];
/**
 * The payments of every customer, in the staff console, newest first: filtered by status and searched
 * by receipt number, reference or customer name, paged by the server's cursor. Each row shows the date,
 * customer (a link to their page), receipt, method, amount, status, what was refunded and the reference;
 * its details list the invoices it paid and, for admins and collectors when something is refundable,
 * a Refund step (amount, reason, and a confirm that says the invoices it paid will be due again).
 * With `path` `deliveries`: the ERP webhook endpoints and each one's deliveries, with Retry.
 *
 * @summary Staff console: the payments queue with refunds, and the ERP webhook deliveries.
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - What follows `payments/` in the console's route: empty for payments, `deliveries` for the ERP deliveries.
 * @event ar-admin-navigate - A link to another console page was followed; `detail.route` is its route, which `<ar-admin>` shows.
 * @csspart tabs - The links between payments and ERP deliveries.
 * @csspart table - Each table's scroll box.
 * @csspart filter - The status and endpoint selects.
 * @csspart badge - Status badges.
 * @csspart pager - Previous and Next.
 * @csspart empty - Nothing to list.
 * @csspart error - Load and action errors.
 * @csspart actions - A payment's refund step.
 * @csspart done - An action's success notice.
 */
export class ArAdminPayments extends AdminElement {
  static override styles = styles;
  // Declared rather than decorated: the chunk then carries no decorator helpers.
  static override properties: PropertyDeclarations = {
    path: {},
    status: { state: true },
    q: { state: true },
    page: { state: true },
    expanded: { state: true },
  };

  /** What follows the section in the console's route. */
  declare path: string;
  declare private status: string;
  declare private q: string;
  declare private page: number;
  /** The payment whose details are shown. */
  declare private expanded: string;

  constructor() {
    super();
    this.path = '';
    this.status = '';
    this.q = '';
    this.page = 0;
    this.expanded = '';
  }

  private readonly pages = new Pages();
  /** A refresh after a refund is under way. */
  private quiet = false;
  private readonly steps = new Steps(this);
  private readonly deliveries = new DeliveriesTasks(
    this,
    () => this.client,
    () => this.path === 'deliveries',
  );

  private readonly task = new Task(this, {
    args: () => [this.client, this.path, this.status, this.q, this.page] as const,
    task: ([client, path, status, q]) =>
      path === 'deliveries'
        ? null
        : listPayments(client, {
            status: (status || undefined) as PaymentStatus | undefined,
            q: q || undefined,
            cursor: this.pages.cursor,
          }),
  });

  protected override render(): TemplateResult {
    const words = this.w.queues;
    const onDeliveries = this.path === 'deliveries';
    const tab = (route: string, label: string, current: boolean) =>
      html`<li aria-current=${current ? 'page' : nothing}>
        ${current ? html`<strong>${label}</strong>` : link(route, label)}
      </li>`;
    return html`<div class="base" part="base">
      <h2>${words.payments.heading}</h2>
      ${
        this.canAct
          ? html`<ul class="bar tabs" part="tabs">
              ${tab('payments', words.payments.tab, !onDeliveries)}
              ${tab('payments/deliveries', words.deliveries.tab, onDeliveries)}
            </ul>`
          : nothing
      }
      ${onDeliveries ? renderDeliveries(this.deliveries, this.w, this.t, this.localeOrDefault) : this.renderPayments()}
    </div>`;
  }

  private renderPayments(): TemplateResult {
    const words = this.w.queues;
    return html`<div class="bar">
        ${select(
          'status',
          words.status,
          this.status,
          [['', words.all], ...statuses.map((s) => [s, words.payments.status(s)] as const)],
          (value) => {
            this.pages.reset();
            this.status = value;
          },
        )}
        <form
          role="search"
          @submit=${(event: SubmitEvent) => {
            event.preventDefault();
            this.pages.reset();
            this.q = field(event.target as HTMLFormElement, 'q');
          }}
        >
          <div class="field">
            <label for="q">${words.payments.search}</label>
            <input id="q" name="q" type="search" .value=${this.q} />
          </div>
          <button class="button secondary" type="submit">${words.payments.searchButton}</button>
        </form>
      </div>
      ${this.task.render({
        // Loading again after a refund: keep the page on screen (and the focus where it was).
        pending: () =>
          this.quiet && this.task.value ? this.renderPage(this.task.value) : renderPending(words.payments.loading),
        error: (error) => renderLoadError(words.payments.loadFailed, error, () => void this.task.run(), this.t),
        complete: (page) => (page ? this.renderPage(page) : nothing),
      })}`;
  }

  private renderPage(page: AdminPaymentPage): TemplateResult {
    return html`${page.items.length === 0 ? empty(this.w.queues.payments.empty) : this.renderRows(page.items)}
    ${this.pages.render(page.nextCursor, this.w, () => this.page++)}`;
  }

  /** Loads the page again after a refund, keeping it on screen meanwhile. */
  private refresh(): void {
    this.quiet = true;
    void this.task.run().finally(() => (this.quiet = false));
  }

  private renderRows(items: AdminPaymentRow[]): TemplateResult {
    const q = this.w.queues;
    const words = q.payments;
    const locale = this.localeOrDefault;
    const head = [q.date, q.customer, words.receipt, words.method, q.amount, q.status, words.refunded, q.reference];
    return table(
      words.caption,
      head,
      items.map((p) => {
        const money = (minor: number) => formatMoney(minor, p.currency, locale);
        const open = this.expanded === p.id;
        return html`<tr>
            <td>${formatDateTime(p.succeededAt ?? p.createdAt, locale)}</td>
            <td>${link(`customers/${p.customer.id}`, p.customer.name)}</td>
            <td>
              <button
                class="button link"
                type="button"
                aria-expanded=${open}
                aria-label=${words.details(p.receiptNumber)}
                @click=${() => {
                  this.expanded = open ? '' : p.id;
                  this.steps.toggle('');
                }}
              >
                ${p.receiptNumber}
              </button>
            </td>
            <td>${words.methodName(p.method)}</td>
            <td class="num">${money(p.total)}</td>
            <td>${badge(p.status, words.status(p.status))}</td>
            <td class="num">
              ${p.refunded > 0 ? money(p.refunded) : this.w.shell.none}
              ${p.refundStatus ? html`<span class="sub">${words.refundStatus(p.refundStatus)}</span>` : nothing}
            </td>
            <td>${p.reference ?? this.w.shell.none}</td>
          </tr>
          ${
            open
              ? html`<tr>
                  <td colspan=${head.length}><div class="detail">${this.renderDetail(p, money)}</div></td>
                </tr>`
              : nothing
          }`;
      }),
    );
  }

  private renderDetail(p: AdminPaymentRow, money: (minor: number) => string): TemplateResult {
    const { w, steps } = this;
    const words = w.queues.payments;
    const read = (form: HTMLFormElement) => {
      const minor = amountOf(form, p.currency, p.refundable, this.localeOrDefault);
      if (!minor) return steps.refuse('refund', words.amountInvalid);
      const reason = field(form, 'reason');
      if (!reason) return steps.refuse('refund', w.queues.disputes.required);
      return { reason, ...(minor === p.refundable ? {} : { amount: minor }) };
    };
    const send = (body: unknown) => refundPayment(this.client, p.id, body as AdminRefundBody);
    return html`${p.recordedBy ? html`<p>${words.recordedBy(p.recordedBy)}</p>` : nothing}
      <h3>${words.allocations}</h3>
      ${
        p.allocations.length === 0
          ? html`<p>${words.noAllocations}</p>`
          : html`<ul>
              ${p.allocations.map((a) => html`<li>${a.number} · ${money(a.amount)}</li>`)}
            </ul>`
      }
      ${steps.doneNotice()}
      ${
        this.canAct && p.refundable > 0
          ? html`<div part="actions">
              <p>${words.refundable(money(p.refundable))}</p>
              ${
                steps.open === 'refund'
                  ? html`<form
                      class="panel"
                      @submit=${steps.onSubmit('refund', read, send, words.refundDone, () => this.refresh())}
                    >
                      ${amount(words.refundAmount, p.currency, p.refundable, this.localeOrDefault)}
                      ${area('reason', w.queues.reasonLabel, 500)}
                      <p>${words.refundConfirm}</p>
                      ${steps.end('refund', w.queues.confirm, w, this.t)}
                    </form>`
                  : html`<button class="button secondary" type="button" @click=${() => steps.toggle('refund')}>
                      ${words.refund}
                    </button>`
              }
            </div>`
          : nothing
      }`;
  }
}
