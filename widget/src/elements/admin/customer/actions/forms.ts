/**
 * The account forms (contract `admin-customer-actions.ts`): links, statements, pausing reminders, the
 * collector, notes and new contacts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  CollectorAssignBody,
  ContactCreateBody,
  CustomerDetail,
  CustomerLinkBody,
  EmailsQueued,
  StatementSendBody,
} from '../../shared/types.js';
import { act } from '../api.js';
import { dayFromToday } from './money.js';
import type { ActionPanel } from './panel.js';

const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

function contactSelect(p: ActionPanel, detail: CustomerDetail, all?: string): TemplateResult {
  return html`<select id="f-contactId" name="contactId" aria-describedby=${p.describedBy('contactId')}>
    ${all === undefined ? nothing : html`<option value="">${all}</option>`}
    ${detail.contacts.map(
      (contact) =>
        html`<option value=${contact.id} ?selected=${contact.id === p.contactId}>
          ${contact.name ? `${contact.name} <${contact.email}>` : contact.email}
        </option>`,
    )}
  </select>`;
}

const dateInput = (p: ActionPanel, name: string, min?: string) => p.input(name, { type: 'date', min });

export function renderLinkForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const w = p.ctx.w().customer;
  const fields = html`${p.field('contactId', w.contact, contactSelect(p, detail))}
    <fieldset>
      <legend>${w.linkKind}</legend>
      <label class="choice"><input type="radio" name="kind" value="sign_in" checked /> ${w.signInLink}</label>
      <label class="choice"><input type="radio" name="kind" value="easy_pay" /> ${w.easyPayLink}</label>
    </fieldset>`;
  return p.render('link', fields, (data) => {
    const contactId = text(data, 'contactId');
    if (!p.valid(contactId ? {} : { contactId: w.required })) return;
    const body: CustomerLinkBody = { contactId, kind: text(data, 'kind') === 'easy_pay' ? 'easy_pay' : 'sign_in' };
    void p.run(async () => w.done.link((await act<EmailsQueued>(p.ctx.client(), detail.id, 'links', body)).sent));
  });
}

export function renderStatementForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const w = p.ctx.w().customer;
  const fields = html`${p.field('contactId', w.contact, contactSelect(p, detail, w.allContacts))}
    <div class="pair">${p.field('from', w.from, dateInput(p, 'from'))} ${p.field('to', w.to, dateInput(p, 'to'))}</div>
    <p class="hint">${w.periodHint}</p>`;
  return p.render('statement', fields, (data) => {
    const [contactId, from, to] = [text(data, 'contactId'), text(data, 'from'), text(data, 'to')];
    if (!p.valid(from && to && from > to ? { to: w.periodOrder } : {})) return;
    const body: StatementSendBody = {
      ...(contactId ? { contactId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    void p.run(async () =>
      w.done.link((await act<EmailsQueued>(p.ctx.client(), detail.id, 'statement/send', body)).sent),
    );
  });
}

export function renderDunningForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const w = p.ctx.w().customer;
  const fields = html`${p.field('until', w.until, dateInput(p, 'until', dayFromToday(0)))}
    <label class="choice"><input type="checkbox" name="forever" /> ${w.indefinitely}</label>`;
  return p.render('dunning', fields, (data) => {
    const until = data.get('forever') ? null : text(data, 'until');
    if (!p.valid(until === '' ? { until: w.invalidDate } : {})) return;
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'dunning/pause', { until });
      return w.done.dunning;
    });
  });
}

/** Admins pick from the staff; a collector takes the account (`me`, which the server reads as them) or lets it go. */
export function renderCollectorForm(
  p: ActionPanel,
  detail: CustomerDetail,
  admin: boolean,
  me: string | undefined,
): TemplateResult {
  const w = p.ctx.w().customer;
  const choices = admin
    ? p.staff.render({
        pending: () => html`<option value="" disabled>${w.loadingStaff}</option>`,
        complete: (staff) =>
          staff.map(
            (user) =>
              html`<option value=${user.id} ?selected=${user.id === detail.collector?.id}>${user.name}</option>`,
          ),
      })
    : me
      ? html`<option value=${me} selected>${w.assignMe}</option>`
      : nothing;
  const fields = p.field(
    'staffUserId',
    w.assignTo,
    html`<select id="f-staffUserId" name="staffUserId">
      ${choices}
      <option value="">${admin ? w.unassigned : w.unassign}</option>
    </select>`,
  );
  return p.render('collector', fields, (data) => {
    const body: CollectorAssignBody = { staffUserId: text(data, 'staffUserId') || null };
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'collector', body);
      return w.done.collector;
    });
  });
}

export function renderNoteForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const w = p.ctx.w().customer;
  const fields = p.field('body', w.note, p.textarea('body', true));
  return p.render('note', fields, (data) => {
    const body = text(data, 'body');
    if (!p.valid(body ? {} : { body: w.required })) return;
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'notes', { body });
      return w.done.note;
    });
  });
}

export function renderContactForm(p: ActionPanel, detail: CustomerDetail): TemplateResult {
  const w = p.ctx.w().customer;
  const fields = html`${p.field('email', w.email, p.input('email', { type: 'email', req: true }))}
  ${p.field('name', w.contactName, p.input('name'))}
  ${p.field(
    'locale',
    w.contactLanguage,
    html`<select id="f-locale" name="locale">
      <option value="">${w.companyLanguage}</option>
      <option value="en" lang="en">English</option>
      <option value="fr" lang="fr">Français</option>
      <option value="es" lang="es">Español</option>
      <option value="de" lang="de">Deutsch</option>
    </select>`,
  )}`;
  return p.render('contact', fields, (data) => {
    const email = text(data, 'email');
    if (!p.valid(/^[^\s@]+@[^\s@]+$/.test(email) ? {} : { email: w.invalidEmail })) return;
    const body: ContactCreateBody = {
      email,
      ...(text(data, 'name') ? { name: text(data, 'name') } : {}),
      locale: text(data, 'locale') || null,
    };
    void p.run(async () => {
      await act(p.ctx.client(), detail.id, 'contacts', body);
      return w.done.contact;
    });
  });
}
