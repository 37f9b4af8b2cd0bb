/**
 * The views of `<ar-login>` that ask something of the person: the email form, "check your email"
 * with the code form, "Continue as …", the Easy Pay landing and the dead link. The element keeps the
 * state and the requests; these draw it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney, maskEmail } from '../../internal/format.js';
import type { SessionEndReason } from '../../internal/session-store.js';
import type { Audience, LinkPreview } from '../../internal/types.js';
import type { Catalog } from '../../locales/catalog.js';

export type LoginView =
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

/** What every view may show besides its own content. */
export interface LoginViewState {
  t: Catalog;
  locale: string | undefined;
  audience: Audience;
  busy: boolean;
  fieldError: string;
  formError: string;
  /** A polite status line ("Sent again"). */
  status: string;
  /** Seconds until the link can be sent again. */
  resendIn: number;
  /** Why the last session of this tab ended, if it did. */
  endReason: SessionEndReason | null;
}

function renderSessionNotice({ t, endReason }: LoginViewState): TemplateResult | typeof nothing {
  if (!endReason) return nothing;
  const text = {
    expired: t.login.sessionExpired,
    logout: t.login.signedOut,
    'logout-everywhere': t.login.signedOutEverywhere,
  }[endReason];
  return html`<p class="notice" part="notice" role="status">${text}</p>`;
}

function renderFormError({ formError }: LoginViewState): TemplateResult | typeof nothing {
  return formError ? html`<p class="notice danger" part="error" role="alert">${formError}</p>` : nothing;
}

export function renderEmailForm(
  state: LoginViewState,
  notice: 'link-invalid' | undefined,
  typedEmail: string,
  submit: (event: SubmitEvent) => void,
): TemplateResult {
  const { t, fieldError, busy } = state;
  return html`
    <h2 part="heading" tabindex="-1">${state.audience === 'staff' ? t.login.staffHeading : t.login.heading}</h2>
    ${
      notice === 'link-invalid'
        ? html`<p class="notice danger" part="notice" role="alert">${t.login.linkInvalid}</p>`
        : renderSessionNotice(state)
    }
    <p class="intro">${t.login.intro}</p>
    <form part="form" novalidate @submit=${submit}>
      <div class="field">
        <label for="email">${t.login.emailLabel}</label>
        <p class="hint" id="email-hint">${t.login.emailHint}</p>
        <input
          id="email"
          part="input"
          type="email"
          name="email"
          autocomplete="email"
          spellcheck="false"
          required
          .value=${typedEmail}
          aria-invalid=${fieldError ? 'true' : 'false'}
          aria-describedby=${fieldError ? 'email-hint email-error' : 'email-hint'}
        />
        ${fieldError ? html`<p class="error-text" id="email-error" part="error">${fieldError}</p>` : nothing}
      </div>
      ${renderFormError(state)}
      <button class="button" part="button submit-button" type="submit" ?disabled=${busy}>
        ${busy ? t.login.sending : t.login.sendLink}
      </button>
    </form>
  `;
}

export function renderSent(
  state: LoginViewState,
  email: string | null,
  on: { code: (event: SubmitEvent) => void; resend: () => void; otherEmail: () => void },
): TemplateResult {
  const { t, fieldError, busy, resendIn } = state;
  return html`
    <h2 part="heading" tabindex="-1">${t.login.checkEmailHeading}</h2>
    <p class="sent-to">${email ? t.login.sentTo(maskEmail(email)) : t.login.sentToSameAddress}</p>
    <p class="hint">${email ? t.login.openLinkHint : t.login.openNewLinkHint}</p>
    ${
      email
        ? html`<form part="form" class="code-form" novalidate @submit=${on.code}>
            <div class="field">
              <label for="code">${t.login.codeLabel}</label>
              <input
                id="code"
                part="input code-input"
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                spellcheck="false"
                required
                aria-invalid=${fieldError ? 'true' : 'false'}
                aria-describedby=${fieldError ? 'code-error' : nothing}
              />
              ${fieldError ? html`<p class="error-text" id="code-error" part="error">${fieldError}</p>` : nothing}
            </div>
            <button class="button" part="button submit-button" type="submit" ?disabled=${busy}>
              ${busy ? t.login.codeChecking : t.login.codeSubmit}
            </button>
          </form>`
        : nothing
    }
    ${renderFormError(state)}
    <p class="status" role="status">${state.status}</p>
    <div class="actions">
      <button
        class="button secondary"
        part="button resend-button"
        type="button"
        ?disabled=${resendIn > 0 || busy}
        @click=${on.resend}
      >
        ${resendIn > 0 ? t.login.resendIn(resendIn) : t.login.resend}
      </button>
      <button class="button link" part="button" type="button" @click=${on.otherEmail}>
        ${t.login.useDifferentEmail}
      </button>
    </div>
  `;
}

export function renderContinue({ t }: LoginViewState, preview: LinkPreview, proceed: () => void): TemplateResult {
  return html`
    <h2 part="heading" tabindex="-1">${t.login.continueHeading}</h2>
    <p>${t.login.continueIntro}</p>
    <button class="button" part="button continue-button" type="button" @click=${proceed}>
      ${t.login.continueAs(preview.email)}
    </button>
  `;
}

export function renderPayLanding(
  { t, locale }: LoginViewState,
  preview: LinkPreview,
  proceed: () => void,
): TemplateResult {
  const pay = preview.pay;
  const invoices = pay?.invoices ?? [];
  const nothingLeft = invoices.length > 0 && invoices.every((invoice) => invoice.payable <= 0);
  // A link sent about a dispute shows the same invoice, and leads to the dispute.
  const dispute = preview.purpose === 'dispute';
  return html`<section part="pay-landing" class="pay-landing" aria-labelledby="pay-landing-heading">
    ${pay ? html`<p class="company">${pay.company}</p>` : nothing}
    <h2 id="pay-landing-heading" part="heading" tabindex="-1">
      ${(dispute ? t.login.disputeHeading : t.login.payHeading)(invoices.map((invoice) => invoice.number))}
    </h2>
    <p class="intro">
      ${pay ? (dispute ? t.login.disputeIntro : t.login.payIntro)(pay.company) : t.login.payIntroNoCompany}
    </p>
    ${
      invoices.length
        ? html`<dl class="pay-invoices">
            ${invoices.map(
              (invoice) =>
                html`<div class="pay-invoice">
                  <dt>${t.login.payInvoice(invoice.number)}</dt>
                  <dd>
                    <span class="amount-due">
                      <span class="label">${t.login.amountDue}</span>
                      <strong class="amount">${formatMoney(invoice.payable, invoice.currency, locale)}</strong>
                    </span>
                    <span class="due-date">${t.login.dueOn(formatDate(invoice.dueDate, locale))}</span>
                    ${
                      invoice.payable < invoice.balance
                        ? html`<span class="in-flight" part="notice">
                            ${
                              invoice.payable > 0
                                ? t.login.payInFlight(
                                    formatMoney(invoice.balance - invoice.payable, invoice.currency, locale),
                                  )
                                : t.login.payAllInFlight
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
    <button class="button" part="button pay-button" type="button" @click=${proceed}>
      ${dispute ? t.login.seeDispute : nothingLeft ? t.login.reviewInvoice : t.login.reviewAndPay}
    </button>
    <p class="hint">${t.login.nothingChargedYet}</p>
  </section>`;
}

export function renderDeadLink(
  state: LoginViewState,
  reason: 'link_expired' | 'link_used',
  on: { resend: () => void; otherEmail: () => void },
): TemplateResult {
  const { t, busy } = state;
  return html`
    <h2 part="heading" tabindex="-1">${reason === 'link_expired' ? t.login.linkExpired : t.login.linkUsed}</h2>
    <p>${t.login.linkResendHint}</p>
    ${renderFormError(state)}
    <div class="actions">
      <button
        class="button"
        part="button resend-button"
        type="button"
        ?disabled=${busy || state.resendIn > 0}
        @click=${on.resend}
      >
        ${busy ? t.login.sending : t.login.sendNewLink}
      </button>
      <button class="button link" part="button" type="button" @click=${on.otherEmail}>
        ${t.login.useDifferentEmail}
      </button>
    </div>
  `;
}
