import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import { AdminElement } from '../shared/admin-element.js';
import { followRoute, routeHref } from '../shared/navigate.js';
import type { AdminSettings, CompanySettings } from '../shared/types.js';
import { getSettings, patchSettings } from './api.js';
import { Changes } from './changes.js';
import { renderOutcome, saveButton, type Ctx } from './context.js';
import { Preview, readSequence, renderSequenceFields } from './dunning.js';
import { ErpSection } from './erp.js';
import { changedValues, FIELDS, renderField } from './fields.js';
import { LogoField } from './logo.js';
import { RoutingEditor } from './routing.js';
import { styles } from './settings.styles.js';
import { StaffSection } from './staff.js';

const SECTIONS = ['company', 'links', 'payments', 'dunning', 'promises', 'disputes', 'staff', 'erp'] as const;
type Section = (typeof SECTIONS)[number];
type FormSection = keyof typeof FIELDS | 'disputes';

/** The sections that are settings, saved with `PATCH /admin/settings`. */
const isForm = (section: Section | null): section is FormSection =>
  section === 'disputes' || (section !== null && Object.hasOwn(FIELDS, section));

/**
 * The company's settings, for admins (the console shows it to no one else, and the server refuses
 * others): one form per section, each saving only what changed, with its busy, saved and error states.
 * Sections, by `path`: `company` (the default: name, address, logo, time zone, portal address,
 * language), `links` (what the server's configuration decides), `payments` (card surcharge,
 * overpayment), `dunning` (the reminder sequence, with a preview of the email), `promises` (horizon,
 * grace days), `disputes` (who hears of each reason), `staff` (invite, change role, deactivate or
 * restore) and `erp` (API keys and webhook endpoints; a new secret is shown once).
 *
 * A change the server refuses for an old sign-in (`reauth_required`) shows an inline staff sign-in
 * (`<ar-login>`, from `portico.js`), then is sent again once the person has signed in.
 *
 * @summary Staff console: company settings, staff users and the ERP connection (admins).
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 * @attr path - The section (`company`, `links`, `payments`, `dunning`, `promises`, `disputes`, `staff`, `erp`).
 * @event ar-admin-navigate - A section link was followed (`settings/<section>`). `detail` is `{route}`.
 * @csspart base - The wrapper.
 * @csspart loading - A loading state.
 * @csspart error - A failed load, with its retry button.
 */
export class ArAdminSettings extends AdminElement {
  static override styles = styles;
  // Declared rather than decorated: the chunk then carries no decorator helpers.
  static override properties: PropertyDeclarations = { path: {} };

  /** What follows the section in the console's route: the settings section. */
  declare path: string;

  constructor() {
    super();
    this.path = '';
  }

  private readonly changes = new Changes(this);
  /** What the parts read: the element's client, words and locale as they are now. */
  private readonly ctx: Ctx = ((host) => ({
    get api() {
      return host.client;
    },
    get w() {
      return host.w;
    },
    get t() {
      return host.t;
    },
    get locale() {
      return host.localeOrDefault ?? '';
    },
    changes: host.changes,
    update: () => host.requestUpdate(),
  }))(this);

  private readonly preview = new Preview(() => this.ctx);
  private readonly logo = new LogoField(() => this.ctx);
  private readonly routing = new RoutingEditor(() => this.ctx);
  private readonly staff = new StaffSection(
    this,
    () => this.ctx,
    () => this.section === 'staff',
  );
  private readonly erp = new ErpSection(
    this,
    () => this.ctx,
    () => this.section === 'erp',
  );
  /** The settings as the last save answered them. */
  private latest: AdminSettings | null = null;

  private readonly settingsTask = new Task(this, {
    // Only the sections that are settings (staff and the ERP connection have loads of their own).
    args: () => [this.client, this.staffRole === 'admin' && isForm(this.section)] as const,
    task: async ([client, wanted], { signal }) => {
      this.latest = null;
      return wanted ? getSettings(client, { signal }) : null;
    },
  });

  /** The section the path names; null for none of them. */
  private get section(): Section | null {
    const name = this.path.split('/')[0] || 'company';
    return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : null;
  }

  /** Whether `section` is shown, to an admin (nobody else gets an answer). */
  private shows(section: Section): boolean {
    return this.staffRole === 'admin' && this.section === section;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('path')) {
      this.changes.clear();
      this.preview.state = null;
      this.logo.value = undefined;
    }
  }

  private async save(event: SubmitEvent, section: FormSection, settings: CompanySettings) {
    event.preventDefault();
    const { w, changes } = this;
    const form = event.currentTarget as HTMLFormElement;
    const { values, errors } =
      section === 'disputes'
        ? { values: {} as Record<string, unknown>, errors: {} as Record<string, string> }
        : changedValues(this.ctx, form, FIELDS[section], settings);
    const changedFrom = (key: keyof CompanySettings, value: unknown) => {
      if (JSON.stringify(value) !== JSON.stringify(settings[key] ?? null)) values[key] = value;
    };
    if (section === 'dunning') {
      const read = readSequence(this.ctx, form);
      Object.assign(errors, read.errors);
      if (read.sequence) changedFrom('dunningSequence', read.sequence);
    }
    if (section === 'company' && this.logo.value !== undefined) changedFrom('logo', this.logo.value);
    if (section === 'disputes') changedFrom('disputeRouting', this.routing.value());
    if (Object.keys(errors).length) return changes.invalid(section, errors, w.settings.checkFields);
    if (Object.keys(values).length === 0) {
      changes.clear();
      changes.saved = { key: section, message: w.settings.noChange };
      return this.requestUpdate();
    }
    const ok = await changes.run(
      section,
      async () => (this.latest = await patchSettings(this.client, values)),
      w.shell.saved,
    );
    if (ok && section === 'company') this.logo.value = undefined;
  }

  protected override render(): TemplateResult {
    const { w } = this;
    const s = w.settings;
    const section = this.section;
    let body: unknown;
    if (this.staffRole !== 'admin') body = html`<p class="notice">${w.shell.forbidden}</p>`;
    else if (!section) body = html`<p class="notice">${w.shell.notFound}</p>`;
    else if (section === 'staff') body = this.staff.render();
    else if (section === 'erp') body = this.erp.render();
    else if (section === 'links') body = html`<p>${s.linksIntro}</p>`;
    else {
      body = this.settingsTask.render({
        initial: () => renderPending(s.loading),
        pending: () => renderPending(s.loading),
        error: (error) => renderLoadError(s.loadFailed, error, () => void this.settingsTask.run(), this.t),
        complete: (loaded) => (loaded ? this.renderForm(section, (this.latest ?? loaded).settings) : nothing),
      });
    }
    return html`<div class="base" part="base">
      <h2>${s.heading}</h2>
      <nav aria-label=${s.sectionsLabel}>
        <ul class="sections">
          ${SECTIONS.map(
            (name) =>
              html`<li>
                <a
                  href=${routeHref(`settings/${name}`)}
                  aria-current=${name === section ? 'page' : nothing}
                  @click=${(e: MouseEvent) => followRoute(e, `settings/${name}`)}
                  >${s.sections[name]}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      ${section ? html`<h3>${s.sections[section]}</h3>` : nothing} ${this.renderReauth()} ${body}
    </div>`;
  }

  private renderForm(section: FormSection, settings: CompanySettings): TemplateResult {
    const ctx = this.ctx;
    const form = () => this.renderRoot.querySelector('form');
    return html`<form
      novalidate
      aria-label=${this.w.settings.sections[section]}
      @submit=${(e: SubmitEvent) => void this.save(e, section, settings)}
    >
      ${
        section === 'disputes'
          ? this.routing.render(settings.disputeRouting)
          : FIELDS[section].map((field) => renderField(ctx, field, settings))
      }
      ${section === 'company' ? this.logo.render(settings.logo ?? null) : nothing}
      ${section === 'dunning' ? renderSequenceFields(ctx, settings) : nothing}
      <div class="actions">
        ${saveButton(ctx, section)} ${section === 'dunning' ? this.preview.button(form) : nothing}
      </div>
      ${renderOutcome(ctx, section)} ${section === 'dunning' ? this.preview.render(form) : nothing}
    </form>`;
  }

  /** The fresh sign-in a change waits for. */
  private renderReauth(): TemplateResult | typeof nothing {
    if (!this.changes.pending) return nothing;
    const { w } = this;
    return html`<section class="notice reauth" aria-labelledby="reauth-heading">
      <h3 id="reauth-heading">${w.shell.reauthHeading}</h3>
      <p>${w.shell.reauthIntro}</p>
      <ar-login
        audience="staff"
        api=${this.api}
        locale=${this.locale}
        email=${this.client.session.info?.user.email ?? ''}
        @ar-login=${() => void this.changes.resume()}
      ></ar-login>
    </section>`;
  }
}
