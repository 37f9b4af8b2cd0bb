import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, apiFor, type PorticoApi } from '../../internal/api.js';
import { porticoApiContext } from '../../internal/context.js';
import { CountdownController } from '../../internal/countdown.js';
import { emit } from '../../internal/events.js';
import { formatDate, formatMoney, maskEmail } from '../../internal/format.js';
import { currentPageUrl, takeLinkToken } from '../../internal/magic-link.js';
import { currentLinkNonce, issueLinkNonce, SessionController } from '../../internal/session-store.js';
import { describeError, renderLoadError, renderPending } from '../../internal/states.js';
import type { Audience, LinkPreview, SessionCreated } from '../../internal/types.js';
import { catalogFor, catalogLoading, type Catalog } from '../../locales/catalog.js';
import { styles } from './login.styles.js';

type LoginView =
  | { name: 'email'; notice?: 'link-invalid' }
  /** `email` is null after a resend from an old link, whose address this browser never saw. */
  | { name: 'sent'; email: string | null; resendToken?: string }
  | { name: 'link-checking' }
  | { name: 'continue'; token: string; preview: LinkPreview }
  /** An Easy Pay link the company sent: about paying, exchanged only by "Review and pay". */
  | { name: 'pay'; token: string; preview: LinkPreview }
  | { name: 'link-exchanging' }
  | { name: 'link-dead'; token: string; reason: 'link_expired' | 'link_used' }
  | { name: 'link-failed'; error: unknown; retry: () => void }
  | { name: 'signed-in'; email: string };

/** Seconds the server asked us to wait; a minute when it did not say. */
function retryAfter(error: unknown): number {
  return (error instanceof ApiError && error.retryAfter) || 60;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The code as typed or pasted ("123 456", "123-456"): spaces and dashes are not part of it. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s\-\u2010-\u2015]+/g, '');
}

/**
 * @summary Passwordless sign-in: asks for an email, sends a magic link with a 6-digit code, and
 * signs in from the link (on this page's URL) or from the code.
 *
 * A link opened in the browser that asked for it signs in at once; opened anywhere else (including
 * by a mail scanner) it waits for a "Continue as …" click, so scanners cannot use links up. An Easy
 * Pay link (sent by the company with an invoice) shows what it pays (company, invoice, amount due)
 * and is exchanged only by its "Review and pay" button: nothing is consumed on page load.
 *
 * The code field ignores spaces and dashes ("123 456" and "123-456" are 123456).
 *
 * @attr api - Base URL of the Portico server. Defaults to the page's origin.
 * @attr audience - `customer` (default) or `staff`: who is signing in.
 * @attr return-to - The page the emailed link opens. Defaults to this page's URL without its fragment.
 * @attr target - A portal route the link should land on, e.g. `invoices?status=past_due`.
 * @attr locale - BCP 47 locale for words (`fr`, `fr-*`: French; otherwise English), money and dates. Defaults to the browser's.
 * @attr email - Fills the email field and shows the form even in a signed-in tab (e.g. to sign in to
 *   the whole account from an Easy Pay session).
 *
 * @event ar-login - A session started. `detail` is the `SessionInfo` (user, accounts, target); never the token.
 *
 * @csspart base - The wrapper of every view.
 * @csspart heading - Each view's heading.
 * @csspart form - The email and code forms.
 * @csspart input - The email and code inputs.
 * @csspart code-input - The code input.
 * @csspart button - Every button.
 * @csspart submit-button - Each form's submit button.
 * @csspart resend-button - "Resend" the link.
 * @csspart continue-button - "Continue as …".
 * @csspart retry-button - Retry after a failed load.
 * @csspart notice - Messages about the link or the session.
 * @csspart error - Error messages.
 * @csspart loading - The pending states.
 * @csspart pay-landing - The Easy Pay landing (company, invoices, amount due).
 * @csspart pay-button - The landing's "Review and pay".
 *
 * @cssprop --ar-color-primary - Buttons, links and focus.
 * @cssprop --ar-color-on-primary - Text on primary buttons.
 * @cssprop --ar-color-danger - Errors.
 * @cssprop --ar-color-success - Confirmations.
 * @cssprop --ar-color-text - Body text.
 * @cssprop --ar-color-muted - Hints.
 * @cssprop --ar-color-surface - Background.
 * @cssprop --ar-color-border - Input and card borders.
 * @cssprop --ar-radius - Corner radius.
 * @cssprop --ar-font-family - Font.
 * @cssprop --ar-font-size - Base font size.
 * @cssprop --ar-space - Spacing unit.
 * @cssprop --ar-focus-ring - Focus outline.
 */
export class ArLogin extends LitElement {
  static override styles = styles;

  /** Base URL of the Portico server; empty means this page's origin. */
  @property() accessor api = '';

  /** Who is signing in; staff and customers get different links and sessions. */
  @property() accessor audience: Audience = 'customer';

  /** Where the emailed link brings the person back to; must be on the server's allow-list. */
  @property({ attribute: 'return-to' }) accessor returnTo = '';

  /** Portal route for the link to land on. */
  @property() accessor target = '';

  /** Locale for formatting. */
  @property() accessor locale = '';

  /** The words for `locale`; `locale` is reactive, so changing it re-renders in the new language. */
  private get t(): Catalog {
    return catalogFor(this.locale);
  }

  /** Holds an update while the catalog of a new `locale` loads, so nothing renders in the wrong language. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = catalogLoading(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** An email to fill in; with it the form shows even when this tab has a session. */
  @property() accessor email = '';

  /** @internal The client `<ar-portal>` provides; standalone, one is made from `api`. */
  @consume({ context: porticoApiContext, subscribe: true })
  @state()
  accessor contextApi: PorticoApi | undefined;

  @state() private accessor view: LoginView = { name: 'email' };
  @state() private accessor busy = false;
  @state() private accessor fieldError = '';
  @state() private accessor formError = '';
  @state() private accessor status = '';

  @query('#email') private accessor emailInput!: HTMLInputElement | null;
  @query('#code') private accessor codeInput!: HTMLInputElement | null;
  @query('h2') private accessor heading!: HTMLElement | null;

  private readonly resendCountdown = new CountdownController(this);
  private readonly session = new SessionController(this);
  private typedEmail = '';
  private viewChangedByPerson = false;

  private get client(): PorticoApi {
    return this.contextApi ?? apiFor(this.api);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    const token = takeLinkToken();
    if (token) void this.checkLink(token);
    else if (this.email) this.typedEmail = this.email;
    else if (this.client.session.info) this.view = { name: 'signed-in', email: this.client.session.info.user.email };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(): void {
    this.session.store = this.client.session;
  }

  protected override updated(changed: PropertyValues): void {
    // Moving focus to the new view's heading tells screen-reader users the page changed under them.
    if (changed.has('view') && changed.get('view') !== undefined && this.viewChangedByPerson) {
      this.viewChangedByPerson = false;
      this.heading?.focus();
    }
  }

  private readonly handleHashChange = (): void => {
    const token = takeLinkToken();
    if (token) void this.checkLink(token);
  };

  private show(view: LoginView): void {
    this.fieldError = '';
    this.formError = '';
    this.status = '';
    this.viewChangedByPerson = true;
    this.view = view;
  }

  private get returnUrl(): string {
    return this.returnTo || currentPageUrl();
  }

  // ---- Asking for a link -------------------------------------------------------------------------

  private async handleRequestLink(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const email = this.emailInput?.value.trim() ?? '';
    if (!emailPattern.test(email)) {
      this.fieldError = email ? this.t.login.emailInvalid : this.t.login.emailRequired;
      this.emailInput?.focus();
      return;
    }
    this.typedEmail = email;
    await this.sendLink({ email });
  }

  private async handleResend(): Promise<void> {
    if (this.view.name !== 'sent') return;
    const { email, resendToken } = this.view;
    if (email) await this.sendLink({ email }, true);
    else if (resendToken) await this.sendLink({ resendToken }, true);
  }

  private async handleResendFromOldLink(): Promise<void> {
    if (this.view.name !== 'link-dead') return;
    await this.sendLink({ resendToken: this.view.token });
  }

  private async sendLink(who: { email: string } | { resendToken: string }, again = false): Promise<void> {
    this.busy = true;
    this.formError = '';
    this.fieldError = '';
    this.status = '';
    try {
      const nonce = issueLinkNonce(this.client.base);
      const returnTo = this.returnUrl;
      const accepted =
        'email' in who
          ? await this.client.requestLink({
              email: who.email,
              audience: this.audience,
              returnTo,
              ...(this.target ? { target: this.target } : {}),
              nonce,
            })
          : await this.client.requestLink({ resendToken: who.resendToken, returnTo, nonce });
      this.resendCountdown.start(accepted.resendAfter);
      if (again) {
        this.status = this.t.login.resent;
      } else {
        this.show('email' in who ? { name: 'sent', email: who.email } : { name: 'sent', email: null, ...who });
      }
    } catch (error) {
      this.handleLinkRequestError(error);
    } finally {
      this.busy = false;
    }
  }

  private handleLinkRequestError(error: unknown): void {
    switch (error instanceof ApiError ? error.code : undefined) {
      case 'email_invalid':
        if (this.view.name === 'email') {
          this.fieldError = this.t.login.emailInvalid;
          this.emailInput?.focus();
          return;
        }
        break;
      case 'rate_limited':
      case 'too_soon':
        this.resendCountdown.start(retryAfter(error));
        this.formError = this.t.login.rateLimited(retryAfter(error));
        return;
      case 'link_invalid':
        this.show({ name: 'email', notice: 'link-invalid' });
        return;
    }
    this.formError = `${this.t.login.requestFailed} ${describeError(error, this.t)}`;
  }

  // ---- Signing in with the code ------------------------------------------------------------------

  private async handleCode(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.view.name !== 'sent' || !this.view.email) return;
    const code = normalizeCode(this.codeInput?.value ?? '');
    if (!/^\d{6}$/.test(code)) {
      this.fieldError = this.t.login.codeFormat;
      this.codeInput?.focus();
      return;
    }
    this.busy = true;
    this.fieldError = '';
    this.formError = '';
    try {
      this.signedIn(await this.client.exchangeSession({ email: this.view.email, code, audience: this.audience }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'code_invalid') {
        this.fieldError = this.t.login.codeInvalid;
        this.codeInput?.select();
      } else if (error instanceof ApiError && (error.code === 'rate_limited' || error.code === 'too_soon')) {
        this.formError = this.t.login.rateLimited(retryAfter(error));
      } else {
        this.formError = `${this.t.login.codeFailed} ${describeError(error, this.t)}`;
      }
    } finally {
      this.busy = false;
    }
  }

  // ---- Signing in with the link ------------------------------------------------------------------

  /**
   * Looks at the link first (never consuming it), then exchanges at once only if this browser asked.
   * An Easy Pay link was asked for by nobody: it always waits for "Review and pay".
   */
  private async checkLink(token: string): Promise<void> {
    this.show({ name: 'link-checking' });
    const nonce = currentLinkNonce(this.client.base);
    try {
      const preview = await this.client.previewLink({ token, ...(nonce ? { nonce } : {}) });
      if (preview.purpose === 'pay') this.show({ name: 'pay', token, preview });
      else if (preview.sameBrowser) await this.exchangeLink(token);
      else this.show({ name: 'continue', token, preview });
    } catch (error) {
      this.handleLinkError(error, token, () => void this.checkLink(token));
    }
  }

  private async handleContinue(): Promise<void> {
    if (this.view.name !== 'continue' && this.view.name !== 'pay') return;
    const { token } = this.view;
    try {
      await this.exchangeLink(token);
    } catch (error) {
      this.handleLinkError(error, token, () => void this.checkLink(token));
    }
  }

  private async exchangeLink(token: string): Promise<void> {
    this.show({ name: 'link-exchanging' });
    // The audience makes the server refuse a staff link opened in the customer portal, and the reverse.
    this.signedIn(await this.client.exchangeSession({ token, audience: this.audience }));
  }

  private handleLinkError(error: unknown, token: string, retry: () => void): void {
    const code = error instanceof ApiError ? error.code : undefined;
    if (code === 'link_expired' || code === 'link_used') this.show({ name: 'link-dead', token, reason: code });
    else if (code === 'link_invalid') this.show({ name: 'email', notice: 'link-invalid' });
    else this.show({ name: 'link-failed', error, retry });
  }

  /**
   * Starts the session and fires `ar-login` in the same task. A page (or `<ar-portal>`) re-renders on
   * the new session and may take this element out of the document; fired later, from a disconnected
   * element, `ar-login` would reach nobody.
   */
  private signedIn(created: SessionCreated): void {
    const { token: _token, ...info } = created;
    this.client.session.start(created);
    this.show({ name: 'signed-in', email: info.user.email });
    emit(this, 'ar-login', info);
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class="base" part="base">${this.renderView()}</div>`;
  }

  private renderView(): TemplateResult {
    const view = this.view;
    switch (view.name) {
      case 'email':
        return this.renderEmailForm(view.notice);
      case 'sent':
        return this.renderSent(view.email);
      case 'link-checking':
        return renderPending(this.t.login.checkingLink);
      case 'link-exchanging':
        return renderPending(this.t.login.signingIn);
      case 'continue':
        return this.renderContinue(view.preview);
      case 'pay':
        return this.renderPayLanding(view.preview);
      case 'link-dead':
        return this.renderDeadLink(view.reason);
      case 'link-failed':
        return renderLoadError(this.t.login.linkFailed, view.error, view.retry, this.t);
      case 'signed-in':
        return html`<p class="notice success" part="notice" role="status">${this.t.login.signedInAs(view.email)}</p>`;
    }
  }

  private renderSessionNotice(): TemplateResult | typeof nothing {
    const reason = this.client.session.endReason;
    if (!reason) return nothing;
    const text = {
      expired: this.t.login.sessionExpired,
      logout: this.t.login.signedOut,
      'logout-everywhere': this.t.login.signedOutEverywhere,
    }[reason];
    return html`<p class="notice" part="notice" role="status">${text}</p>`;
  }

  private renderEmailForm(notice?: 'link-invalid'): TemplateResult {
    return html`
      <h2 part="heading" tabindex="-1">
        ${this.audience === 'staff' ? this.t.login.staffHeading : this.t.login.heading}
      </h2>
      ${
        notice === 'link-invalid'
          ? html`<p class="notice danger" part="notice" role="alert">${this.t.login.linkInvalid}</p>`
          : this.renderSessionNotice()
      }
      <p class="intro">${this.t.login.intro}</p>
      <form part="form" novalidate @submit=${this.handleRequestLink}>
        <div class="field">
          <label for="email">${this.t.login.emailLabel}</label>
          <p class="hint" id="email-hint">${this.t.login.emailHint}</p>
          <input
            id="email"
            part="input"
            type="email"
            name="email"
            autocomplete="email"
            spellcheck="false"
            required
            .value=${this.typedEmail}
            aria-invalid=${this.fieldError ? 'true' : 'false'}
            aria-describedby=${this.fieldError ? 'email-hint email-error' : 'email-hint'}
          />
          ${this.fieldError ? html`<p class="error-text" id="email-error" part="error">${this.fieldError}</p>` : nothing}
        </div>
        ${this.renderFormError()}
        <button class="button" part="button submit-button" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.t.login.sending : this.t.login.sendLink}
        </button>
      </form>
    `;
  }

  private renderSent(email: string | null): TemplateResult {
    const remaining = this.resendCountdown.remaining;
    return html`
      <h2 part="heading" tabindex="-1">${this.t.login.checkEmailHeading}</h2>
      <p class="sent-to">${email ? this.t.login.sentTo(maskEmail(email)) : this.t.login.sentToSameAddress}</p>
      <p class="hint">${email ? this.t.login.openLinkHint : this.t.login.openNewLinkHint}</p>
      ${
        email
          ? html`<form part="form" class="code-form" novalidate @submit=${this.handleCode}>
              <div class="field">
                <label for="code">${this.t.login.codeLabel}</label>
                <input
                  id="code"
                  part="input code-input"
                  name="code"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  spellcheck="false"
                  required
                  aria-invalid=${this.fieldError ? 'true' : 'false'}
                  aria-describedby=${this.fieldError ? 'code-error' : nothing}
                />
                ${this.fieldError ? html`<p class="error-text" id="code-error" part="error">${this.fieldError}</p>` : nothing}
              </div>
              <button class="button" part="button submit-button" type="submit" ?disabled=${this.busy}>
                ${this.busy ? this.t.login.codeChecking : this.t.login.codeSubmit}
              </button>
            </form>`
          : nothing
      }
      ${this.renderFormError()}
      <p class="status" role="status">${this.status}</p>
      <div class="actions">
        <button
          class="button secondary"
          part="button resend-button"
          type="button"
          ?disabled=${remaining > 0 || this.busy}
          @click=${this.handleResend}
        >
          ${remaining > 0 ? this.t.login.resendIn(remaining) : this.t.login.resend}
        </button>
        <button class="button link" part="button" type="button" @click=${() => this.show({ name: 'email' })}>
          ${this.t.login.useDifferentEmail}
        </button>
      </div>
    `;
  }

  private renderContinue(preview: LinkPreview): TemplateResult {
    return html`
      <h2 part="heading" tabindex="-1">${this.t.login.continueHeading}</h2>
      <p>${this.t.login.continueIntro}</p>
      <button class="button" part="button continue-button" type="button" @click=${this.handleContinue}>
        ${this.t.login.continueAs(preview.email)}
      </button>
    `;
  }

  private renderPayLanding(preview: LinkPreview): TemplateResult {
    const locale = this.locale || undefined;
    const pay = preview.pay;
    const invoices = pay?.invoices ?? [];
    const nothingLeft = invoices.length > 0 && invoices.every((invoice) => invoice.payable <= 0);
    return html`<section part="pay-landing" class="pay-landing" aria-labelledby="pay-landing-heading">
      ${pay ? html`<p class="company">${pay.company}</p>` : nothing}
      <h2 id="pay-landing-heading" part="heading" tabindex="-1">
        ${this.t.login.payHeading(invoices.map((invoice) => invoice.number))}
      </h2>
      <p class="intro">${pay ? this.t.login.payIntro(pay.company) : this.t.login.payIntroNoCompany}</p>
      ${
        invoices.length
          ? html`<dl class="pay-invoices">
              ${invoices.map(
                (invoice) =>
                  html`<div class="pay-invoice">
                    <dt>${this.t.login.payInvoice(invoice.number)}</dt>
                    <dd>
                      <span class="amount-due">
                        <span class="label">${this.t.login.amountDue}</span>
                        <strong class="amount">${formatMoney(invoice.payable, invoice.currency, locale)}</strong>
                      </span>
                      <span class="due-date">${this.t.login.dueOn(formatDate(invoice.dueDate, locale))}</span>
                      ${
                        invoice.payable < invoice.balance
                          ? html`<span class="in-flight" part="notice">
                              ${
                                invoice.payable > 0
                                  ? this.t.login.payInFlight(
                                      formatMoney(invoice.balance - invoice.payable, invoice.currency, locale),
                                    )
                                  : this.t.login.payAllInFlight
                              }
                            </span>`
                          : nothing
                      }
                    </dd>
                  </div>`,
              )}
            </dl>`
          : nothing
      }
      <button class="button" part="button pay-button" type="button" @click=${this.handleContinue}>
        ${nothingLeft ? this.t.login.reviewInvoice : this.t.login.reviewAndPay}
      </button>
      <p class="hint">${this.t.login.nothingChargedYet}</p>
    </section>`;
  }

  private renderDeadLink(reason: 'link_expired' | 'link_used'): TemplateResult {
    return html`
      <h2 part="heading" tabindex="-1">
        ${reason === 'link_expired' ? this.t.login.linkExpired : this.t.login.linkUsed}
      </h2>
      <p>${this.t.login.linkResendHint}</p>
      ${this.renderFormError()}
      <div class="actions">
        <button
          class="button"
          part="button resend-button"
          type="button"
          ?disabled=${this.busy || this.resendCountdown.remaining > 0}
          @click=${this.handleResendFromOldLink}
        >
          ${this.busy ? this.t.login.sending : this.t.login.sendNewLink}
        </button>
        <button class="button link" part="button" type="button" @click=${() => this.show({ name: 'email' })}>
          ${this.t.login.useDifferentEmail}
        </button>
      </div>
    `;
  }

  private renderFormError(): TemplateResult | typeof nothing {
    return this.formError ? html`<p class="notice danger" part="error" role="alert">${this.formError}</p>` : nothing;
  }
}
