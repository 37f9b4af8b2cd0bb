/**
 * The invoices `<ar-invoice-list>` has loaded for its current account, tab, search and sort: the
 * first page (or, to find the `highlight` invoice, the first few), then the next ones as the person
 * scrolls. A generation number drops a page that arrives for a list no longer shown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../../internal/api.js';
import type { InvoiceListQuery, InvoiceSummary } from '../../internal/types.js';
import { loadFirstPage } from './first-page.js';

/** How many pages to look through for the `highlight` invoice before saying it is not listed. */
const highlightSearchPages = 5;

export interface InvoicePagesOptions {
  client: () => PorticoApi;
  query: () => InvoiceListQuery;
  /** Whether the first page is on screen: further pages follow only it. */
  ready: () => boolean;
  /** A further page arrived. */
  loadedMore: () => void;
}

export class InvoicePages implements ReactiveController {
  items: InvoiceSummary[] = [];
  nextCursor: string | null = null;
  loadingMore = false;
  moreError: unknown = undefined;
  /** Bumped on every first-page load so a late page for an old list is dropped. */
  private generation = 0;
  /** Invoice numbers by id, of every invoice loaded so far (an Easy Pay session names its invoices with them). */
  private readonly numbers = new Map<string, string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: InvoicePagesOptions,
  ) {
    host.addController(this);
  }

  /** Nothing to set up: the pages outlive a move in the page (a controller needs one hook). */
  hostConnected(): void {}

  /** A first-page load starts: pages still on their way for the list before are dropped. */
  begin(): number {
    return ++this.generation;
  }

  /** The first page, and more while `highlight` is not among the invoices (up to a few pages). */
  async fetchFirst(
    client: PorticoApi,
    query: InvoiceListQuery,
    highlight: string,
    signal: AbortSignal,
  ): Promise<{ items: InvoiceSummary[]; nextCursor: string | null }> {
    // The first request takes the page the portal prefetched beside its session check, if it matches.
    let page = await loadFirstPage(client, query, { signal });
    const items = [...page.items];
    for (let pages = 1; highlight && page.nextCursor && pages < highlightSearchPages; pages++) {
      if (items.some((invoice) => invoice.number === highlight)) break;
      page = await client.listInvoices({ ...query, cursor: page.nextCursor }, { signal });
      items.push(...page.items);
    }
    return { items, nextCursor: page.nextCursor };
  }

  /** Shows a first page, unless a newer load began since `generation`; says whether it did. */
  show(generation: number, items: InvoiceSummary[], nextCursor: string | null): boolean {
    if (generation !== this.generation) return false;
    this.setItems(items);
    this.nextCursor = nextCursor;
    this.moreError = undefined;
    return true;
  }

  /** The numbers of the invoices `ids` once every one has been loaded at least once, else none. */
  numbersOf(ids: readonly string[]): string[] {
    const numbers = ids.map((id) => this.numbers.get(id));
    return numbers.every((number) => number !== undefined) ? (numbers as string[]) : [];
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore || this.moreError || !this.options.ready()) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const page = await this.options.client().listInvoices({ ...this.options.query(), cursor: this.nextCursor });
      if (generation !== this.generation) return;
      this.setItems([...this.items, ...page.items]);
      this.nextCursor = page.nextCursor;
      this.options.loadedMore();
    } catch (error) {
      if (generation === this.generation) this.moreError = error;
    } finally {
      if (generation === this.generation) this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  retryMore(): void {
    this.moreError = undefined;
    void this.loadMore();
  }

  private setItems(items: InvoiceSummary[]): void {
    this.items = items;
    for (const invoice of items) this.numbers.set(invoice.id, invoice.number);
    this.host.requestUpdate();
  }
}
