import { expect, fixture, html } from '../../test/testing.js';
import { LitElement } from 'lit';
import { invoice } from '../../test/fixtures.js';
import type { InvoiceSummary } from './types.js';
import { SelectionController, sumByCurrency } from './selection-controller.js';

class SelectionHost extends LitElement {
  changes: string[][] = [];
  readonly selection = new SelectionController<InvoiceSummary>(this, {
    selectable: (item) => item.payable > 0,
    changed: (items) => this.changes.push(items.map((item) => item.number)),
  });
}
customElements.define('test-selection-host', SelectionHost);

const a = invoice({ number: 'INV-1', payable: 100_00, balance: 100_00 });
const b = invoice({ number: 'INV-2', payable: 250_50, balance: 250_50 });
const paid = invoice({ number: 'INV-3', payable: 0, balance: 0, status: 'paid' });

describe('SelectionController', () => {
  it('ticks and unticks, in the order ticked, and says so each time', async () => {
    const host = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    const { selection } = host;
    selection.toggle(b, true);
    selection.toggle(a, true);
    expect(selection.items.map((item) => item.number)).to.deep.equal(['INV-2', 'INV-1']);
    expect(selection.has(a.id)).to.equal(true);
    selection.toggle(b, false);
    expect(selection.size).to.equal(1);
    expect(host.changes).to.deep.equal([['INV-2'], ['INV-2', 'INV-1'], ['INV-1']]);
  });

  it('ticks every selectable item at once, and unticks them, keeping the rest', async () => {
    const host = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    const { selection } = host;
    selection.toggleAll([a, b, paid], true);
    expect(selection.items.map((item) => item.number)).to.deep.equal(['INV-1', 'INV-2']);
    selection.toggleAll([a], false);
    expect(selection.items.map((item) => item.number)).to.deep.equal(['INV-2']);
    selection.clear();
    expect(selection.size).to.equal(0);
    expect(host.changes.at(-1)).to.deep.equal([]);
  });

  it('follows reloaded items: unticks one paid since, keeps one whose amount changed with the new amount', async () => {
    const host = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    const { selection } = host;
    selection.toggleAll([a, b], true);
    const changesBefore = host.changes.length;
    selection.reconcile([a, b]);
    expect(host.changes).to.have.length(changesBefore);
    const aPaid = { ...a, payable: 0, balance: 0 };
    const bLess = { ...b, payable: 50_00 };
    selection.reconcile([aPaid, bLess]);
    expect(selection.items).to.deep.equal([bLess]);
    expect(host.changes).to.have.length(changesBefore + 1);
  });

  it('totals what the ticked items leave to pay, one amount per currency', async () => {
    const host = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    const euros = invoice({ number: 'INV-4', payable: 80_00, balance: 80_00, currency: 'EUR' });
    host.selection.toggleAll([a, b, euros], true);
    expect(host.selection.total('en-US')).to.equal('$350.50 + €80.00');
    expect(sumByCurrency([], 'en-US')).to.equal('');
  });
});
