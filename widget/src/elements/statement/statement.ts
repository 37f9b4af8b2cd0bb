import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderAccountSwitcher } from '../../internal/account-switcher.js';
import { loadAccounts, pickAccount } from '../../internal/accounts.js';
import { addDays, isCalendarDate, startOfYear, today } from '../../internal/calendar.js';
import { DownloadController } from '../../internal/download-controller.js';
import { emit } from '../../internal/events.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { describeError, renderLoadError } from '../../internal/states.js';
import type { AccountSummary, AgingBuckets, Statement } from '../../internal/types.js';
import { renderDisputed } from './disputed.js';
import { styles } from './statement.styles.js';

type Format = 'csv' | 'pdf';
type Preset = 'last30' | 'last90' | 'thisYear';

const agingKeys: readonly (keyof AgingBuckets)[] = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'];

/**
 * @summary The account statement for a period: opening balance, every invoice, payment and credit
 * with the running balance, the closing balance, unapplied credit and aging, what open disputes put in
 * question (apart, when there are any), with CSV and PDF downloads.
 *
 * Without `from` and `to` the server's default period is shown (the 90 days up to today). Inside
 * `<ar-portal>` it uses the portal's session; alone on a page it uses the session of its `api`
 * server in this tab and asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr account - Customer account id. Empty means the session's default account.
 * @attr from - First day of the period, `YYYY-MM-DD`. Empty means 90 days before `to`.
 * @attr to - Last day of the period, `YYYY-MM-DD`. Empty means today.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-account-change - The person picked another account (several accounts only). `detail.account` is the `AccountSummary`.
 * @event ar-dispute-view-request - An open dispute was chosen. `detail.dispute` is its id.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading, account and download buttons.
 * @csspart account-select - The account switcher (several accounts only).
 * @csspart period - The period picker.
 * @csspart input - The two date inputs.
 * @csspart preset - Each quick-period button (also `preset-active`).
 * @csspart summary - Opening balance, totals, closing balance and unapplied credit.
 * @csspart table - The statement lines.
 * @csspart aging - The aging buckets.
 * @csspart disputed - What open disputes put in question, with a `dispute-button` for each (only when any).
 * @csspart csv-button - The "Download CSV" button.
 * @csspart pdf-button - The "Download PDF" button.
 * @csspart empty - No activity in the period, and the signed-out state (also `signed-out`).
 * @csspart error - Error messages.
 * @csspart retry-button - Retry after a failed load.
 * @csspart loading - The loading skeleton.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons, the active preset and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Overdue aging and errors.
 * @cssprop --ar-color-warning - Aging 1–60 days.
 * @cssprop --ar-color-success - Payments and credits, unapplied credit.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Labels and secondary text.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Dividers and fields.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArStatement extends PorticoElement {
  static override styles = styles;

  /** Customer account id; a bookkeeper's session spans several. */
  @property() accessor account = '';

  /** First day of the period (`YYYY-MM-DD`); empty lets the server choose. */
  @property() accessor from = '';

  /** Last day of the period (`YYYY-MM-DD`); empty means today in the company's time zone. */
  @property() accessor to = '';

  @state() private accessor periodError = '';
  /** The CSV or PDF being fetched, one at a time. */
  private readonly downloads = new DownloadController<Format>(this, { oneAtATime: true });

  /** The last statement shown, for the period inputs and the company's time zone while the next loads. */
  private last: Statement | undefined;

  private readonly statementTask = new Task(this, {
    args: () => [this.client, this.session.token, this.account, this.from, this.to] as const,
    task: async ([client, token, account, from, to], { signal }) => {
      if (!token) return 'signed-out' as const;
      const statement = await client.getStatement({ account, from, to }, { signal });
      this.last = statement;
      return statement;
    },
  });

  /** Only a session with several accounts needs the list, for the switcher. */
  private readonly accountsTask = new Task(this, {
    args: () => [this.client, (this.session.store.info?.accounts.length ?? 0) > 1] as const,
    task: async ([client, several]) => (several ? loadAccounts(client) : undefined),
  });

  private get period(): { from: string; to: string } {
    return { from: this.from || this.last?.from || '', to: this.to || this.last?.to || '' };
  }

  private presetPeriod(preset: Preset): { from: string; to: string } {
    const to = today(this.last?.company.timeZone);
    const from = { last30: addDays(to, -30), last90: addDays(to, -90), thisYear: startOfYear(to) }[preset];
    return { from, to };
  }

  private setPeriod(from: string, to: string): void {
    this.periodError = '';
    this.downloads.clearError();
    this.from = from;
    this.to = to;
  }

  private handleDateChange(): void {
    const from = this.renderRoot.querySelector<HTMLInputElement>('#from')?.value ?? '';
    const to = this.renderRoot.querySelector<HTMLInputElement>('#to')?.value ?? '';
    if (!isCalendarDate(from) || !isCalendarDate(to) || from > to) {
      this.periodError = this.t.statement.periodInvalid;
      return;
    }
    this.setPeriod(from, to);
  }

  private handleAccountChange(account: AccountSummary): void {
    this.account = account.id;
    emit(this, 'ar-account-change', { account });
  }

  private handleDownload(format: Format): Promise<void> {
    const { from, to } = this.period;
    const query = { ...(this.account ? { account: this.account } : {}), ...(from && to ? { from, to } : {}) };
    return this.downloads.save(format, () => this.client.downloadStatement(query, format, { locale: this.locale }));
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    if (!this.session.token) {
      return html`<div class="base" part="base">
        <p class="empty" part="empty signed-out">${this.t.statement.signedOut}</p>
      </div>`;
    }
    return html`<div class="base" part="base">
      ${this.renderHeader()} ${this.renderPeriod()}
      ${this.statementTask.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderSkeleton(),
        complete: (statement) => (statement === 'signed-out' ? html`` : this.renderStatement(statement)),
        error: (error) =>
          renderLoadError(this.t.statement.loadFailed, error, () => void this.statementTask.run(), this.t),
      })}
    </div>`;
  }

  private renderHeader(): TemplateResult {
    const list = this.accountsTask.value;
    const account = pickAccount(list, this.account || this.last?.account.id || '');
    const busy = this.downloads.busy();
    return html`<header class="head" part="header">
      <div class="title">
        <h2>${this.t.statement.heading}</h2>
        ${
          list && account
            ? renderAccountSwitcher(list.items, account, (next) => this.handleAccountChange(next), this.t)
            : this.last
              ? html`<p class="account-name">${this.last.account.name}</p>`
              : nothing
        }
      </div>
      <div class="downloads">
        ${(['csv', 'pdf'] as const).map(
          (format) =>
            html`<button
              class="button secondary"
              part="button ${format}-button"
              type="button"
              ?disabled=${busy || !this.last}
              @click=${() => this.handleDownload(format)}
            >
              ${
                this.downloads.busy(format)
                  ? html`<span class="spinner" aria-hidden="true"></span> ${this.t.statement.downloading}`
                  : format === 'csv'
                    ? this.t.statement.downloadCsv
                    : this.t.statement.downloadPdf
              }
            </button>`,
        )}
      </div>
      ${
        this.downloads.error
          ? html`<div class="notice danger download-error" part="error" role="alert">
              <p>
                <strong>${this.t.statement.downloadFailed(this.downloads.error.key)}</strong>
                ${describeError(this.downloads.error.error, this.t)}
              </p>
            </div>`
          : nothing
      }
    </header>`;
  }

  /** One end of the period; each bounds the other so the browser's picker cannot cross them. */
  private renderDateField(id: 'from' | 'to', label: string, value: string, bound: { min?: string; max?: string }) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        part="input"
        type="date"
        .value=${value}
        min=${bound.min || nothing}
        max=${bound.max || nothing}
        aria-invalid=${this.periodError ? 'true' : 'false'}
        aria-describedby=${this.periodError ? 'period-error' : nothing}
        @change=${this.handleDateChange}
      />
    </div>`;
  }

  private renderPeriod(): TemplateResult {
    const { from, to } = this.period;
    const presets: Preset[] = ['last30', 'last90', 'thisYear'];
    return html`<fieldset class="period" part="period">
      <legend>${this.t.statement.period}</legend>
      <div class="dates">
        ${this.renderDateField('from', this.t.statement.from, from, { max: to })}
        ${this.renderDateField('to', this.t.statement.to, to, { min: from })}
        <div class="presets" role="group" aria-label=${this.t.statement.presets}>
          ${presets.map((preset) => {
            const period = this.presetPeriod(preset);
            const active = period.from === from && period.to === to;
            return html`<button
              class="button secondary preset"
              part=${active ? 'button preset preset-active' : 'button preset'}
              type="button"
              aria-pressed=${active ? 'true' : 'false'}
              @click=${() => this.setPeriod(period.from, period.to)}
            >
              ${this.t.statement[preset]}
            </button>`;
          })}
        </div>
      </div>
      ${this.periodError ? html`<p id="period-error" class="error-text" role="alert">${this.periodError}</p>` : nothing}
    </fieldset>`;
  }

  private renderStatement(statement: Statement): TemplateResult {
    const locale = this.localeOrDefault;
    const money = (minor: number) => formatMoney(minor, statement.currency, locale);
    const date = (day: string) => formatDate(day, locale);
    const figures: { label: string; amount: number; tone?: string }[] = [
      { label: this.t.statement.openingBalance, amount: statement.openingBalance },
      { label: this.t.statement.invoiced, amount: statement.totals.invoiced },
      { label: this.t.statement.paid, amount: statement.totals.paid },
      { label: this.t.statement.credited, amount: statement.totals.credited },
      { label: this.t.statement.closingBalance, amount: statement.closingBalance, tone: 'strong' },
      {
        label: this.t.statement.unappliedCredit,
        amount: statement.unappliedCredit,
        tone: statement.unappliedCredit ? 'success' : '',
      },
    ];
    return html`
      <p class="period-text">${this.t.statement.periodOf(date(statement.from), date(statement.to))}</p>
      <dl class="figures" part="summary">
        ${figures.map(
          ({ label, amount, tone }) =>
            html`<div class=${tone ?? ''}>
              <dt>${label}</dt>
              <dd>${money(amount)}</dd>
            </div>`,
        )}
      </dl>
      ${this.renderLines(statement, money, date)} ${this.renderAging(statement, money, date)}
      ${renderDisputed(statement, { host: this, t: this.t, keys: agingKeys, money, date })}
    `;
  }

  /* eslint-disable lit-a11y/no-redundant-role -- see renderLines */
  private renderLines(
    statement: Statement,
    money: (minor: number) => string,
    date: (day: string) => string,
  ): TemplateResult {
    // Explicit roles: on narrow screens the rows are laid out as stacked lines (CSS grid), which
    // drops the implicit table semantics in some browsers. Focusable so keyboard users can scroll it
    // sideways should a very long reference not fit.
    return html`<div class="table-scroll" role="region" aria-labelledby="statement-caption" tabindex="0">
      <table part="table" role="table">
        <caption id="statement-caption" class="visually-hidden">
          ${this.t.statement.caption(date(statement.from), date(statement.to))}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${this.t.statement.date}</th>
            <th scope="col" role="columnheader" class="col-type">${this.t.statement.type}</th>
            <th scope="col" role="columnheader">${this.t.statement.reference}</th>
            <th scope="col" role="columnheader" class="col-description">${this.t.statement.description}</th>
            <th scope="col" role="columnheader" class="num">${this.t.statement.amount}</th>
            <th scope="col" role="columnheader" class="num">${this.t.statement.balance}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          <tr role="row" class="opening">
            ${this.renderBalanceRow(this.t.statement.openingBalance, date(statement.from), money(statement.openingBalance))}
          </tr>
          ${
            statement.lines.length === 0
              ? html`<tr role="row" class="no-activity">
                  <td role="cell" colspan="4" class="none" part="empty">${this.t.statement.noActivity}</td>
                  <td role="cell" class="col-description" colspan="2"></td>
                </tr>`
              : statement.lines.map(
                  (line) =>
                    html`<tr role="row" class="line ${line.type}">
                      <td role="cell" class="nowrap date">${date(line.date)}</td>
                      <td role="cell" class="col-type">${this.t.statement.lineType(line.type)}</td>
                      <td role="cell" class="reference">${line.reference}</td>
                      <td role="cell" class="col-description">${line.description}</td>
                      <td role="cell" class="num amount">${money(line.amount)}</td>
                      <td role="cell" class="num running" data-label=${this.t.statement.balance}>
                        ${money(line.balance)}
                      </td>
                    </tr>`,
                )
          }
        </tbody>
        <tfoot role="rowgroup">
          <tr role="row" class="closing">
            ${this.renderBalanceRow(this.t.statement.closingBalance, date(statement.to), money(statement.closingBalance))}
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  /**
   * Opening and closing balance rows. The empty cell spans the columns a narrow screen hides, so
   * the balance stays in the Balance column whether they are shown or not.
   */
  private renderBalanceRow(label: string, date: string, balance: string): TemplateResult {
    return html`<th scope="row" role="rowheader" colspan="3">${label} · <span class="nowrap">${date}</span></th>
      <td role="cell" class="col-description" colspan="2"></td>
      <td role="cell" class="num running">${balance}</td>`;
  }
  /* eslint-enable lit-a11y/no-redundant-role */

  private renderAging(
    statement: Statement,
    money: (minor: number) => string,
    date: (day: string) => string,
  ): TemplateResult {
    const total = agingKeys.reduce((sum, key) => sum + Math.max(0, statement.aging[key]), 0);
    return html`<section class="aging" part="aging" aria-labelledby="aging-heading">
      <h3 id="aging-heading">${this.t.statement.aging(date(statement.to))}</h3>
      ${
        total > 0
          ? html`<div class="aging-bar" aria-hidden="true">
              ${agingKeys.map((key) =>
                statement.aging[key] > 0
                  ? html`<span class="bucket-${key}" style="flex-grow: ${statement.aging[key] / total}"></span>`
                  : nothing,
              )}
            </div>`
          : nothing
      }
      <dl class="figures aging-buckets">
        ${agingKeys.map(
          (key) =>
            html`<div class="bucket bucket-${key}">
              <dt><span class="swatch" aria-hidden="true"></span>${this.t.statement.agingBucket[key]}</dt>
              <dd>${money(statement.aging[key])}</dd>
            </div>`,
        )}
      </dl>
    </section>`;
  }

  private renderSkeleton(): TemplateResult {
    const bone = (width: string) => html`<span class="bone" style="width: ${width}"></span>`;
    return html`<p class="visually-hidden" part="loading" role="status">${this.t.statement.loading}</p>
      <div class="skeleton" aria-hidden="true">
        <div class="figures">${[1, 2, 3, 4, 5, 6].map(() => html`<div>${bone('5rem')} ${bone('7rem')}</div>`)}</div>
        ${[1, 2, 3, 4, 5].map(() => html`<div class="skeleton-line">${bone('8rem')} ${bone('40%')} ${bone('6rem')}</div>`)}
      </div>`;
  }
}
