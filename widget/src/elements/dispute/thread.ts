/**
 * A dispute's thread as the customer reads it: the messages oldest first, each with its author ("You",
 * the staff member or the company), its date in the company's time zone and its files; the steps of the
 * dispute told by the system, set apart; and the files that came with the dispute itself.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../../locales/catalog.js';
import type { DownloadController } from '../../internal/download-controller.js';
import { formatDateTime } from '../../internal/format.js';
import { describeError } from '../../internal/states.js';
import type { DisputeAttachmentView, DisputeMessageView, DisputeView } from '../../internal/types.js';

export interface ThreadOptions {
  locale: string | undefined;
  t: Catalog;
  /** Who staff messages without a name come from. */
  company: string;
  /** The company's, so a message's date reads the same for everyone; the browser's until known. */
  timeZone: string | undefined;
  /** Keyed by attachment id. */
  download: DownloadController<string>;
  onDownload: (attachment: DisputeAttachmentView) => void;
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** `245760` → "240 kB", `10485760` → "10 MB": a file's size for people. */
export function formatFileSize(bytes: number, locale: string | undefined): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  const key = `${locale ?? ''}|${unit}`;
  let format = sizeFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 });
    sizeFormats.set(key, format);
  }
  return format.format(value);
}

/** `application/pdf` → "PDF", `image/jpeg` → "JPEG": what a file is, beside its name. */
function fileKind(type: DisputeAttachmentView['type']): string {
  return (type.split('/')[1] ?? type).toUpperCase();
}

function author(message: DisputeMessageView, options: ThreadOptions): string {
  const { type, name } = message.author;
  if (type === 'customer') return options.t.dispute.you;
  if (type === 'system') return options.t.dispute.system;
  return name ?? options.company;
}

export function renderThread(dispute: DisputeView, options: ThreadOptions): TemplateResult {
  const { t: words } = options;
  const ofDispute = dispute.attachments.filter((attachment) => attachment.messageId === null);
  return html`${
      ofDispute.length > 0
        ? html`<section class="files" aria-labelledby="files-heading">
            <h3 id="files-heading">${words.dispute.attachments}</h3>
            ${renderFiles(ofDispute, options)}
          </section>`
        : nothing
    }
    <section class="thread-section" aria-labelledby="thread-heading">
      <h3 id="thread-heading">${words.dispute.thread}</h3>
      ${
        dispute.messages.length === 0
          ? html`<p class="none">${words.dispute.noMessages}</p>`
          : html`<ol class="thread" part="thread">
              ${dispute.messages.map((message) =>
                renderMessage(
                  message,
                  dispute.attachments.filter((attachment) => attachment.messageId === message.id),
                  options,
                ),
              )}
            </ol>`
      }
    </section>`;
}

function renderMessage(
  message: DisputeMessageView,
  files: DisputeAttachmentView[],
  options: ThreadOptions,
): TemplateResult {
  const type = message.author.type;
  const when = html`<time datetime=${message.createdAt}
    >${formatDateTime(message.createdAt, options.locale, options.timeZone)}</time
  >`;
  if (type === 'system') {
    return html`<li class="message system" part="message message-system">
      <p><span class="body">${message.body}</span> · ${when}</p>
    </li>`;
  }
  return html`<li class="message ${type}" part="message message-${type}">
    <p class="byline"><strong class="author">${author(message, options)}</strong> ${when}</p>
    <p class="body">${message.body}</p>
    ${files.length > 0 ? renderFiles(files, options) : nothing}
  </li>`;
}

function renderFiles(files: DisputeAttachmentView[], options: ThreadOptions): TemplateResult {
  const { t: words, download, locale } = options;
  return html`<ul class="attachments">
    ${files.map((file) => {
      const busy = download.busy(file.id);
      const failed = download.error?.key === file.id ? download.error.error : null;
      const size = formatFileSize(file.size, locale);
      return html`<li>
        <button
          class="button link attachment"
          part="button attachment-button"
          type="button"
          ?disabled=${busy}
          @click=${() => options.onDownload(file)}
        >
          <span class="visually-hidden">${words.dispute.download}</span>
          <span class="file-name">${file.name}</span>
          <span class="file-size">${busy ? words.dispute.downloading : `${fileKind(file.type)} · ${size}`}</span>
        </button>
        ${
          failed
            ? html`<p class="error-text" part="error download-error" role="alert">
                ${words.dispute.downloadFailed(file.name)} ${describeError(failed, words)}
              </p>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}
