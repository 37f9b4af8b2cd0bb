import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { loadAccounts } from '../../internal/accounts.js';
import { today } from '../../internal/calendar.js';
import { renderCardListHeader, renderCardsLoading, switcherAccounts } from '../../internal/card-list.js';
import { listDisputes } from '../../internal/dispute-api.js';
import { emit } from '../../internal/events.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { renderLoadError } from '../../internal/states.js';
import type { AccountSummary, DisputeStatus, DisputeSummary } from '../../internal/types.js';
import { renderDisputeBadge } from '../dispute/badge.js';
import { styles } from './dispute-list.styles.js';

/**
 * @summary The account's disputes, newest first: for each, the invoice, where it stands, the disputed
 * amount, when it was opened, its last activity and how many messages its thread has. Choosing one
 * asks for its page (`ar-dispute-view-request`; the portal opens `disputes/<id>`).
 *
 * Inside `<ar-portal>` it uses the portal's session; alone on a page it uses the session of its
 * `api` server in this tab and asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr account - Customer account id. Empty means the session's default account.
 * @attr status - Only disputes in this state (`open`, `under_review`, `resolved`, `rejected`, `withdrawn`). Empty means all.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-dispute-view-request - A dispute was chosen. `detail.dispute` is its id.
 * @event ar-account-change - The person picked another account (several accounts only). `detail.account` is the `AccountSummary`.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading and the account.
 * @csspart account-select - The account switcher (several accounts only).
 * @csspart list - The list of disputes.
 * @csspart dispute - Each dispute.
 * @csspart open-button - The invoice number that opens a dispute (the whole card answers a click).
 * @csspart badge - Each dispute's status badge (also `badge-open`, `badge-under_review`, `badge-resolved`, `badge-rejected`, `badge-withdrawn`).
 * @csspart empty - No disputes yet, and the signed-out state (also `signed-out`).
 * @csspart error - Error messages.
 * @csspart retry-button - Retry after a failed load.
 * @csspart loading - The loading state.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - The invoice numbers and focus.
 * @cssprop --ar-color-danger - The rejected badge and errors.
 * @cssprop --ar-color-warning - The open and under-review badges.
 * @cssprop --ar-color-success - The resolved badge.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Labels, secondary text and the withdrawn badge.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Dividers.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArDisputeList extends PorticoElement {
  static override styles = styles;

  /** Customer account id; a bookkeeper's session spans several. */
  @property() accessor account = '';

  /** Only disputes in this state; empty shows them all. */
  @property() accessor status: DisputeStatus | '' = '';

  private readonly disputesTask = new Task(this, {
    args: () => [this.client, this.session.token, this.account, this.status] as const,
    task: async ([client, token, account, status], { signal }) => {
      if (!token) return 'signed-out' as const;
      const [list, accounts] = await Promise.all([
        listDisputes(client, { account: account || undefined, status: status || undefined }, { signal }),
        // The company's time zone, for the days things happened; the list shows without it.
        loadAccounts(client).catch(() => undefined),
      ]);
      return { items: list.items, timeZone: accounts?.company.timeZone };
    },
  });

  /** Only a session with several accounts needs the list, for the switcher. */
  private readonly accountsTask = switcherAccounts(
    this,
    () => this.client,
    () => (this.session.store.info?.accounts.length ?? 0) > 1,
  );

  /** Loads the disputes again (after one was opened or withdrawn elsewhere on the page). */
  refresh(): void {
    void this.disputesTask.run();
  }

  private handleAccountChange(account: AccountSummary): void {
    this.account = account.id;
    emit(this, 'ar-account-change', { account });
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    const words = this.t.disputeList;
    if (!this.session.token) {
      return html`<div class="base" part="base">
        <p class="empty" part="empty signed-out">${words.signedOut}</p>
      </div>`;
    }
    return html`<div class="base" part="base">
      ${renderCardListHeader(words.heading, this.accountsTask.value, this.account, (next) => this.handleAccountChange(next), this.t)}
      ${this.disputesTask.render({
        initial: () => renderCardsLoading(words.loading, 2),
        pending: () => renderCardsLoading(words.loading, 2),
        error: (error) => renderLoadError(words.loadFailed, error, () => void this.disputesTask.run(), this.t),
        complete: (loaded) => (loaded === 'signed-out' ? nothing : this.renderDisputes(loaded.items, loaded.timeZone)),
      })}
    </div>`;
  }

  private renderDisputes(disputes: readonly DisputeSummary[], timeZone: string | undefined): TemplateResult {
    const words = this.t.disputeList;
    if (disputes.length === 0) {
      return html`<div class="empty" part="empty" role="status">
        <p>${words.empty}</p>
        <p class="hint">${words.emptyHint}</p>
      </div>`;
    }
    return html`<ul class="cards" part="list" aria-label=${words.caption}>
      ${disputes.map((dispute) => html`<li>${this.renderDispute(dispute, timeZone)}</li>`)}
    </ul>`;
  }

  private renderDispute(dispute: DisputeSummary, timeZone: string | undefined): TemplateResult {
    const words = this.t.disputeList;
    const locale = this.localeOrDefault;
    const day = (instant: string) => formatDate(today(timeZone, new Date(instant)), locale);
    return html`<article class="card dispute" part="dispute">
      <div class="card-head">
        <h3 class="card-title">
          <button
            class="button link open"
            part="button open-button"
            type="button"
            aria-label=${words.open(dispute.invoice.number)}
            @click=${() => emit(this, 'ar-dispute-view-request', { dispute: dispute.id })}
          >
            ${dispute.invoice.number}
          </button>
        </h3>
        ${renderDisputeBadge(dispute.status, this.t)}
      </div>
      <dl class="facts">
        <div>
          <dt>${words.amount}</dt>
          <dd><strong>${formatMoney(dispute.amount, dispute.currency, locale)}</strong></dd>
        </div>
        <div>
          <dt>${words.opened}</dt>
          <dd>${day(dispute.createdAt)}</dd>
        </div>
        <div>
          <dt>${words.lastActivity}</dt>
          <dd>${day(dispute.updatedAt)}</dd>
        </div>
      </dl>
      <p class="subtle">${words.messageCount(dispute.messageCount)}</p>
    </article>`;
  }
}
