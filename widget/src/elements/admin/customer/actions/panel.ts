/**
 * The customer page's action panel: one small form at a time under the header, with its busy state,
 * field errors tied to their fields, the server's message on failure and a success notice. Forms read
 * their values with `FormData` on submit; the money forms keep what is typed per invoice here, for
 * their running totals.
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PorticoApi } from '../../../../internal/api.js';
import { currencyDigits } from '../../../../internal/format.js';
import { formatAmountInput, parseAmountInput } from '../../../../internal/amount-input.js';
import { describeError, renderLoadError, renderPending } from '../../../../internal/states.js';
import type { Catalog } from '../../../../locales/catalog.js';
import type { AdminCatalog } from '../../../../locales/admin/catalog.js';
import type { CustomerDetail, InvoiceSummary, StaffUserView } from '../../shared/types.js';
import { listInvoices, listStaff } from '../api.js';

export type ActionKind = keyof AdminCatalog['customer']['submit'];

/** What the forms need of the page. */
export interface PanelHost extends ReactiveControllerHost, HTMLElement {
  readonly shadowRoot: ShadowRoot | null;
}

export interface PanelContext {
  client: () => PorticoApi;
  detail: () => CustomerDetail | undefined;
  w: () => AdminCatalog;
  t: () => Catalog;
  locale: () => string | undefined;
  /** After a success: reload the header and the tab. */
  done: () => void;
}

const moneyKinds: readonly ActionKind[] = ['payment', 'credit', 'creditNote', 'promise'];

export class ActionPanel {
  kind: ActionKind | null = null;
  busy = false;
  /** The server's message for the last failure. */
  error = '';
  /** Field name → why it is wrong. */
  errors: Record<string, string> = {};
  /** The last success, for the page's status line. */
  notice = '';
  /** A fresh `Idempotency-Key` per opened form: a double click records once. */
  key = '';
  /** Allocation by hand (else oldest first). */
  manual = false;
  /** What is typed per field (amounts), for running totals. */
  typed: Record<string, string> = {};
  /** The contact a form opened for. */
  contactId = '';

  /** The customer's open invoices, oldest due first, for the money forms. */
  readonly invoices: Task<readonly [], InvoiceSummary[]>;
  /** Active admins and collectors, for an admin's collector picker. */
  readonly staff: Task<readonly [], StaffUserView[]>;

  constructor(
    private readonly host: PanelHost,
    readonly ctx: PanelContext,
  ) {
    this.invoices = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: async (_, { signal }) => {
        const id = ctx.detail()?.id ?? '';
        const list = await listInvoices(ctx.client(), id, { status: 'open', sort: 'dueDate', limit: 200 }, { signal });
        return list.items.filter((invoice) => invoice.status !== 'void' && invoice.balance > 0);
      },
    });
    this.staff = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: async () => (await listStaff(ctx.client())).items.filter((user) => user.active && user.role !== 'viewer'),
    });
  }

  async open(kind: ActionKind, contactId = ''): Promise<void> {
    Object.assign(this, { kind, contactId, busy: false, error: '', errors: {}, notice: '', typed: {}, manual: false });
    this.key = crypto.randomUUID();
    if (moneyKinds.includes(kind)) void this.invoices.run();
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('#panel-heading')?.focus();
  }

  close(): void {
    this.kind = null;
    this.host.requestUpdate();
  }

  /** Shows the field errors; true when there are none. */
  valid(errors: Record<string, string>): boolean {
    this.errors = errors;
    this.host.requestUpdate();
    const first = Object.keys(errors)[0];
    if (first) this.host.shadowRoot?.querySelector<HTMLElement>(`#f-${first}`)?.focus();
    return !first;
  }

  /** Runs an action once at a time; its answer's words become the notice. */
  async run(work: () => Promise<string>, keepOpen = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    this.host.requestUpdate();
    let ok = false;
    try {
      this.notice = await work();
      if (!keepOpen) this.kind = null;
      ok = true;
      this.ctx.done();
    } catch (error) {
      this.error = describeError(error, this.ctx.t());
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
    // The form is gone: the notice takes the focus, so the keyboard stays where the news is.
    await this.host.updateComplete;
    if (ok) this.host.shadowRoot?.querySelector<HTMLElement>('#notice')?.focus();
  }

  /** `aria-describedby` of a field: its hint and its error. */
  describedBy(name: string, hint = false): string {
    return [hint ? `f-${name}-hint` : '', this.errors[name] ? `f-${name}-error` : ''].filter(Boolean).join(' ');
  }

  /** An input (`id="f-<name>"`) tied to its hint and error. */
  input(
    name: string,
    o: {
      type?: string;
      min?: string;
      max?: string;
      value?: string;
      hint?: boolean;
      decimal?: boolean;
      req?: boolean;
    } = {},
  ): TemplateResult {
    return html`<input
      id="f-${name}"
      name=${name}
      type=${o.type ?? 'text'}
      min=${o.min ?? nothing}
      max=${o.max ?? nothing}
      inputmode=${o.decimal ? 'decimal' : nothing}
      autocomplete="off"
      ?required=${o.req}
      .value=${o.value ?? ''}
      aria-describedby=${this.describedBy(name, o.hint)}
      aria-invalid=${this.errors[name] ? 'true' : 'false'}
    />`;
  }

  /** A text area (`id="f-<name>"`) tied to its error. */
  textarea(name: string, req = false): TemplateResult {
    return html`<textarea
      id="f-${name}"
      name=${name}
      rows="3"
      maxlength="5000"
      ?required=${req}
      aria-describedby=${this.describedBy(name)}
      aria-invalid=${this.errors[name] ? 'true' : 'false'}
    ></textarea>`;
  }

  /** A field: label, the control (with `id="f-<name>"`), a hint and the error. */
  field(name: string, label: string, control: TemplateResult, hint?: string): TemplateResult {
    const error = this.errors[name];
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      ${control} ${hint ? html`<p class="hint" id="f-${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error-text" id="f-${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  /** Reads an amount typed in the customer's currency: minor units, or the error set for `name`. */
  amount(name: string, text: string, errors: Record<string, string>, allowZero = false): number {
    const currency = this.ctx.detail()?.currency ?? 'USD';
    const locale = this.ctx.locale();
    const words = this.ctx.w().customer;
    const parsed = parseAmountInput(text, currency, locale);
    if (parsed.ok && (parsed.minor > 0 || allowZero)) return parsed.minor;
    const error = parsed.ok ? 'invalid' : parsed.error;
    errors[name] =
      error === 'empty'
        ? words.amountEmpty
        : error === 'precision'
          ? words.amountPrecision(currencyDigits(currency))
          : words.amountInvalid(formatAmountInput(123456, currency, locale));
    return 0;
  }

  /** Keeps what is typed (for the totals) and re-renders. */
  readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.type === 'radio' && target.name === 'mode') this.manual = target.value === 'manual';
    else this.typed[target.name] = target.value;
    this.host.requestUpdate();
  };

  /**
   * The panel around a form: its heading (focused on open), the fields, the server's error, and the
   * submit and cancel buttons.
   */
  render(
    kind: ActionKind,
    fields: TemplateResult,
    submit: (data: FormData, form: HTMLFormElement) => void,
  ): TemplateResult {
    const words = this.ctx.w();
    return html`<section class="panel" part="panel" aria-labelledby="panel-heading">
      <h3 id="panel-heading" tabindex="-1">${words.customer.actions[kind]}</h3>
      <form
        novalidate
        @input=${this.onInput}
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          const form = event.currentTarget as HTMLFormElement;
          submit(new FormData(form), form);
        }}
      >
        ${fields}
        ${
          this.error
            ? html`<div class="notice danger" role="alert">
                <p><strong>${words.customer.failed}</strong></p>
                <p>${this.error}</p>
              </div>`
            : nothing
        }
        <div class="row">
          <button class="button" part="button submit-button" type="submit" ?disabled=${this.busy}>
            ${this.busy ? words.customer.working : words.customer.submit[kind]}
          </button>
          <button class="button secondary" part="button" type="button" @click=${() => this.close()}>
            ${words.shell.cancel}
          </button>
        </div>
      </form>
    </section>`;
  }

  /** The open invoices' states, then `body` with them. */
  withInvoices(body: (invoices: readonly InvoiceSummary[]) => unknown): unknown {
    const words = this.ctx.w().customer;
    return this.invoices.render({
      pending: () => renderPending(words.loadingInvoices),
      error: (error) => renderLoadError(words.tabFailed, error, () => void this.invoices.run(), this.ctx.t()),
      complete: (invoices) => (invoices.length ? body(invoices) : html`<p class="hint">${words.noOpenInvoices}</p>`),
    });
  }
}
