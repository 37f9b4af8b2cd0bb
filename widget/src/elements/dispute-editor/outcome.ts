/**
 * What `<ar-dispute-editor>` shows once it has asked: the server's refusal in words, and the dispute
 * once open, with its files on their way (a failed one with Try again and Skip), the way to pay the
 * undisputed rest and the way to the dispute's page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../internal/api.js';
import { formatMoney } from '../../internal/format.js';
import { describeError } from '../../internal/states.js';
import type { DisputeView } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';

/** What the server said no to, in the customer's words; focusable, so focus can go to it. */
export function renderProblem(error: unknown, t: Catalog): TemplateResult | typeof nothing {
  if (error === null || error === undefined) return nothing;
  const known: Partial<Record<string, string>> = t.disputeEditor.errors;
  const message = (error instanceof ApiError && known[error.code]) || describeError(error, t);
  return html`<div id="problem" class="notice danger" part="error" role="alert" tabindex="-1">
    <p><strong>${t.disputeEditor.failed}</strong></p>
    <p>${message}</p>
  </div>`;
}

/** The files after the dispute was opened: sending them one by one, and what became of them. */
export interface Uploads {
  /** Still to send, the current one first. */
  queue: readonly File[];
  attached: number;
  /** Names of the files the customer chose not to send after a failure. */
  skipped: readonly string[];
  /** The file that failed, and why; the queue waits for Try again or Skip. */
  failed: { file: File; error: unknown } | null;
  /** How many files there were, for "Attaching file 2 of 3…". */
  count: number;
}

export interface OpenedOptions {
  locale: string | undefined;
  company: string;
  uploads: Uploads;
  retry: () => void;
  skip: () => void;
  /** "Pay the undisputed $Y now" (only when something is left to pay). */
  pay: () => void;
  view: () => void;
}

export function renderOpened(dispute: DisputeView, options: OpenedOptions, t: Catalog): TemplateResult {
  const words = t.disputeEditor;
  const { locale, uploads } = options;
  const money = (minor: number) => formatMoney(minor, dispute.currency, locale);
  return html`<section class="created" part="created" aria-labelledby="created-heading">
    <div class="outcome-head">
      <span class="outcome-icon" aria-hidden="true">✓</span>
      <h2 id="created-heading" tabindex="-1">${words.createdHeading}</h2>
    </div>
    <p class="lead">${words.created(money(dispute.amount), dispute.invoice.number)}</p>
    <ul class="disputed-lines" part="disputed-lines">
      ${dispute.lines.map(
        (line) =>
          html`<li>
            <span class="line-description">${line.description}</span>
            <span class="subtle">${t.disputeEditor.reason(line.reason)}</span>
            <span class="num">${money(line.amount)}</span>
          </li>`,
      )}
    </ul>
    <p>${words.told(options.company)}</p>
    ${renderUploads(uploads, options, t)}
    <div class="created-actions">
      ${
        dispute.undisputed > 0
          ? html`<button class="button" part="button pay-rest-button" type="button" @click=${options.pay}>
              ${words.payRest(money(dispute.undisputed))}
            </button>`
          : nothing
      }
      <button
        class=${dispute.undisputed > 0 ? 'button secondary' : 'button'}
        part="button dispute-button"
        type="button"
        @click=${options.view}
      >
        ${words.seeDispute}
      </button>
    </div>
  </section>`;
}

function renderUploads(uploads: Uploads, options: OpenedOptions, t: Catalog): TemplateResult | typeof nothing {
  const words = t.disputeEditor;
  const { failed } = uploads;
  if (failed) {
    const code = failed.error instanceof ApiError ? failed.error.code : '';
    const known: Partial<Record<string, string>> = words.uploadErrors;
    return html`<div id="upload-problem" class="notice danger" part="upload-error" role="alert" tabindex="-1">
      <p><strong>${words.uploadFailed(failed.file.name)}</strong></p>
      <p>${known[code] ?? describeError(failed.error, t)}</p>
      <div class="created-actions">
        <button class="button secondary" part="button retry-upload-button" type="button" @click=${options.retry}>
          ${words.retryUpload}
        </button>
        <button class="button link" part="button skip-upload-button" type="button" @click=${options.skip}>
          ${words.skipUpload}
        </button>
      </div>
    </div>`;
  }
  if (uploads.queue.length) {
    const index = uploads.count - uploads.queue.length + 1;
    return html`<p class="pending" part="uploading" role="status">
      <span class="spinner" aria-hidden="true"></span> ${words.uploading(index, uploads.count)}
    </p>`;
  }
  if (!uploads.count) return nothing;
  return html`<p part="attached" role="status">
    ${uploads.attached ? words.attached(uploads.attached) : nothing}
    ${uploads.skipped.length ? words.skipped(uploads.skipped) : nothing}
  </p>`;
}
