/**
 * Keyboard movement between the rows of a list with one tab stop (a roving tabindex): Up and Down
 * step, Page Up and Page Down move a screenful, Home and End jump, Enter and Space on a row activate
 * it. The host renders `tabindex="0"` on the row at `active` and `-1` on the others, and focuses a
 * row when asked (`focus`), which a virtualized list may first have to scroll into the rendered range.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RowNavigationOptions {
  count: () => number;
  /** How many rows a Page Up or Page Down moves. */
  pageRows: () => number;
  /** Focuses the row at `index` (already within the rows). */
  focus: (index: number) => void | Promise<void>;
  /** The index of the row an element is in, or -1. */
  rowIndex: (element: Element) => number;
  /** Enter or Space on the row itself (not on a control in it). */
  activate?: (index: number) => void;
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

  /** A row's `keydown`: moves focus for the movement keys, activates the row for Enter and Space. */
  handleKeydown(event: KeyboardEvent, index: number): void {
    const to = this.targetFor(event.key, index);
    if (to !== undefined) {
      event.preventDefault();
      void this.focus(to);
    } else if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
      // From the row itself only: on a checkbox in it, Space ticks the checkbox.
      event.preventDefault();
      this.options.activate?.(index);
    }
  }

  /** The list's `focusin`: a row focused by a click or Tab becomes the tab stop. */
  readonly handleFocusIn = (event: FocusEvent): void => {
    const index = this.options.rowIndex(event.target as Element);
    if (index >= 0) this.active = index;
  };

  /**
   * The rows from `first` to `last` are in view (a virtualized list scrolled): when the tab stop has
   * scrolled away and focus is not in the list, the first row in view takes it.
   */
  keepInView(first: number, last: number, focusInList: boolean): void {
    if (focusInList || (this.activeIndex >= first && this.activeIndex <= last)) return;
    this.active = Math.max(0, first);
  }

  /** Makes the row at `index` (clamped to the rows) the tab stop and focuses it. */
  async focus(index: number): Promise<void> {
    const target = Math.min(Math.max(0, index), this.options.count() - 1);
    this.active = target;
    await this.options.focus(target);
  }
}
