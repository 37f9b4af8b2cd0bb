import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { renderCardListHeader, renderCardsLoading, switcherAccounts } from '../../internal/card-list.js';
import { emit } from '../../internal/events.js';
import { PromiseActionController, stopAutopay } from '../../internal/promise-action.js';
import { PromiseCancelController } from '../../internal/promise-cancel.js';
import { renderPromiseCard } from '../../internal/promise-card.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { renderLoadError } from '../../internal/states.js';
import type { AccountSummary, PromiseView } from '../../internal/types.js';
import { styles } from './promise-list.styles.js';

/**
 * @summary The account's promises to pay, open ones first, then past ones with their verdict (kept,
 * partially kept, broken, cancelled): each with its amount, promised date, what is paid and left, its
 * invoices and note; an open one says until when reminders are paused and can be cancelled, after a
 * confirm step.
 *
 * Inside `<ar-portal>` it uses the portal's session; alone on a page it uses the session of its
 * `api` server in this tab and asks to sign in when there is none.
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin. Ignored inside `<ar-portal>`.
 * @attr account - Customer account id. Empty means the session's default account.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 *
 * @event ar-promise-cancelled - An open promise was cancelled. `detail` is the `PromiseView` (`status: 'cancelled'`).
 * @event ar-account-change - The person picked another account (several accounts only). `detail.account` is the `AccountSummary`.
 *
 * @csspart base - The wrapper.
 * @csspart header - The heading and the account.
 * @csspart account-select - The account switcher (several accounts only).
 * @csspart list - Each list of promises (open, past).
 * @csspart promise - Each promise.
 * @csspart badge - Each promise's status badge (also `badge-open`, `badge-kept`, `badge-partially_kept`, `badge-broken`, `badge-cancelled`).
 * @csspart cancel-button - "Cancel promise" on an open promise.
 * @csspart confirm - The confirm step of a cancel.
 * @csspart confirm-cancel-button - "Yes, cancel it".
 * @csspart keep-button - "Keep it".
 * @csspart autopay - How an automatic payment on the promised date stands.
 * @csspart stop-autopay-button - "Stop automatic payment" while one is scheduled on an open promise.
 * @csspart confirm-stop-autopay-button - "Yes, stop it", in the confirm step.
 * @csspart keep-autopay-button - Keeps the automatic payment, in the confirm step.
 * @csspart empty - No promises yet, and the signed-out state (also `signed-out`).
 * @csspart error - Error messages.
 * @csspart retry-button - Retry after a failed load.
 * @csspart loading - The loading state.
 * @csspart button - Every button.
 *
 * @cssprop --ar-color-primary - Buttons, the open badge and focus.
 * @cssprop --ar-color-danger - The broken badge, the cancel step and errors.
 * @cssprop --ar-color-warning - The partially-kept badge.
 * @cssprop --ar-color-success - The kept badge.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Labels, secondary text and the cancelled badge.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Dividers.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArPromiseList extends PorticoElement {
  static override styles = styles;

  /** Customer account id; a bookkeeper's session spans several. */
  @property() accessor account = '';

  private readonly cancel = new PromiseCancelController(this, { client: () => this.client, t: () => this.t });
  private readonly stopAutopay = new PromiseActionController(this, {
    client: () => this.client,
    t: () => this.t,
    action: stopAutopay,
  });

  private readonly promisesTask = new Task(this, {
    args: () => [this.client, this.session.token, this.account] as const,
    task: async ([client, token, account], { signal }) => {
      if (!token) return 'signed-out' as const;
      return (await client.listPromises({ account: account || undefined }, { signal })).items;
    },
  });

  /** Only a session with several accounts needs the list, for the switcher. */
  private readonly accountsTask = switcherAccounts(
    this,
    () => this.client,
    () => (this.session.store.info?.accounts.length ?? 0) > 1,
  );

  /** Loads the promises again (after a payment or a promise elsewhere on the page). */
  refresh(): void {
    void this.promisesTask.run();
  }

  private handleAccountChange(account: AccountSummary): void {
    this.account = account.id;
    emit(this, 'ar-account-change', { account });
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    if (!this.session.token) {
      return html`<div class="base" part="base">
        <p class="empty" part="empty signed-out">${this.t.promises.signedOut}</p>
      </div>`;
    }
    return html`<div class="base" part="base">
      ${renderCardListHeader(this.t.promises.heading, this.accountsTask.value, this.account, (next) => this.handleAccountChange(next), this.t)}
      ${this.promisesTask.render({
        initial: () => renderCardsLoading(this.t.promises.loading, 2),
        pending: () => renderCardsLoading(this.t.promises.loading, 2),
        error: (error) =>
          renderLoadError(this.t.promises.loadFailed, error, () => void this.promisesTask.run(), this.t),
        complete: (promises) => (promises === 'signed-out' ? nothing : this.renderPromises(promises)),
      })}
      <p class="visually-hidden" role="status">${this.cancel.announcement || this.stopAutopay.announcement}</p>
    </div>`;
  }

  private renderPromises(promises: readonly PromiseView[]): TemplateResult {
    if (promises.length === 0) {
      return html`<div class="empty" part="empty" role="status">
        <p>${this.t.promises.empty}</p>
        <p class="hint">${this.t.promises.emptyHint}</p>
      </div>`;
    }
    // Grouped as loaded: one cancelled here stays where it was until the next load.
    const open = promises.filter((promise) => promise.status === 'open');
    const past = promises.filter((promise) => promise.status !== 'open');
    return html`${this.renderGroup('open', this.t.promises.openHeading, open)}
    ${this.renderGroup('past', this.t.promises.pastHeading, past)}`;
  }

  private renderGroup(id: string, heading: string, promises: readonly PromiseView[]) {
    if (promises.length === 0) return nothing;
    const options = {
      locale: this.localeOrDefault,
      t: this.t,
      level: 4 as const,
      cancel: this.cancel,
      autopay: this.stopAutopay,
    };
    return html`<section class="group" aria-labelledby="${id}-heading">
      <h3 id="${id}-heading">${heading}</h3>
      <ul class="cards" part="list">
        ${promises.map((promise) => html`<li>${renderPromiseCard(promise, options)}</li>`)}
      </ul>
    </section>`;
  }
}
