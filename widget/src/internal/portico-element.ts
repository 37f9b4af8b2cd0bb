/**
 * What every Portico element shares, after Shoelace's `ShoelaceElement`: the `api` and `locale`
 * attributes, the API client and session (`ApiSessionController`: the portal's client through its
 * context, else one for `api`), and the words for `locale`.
 *
 * The element classes keep their own JSDoc (`@attr api`, `@attr locale` …): it is their reference.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import type { PorticoApi } from './api.js';
import { ApiSessionController } from './api-session-controller.js';
import { catalogFor, catalogLoading, type Catalog } from '../locales/catalog.js';

export class PorticoElement extends LitElement {
  /** The element that provides the API client to the others (`<ar-portal>`) sets this to `false`. */
  protected static consumesPortalApi = true;

  // Declared without decorators: the build lowers decorators with helpers per module, and this class
  // is in every element's chunk path.
  static override properties: PropertyDeclarations = { api: {}, locale: {} };

  /** Base URL of the Portico server; empty means this page's origin. */
  declare api: string;

  /** Locale for words, money and dates. */
  declare locale: string;

  constructor() {
    super();
    this.api = '';
    this.locale = '';
  }

  /** The API client and its session; the host re-renders when the session changes. */
  protected readonly session = new ApiSessionController(this, {
    api: () => this.api,
    consume: (this.constructor as typeof PorticoElement).consumesPortalApi,
    changed: () => this.sessionChanged(),
  });

  /** The words for `locale`; `locale` is reactive, so changing it re-renders in the new language. */
  protected get t(): Catalog {
    return catalogFor(this.locale);
  }

  /** `locale` for the `Intl` formats: empty means the browser's. */
  protected get localeOrDefault(): string | undefined {
    return this.locale || undefined;
  }

  protected get client(): PorticoApi {
    return this.session.client;
  }

  /** Inside `<ar-portal>`, using its client (and so its session). */
  protected get inPortal(): boolean {
    return this.session.provided !== undefined;
  }

  /** Called when the session starts, is refreshed or ends (after a re-render is requested). */
  protected sessionChanged(): void {}

  /** Holds an update while the catalog of a new `locale` loads, so nothing renders in the wrong language. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = catalogLoading(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
