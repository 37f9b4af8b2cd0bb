/**
 * The API client an element talks through, and the session it watches. Inside `<ar-portal>` the
 * client is the one the portal provides (`porticoApiContext`), so every element shares its session;
 * alone on a page it is the client of the element's own `api` base. The host re-renders whenever
 * that session starts, is refreshed or ends.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { apiFor, type PorticoApi } from './api.js';
import { porticoApiContext } from './context.js';
import type { SessionStore } from './session-store.js';

export interface ApiSessionOptions {
  /** The host's `api` attribute: the base of its own client when no portal provides one. */
  api: () => string;
  /** `false` for the element that provides the client (`<ar-portal>`), which must not consume its own. */
  consume?: boolean;
  /** Called after the host is asked to re-render on a change of the session. */
  changed?: () => void;
}

export class ApiSessionController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof porticoApiContext, ReactiveElement> | undefined;
  private watched: SessionStore | null = null;
  private readonly onChange = (): void => {
    this.host.requestUpdate();
    this.options.changed?.();
  };

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ApiSessionOptions,
  ) {
    // The consumer first: connected before this controller, the provided client is known when it watches.
    if (options.consume !== false) {
      this.consumer = new ContextConsumer(host, { context: porticoApiContext, subscribe: true });
    }
    host.addController(this);
  }

  /** The client `<ar-portal>` provides, when the host is inside one. */
  get provided(): PorticoApi | undefined {
    return this.consumer?.value;
  }

  get client(): PorticoApi {
    return this.provided ?? apiFor(this.options.api());
  }

  get store(): SessionStore {
    return this.client.session;
  }

  /** The session's bearer token; `null` when signed out. */
  get token(): string | null {
    return this.store.token;
  }

  hostConnected(): void {
    this.watch();
  }

  /** The client changes with `api` or the portal's context: the session watched follows it. */
  hostUpdate(): void {
    this.watch();
  }

  hostDisconnected(): void {
    this.watched?.removeEventListener('change', this.onChange);
    this.watched = null;
  }

  private watch(): void {
    const store = this.store;
    if (store === this.watched) return;
    this.watched?.removeEventListener('change', this.onChange);
    this.watched = store;
    store.addEventListener('change', this.onChange);
  }
}
