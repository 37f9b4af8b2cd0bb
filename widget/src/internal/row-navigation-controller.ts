/**
 * Keyboard movement between the rows of a list with one tab stop (a roving tabindex): Up and Down
 * step, Page Up and Page Down move a screenful, Home and End jump. The host renders `tabindex="0"`
 * on the row at `active` and `-1` on the others, and focuses a row when asked (`focus`), which a
 * virtualized list may first have to scroll into the rendered range.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RowNavigationOptions {
  count: () => number;
  /** How many rows a Page Up or Page Down moves. */
  pageRows: () => number;
  /** Focuses the row at `index` (already within the rows). */
  focus: (index: number) => void | Promise<void>;
}

export class RowNavigationController implements ReactiveController {
  private activeIndex = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RowNavigationOptions,
  ) {
    host.addController(this);
  }

  /** Nothing to set up: the state lives across connections (a controller needs one hook). */
  hostConnected(): void {}

  /** The row that takes the list's one tab stop. */
  get active(): number {
    return this.activeIndex;
  }

  set active(index: number) {
    if (index === this.activeIndex) return;
    this.activeIndex = index;
    this.host.requestUpdate();
  }

  /** The row a key moves to from row `index`, if the key moves at all (not clamped). */
  targetFor(key: string, index: number): number | undefined {
    const rows = this.options.pageRows();
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + rows,
      PageUp: index - rows,
      Home: 0,
      End: this.options.count() - 1,
    };
    return moves[key];
  }

  /** A row's `keydown`: moves focus for the movement keys and says whether it did. */
  handleKeydown(event: KeyboardEvent, index: number): boolean {
    const to = this.targetFor(event.key, index);
    if (to === undefined) return false;
    event.preventDefault();
    void this.focus(to);
    return true;
  }

  /** Makes the row at `index` (clamped to the rows) the tab stop and focuses it. */
  async focus(index: number): Promise<void> {
    const target = Math.min(Math.max(0, index), this.options.count() - 1);
    this.active = target;
    await this.options.focus(target);
  }
}
