/**
 * The search box of `<ar-invoice-list>`: what it holds (`text`) and the search applied (`q`), which
 * follows the text after a pause in typing, at once on Enter, and empties on Escape or ×.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const searchDelayMs = 250;

export interface InvoiceSearchOptions {
  /** The search applied changed. */
  applied: (q: string) => void;
  input: () => HTMLInputElement | null;
}

export class InvoiceSearch implements ReactiveController {
  text = '';
  q = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: InvoiceSearchOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  readonly handleInput = (event: InputEvent): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply(), searchDelayMs);
  };

  readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.apply();
    } else if (event.key === 'Escape' && this.text) {
      event.preventDefault();
      this.clear();
    }
  };

  readonly clear = (): void => {
    this.text = '';
    this.host.requestUpdate();
    this.apply();
    this.options.input()?.focus();
  };

  private apply(): void {
    clearTimeout(this.timer);
    const q = this.text.trim();
    if (q === this.q) return;
    this.q = q;
    this.host.requestUpdate();
    this.options.applied(q);
  }
}
