/**
 * Staff users: who may sign in to the console and as what. Invite by email with a role, change a role,
 * deactivate or restore; the server refuses to leave the company without an active admin (its
 * message is shown as it is).
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isEmailAddress } from '../../../../../server/src/contract/email.js';
import { renderLoadError, renderPending } from '../../../internal/states.js';
import type { StaffRole, StaffUserView } from '../shared/types.js';
import { inviteStaff, listStaff, updateStaff } from './api.js';
import { field, renderOutcome, saveButton, type Ctx } from './context.js';

const ROLES: readonly StaffRole[] = ['admin', 'collector', 'viewer'];

export class StaffSection {
  /** The list as changed here since it loaded. */
  private items: StaffUserView[] | null = null;
  private readonly task: Task<readonly unknown[], StaffUserView[] | null>;

  constructor(
    host: ReactiveControllerHost,
    private readonly ctx: () => Ctx,
    active: () => boolean,
  ) {
    this.task = new Task(host, {
      args: () => [ctx().api, active()] as const,
      task: async ([, on]) => {
        this.items = null;
        return on ? (await listStaff(ctx().api)).items : null;
      },
    });
  }

  private replace(user: StaffUserView): void {
    this.items = (this.items ?? this.task.value ?? []).map((u) => (u.id === user.id ? user : u));
  }

  /** `select`: the role picker the change came from, put back to the role the server kept when it refuses. */
  private async change(
    user: StaffUserView,
    body: { role?: StaffRole; active?: boolean },
    select?: HTMLSelectElement,
  ): Promise<void> {
    const ctx = this.ctx();
    const ok = await ctx.changes.run(
      'staff',
      async () => this.replace(await updateStaff(ctx.api, user.id, body)),
      ctx.w.settings.updated(user.name),
    );
    if (!ok && select) select.value = user.role;
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const ctx = this.ctx();
    const s = ctx.w.settings;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const email = value('inviteEmail');
    const name = value('inviteName');
    const errors: Record<string, string> = {};
    if (!isEmailAddress(email)) errors.inviteEmail = email ? ctx.t.login.emailInvalid : ctx.t.login.emailRequired;
    if (!name) errors.inviteName = s.required;
    if (Object.keys(errors).length) return ctx.changes.invalid('invite', errors, s.checkFields);
    const role = value('inviteRole') as StaffRole;
    const ok = await ctx.changes.run(
      'invite',
      async () => {
        const user = await inviteStaff(ctx.api, { email, name, role });
        this.items = [...(this.items ?? this.task.value ?? []), user];
      },
      s.invited(email),
    );
    if (ok) form.reset();
  }

  render(): TemplateResult {
    const ctx = this.ctx();
    return html`${this.task.render({
      initial: () => renderPending(ctx.w.shell.loadingView),
      pending: () => renderPending(ctx.w.shell.loadingView),
      error: (error) => renderLoadError(ctx.w.settings.staffLoadFailed, error, () => void this.task.run(), ctx.t),
      complete: (items) => (items ? this.renderList(this.items ?? items) : nothing),
    })}
    ${this.renderInvite()}`;
  }

  private renderList(users: readonly StaffUserView[]): TemplateResult {
    const ctx = this.ctx();
    const { w } = ctx;
    const s = w.settings;
    const busy = !!ctx.changes.busy;
    return html`<div class="table-scroll" role="region" aria-labelledby="staff-heading" tabindex="0">
        <table>
          <caption id="staff-heading" class="visually-hidden">
            ${s.staffTable}
          </caption>
          <thead>
            <tr>
              <th scope="col">${s.name}</th>
              <th scope="col">${s.email}</th>
              <th scope="col">${s.role}</th>
              <th scope="col">${s.status}</th>
              <th scope="col"><span class="visually-hidden">${s.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${users.map(
              (user) =>
                html`<tr>
                  <th scope="row">${user.name}</th>
                  <td>${user.email}</td>
                  <td>
                    <select
                      aria-label=${s.roleOf(user.name)}
                      ?disabled=${busy || !user.active}
                      @change=${(e: Event) => {
                        const select = e.target as HTMLSelectElement;
                        void this.change(user, { role: select.value as StaffRole }, select);
                      }}
                    >
                      ${ROLES.map((role) => html`<option value=${role} ?selected=${role === user.role}>${w.shell.role(role)}</option>`)}
                    </select>
                  </td>
                  <td>${user.active ? s.active : s.deactivated}</td>
                  <td>
                    <button
                      class="button secondary"
                      type="button"
                      ?disabled=${busy}
                      @click=${() => void this.change(user, { active: !user.active })}
                    >
                      ${user.active ? s.deactivate : s.restore}<span class="visually-hidden"> ${user.name}</span>
                    </button>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${renderOutcome(ctx, 'staff')}`;
  }

  private renderInvite(): TemplateResult {
    const ctx = this.ctx();
    const { w } = ctx;
    const s = w.settings;
    return html`<form
      class="subform"
      novalidate
      aria-labelledby="invite-heading"
      @submit=${(e: SubmitEvent) => void this.invite(e)}
    >
      <h3 id="invite-heading">${s.invite}</h3>
      <p class="hint">${s.inviteHint}</p>
      ${field(ctx, 'inviteEmail', s.email, { type: 'email' })} ${field(ctx, 'inviteName', s.name)}
      <div class="field">
        <label for="inviteRole">${s.role}</label>
        <select id="inviteRole" name="inviteRole">
          ${ROLES.map((role) => html`<option value=${role} ?selected=${role === 'collector'}>${w.shell.role(role)}</option>`)}
        </select>
      </div>
      ${saveButton(ctx, 'invite', s.sendInvite)} ${renderOutcome(ctx, 'invite')}
    </form>`;
  }
}
