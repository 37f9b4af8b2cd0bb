/** Finding things inside shadow roots, as a person would: by selector or by visible text. */

/** Walks `selectors` down through shadow roots: `inShadow(portal, 'ar-login', 'input#email')`. */
export function inShadow<T extends Element = HTMLElement>(host: Element, ...selectors: string[]): T | null {
  let current: Element | null = host;
  for (const selector of selectors) {
    current = current?.shadowRoot?.querySelector(selector) ?? null;
    if (!current) return null;
  }
  return current as T | null;
}

/** The visible text of an element's shadow root, whitespace collapsed. */
export function shadowText(host: Element | null | undefined): string {
  return (host?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A button in `host`'s shadow root whose text contains `label`. */
export function buttonNamed(host: Element | null | undefined, label: string): HTMLButtonElement | null {
  const buttons = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])];
  return buttons.find((button) => button.textContent?.replace(/\s+/g, ' ').includes(label)) ?? null;
}

/** Types into an input the way the form will read it. */
export function type(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('no input to type into');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
