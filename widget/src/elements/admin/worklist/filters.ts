/**
 * The worklist's filters: the form above the table, and their text in the view's `path`
 * (`collector=all&q=north`, only what differs from the defaults), so coming back to the worklist
 * (Back from a customer) finds them as they were.
 */
import { html, type TemplateResult } from 'lit';
import type { AdminCatalog } from '../../../locales/admin/catalog.js';
import type { AdminWorklistQuery, StaffRole } from '../shared/types.js';

export interface WorklistFilters {
  /** `all` asks for every account, which is not the default for a collector. */
  collector: 'all' | 'me' | 'unassigned';
  q: string;
  promise: '' | 'open' | 'broken' | 'none';
  dispute: '' | 'open' | 'none';
}

/** A collector starts on their own accounts; admins and viewers on everyone's. */
export function defaultFilters(role: StaffRole | undefined): WorklistFilters {
  return { collector: role === 'collector' ? 'me' : 'all', q: '', promise: '', dispute: '' };
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

/** The filters in `path` (or read from the form), the role's defaults for what it leaves out. */
export function parseFilters(params: URLSearchParams, role: StaffRole | undefined): WorklistFilters {
  const base = defaultFilters(role);
  return {
    collector: pick(params.get('collector'), ['all', 'me', 'unassigned'], base.collector),
    q: (params.get('q') ?? '').trim().slice(0, 100),
    promise: pick(params.get('promise'), ['open', 'broken', 'none'], ''),
    dispute: pick(params.get('dispute'), ['open', 'none'], ''),
  };
}

/** What differs from the role's defaults, as `path` text: '' for the defaults. */
export function formatFilters(filters: WorklistFilters, role: StaffRole | undefined): string {
  const base = defaultFilters(role);
  const params = new URLSearchParams();
  for (const key of ['collector', 'q', 'promise', 'dispute'] as const) {
    if (filters[key] !== base[key]) params.set(key, filters[key]);
  }
  return params.toString();
}

export function queryOf(filters: WorklistFilters, cursor: string | undefined): AdminWorklistQuery {
  return {
    collector: filters.collector === 'all' ? undefined : filters.collector,
    q: filters.q || undefined,
    promise: filters.promise || undefined,
    dispute: filters.dispute || undefined,
    cursor,
  };
}

function choice(name: string, label: string, value: string, options: [string, string][]): TemplateResult {
  return html`<div class="field">
    <label for=${name}>${label}</label>
    <select id=${name} name=${name}>
      ${options.map(([key, text]) => html`<option value=${key} ?selected=${key === value}>${text}</option>`)}
    </select>
  </div>`;
}

export function renderFilters(
  filters: WorklistFilters,
  isDefault: boolean,
  w: AdminCatalog['worklist'],
  onSubmit: (params: URLSearchParams) => void,
  onClear: () => void,
): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    onSubmit(new URLSearchParams([...form].map(([key, value]) => [key, String(value)])));
  };
  return html`<form class="filters" part="filters" role="search" aria-label=${w.filters} @submit=${submit}>
    <div class="field">
      <label for="q">${w.search}</label>
      <input id="q" name="q" type="search" maxlength="100" .value=${filters.q} />
    </div>
    ${choice('collector', w.accounts, filters.collector, [
      ['all', w.allAccounts],
      ['me', w.myAccounts],
      ['unassigned', w.unassignedAccounts],
    ])}
    ${choice(
      'promise',
      w.promise,
      filters.promise,
      (['', 'open', 'broken', 'none'] as const).map((key) => [key, w.promiseFilter(key || 'any')]),
    )}
    ${choice(
      'dispute',
      w.dispute,
      filters.dispute,
      (['', 'open', 'none'] as const).map((key) => [key, w.disputeFilter(key || 'any')]),
    )}
    <div class="actions">
      <button class="button" type="submit">${w.apply}</button>
      ${isDefault ? '' : html`<button class="button secondary" type="button" @click=${onClear}>${w.clear}</button>`}
    </div>
  </form>`;
}
