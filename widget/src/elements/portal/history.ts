/**
 * `<ar-portal>`'s entries in the browser's history: each view the person moves to is an entry that
 * carries only state (the page's URL is left alone, and whatever the host page keeps in
 * `history.state` is kept), so Back and Forward move between the portal's views.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatRoute, type PortalRoute } from '../../internal/routes.js';
import { isRecord } from './places.js';

/** The key of the portal's route in `history.state`, beside whatever the host page keeps there. */
const historyKey = 'portico:route';

export interface PortalHistoryOptions {
  /** Off (`no-history`) for host pages whose own router owns `history.state`. */
  enabled: () => boolean;
  /** Back or Forward reached one of the portal's entries: its route. */
  restore: (route: string) => void;
}

export class PortalHistoryController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: PortalHistoryOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.handlePopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handlePopState);
  }

  /** Records `route` in `history.state`, keeping what the host page stored there. */
  write(route: PortalRoute | null, mode: 'push' | 'replace'): void {
    if (!this.options.enabled() || !route) return;
    const current: unknown = history.state;
    // A host page that keeps something other than an object in history.state is left alone.
    if (current !== null && !isRecord(current)) return;
    const next = { ...current, [historyKey]: formatRoute(route) };
    if (mode === 'push' && current?.[historyKey] !== next[historyKey]) history.pushState(next, '');
    else history.replaceState(next, '');
  }

  /** Back and Forward between the portal's own entries; the host page's entries are not ours. */
  private readonly handlePopState = (event: PopStateEvent): void => {
    const state: unknown = event.state;
    const route = isRecord(state) ? state[historyKey] : undefined;
    if (typeof route === 'string') this.options.restore(route);
  };
}
