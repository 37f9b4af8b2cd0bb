import { expect, fixture, html } from '../../test/testing.js';
import { LitElement } from 'lit';
import { TabListController, tabAfterKey } from './tab-list-controller.js';

const tabs = ['open', 'past_due', 'paid'] as const;
type Tab = (typeof tabs)[number];

class TabsHost extends LitElement {
  selected: Tab = 'open';
  readonly tabList = new TabListController<Tab>(this, {
    tabs: () => tabs,
    current: () => this.selected,
    select: (tab) => {
      this.selected = tab;
      this.requestUpdate();
    },
    tabElement: (tab) => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`),
  });

  override render(): unknown {
    return html`<div role="tablist" @keydown=${this.tabList.handleKeydown}>
      ${tabs.map(
        (tab) =>
          html`<button
            id="tab-${tab}"
            role="tab"
            aria-selected=${tab === this.selected}
            tabindex=${tab === this.selected ? 0 : -1}
          >
            ${tab}
          </button>`,
      )}
    </div>`;
  }
}
customElements.define('test-tabs-host', TabsHost);

function press(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

describe('TabListController', () => {
  it('steps with Left and Right, wrapping at the ends, and jumps with Home and End', () => {
    expect(tabAfterKey(tabs, 'open', 'ArrowRight')).to.equal('past_due');
    expect(tabAfterKey(tabs, 'paid', 'ArrowRight')).to.equal('open');
    expect(tabAfterKey(tabs, 'open', 'ArrowLeft')).to.equal('paid');
    expect(tabAfterKey(tabs, 'past_due', 'Home')).to.equal('open');
    expect(tabAfterKey(tabs, 'open', 'End')).to.equal('paid');
    expect(tabAfterKey(tabs, 'open', 'ArrowDown')).to.equal(undefined);
    expect(tabAfterKey([], 'open', 'End')).to.equal(undefined);
  });

  it('selects the tab a key moves to and focuses it once rendered', async () => {
    const host = await fixture<TabsHost>(html`<test-tabs-host></test-tabs-host>`);
    const open = host.renderRoot.querySelector<HTMLElement>('#tab-open')!;
    open.focus();
    const event = press(open, 'ArrowLeft');
    expect(event.defaultPrevented).to.equal(true);
    expect(host.selected).to.equal('paid');
    await host.updateComplete;
    await host.updateComplete;
    expect(host.shadowRoot!.activeElement?.id).to.equal('tab-paid');
  });

  it('leaves other keys alone', async () => {
    const host = await fixture<TabsHost>(html`<test-tabs-host></test-tabs-host>`);
    const event = press(host.renderRoot.querySelector('#tab-open')!, 'Enter');
    expect(event.defaultPrevented).to.equal(false);
    expect(host.selected).to.equal('open');
  });
});
