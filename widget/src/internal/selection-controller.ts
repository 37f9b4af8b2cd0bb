/**
 * The ticked items of a list, in the order they were ticked: toggle one, tick or untick every
 * selectable one, clear, follow reloaded items, and the ticked total per currency. `changed` hears of
 * every change a person or a reload makes (the host announces it and fires its event).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatMoney } from './format.js';

export interface Selectable {
  id: string;
  currency: string;
  /** What is left to pay: the amount a ticked item adds to the total. */
  payable: number;
  balance: number;
}

export interface SelectionOptions<Item> {
  /** Whether an item may be ticked. */
  selectable: (item: Item) => boolean;
  changed: (items: Item[]) => void;
}

export class SelectionController<Item extends Selectable> implements ReactiveController {
  private selected = new Map<string, Item>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SelectionOptions<Item>,
  ) {
    host.addController(this);
  }

  /** Nothing to set up: the state lives across connections (a controller needs one hook). */
  hostConnected(): void {}

  get items(): Item[] {
    return [...this.selected.values()];
  }

  get size(): number {
    return this.selected.size;
  }

  has(id: string): boolean {
    return this.selected.has(id);
  }

  toggle(item: Item, checked: boolean): void {
    const next = new Map(this.selected);
    if (checked) next.set(item.id, item);
    else next.delete(item.id);
    this.set(next);
  }

  /** Ticks (or unticks) every selectable one of `items`, keeping the rest of the selection. */
  toggleAll(items: readonly Item[], checked: boolean): void {
    const next = new Map(this.selected);
    for (const item of items) {
      if (!this.options.selectable(item)) continue;
      if (checked) next.set(item.id, item);
      else next.delete(item.id);
    }
    this.set(next);
  }

  clear(): void {
    this.set(new Map());
  }

  /**
   * Ticked items follow what the server now says: one no longer selectable (paid in full since) is
   * unticked, and one whose amounts changed is kept with the new amounts.
   */
  reconcile(items: readonly Item[]): void {
    if (!this.selected.size) return;
    const next = new Map(this.selected);
    let changed = false;
    for (const item of items) {
      const ticked = next.get(item.id);
      if (!ticked) continue;
      if (!this.options.selectable(item)) next.delete(item.id);
      else if (ticked.payable !== item.payable || ticked.balance !== item.balance) next.set(item.id, item);
      else continue;
      changed = true;
    }
    if (changed) this.set(next);
  }

  /** What the ticked items leave to pay, one amount per currency: "$1,200.00 + €80.00". */
  total(locale: string | undefined): string {
    return sumByCurrency(this.items, locale);
  }

  private set(next: Map<string, Item>): void {
    this.selected = next;
    this.host.requestUpdate();
    this.options.changed(this.items);
  }
}

/**
 * What the ticked items leave to pay (balances less payments in flight): "$1,200.00", or
 * "$1,200.00 + €300.00" when they are in several currencies.
 */
export function sumByCurrency(items: readonly Selectable[], locale: string | undefined): string {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.payable);
  return [...sums].map(([currency, sum]) => formatMoney(sum, currency, locale)).join(' + ');
}
