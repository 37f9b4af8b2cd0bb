/**
 * The sign-in an Easy Pay session (a pay link, which sees only its invoices) opens to reach the whole
 * account: an `<ar-login>` for customers with the session's email filled in, landing on the invoices.
 * Offered by the portal, the invoice list alone on a page, and the Easy Pay receipt.
 */
import { html, type TemplateResult } from 'lit';

export function renderWholeAccountLogin(login: { api: string; locale: string; email: string }): TemplateResult {
  return html`<ar-login
    part="login"
    api=${login.api}
    audience="customer"
    locale=${login.locale}
    email=${login.email}
    target="invoices"
  ></ar-login>`;
}
