import { expect, fixture, html } from '../../test/testing.js';
import { LitElement } from 'lit';
import { RowNavigationController } from './row-navigation-controller.js';

class RowsHost extends LitElement {
  count = 20;
  activated: number[] = [];
  readonly rows = new RowNavigationController(this, {
    count: () => this.count,
    pageRows: () => 5,
    focus: async (index) => {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
    },
    rowIndex: (element) => Number(element.closest('[data-index]')?.getAttribute('data-index') ?? -1),
    activate: (index) => this.activated.push(index),
  });

  override render(): unknown {
    return html`<ul @focusin=${this.rows.handleFocusIn}>
      ${Array.from(
        { length: this.count },
        (_, index) =>
          html`<li
            data-index=${index}
            tabindex=${index === this.rows.active ? 0 : -1}
            @keydown=${(event: KeyboardEvent) => this.rows.handleKeydown(event, index)}
          >
            Row ${index} <input type="checkbox" aria-label="Tick row ${index}" />
          </li>`,
      )}
    </ul>`;
  }
}
customElements.define('test-rows-host', RowsHost);

function row(host: RowsHost, index: number): HTMLElement {
  return host.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`)!;
}

function press(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

async function settle(host: RowsHost): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await host.updateComplete;
}

describe('RowNavigationController', () => {
  it('moves the one tab stop and focus with the arrow, page, Home and End keys, within the rows', async () => {
    const host = await fixture<RowsHost>(html`<test-rows-host></test-rows-host>`);
    const steps: [string, number][] = [
      ['ArrowDown', 1],
      ['PageDown', 6],
      ['ArrowUp', 5],
      ['End', 19],
      ['ArrowDown', 19],
      ['PageUp', 14],
      ['Home', 0],
      ['ArrowUp', 0],
    ];
    for (const [key, expected] of steps) {
      const event = press(row(host, host.rows.active), key);
      expect(event.defaultPrevented, key).to.equal(true);
      await settle(host);
      expect(host.rows.active, key).to.equal(expected);
      expect(host.shadowRoot!.activeElement, key).to.equal(row(host, expected));
      expect(host.renderRoot.querySelectorAll('[tabindex="0"]'), key).to.have.length(1);
    }
  });

  it('activates a row with Enter or Space on the row itself, not on a control in it', async () => {
    const host = await fixture<RowsHost>(html`<test-rows-host></test-rows-host>`);
    press(row(host, 3), 'Enter');
    press(row(host, 4), ' ');
    const onCheckbox = press(row(host, 5).querySelector('input')!, ' ');
    expect(host.activated).to.deep.equal([3, 4]);
    expect(onCheckbox.defaultPrevented).to.equal(false);
  });

  it('makes a row focused by click or Tab the tab stop', async () => {
    const host = await fixture<RowsHost>(html`<test-rows-host></test-rows-host>`);
    row(host, 7).querySelector('input')!.focus();
    await host.updateComplete;
    expect(host.rows.active).to.equal(7);
    expect(row(host, 7).tabIndex).to.equal(0);
  });

  it('gives the tab stop to the first row in view once the active one has scrolled away', async () => {
    const host = await fixture<RowsHost>(html`<test-rows-host></test-rows-host>`);
    host.rows.keepInView(10, 15, false);
    expect(host.rows.active).to.equal(10);
    host.rows.keepInView(8, 14, false);
    expect(host.rows.active).to.equal(10);
    host.rows.keepInView(0, 5, true);
    expect(host.rows.active).to.equal(10);
  });
});
