/**
 * A promise to pay as the customer sees it, in their promises and after making one: what was promised
 * by when, its verdict as a badge (words and a shape, never colour alone), what is paid and left, its
 * invoices and note, and, while open, when reminders resume and the way to cancel it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../locales/catalog.js';
import { addDays } from './calendar.js';
import { formatDate, formatMoney } from './format.js';
import type { PromiseActionController } from './promise-action.js';
import type { CancelState, PromiseCancelController } from './promise-cancel.js';
import { tint, tokens as t } from './tokens.styles.js';
import type { PromiseStatus, PromiseView } from './types.js';

const icons: Record<PromiseStatus, string> = {
  open: '○',
  kept: '✓',
  partially_kept: '◐',
  broken: '✕',
  cancelled: '–',
};

/** "$1,250.00 by Dec 14, 2026": how a promise is named, in its heading and its Cancel button. */
export function promiseTitle(promise: PromiseView, locale: string | undefined, words: Catalog): string {
  return words.promises.title(
    formatMoney(promise.amount, promise.currency, locale),
    formatDate(promise.promisedDate, locale),
  );
}

/**
 * The days a new promise would name: reminders pause until its deadline (the promised date plus the
 * company's tolerance), and the customer is reminded the day before the promised date. The server's
 * `deadlineDate` and `reminderDate` follow the same rule.
 */
export function pauseDates(promisedDate: string, toleranceDays: number): { until: string; remind: string } {
  return { until: addDays(promisedDate, toleranceDays), remind: addDays(promisedDate, -1) };
}

export function renderPromiseBadge(status: PromiseStatus, words: Catalog): TemplateResult {
  return html`<span class="badge promise-${status}" part="badge badge-${status}"
    ><span class="badge-icon" aria-hidden="true">${icons[status]}</span> ${words.promises.status(status)}</span
  >`;
}

export interface PromiseCardOptions {
  locale: string | undefined;
  t: Catalog;
  /** The heading's level: 3 alone under a view's title, 4 inside a group of promises. */
  level: 3 | 4;
  cancel: PromiseCancelController;
  /** Stopping a scheduled automatic payment; without it, the card only says how the payment stands. */
  autopay?: PromiseActionController;
}

export function renderPromiseCard(loaded: PromiseView, options: PromiseCardOptions): TemplateResult {
  const { locale, t: words, cancel } = options;
  // A cancel comes after any stop of the automatic payment (a cancelled promise has none to stop).
  const cancelled = cancel.current(loaded);
  const promise = cancelled !== loaded ? cancelled : (options.autopay?.changedOf(loaded.id) ?? loaded);
  const money = (minor: number) => formatMoney(minor, promise.currency, locale);
  const headingId = `promise-${promise.id}`;
  const title = promiseTitle(promise, locale, words);
  const heading =
    options.level === 3
      ? html`<h3 id=${headingId} class="card-title" tabindex="-1">${title}</h3>`
      : html`<h4 id=${headingId} class="card-title" tabindex="-1">${title}</h4>`;
  const open = promise.status === 'open';
  const paused = words.promises.remindersPaused(
    formatDate(promise.deadlineDate, locale),
    formatDate(promise.reminderDate, locale),
  );
  return html`<article class="card promise ${promise.status}" part="promise" aria-labelledby=${headingId}>
    <div class="card-head">${heading} ${renderPromiseBadge(promise.status, words)}</div>
    <dl class="facts">
      <div>
        <dt>${words.promises.promisedDate}</dt>
        <dd>${formatDate(promise.promisedDate, locale)}</dd>
      </div>
      <div>
        <dt>${words.promises.paid}</dt>
        <dd>${money(promise.paid)}</dd>
      </div>
      <div>
        <dt>${words.promises.remaining}</dt>
        <dd><strong>${money(promise.remaining)}</strong></dd>
      </div>
    </dl>
    ${open ? html`<p class="paused">${paused}</p>` : nothing} ${renderAutopay(promise, title, options)}
    <div class="applied">
      <p class="applied-label" id="invoices-${promise.id}">${words.promises.invoices}</p>
      <ul aria-labelledby="invoices-${promise.id}">
        ${promise.invoices.map(
          (invoice) =>
            html`<li>
              <span class="invoice-line"
                ><span class="invoice">${invoice.number}</span>
                <span class="subtle">${words.invoices.dueOn(formatDate(invoice.dueDate, locale))}</span></span
              >
              <span class="num">${money(invoice.balance)}</span>
            </li>`,
        )}
      </ul>
    </div>
    ${promise.note ? html`<p class="note"><span class="subtle">${words.promises.note}:</span> ${promise.note}</p>` : nothing}
    ${renderCancel(promise, title, options)}
  </article>`;
}

/** How the automatic payment stands and, while it is scheduled on an open promise, the way to stop it. */
function renderAutopay(promise: PromiseView, title: string, options: PromiseCardOptions) {
  const { autopay } = promise;
  if (!autopay) return nothing;
  const { locale, t: words } = options;
  const line = words.promises.autopay(
    autopay.status,
    words.pay.method(autopay.method),
    words.promises.autopayMeans(autopay.method),
    formatDate(promise.promisedDate, locale),
  );
  const stop = options.autopay;
  const stoppable = stop && promise.status === 'open' && autopay.status === 'scheduled';
  return html`<div class="autopay autopay-${autopay.status}" part="autopay">
    <p><span class="autopay-icon" aria-hidden="true">${autopayIcons[autopay.status]}</span> ${line}</p>
    ${
      stop
        ? renderConfirmable(promise, stop.state(promise.id), stoppable ? stop : null, {
            ask: {
              id: 'stop-autopay',
              part: 'stop-autopay-button',
              label: words.promises.stopAutopayLabel(title),
              text: words.promises.stopAutopay,
            },
            question: words.promises.confirmStop(formatDate(promise.promisedDate, locale)),
            yes: words.promises.confirmStopYes,
            busy: words.promises.stopping,
            safe: { id: 'keep-autopay', part: 'keep-autopay-button', text: words.promises.confirmNo },
            confirmPart: 'confirm-stop-autopay-button',
          })
        : nothing
    }
  </div>`;
}

const autopayIcons: Record<NonNullable<PromiseView['autopay']>['status'], string> = {
  scheduled: '↻',
  charged: '✓',
  failed: '✕',
  cancelled: '–',
  skipped: '–',
};

function renderCancel(promise: PromiseView, title: string, { t: words, cancel }: PromiseCardOptions) {
  return renderConfirmable(promise, cancel.state(promise.id), promise.status === 'open' ? cancel : null, {
    ask: { id: 'cancel', part: 'cancel-button', label: words.promises.cancelLabel(title), text: words.promises.cancel },
    question: words.promises.confirmCancel,
    yes: words.promises.confirmYes,
    busy: words.promises.cancelling,
    safe: { id: 'keep', part: 'keep-button', text: words.promises.confirmNo },
    confirmPart: 'confirm-cancel-button',
  });
}

interface ConfirmWords {
  /** The button that asks, its id prefix and part. */
  ask: { id: string; part: string; label: string; text: string };
  question: string;
  yes: string;
  busy: string;
  /** The confirm step's safe choice (focus goes to it). */
  safe: { id: string; part: string; text: string };
  confirmPart: string;
}

interface Confirmable {
  ask(id: string): void;
  dismiss(id: string): void;
  confirm(promise: PromiseView): Promise<void>;
}

/** An action's message, and its button or confirm step while it applies (`actions` null: only the message). */
function renderConfirmable(
  promise: PromiseView,
  state: CancelState,
  actions: Confirmable | null,
  words: ConfirmWords,
): TemplateResult | typeof nothing {
  const message = state.message
    ? html`<p class="notice ${state.message.danger ? 'danger' : ''}" part="error" role="alert">
        ${state.message.text}
      </p>`
    : nothing;
  if (!actions) return message;
  const id = promise.id;
  if (!state.confirming) {
    return html`${message}
      <div class="actions">
        <button
          id="${words.ask.id}-${id}"
          class="button secondary"
          part="button ${words.ask.part}"
          type="button"
          aria-label=${words.ask.label}
          @click=${() => actions.ask(id)}
        >
          ${words.ask.text}
        </button>
      </div>`;
  }
  return html`${message}
    <div class="confirm" part="confirm" role="group" aria-labelledby="confirm-${words.ask.id}-${id}">
      <p id="confirm-${words.ask.id}-${id}">${words.question}</p>
      <div class="actions">
        <button
          class="button danger"
          part="button ${words.confirmPart}"
          type="button"
          ?disabled=${state.busy}
          aria-busy=${state.busy ? 'true' : 'false'}
          @click=${() => void actions.confirm(promise)}
        >
          ${state.busy ? html`<span class="spinner" aria-hidden="true"></span> ${words.busy}` : words.yes}
        </button>
        <button
          id="${words.safe.id}-${id}"
          class="button secondary"
          part="button ${words.safe.part}"
          type="button"
          ?disabled=${state.busy}
          @click=${() => actions.dismiss(id)}
        >
          ${words.safe.text}
        </button>
      </div>
    </div>`;
}

/** The promise badges (beside `badgeStyles`, whose `.badge` they extend) and the card's own parts. */
export const promiseCardStyles = css`
  .badge.promise-open {
    color: ${t.colorPrimary};
    background: ${tint(t.colorPrimary, 8)};
  }

  .badge.promise-kept {
    color: ${t.colorSuccess};
    background: ${tint(t.colorSuccess, 8)};
  }

  .badge.promise-partially_kept {
    color: ${t.colorWarning};
    background: ${tint(t.colorWarning, 8)};
  }

  .badge.promise-broken {
    color: ${t.colorDanger};
    background: ${tint(t.colorDanger, 8)};
  }

  .badge.promise-cancelled {
    color: ${t.colorMuted};
    background: ${tint(t.colorMuted, 6)};
  }

  .card-title:focus {
    outline: none;
  }

  .card-title:focus-visible {
    outline: ${t.focusRing};
  }

  .autopay p {
    margin: 0;
  }

  .autopay-failed p {
    color: ${t.colorDanger};
    font-weight: 600;
  }

  .autopay .actions {
    margin-top: ${t.space};
  }

  .paused,
  .autopay,
  .note {
    margin: ${t.space} 0 0;
    overflow-wrap: anywhere;
  }

  /* The number and due date wrap together, beside the balance. */
  .applied li {
    flex-wrap: nowrap;
  }

  .invoice-line {
    flex: 1;
    min-width: 0;
  }

  .applied-label {
    margin: 0 0 calc(${t.space} / 2);
    color: ${t.colorMuted};
    font-size: 0.8125em;
    font-weight: 600;
  }

  .confirm {
    margin-top: calc(${t.space} * 1.5);
    padding: ${t.space} calc(${t.space} * 1.5);
    border-inline-start: 4px solid ${t.colorDanger};
    border-radius: ${t.radius};
    background: ${tint(t.colorDanger, 6)};
  }

  .confirm p {
    margin: 0;
    font-weight: 600;
  }

  .confirm .actions {
    margin-top: ${t.space};
  }

  .button.danger {
    border-color: ${t.colorDanger};
    background: ${t.colorDanger};
  }

  .button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, ${t.colorDanger} 88%, black);
  }
`;
