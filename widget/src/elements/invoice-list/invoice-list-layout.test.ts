import '../../../test/resize-observer.js';
import { expect, oneEvent } from '../../../test/testing.js';
import { accountList, invoice, invoices, northwind } from '../../../test/fixtures.js';
import { mock, sent, worker } from '../../../test/mock-api.js';
import { offScreen, overflowsPage, truncated, usePhoneViewport } from '../../../test/viewport.js';
import './define.js';
import {
  $,
  waitUntil,
  renderList,
  rows,
  numbers,
  loaded,
  header,
  checkbox,
  key,
  tick,
  nextFrame,
  pastDue,
  disputed,
  partlyInFlight,
  whollyInFlight,
  useSignedInCustomer,
} from './invoice-list.test-support.js';

describe('<ar-invoice-list>', () => {
  useSignedInCustomer();

  describe('on a 375 px phone', () => {
    usePhoneViewport();

    it('shows each invoice as a card with its number, due date, balance and status readable', async () => {
      const long = invoice({
        number: 'INV-2026-000123',
        poNumber: 'PO-2026-99812',
        dueDate: '2026-12-31',
        balance: 123_456_789,
        status: 'disputed',
      });
      worker.use(
        mock.listAccounts(accountList({ ...northwind, inFlight: 370_313 })),
        mock.listInvoices({ items: [partlyInFlight, whollyInFlight, long, ...invoices(3)], nextCursor: null }),
      );
      const el = await renderList();
      await loaded(el);
      await waitUntil(() => $(el, '[part="totals"]')?.getAttribute('aria-busy') === 'false', 'shows the totals');
      await nextFrame();

      const numberCells = rows(el).map((row) => row.querySelector('.col-number')!);
      const numberTexts = rows(el).map((row) => row.querySelector('.invoice-number')!);
      expect(numberTexts.map((n) => n.textContent)).to.deep.equal([
        'INV-1042',
        'INV-1023',
        'INV-2026-000123',
        'INV-1001',
        'INV-1002',
        'INV-1003',
      ]);
      expect(truncated(numberTexts)).to.deep.equal([]);
      expect(truncated(numberCells)).to.deep.equal([]);
      // Wide enough for a person to read, not the 39 px column of before.
      expect(Math.min(...numberTexts.map((n) => n.getBoundingClientRect().width))).to.be.above(60);

      const due = rows(el).map((row) => row.querySelector('.due-inline')!);
      expect(due[2]!.textContent).to.equal('Due Dec 31, 2026');
      const balances = rows(el).map((row) => row.querySelector('.col-balance')!);
      expect(balances[2]!.textContent!.trim()).to.equal('$1,234,567.89');
      const badges = rows(el).map((row) => row.querySelector('[part~="badge"]')!);
      const notices = [...el.shadowRoot!.querySelectorAll('[part="in-flight"]')];
      expect(notices).to.have.length(2);
      const checkboxes = rows(el).map((row) => row.querySelector('input')!);
      for (const group of [numberTexts, due, balances, badges, notices, checkboxes]) {
        expect(offScreen(group)).to.deep.equal([]);
        expect(truncated(group)).to.deep.equal([]);
      }
      expect(offScreen(el.shadowRoot!.querySelectorAll('[part="totals"] dd'))).to.deep.equal([]);
      expect(offScreen([$(el, '[part="table-scroll"]')!])).to.deep.equal([]);
      const scroller = $(el, '[part="table-scroll"]')!;
      expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
      expect(overflowsPage()).to.equal(false);

      // The header row is still the columns' sort buttons.
      header(el, 'Balance').querySelector('button')!.click();
      await waitUntil(() => sent('GET', '/invoices').some((r) => r.query.get('sort') === '-balance'));
      await expect(el).to.be.accessible();
    });

    it('keeps the selection bar and its actions on screen', async () => {
      worker.use(mock.listInvoices({ items: [pastDue, disputed], nextCursor: null }));
      const el = await renderList();
      await loaded(el);
      tick(checkbox(el, 'Select INV-1042'));
      await el.updateComplete;
      const bar = $(el, '[part="selection-bar"]')!;
      expect(offScreen(bar.querySelectorAll('button, p'))).to.deep.equal([]);
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('with 10,000 invoices', () => {
    const total = 10_000;
    const number = (n: number) => `INV-${String(n).padStart(5, '0')}`;

    beforeEach(() => {
      worker.use(
        mock.listAccounts(accountList({ ...northwind, counts: { ...northwind.counts, all: total } })),
        // The server's pages: 200 invoices each, keyset cursor.
        mock.listInvoices(({ query }) => {
          const offset = Number(query.get('cursor') ?? 0);
          const size = Math.min(Number(query.get('limit')), 200, total - offset);
          return {
            items: Array.from({ length: size }, (_, i) => invoice({ number: number(offset + i + 1) })),
            nextCursor: offset + size < total ? String(offset + size) : null,
          };
        }),
      );
    });

    it('keeps only the rows in view in the DOM and pages in the rest while scrolling to the last', async function () {
      this.timeout(60_000);
      const el = await renderList('all');
      await loaded(el);
      expect(rows(el).length).to.be.below(120);
      expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal(String(total + 1));

      const scroller = $(el, '.table-scroll')!;
      const deadline = Date.now() + 50_000;
      while (!numbers(el).includes(number(total)) && Date.now() < deadline) {
        scroller.scrollTop = scroller.scrollHeight;
        await nextFrame();
      }
      expect(numbers(el)).to.include(number(total));
      expect(sent('GET', '/invoices')).to.have.length(total / 200);
      expect(rows(el).length).to.be.below(120);
      const last = rows(el).find((row) => row.textContent!.includes(number(total)))!;
      expect(last.getAttribute('aria-rowindex')).to.equal(String(total + 1));

      // Keyboard: the last row is focusable and Home goes back to the first, out of the DOM until then.
      last.focus();
      key(last, 'ArrowUp');
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('aria-rowindex') === String(total));
      key(el.shadowRoot!.activeElement!, 'Home');
      await waitUntil(
        () => el.shadowRoot!.activeElement?.getAttribute('aria-rowindex') === '2',
        'focuses the first invoice',
      );
      expect(el.shadowRoot!.activeElement!.textContent).to.contain(number(1));
      expect(rows(el).length).to.be.below(120);

      const selected = oneEvent(el, 'ar-invoice-select');
      key(el.shadowRoot!.activeElement!, 'Enter');
      expect((await selected).detail.invoice.number).to.equal(number(1));
    });
  });
});
