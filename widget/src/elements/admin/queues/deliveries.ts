/** The ERP deliveries tab of the payments view: the webhook endpoints, one endpoint's deliveries, and Retry. */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, type PorticoApi } from '../../../internal/api.js';
import { formatDateTime } from '../../../internal/format.js';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import type { Catalog } from '../../../locales/catalog.js';
import type { ErpWebhookDelivery } from '../shared/types.js';
import { listDeliveries, listWebhooks, retryDelivery } from './api.js';
import { badge, empty, select, Steps, table } from './parts.js';

/** The endpoints, the chosen one's deliveries and the retries, loaded while the tab is shown. */
export class DeliveriesTasks {
  endpoint = '';
  readonly steps: Steps;
  readonly endpoints: Task<readonly [PorticoApi, boolean], Awaited<ReturnType<typeof listWebhooks>>['items']>;
  readonly deliveries: Task<readonly [PorticoApi, string], ErpWebhookDelivery[]>;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => PorticoApi,
    shown: () => boolean,
  ) {
    this.steps = new Steps(host);
    this.endpoints = new Task(host, {
      args: () => [client(), shown()] as const,
      task: async ([api, on]) => (on ? (await listWebhooks(api)).items : []),
    });
    this.deliveries = new Task(host, {
      args: () => [client(), shown() ? this.chosen() : ''] as const,
      task: async ([api, id]) => (id ? (await listDeliveries(api, id)).items : []),
    });
  }

  retry(delivery: ErpWebhookDelivery, done: string): Promise<void> {
    const endpoint = this.chosen();
    return this.steps.run(
      delivery.id,
      () => retryDelivery(this.client(), endpoint, delivery.id),
      done,
      () => void this.deliveries.run(),
    );
  }

  /** The chosen endpoint, or the first. */
  chosen(): string {
    return this.endpoint || (this.endpoints.value?.[0]?.id ?? '');
  }

  choose(id: string): void {
    this.endpoint = id;
    this.host.requestUpdate();
  }
}

export function renderDeliveries(
  d: DeliveriesTasks,
  w: AdminCatalog,
  t: Catalog,
  locale: string | undefined,
): TemplateResult | undefined {
  const words = w.queues.deliveries;
  return d.endpoints.render({
    pending: () => renderPending(words.loading),
    error: (error) =>
      error instanceof ApiError && error.status === 403
        ? html`<p class="notice" part="error">${w.shell.forbidden}</p>`
        : renderLoadError(words.loadFailed, error, () => void d.endpoints.run(), t),
    complete: (endpoints) =>
      endpoints.length === 0
        ? empty(words.empty)
        : html`${select(
            'endpoint',
            words.endpoint,
            d.chosen(),
            endpoints.map((e) => [e.id, e.disabledAt ? `${e.url} (${words.disabled})` : e.url] as const),
            (id) => d.choose(id),
          )}
          ${d.steps.doneNotice()}
          ${d.deliveries.render({
            pending: () => renderPending(words.deliveriesLoading),
            error: (error) => renderLoadError(words.deliveriesFailed, error, () => void d.deliveries.run(), t),
            complete: (items) =>
              items.length === 0
                ? empty(words.none)
                : table(
                    words.tab,
                    [w.queues.date, words.event, w.queues.status, words.attempts, words.lastError, words.retry],
                    items.map(
                      (item) =>
                        html`<tr>
                          <td>${formatDateTime(item.createdAt, locale)}</td>
                          <td>${item.type}<span class="sub">${item.event}</span></td>
                          <td>${badge(item.status, words.status(item.status))}</td>
                          <td class="num">${item.attempts}</td>
                          <td class="wrap">
                            ${item.lastStatus ?? ''} ${item.lastError ?? (item.lastStatus ? '' : w.shell.none)}
                            ${d.steps.errorOf(item.id, t)}
                          </td>
                          <td>
                            ${
                              item.status === 'delivered'
                                ? nothing
                                : html`<button
                                    class="button secondary"
                                    type="button"
                                    aria-label=${words.retryLabel(item.event)}
                                    ?disabled=${!!d.steps.busy}
                                    @click=${() => d.retry(item, words.retried)}
                                  >
                                    ${d.steps.busy === item.id ? w.queues.busy : words.retry}
                                  </button>`
                            }
                          </td>
                        </tr>`,
                    ),
                  ),
          })}`,
  });
}
