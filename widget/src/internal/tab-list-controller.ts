/**
 * Keyboard movement in an ARIA tab list (automatic activation): Left and Right step, wrapping at the
 * ends; Home and End jump; the tab moved to is selected and takes focus. Used by the invoice list's
 * status tabs and the pay form's method tabs.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface TabListOptions<Tab> {
  tabs: () => readonly Tab[];
  current: () => Tab | null | undefined;
  select: (tab: Tab) => void;
  /** The element of a tab, to focus once the host has rendered it selected. */
  tabElement: (tab: Tab) => HTMLElement | null | undefined;
}

/**
 * One tab of a tab list: the roving tabindex (only the selected tab is in the Tab order),
 * `aria-selected`, the panel it controls, and the `tab` part (also `tab-selected`).
 */
export function renderTab(
  tab: { id: string; selected: boolean; controls: string; select: () => void },
  content: unknown,
): TemplateResult {
  const { selected } = tab;
  return html`<button
    id=${tab.id}
    part=${selected ? 'tab tab-selected' : 'tab'}
    role="tab"
    type="button"
    aria-selected=${selected ? 'true' : 'false'}
    aria-controls=${tab.controls}
    tabindex=${selected ? '0' : '-1'}
    @click=${tab.select}
  >
    ${content}
  </button>`;
}

/** The tab a key moves to from `current`, if the key moves at all. */
export function tabAfterKey<Tab>(tabs: readonly Tab[], current: Tab, key: string): Tab | undefined {
  const at = tabs.indexOf(current);
  const last = tabs.length - 1;
  const next = ({ ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last } as Record<string, number>)[key];
  if (next === undefined || tabs.length === 0) return undefined;
  return tabs[(next + last + 1) % (last + 1)];
}

export class TabListController<Tab> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TabListOptions<Tab>,
  ) {
    host.addController(this);
  }

  /** Nothing to set up: the state lives across connections (a controller needs one hook). */
  hostConnected(): void {}

  /** The tab list's `keydown` listener. */
  readonly handleKeydown = async (event: KeyboardEvent): Promise<void> => {
    const current = this.options.current();
    if (current === null || current === undefined) return;
    const next = tabAfterKey(this.options.tabs(), current, event.key);
    if (next === undefined) return;
    event.preventDefault();
    this.options.select(next);
    await this.host.updateComplete;
    this.options.tabElement(next)?.focus();
  };
}
