import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isEmailAddress } from '../../../../server/src/contract/email.js';
import { ApiError } from '../../internal/api.js';
import { CountdownController } from '../../internal/countdown.js';
import { emit } from '../../internal/events.js';
import { currentPageUrl, takeLinkToken } from '../../internal/magic-link.js';
import { PorticoElement } from '../../internal/portico-element.js';
import { currentLinkNonce, issueLinkNonce } from '../../internal/session-store.js';
import { describeError, renderLoadError, renderPending } from '../../internal/states.js';
import type { Audience, SessionCreated } from '../../internal/types.js';
import { styles } from './login.styles.js';
import {
  renderContinue,
  renderDeadLink,
  renderEmailForm,
  renderPayLanding,
  renderSent,
  type LoginView,
  type LoginViewState,
} from './login-views.js';

/** Seconds the server asked us to wait; a minute when it did not say. */
function retryAfter(error: unknown): number {
  return (error instanceof ApiError && error.retryAfter) || 60;
}

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
export class ArLogin extends PorticoElement {
  static override styles = styles;

  /** Who is signing in; staff and customers get different links and sessions. */
  @property() accessor audience: Audience = 'customer';

  /** Where the emailed link brings the person back to; must be on the server's allow-list. */
  @property({ attribute: 'return-to' }) accessor returnTo = '';

  /** Portal route for the link to land on. */
  @property() accessor target = '';

  /** An email to fill in; with it the form shows even when this tab has a session. */
  @property() accessor email = '';

  @state() private accessor view: LoginView = { name: 'email' };
  @state() private accessor busy = false;
  @state() private accessor fieldError = '';
  @state() private accessor formError = '';
  @state() private accessor status = '';

  @query('#email') private accessor emailInput!: HTMLInputElement | null;
  @query('#code') private accessor codeInput!: HTMLInputElement | null;
  @query('h2') private accessor heading!: HTMLElement | null;

  private readonly resendCountdown = new CountdownController(this);
  private typedEmail = '';
  private viewChangedByPerson = false;

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
    if (!isEmailAddress(email)) {
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
      if (preview.purpose !== 'sign_in') this.show({ name: 'pay', token, preview });
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
    const shown = this.viewState;
    switch (view.name) {
      case 'email':
        return renderEmailForm(shown, view.notice, this.typedEmail, (event) => void this.handleRequestLink(event));
      case 'sent':
        return renderSent(shown, view.email, {
          code: (event) => void this.handleCode(event),
          resend: () => void this.handleResend(),
          otherEmail: () => this.show({ name: 'email' }),
        });
      case 'link-checking':
        return renderPending(this.t.login.checkingLink);
      case 'link-exchanging':
        return renderPending(this.t.login.signingIn);
      case 'continue':
        return renderContinue(shown, view.preview, () => void this.handleContinue());
      case 'pay':
        return renderPayLanding(shown, view.preview, () => void this.handleContinue());
      case 'link-dead':
        return renderDeadLink(shown, view.reason, {
          resend: () => void this.handleResendFromOldLink(),
          otherEmail: () => this.show({ name: 'email' }),
        });
      case 'link-failed':
        return renderLoadError(this.t.login.linkFailed, view.error, view.retry, this.t);
      case 'signed-in':
        return html`<p class="notice success" part="notice" role="status">${this.t.login.signedInAs(view.email)}</p>`;
    }
  }

  private get viewState(): LoginViewState {
    return {
      t: this.t,
      locale: this.localeOrDefault,
      audience: this.audience,
      busy: this.busy,
      fieldError: this.fieldError,
      formError: this.formError,
      status: this.status,
      resendIn: this.resendCountdown.remaining,
      endReason: this.client.session.endReason,
    };
  }
}
