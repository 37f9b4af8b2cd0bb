/**
 * Dispute routing: teams (a name and the address that hears of new disputes) and, for each reason a
 * customer can give, the teams told. Edited as a working copy and saved as one `disputeRouting` value.
 */
import { html, type TemplateResult } from 'lit';
import { disputeReasons } from '../../../../../server/src/contract/lists.js';
import type { DisputeRouting } from '../shared/types.js';
import type { Ctx } from './context.js';

type Reason = (typeof disputeReasons)[number];

export class RoutingEditor {
  private teams: [string, string][] = [];
  private reasons = {} as Record<Reason, string[]>;
  private from: DisputeRouting | null = null;

  constructor(private readonly ctx: () => Ctx) {}

  /** Starts the working copy from the saved value (again when that value changes). */
  private sync(routing: DisputeRouting): void {
    if (this.from === routing) return;
    this.from = routing;
    this.teams = Object.entries(routing.teams);
    this.reasons = Object.fromEntries(disputeReasons.map((r) => [r, [...(routing.reasons[r] ?? [])]])) as Record<
      Reason,
      string[]
    >;
  }

  /** The value to save: teams by name, and reasons naming only teams that still exist. */
  value(): DisputeRouting {
    const teams = Object.fromEntries(this.teams.filter(([name]) => name.trim()).map(([n, e]) => [n.trim(), e.trim()]));
    const reasons = Object.fromEntries(
      disputeReasons.map((r) => [r, this.reasons[r].filter((team) => Object.hasOwn(teams, team))]),
    ) as Record<Reason, string[]>;
    return { teams, reasons };
  }

  private edit(change: () => void): void {
    change();
    this.ctx().update();
  }

  /** A team's new name, and the reasons that named it follow. */
  private rename(team: [string, string], name: string): void {
    const old = team[0].trim();
    team[0] = name;
    for (const r of disputeReasons) this.reasons[r] = this.reasons[r].map((t) => (t === old ? name.trim() : t));
    this.ctx().update();
  }

  render(routing: DisputeRouting): TemplateResult {
    this.sync(routing);
    const s = this.ctx().w.settings;
    const names = this.teams.map(([name]) => name.trim()).filter(Boolean);
    return html`<fieldset>
        <legend>${s.teams}</legend>
        <p class="hint">${s.teamsHint}</p>
        ${this.teams.map(
          (team, i) =>
            html`<div class="team">
              <div class="field">
                <label for="team-${i}">${s.teamName}</label>
                <input
                  id="team-${i}"
                  .value=${team[0]}
                  @input=${(e: InputEvent) => this.rename(team, (e.target as HTMLInputElement).value)}
                />
              </div>
              <div class="field">
                <label for="team-email-${i}">${s.teamEmail}</label>
                <input
                  id="team-email-${i}"
                  type="email"
                  .value=${team[1]}
                  @input=${(e: InputEvent) => (team[1] = (e.target as HTMLInputElement).value)}
                />
              </div>
              <button class="button link" type="button" @click=${() => this.edit(() => this.teams.splice(i, 1))}>
                ${s.removeTeam(team[0])}
              </button>
            </div>`,
        )}
        <button class="button secondary" type="button" @click=${() => this.edit(() => this.teams.push(['', '']))}>
          ${s.addTeam}
        </button>
      </fieldset>
      <fieldset>
        <legend>${s.reasonTeams}</legend>
        ${disputeReasons.map(
          (reason) =>
            html`<fieldset class="reason">
              <legend>${s.reasons[reason]}</legend>
              <div class="checks">
                ${names.map(
                  (name) =>
                    html`<label
                      ><input
                        type="checkbox"
                        .checked=${this.reasons[reason].includes(name)}
                        @change=${(e: Event) =>
                          this.edit(() => {
                            const list = this.reasons[reason].filter((t) => t !== name);
                            this.reasons[reason] = (e.target as HTMLInputElement).checked ? [...list, name] : list;
                          })}
                      />
                      ${name}</label
                    >`,
                )}
              </div>
            </fieldset>`,
        )}
      </fieldset>`;
  }
}
