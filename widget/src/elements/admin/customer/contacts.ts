/** The contacts tab: who may sign in for the customer, and (for staff who act) links, ending sessions and removal, each after a confirm step. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import type { CustomerContact } from '../shared/types.js';

/** A confirm step under way: what, for which contact. */
export interface ContactConfirm {
  kind: 'remove' | 'end';
  contact: CustomerContact;
}

export interface ContactOptions {
  w: AdminCatalog;
  locale: string | undefined;
  canAct: boolean;
  busy: boolean;
  confirm: ContactConfirm | null;
  ask: (confirm: ContactConfirm | null) => void;
  /** Does the confirmed thing. */
  confirmed: (confirm: ContactConfirm) => void;
  sendLink: (contact: CustomerContact) => void;
  add: () => void;
}

/** `fr` → "French" in the reader's language (the code itself where `Intl` cannot say). */
function languageName(code: string, locale: string | undefined): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function renderContacts(contacts: readonly CustomerContact[], o: ContactOptions): TemplateResult {
  const w = o.w.customer;
  const add = o.canAct
    ? html`<p>
        <button class="button secondary" part="button" type="button" @click=${o.add}>${w.actions.contact}</button>
      </p>`
    : nothing;
  if (!contacts.length) {
    return html`<p class="empty" part="empty" role="status">${w.noContacts}</p>
      ${add}`;
  }
  return html`<ul class="contacts" part="contacts">
      ${contacts.map((contact) => renderContact(contact, o))}
    </ul>
    ${add}`;
}

function renderContact(contact: CustomerContact, o: ContactOptions): TemplateResult {
  const w = o.w.customer;
  const confirm = o.confirm?.contact.id === contact.id ? o.confirm : null;
  const language = contact.locale ? languageName(contact.locale, o.locale) : w.companyLanguage;
  return html`<li class="contact" part="contact">
    <div>
      <strong>${contact.name || contact.email}</strong>
      ${contact.name ? html`<span class="hint">${contact.email}</span>` : nothing}
      <span class="hint">${w.language}: ${language}</span>
    </div>
    ${
      o.canAct && !confirm
        ? html`<div class="row">
            <button
              class="button link"
              part="button"
              type="button"
              aria-label=${w.linkLabel(contact.email)}
              @click=${() => o.sendLink(contact)}
            >
              ${w.actions.link}
            </button>
            <button
              class="button link"
              part="button"
              type="button"
              aria-label=${w.endSessionsLabel(contact.email)}
              @click=${() => o.ask({ kind: 'end', contact })}
            >
              ${w.endSessions}
            </button>
            <button
              class="button link danger"
              part="button"
              type="button"
              aria-label=${w.removeLabel(contact.email)}
              @click=${() => o.ask({ kind: 'remove', contact })}
            >
              ${w.remove}
            </button>
          </div>`
        : nothing
    }
    ${
      confirm
        ? html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">
              ${confirm.kind === 'end' ? w.confirmEnd(contact.email) : w.confirmRemove(contact.email)}
            </p>
            <div class="row">
              <button
                id="confirm-button"
                class="button danger"
                part="button confirm-button"
                type="button"
                ?disabled=${o.busy}
                @click=${() => o.confirmed(confirm)}
              >
                ${o.busy ? w.working : confirm.kind === 'end' ? w.confirmEndButton : w.confirmRemoveButton}
              </button>
              <button class="button secondary" part="button" type="button" @click=${() => o.ask(null)}>
                ${o.w.shell.cancel}
              </button>
            </div>
          </div>`
        : nothing
    }
  </li>`;
}
