import '../../../test/resize-observer.js';
import { expect, fixture, html, oneEvent, waitUntil as waitUntilWithin } from '@open-wc/testing';
import {
  API,
  accountList,
  bookkeeper,
  globex,
  initech,
  invoice,
  invoices,
  northwind,
  sessionCreated,
} from '../../../test/fixtures.js';
import { buttonNamed, shadowText, type } from '../../../test/dom.js';
import { fail, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { offScreen, overflowsPage, truncated, usePhoneViewport } from '../../../test/viewport.js';
import { formatDateTime } from '../../internal/format.js';
import { sessionStoreFor } from '../../internal/session-store.js';
import type { InvoiceStatusFilter, InvoiceSummary } from '../../internal/types.js';
import './define.js';
import type { ArInvoiceList } from './invoice-list.js';

type InFlight = NonNullable<InvoiceSummary['inFlight']>;

/** The virtualized list renders its rows a frame or two after its data: give it more than the default second. */
function waitUntil(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: 5000 });
}

function renderList(
  status: InvoiceStatusFilter = 'open',
  extra: { locale?: string; highlight?: string; account?: string } = {},
) {
  return fixture<ArInvoiceList>(
    html`<ar-invoice-list
      api=${API}
      account=${extra.account ?? 'acc_northwind'}
      status=${status}
      locale=${extra.locale ?? 'en-US'}
      highlight=${extra.highlight ?? ''}
    ></ar-invoice-list>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: ArInvoiceList, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** The invoice rows in the DOM (the virtualizer renders only those near the view). */
function rows(el: ArInvoiceList): HTMLTableRowElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody.rows tr')];
}

const numbers = (el: ArInvoiceList) => rows(el).map((row) => row.querySelector('.invoice-number')!.textContent);

/** Waits for rows, an empty state or an error. */
function loaded(el: ArInvoiceList): Promise<unknown> {
  return waitUntil(
    () => rows(el).length > 0 || $(el, '#invoices-panel [part~="empty"], #invoices-panel [role="alert"]'),
    'the list loads',
  );
}

const tab = (el: ArInvoiceList, status: string) => $(el, `#tab-${status}`)!;
const header = (el: ArInvoiceList, label: string) =>
  [...el.shadowRoot!.querySelectorAll('thead th')].find((th) => th.textContent?.includes(label))!;
const checkbox = (el: ArInvoiceList, label: string) => $<HTMLInputElement>(el, `input[aria-label="${label}"]`)!;
const key = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));

function tick(box: HTMLInputElement): void {
  box.click();
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

const pastDue = invoice({
  number: 'INV-1042',
  poNumber: 'PO-7781',
  dueDate: '2026-10-15',
  total: 250_000,
  balance: 180_050,
  status: 'past_due',
  daysPastDue: 38,
});
const disputed = invoice({ number: 'INV-1050', dueDate: '2026-12-01', balance: 125_000, status: 'disputed' });
const paid = invoice({ number: 'INV-0990', balance: 0, status: 'paid' });

/** A bank debit accepted on Nov 20 and settling: what it holds of an invoice's balance. */
function inFlight(amount: number, overrides: Partial<InFlight> = {}): InFlight {
  return {
    amount,
    since: '2026-11-20T15:04:00.000Z',
    paymentId: 'pay_01HXACH',
    receiptNumber: 'R-2026-000150',
    status: 'processing',
    ...overrides,
  };
}
/** $1,000.00 of INV-1042's $1,800.50 is on its way: $800.50 is left to pay. */
const partlyInFlight = { ...pastDue, inFlight: inFlight(100_000), payable: 80_050 };
/** All of INV-1023's $2,703.13 is on its way: nothing is left to pay until it settles or fails. */
const whollyInFlight = invoice({ number: 'INV-1023', balance: 270_313, inFlight: inFlight(270_313) });

describe('<ar-invoice-list>', () => {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.listAccounts(accountList(northwind)));
  });

  it('shows a loading skeleton while the invoices load', async () => {
    worker.use(mock.listInvoices(never), mock.listAccounts(never));
    const el = await renderList();
    expect($(el, '[part="loading"]')).to.have.text('Loading invoices…');
    expect($(el, 'table.skeleton')).to.have.attribute('aria-hidden', 'true');
    expect($(el, '[part="totals"]')).to.have.attribute('aria-busy', 'true');
    await expect(el).to.be.accessible();
    await waitUntil(() => sent('GET', '/invoices').length === 1, 'asks for the invoices');
  });

  it('lists invoices in the order the server sends, with words on every status badge', async () => {
    worker.use(mock.listInvoices({ items: [pastDue, disputed, paid], nextCursor: null }));
    const el = await renderList('all');
    await loaded(el);

    expect(numbers(el)).to.deep.equal(['INV-1042', 'INV-1050', 'INV-0990']);
    const first = rows(el)[0]!;
    expect(first.textContent).to.contain('Oct 15, 2026');
    expect(first.textContent).to.contain('PO PO-7781');
    expect(first.textContent).to.contain('$2,500.00');
    expect(first.textContent).to.contain('$1,800.50');
    expect(first.querySelector('[part~="badge"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('Past due · 38 days');
    expect(rows(el)[1]!.querySelector('[part~="badge"]')).to.have.attribute('part', 'badge badge-disputed');
    expect(rows(el)[1]!.querySelector('[part~="badge"]')!.textContent).to.contain('Disputed');
    expect(rows(el)[2]!.querySelector('[part~="badge"]')!.textContent).to.contain('Paid');

    const [request] = sent('GET', '/invoices');
    expect(request?.authorization).to.equal('Bearer session-token-northwind');
    expect(Object.fromEntries(request!.query)).to.deep.equal({
      status: 'all',
      sort: 'priority',
      limit: '200',
      account: 'acc_northwind',
    });
    await expect(el).to.be.accessible();
  });

  it('gives the table its size and each row its place for screen readers', async () => {
    worker.use(
      mock.listInvoices(({ query }) => (query.get('cursor') ? never() : { items: invoices(3), nextCursor: 'more' })),
    );
    const el = await renderList('open');
    await loaded(el);
    const table = $(el, 'table[role="table"]')!;
    // 12 open invoices on the account, plus the header row.
    expect(table.getAttribute('aria-rowcount')).to.equal('13');
    expect(rows(el).map((row) => row.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4']);
    expect(rows(el).every((row) => row.getAttribute('role') === 'row')).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('thead [role="columnheader"]')).to.have.length(7);
    expect(rows(el)[0]!.getAttribute('aria-label')).to.equal('Invoice INV-1001, balance $1,250.00, Open');
  });

  it('formats money and dates for the locale, in the invoice’s currency', async () => {
    worker.use(
      mock.listInvoices({
        items: [
          invoice({ number: 'F-2026-07', currency: 'EUR', total: 123_456, balance: 100_000, dueDate: '2026-12-31' }),
        ],
        nextCursor: null,
      }),
    );
    const el = await renderList('open', { locale: 'fr-FR' });
    await loaded(el);
    const text = rows(el)[0]!.textContent!.replace(/\s/g, ' ');
    expect(text).to.contain('1 234,56 €');
    expect(text).to.contain('1 000,00 €');
    expect(text).to.contain('31 déc. 2026');
  });

  it('shows the account’s totals in its currency', async () => {
    worker.use(mock.listInvoices({ items: invoices(1), nextCursor: null }));
    const el = await renderList();
    await waitUntil(() => $(el, '[part="totals"]')?.getAttribute('aria-busy') === 'false', 'shows the totals');
    const totals = $(el, '[part="totals"]')!.textContent!.replace(/\s+/g, ' ');
    expect(totals).to.contain('Balance due $18,450.00');
    expect(totals).to.contain('Past due $6,125.50');
    expect(totals).to.contain('Disputed $1,200.00');
    expect(totals).to.contain('Unapplied credit $0.00');
    expect($(el, '[part="account-name"]')).to.have.text('Northwind Traders');
    expect($(el, 'select')).to.equal(null);
  });

  it('says the customer is all caught up when nothing is past due', async () => {
    worker.use(mock.listInvoices({ items: [], nextCursor: null }));
    const el = await renderList('past_due');
    await loaded(el);
    expect(shadowText(el)).to.contain('No past-due invoices — you’re all caught up.');
    await expect(el).to.be.accessible();
  });

  it('has an empty state for each status', async () => {
    worker.use(mock.listInvoices({ items: [], nextCursor: null }));
    const el = await renderList('disputed');
    await loaded(el);
    expect(shadowText(el)).to.contain('No invoices under dispute.');
    el.status = 'paid';
    await waitUntil(() => shadowText(el).includes('No paid invoices yet.'));
  });

  it('says what failed and retries on request', async () => {
    let calls = 0;
    worker.use(
      mock.listInvoices(() => (++calls === 1 ? fail(503, 'internal_error') : { items: invoices(2), nextCursor: null })),
    );
    const el = await renderList();
    await loaded(el);
    expect($(el, '#invoices-panel [role="alert"]')!.textContent).to.contain('We could not load your invoices.');
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => rows(el).length === 2, 'shows the invoices after the retry');
  });

  it('shows status tabs with the account’s counts and switches between them', async () => {
    worker.use(mock.listInvoices({ items: invoices(2), nextCursor: null }));
    const el = await renderList('open');
    await loaded(el);
    await waitUntil(() => $(el, '[part~="count"]'), 'shows the counts');
    const tabs = [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) =>
      t.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(tabs).to.deep.equal(['Open 12', 'Past due 5', 'Paid 30', 'Disputed 1', 'All 42']);
    expect(tab(el, 'open')).to.have.attribute('aria-selected', 'true');

    const changed = oneEvent(el, 'ar-filter-change');
    tab(el, 'disputed').click();
    expect((await changed).detail).to.deep.equal({ status: 'disputed', q: '', sort: 'priority' });
    await waitUntil(() => sent('GET', '/invoices').some((r) => r.query.get('status') === 'disputed'));

    // The ARIA tabs pattern: arrow keys move and activate.
    key(tab(el, 'disputed'), 'ArrowRight');
    await el.updateComplete;
    expect(el.status).to.equal('all');
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-all');
    await expect(el).to.be.accessible();
  });

  it('searches by number, PO or amount after a pause in typing, and clears', async () => {
    worker.use(
      mock.listInvoices(({ query }) =>
        query.get('q') === 'zzz'
          ? { items: [], nextCursor: null }
          : query.get('q')
            ? { items: [pastDue], nextCursor: null }
            : { items: invoices(3), nextCursor: null },
      ),
    );
    const el = await renderList();
    await loaded(el);
    const input = $<HTMLInputElement>(el, 'input#search')!;
    expect($(el, 'label[for="search"]')).to.have.text('Search invoices');

    type(input, '1,8');
    type(input, '1,800.50');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent('GET', '/invoices')).to.have.length(1);
    await waitUntil(() => numbers(el).join() === 'INV-1042', 'shows the match');
    const searches = sent('GET', '/invoices').slice(1);
    expect(searches.map((r) => r.query.get('q'))).to.deep.equal(['1,800.50']);
    expect(shadowText(el)).to.contain('1 invoice matches “1,800.50”.');

    type(input, 'zzz');
    await waitUntil(() => shadowText(el).includes('No invoices match “zzz”'), 'says nothing matches');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, 'button[aria-label="Clear search"]')!.click();
    await waitUntil(() => rows(el).length === 3, 'shows every invoice again');
    expect(input.value).to.equal('');
    expect(sent('GET', '/invoices').at(-1)!.query.has('q')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(input);
  });

  it('sorts by any column from its header, saying which in aria-sort', async () => {
    worker.use(mock.listInvoices({ items: invoices(3), nextCursor: null }));
    const el = await renderList();
    await loaded(el);
    expect(header(el, 'Status')).to.have.attribute('aria-sort', 'other');
    expect(header(el, 'Due')).not.to.have.attribute('aria-sort');

    header(el, 'Due').querySelector('button')!.click();
    await waitUntil(() => sent('GET', '/invoices').length === 2);
    expect(sent('GET', '/invoices')[1]!.query.get('sort')).to.equal('dueDate');
    await waitUntil(() => header(el, 'Due').getAttribute('aria-sort') === 'ascending');
    expect(header(el, 'Status')).not.to.have.attribute('aria-sort');

    header(el, 'Due').querySelector('button')!.click();
    await waitUntil(() => sent('GET', '/invoices').length === 3);
    expect(sent('GET', '/invoices')[2]!.query.get('sort')).to.equal('-dueDate');
    await waitUntil(() => header(el, 'Due').getAttribute('aria-sort') === 'descending');

    // Money sorts largest first.
    header(el, 'Balance').querySelector('button')!.click();
    await waitUntil(() => sent('GET', '/invoices').length === 4);
    expect(sent('GET', '/invoices')[3]!.query.get('sort')).to.equal('-balance');
    await expect(el).to.be.accessible();
  });

  it('ticks invoices, totals them and asks to pay, promise or dispute them', async () => {
    worker.use(mock.listInvoices({ items: [pastDue, disputed, paid], nextCursor: null }));
    const el = await renderList('all');
    await loaded(el);
    expect(checkbox(el, 'Select INV-0990')).to.equal(null);

    let selection = oneEvent(el, 'ar-selection-change');
    tick(checkbox(el, 'Select INV-1042'));
    expect((await selection).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal(['INV-1042']);
    selection = oneEvent(el, 'ar-selection-change');
    tick(checkbox(el, 'Select INV-1050'));
    expect((await selection).detail.invoices).to.have.length(2);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected · $3,050.50');
    expect(rows(el)[0]).to.have.attribute('part', 'row row-selected');
    await expect(el).to.be.accessible();

    for (const [label, type] of [
      ['Pay', 'ar-pay-request'],
      ['Promise to pay', 'ar-promise-request'],
      ['Dispute', 'ar-dispute-request'],
    ] as const) {
      const requested = oneEvent(el, type);
      const button = [...$(el, '[part="selection-bar"]')!.querySelectorAll('button')].find(
        (b) => b.textContent!.trim() === label,
      )!;
      button.click();
      const event = await requested;
      expect(event.detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal(['INV-1042', 'INV-1050']);
      expect(event.bubbles && event.composed).to.equal(true);
    }

    selection = oneEvent(el, 'ar-selection-change');
    buttonNamed(el, 'Clear selection')!.click();
    expect((await selection).detail.invoices).to.deep.equal([]);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')).to.equal(null);
  });

  it('ticks every loaded invoice that can be paid with the select-all box', async () => {
    worker.use(mock.listInvoices({ items: [pastDue, disputed, paid], nextCursor: null }));
    const el = await renderList('all');
    await loaded(el);
    const all = checkbox(el, 'Select all loaded invoices');
    tick(checkbox(el, 'Select INV-1042'));
    await el.updateComplete;
    expect(all.indeterminate).to.equal(true);

    const selection = oneEvent(el, 'ar-selection-change');
    tick(all);
    expect((await selection).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal([
      'INV-1042',
      'INV-1050',
    ]);
    await el.updateComplete;
    expect(all.checked).to.equal(true);
    tick(all);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')).to.equal(null);
  });

  it('lets a bookkeeper switch between their accounts', async () => {
    signIn(bookkeeper);
    worker.use(
      mock.listAccounts(accountList(globex, initech)),
      mock.listInvoices(({ query }) => ({
        items: invoices(query.get('account') === initech.id ? 1 : 2),
        nextCursor: null,
      })),
    );
    const el = await renderList('open', { account: globex.id });
    await loaded(el);
    const select = await waitUntil(() => $<HTMLSelectElement>(el, 'select#account'), 'shows the switcher').then(() =>
      $<HTMLSelectElement>(el, 'select#account')!,
    );
    expect([...select.options].map((option) => option.text)).to.deep.equal(['Globex', 'Initech']);
    expect($(el, 'label[for="account"]')).to.have.text('Account');
    tick(checkbox(el, 'Select INV-1001'));
    await expect(el).to.be.accessible();

    select.value = initech.id;
    const changed = oneEvent(el, 'ar-account-change');
    const cleared = oneEvent(el, 'ar-selection-change');
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail.account.name).to.equal('Initech');
    expect((await cleared).detail.invoices).to.deep.equal([]);
    expect(el.account).to.equal(initech.id);
    await waitUntil(() => rows(el).length === 1, 'shows Initech’s invoices');
    expect(sent('GET', '/invoices').at(-1)!.query.get('account')).to.equal(initech.id);
    expect($(el, '[part="totals"]')!.textContent).to.contain('$980.00');
  });

  it('opens an invoice from a focused row with Enter or Space, and on click; arrows move between rows', async () => {
    worker.use(mock.listInvoices({ items: [pastDue, invoice({ number: 'INV-1050' })], nextCursor: null }));
    const el = await renderList();
    await loaded(el);
    const [first, second] = rows(el);
    expect(first!.tabIndex).to.equal(0);
    expect(second!.tabIndex).to.equal(-1);

    first!.focus();
    let selected = oneEvent(el, 'ar-invoice-select');
    key(first!, 'Enter');
    expect((await selected).detail.invoice.number).to.equal('INV-1042');

    key(first!, 'ArrowDown');
    await waitUntil(() => el.shadowRoot!.activeElement === second, 'moves focus down');
    expect(second!.tabIndex).to.equal(0);
    expect(first!.tabIndex).to.equal(-1);

    selected = oneEvent(el, 'ar-invoice-select');
    key(second!, ' ');
    expect((await selected).detail.invoice.number).to.equal('INV-1050');

    selected = oneEvent(el, 'ar-invoice-select');
    second!.querySelector<HTMLElement>('.col-due')!.click();
    const event = await selected;
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('highlights and focuses the invoice a link pointed to, looking past the first page', async () => {
    worker.use(
      mock.listInvoices(({ query }) =>
        query.get('cursor') ? { items: [pastDue], nextCursor: null } : { items: invoices(25), nextCursor: 'page-2' },
      ),
    );
    const el = await renderList('all', { highlight: 'INV-1042' });
    await waitUntil(() => $(el, 'tr[aria-current="true"]'), 'highlights the invoice');
    const row = $(el, 'tr[aria-current="true"]')!;
    expect(row.getAttribute('part')).to.equal('row row-highlighted');
    await waitUntil(() => el.shadowRoot!.activeElement === row, 'focuses the invoice');
  });

  it('asks to sign in when used alone without a session, and loads once there is one', async () => {
    sessionStorage.clear();
    worker.use(mock.listInvoices({ items: invoices(1), nextCursor: null }));
    const el = await renderList();
    expect(shadowText(el)).to.contain('Sign in to see your invoices.');
    expect(sent('GET', '/invoices')).to.have.length(0);
    await expect(el).to.be.accessible();

    sessionStoreFor(API).start(sessionCreated());
    await waitUntil(() => rows(el).length === 1, 'loads after sign-in');
  });

  it('says when the next page fails and fetches it again on Retry', async () => {
    let failures = 1;
    worker.use(
      mock.listInvoices(({ query }) => {
        if (!query.get('cursor')) return { items: invoices(3), nextCursor: 'page-2' };
        return failures-- > 0 ? fail(503, 'internal_error') : { items: invoices(2, 1004), nextCursor: null };
      }),
    );
    const el = await renderList();
    await waitUntil(() => shadowText(el).includes('We could not load more invoices.'), 'says the page failed');
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => rows(el).length === 5, 'adds the next page');
    expect(sent('GET', '/invoices').map((r) => r.query.get('cursor'))).to.deep.equal([null, 'page-2', 'page-2']);
  });

  it('says which invoices have a payment processing, and offers to pay only what is left', async () => {
    worker.use(
      mock.listAccounts(accountList({ ...northwind, inFlight: 370_313 })),
      mock.listInvoices({ items: [partlyInFlight, whollyInFlight, disputed], nextCursor: null }),
    );
    const el = await renderList();
    await loaded(el);
    const since = formatDateTime('2026-11-20T15:04:00.000Z', 'en-US');
    expect(since).to.contain('Nov 20, 2026');

    const [partly, wholly, other] = rows(el);
    expect(partly!.querySelector('[part="in-flight"]')!.textContent!.trim()).to.equal(
      `Payment of $1,000.00 processing since ${since}`,
    );
    expect(partly!.querySelector('.col-balance')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '$1,800.50 $800.50 left to pay',
    );
    expect(partly!.getAttribute('aria-label')).to.equal(
      `Invoice INV-1042, balance $1,800.50, Past due · 38 days, Payment of $1,000.00 processing since ${since}`,
    );
    expect(other!.querySelector('[part="in-flight"]')).to.equal(null);
    expect(other!.querySelector('.left-to-pay')).to.equal(null);

    // Wholly in flight: readable, openable, but its box is disabled and says why.
    const box = checkbox(el, 'Select INV-1023');
    expect(box.disabled).to.equal(true);
    const description = el.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(description.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Payment of $2,703.13 processing since ${since}. Nothing more can be paid on this invoice until that payment clears.`,
    );
    expect(wholly!.contains(description)).to.equal(true);
    const opened = oneEvent(el, 'ar-invoice-select');
    wholly!.querySelector<HTMLElement>('.col-number')!.click();
    expect((await opened).detail.invoice.number).to.equal('INV-1023');

    // The account's totals say how much is on its way.
    await waitUntil(() => $(el, '[part="totals-in-flight"]'), 'shows what is processing');
    expect($(el, '[part="totals"] div')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Balance due $18,450.00 $3,703.13 processing',
    );

    // Select-all skips the invoice with nothing left; the bar and the pay request carry what is left.
    const selection = oneEvent(el, 'ar-selection-change');
    tick(checkbox(el, 'Select all loaded invoices'));
    expect((await selection).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal([
      'INV-1042',
      'INV-1050',
    ]);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected · $2,050.50');
    const requested = oneEvent(el, 'ar-pay-request');
    buttonNamed(el, 'Pay')!.click();
    const { invoices: asked } = (await requested).detail as { invoices: InvoiceSummary[] };
    expect(asked.map((i) => [i.number, i.payable])).to.deep.equal([
      ['INV-1042', 80_050],
      ['INV-1050', 125_000],
    ]);
    await expect(el).to.be.accessible();
  });

  it('says a payment awaiting the payer’s confirmation is in progress, in the element’s locale', async () => {
    worker.use(
      mock.listInvoices({
        items: [
          invoice({
            number: 'F-2026-07',
            currency: 'EUR',
            balance: 100_000,
            inFlight: inFlight(40_000, { status: 'pending' }),
          }),
        ],
        nextCursor: null,
      }),
    );
    const el = await renderList('open', { locale: 'fr-FR' });
    await loaded(el);
    const text = rows(el)[0]!.querySelector('[part="in-flight"]')!.textContent!.replace(/\s/g, ' ').trim();
    expect(text).to.equal(
      `Paiement de 400,00 € en attente de confirmation depuis le ${formatDateTime('2026-11-20T15:04:00.000Z', 'fr-FR').replace(/\s/g, ' ')}`,
    );
    expect(text).to.contain('20 nov. 2026');
    expect(rows(el)[0]!.querySelector('.left-to-pay')!.textContent!.replace(/\s/g, ' ').trim()).to.equal(
      '600,00 € restant à payer',
    );
  });

  it('clears the selection when the portal refreshes the list after a payment', async () => {
    let paidFor = false;
    worker.use(
      mock.listInvoices(() =>
        paidFor
          ? { items: [{ ...pastDue, inFlight: inFlight(180_050), payable: 0 }, disputed], nextCursor: null }
          : { items: [pastDue, disputed], nextCursor: null },
      ),
    );
    const el = await renderList();
    await loaded(el);
    tick(checkbox(el, 'Select INV-1042'));
    tick(checkbox(el, 'Select INV-1050'));
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected');

    // What <ar-portal> does on ar-payment-succeeded and ar-payment-processing.
    paidFor = true;
    const cleared = oneEvent(el, 'ar-selection-change');
    el.refresh();
    expect((await cleared).detail.invoices).to.deep.equal([]);
    await waitUntil(() => checkbox(el, 'Select INV-1042')?.disabled, 'shows the invoice being paid');
    expect($(el, '[part="selection-bar"]')).to.equal(null);
    expect(shadowText(el)).not.to.contain('selected');
    expect(checkbox(el, 'Select INV-1050').checked).to.equal(false);
    expect(checkbox(el, 'Select all loaded invoices').checked).to.equal(false);
    expect(sent('GET', '/invoices')).to.have.length(2);
    expect(sent('GET', '/accounts').length).to.be.at.least(2);

    // The next Pay is only for what is ticked from now on.
    tick(checkbox(el, 'Select INV-1050'));
    await el.updateComplete;
    const requested = oneEvent(el, 'ar-pay-request');
    buttonNamed(el, 'Pay')!.click();
    expect((await requested).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal(['INV-1050']);
  });

  it('unticks an invoice a payment has since covered, and keeps another with what is left of it', async () => {
    let later = false;
    worker.use(
      mock.listInvoices(() =>
        later
          ? {
              items: [whollyInFlight, partlyInFlight, disputed],
              nextCursor: null,
            }
          : { items: [{ ...whollyInFlight, inFlight: null, payable: 270_313 }, pastDue, disputed], nextCursor: null },
      ),
    );
    const el = await renderList();
    await loaded(el);
    tick(checkbox(el, 'Select INV-1023'));
    tick(checkbox(el, 'Select INV-1042'));
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected · $4,503.63');

    // Another tab of the same person paid meanwhile; a new sort loads the rows again.
    later = true;
    const changed = oneEvent(el, 'ar-selection-change');
    header(el, 'Balance').querySelector('button')!.click();
    const { invoices: now } = (await changed).detail as { invoices: InvoiceSummary[] };
    expect(now.map((i) => [i.number, i.payable])).to.deep.equal([['INV-1042', 80_050]]);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('1 selected · $800.50');
    await waitUntil(() => checkbox(el, 'Select INV-1023')?.disabled, 'shows INV-1023 as being paid');
    expect(checkbox(el, 'Select INV-1042').checked).to.equal(true);
  });

  describe('in an Easy Pay session', () => {
    /** The link is for INV-1042 only: the server's totals are that invoice's, not the account's. */
    const linked = { ...northwind, balance: 180_050, pastDue: 180_050, disputed: 0, credit: 0 };
    const totalsText = (el: ArInvoiceList) => $(el, '[part="totals"]')!.textContent!.replace(/\s+/g, ' ');
    const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

    beforeEach(() => {
      signIn(sessionCreated({ target: 'pay/INV-1042', scope: { invoiceIds: [pastDue.id] } }));
    });

    it('labels the balance as the linked invoice’s, and once it is paid says nothing is due on it', async () => {
      let paidFor = false;
      worker.use(
        mock.listAccounts(() => accountList(paidFor ? { ...linked, balance: 0, pastDue: 0 } : linked)),
        mock.listInvoices(() => ({ items: paidFor ? [] : [pastDue], nextCursor: null })),
        mock.requestLink({ ok: true, resendAfter: 60 }),
      );
      const el = await renderList();
      await loaded(el);
      await waitUntil(() => totalsText(el).includes('INV-1042 balance due'), 'names the invoice in the totals');
      expect(totalsText(el)).to.contain('INV-1042 balance due $1,800.50');
      expect(totalsText(el)).not.to.contain('Balance due');
      await expect(el).to.be.accessible();

      // What <ar-portal> does after the payment.
      paidFor = true;
      el.refresh();
      await waitUntil(() => $(el, '[part~="empty-scoped"]'), 'shows the empty tab');
      await waitUntil(() => totalsText(el).includes('INV-1042 balance due $0.00'), 'the totals load again');
      const empty = text($(el, '[part~="empty-scoped"]'));
      expect(empty).to.contain('Nothing is due on INV-1042.');
      expect(empty).to.contain('This link is for INV-1042 only; your account may have other invoices.');
      expect(shadowText(el)).not.to.contain('Nothing is due right now');
      await expect(el).to.be.accessible();

      // Alone on a page, it offers the whole account, with the session's email filled in.
      buttonNamed(el, 'Sign in to see your whole account')!.click();
      await waitUntil(() => $(el, 'ar-login'), 'opens sign-in');
      const login = $(el, 'ar-login')!;
      await (login as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(login.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value).to.equal('ap@northwind.test');
      buttonNamed(login, 'Email me a sign-in link')!.click();
      await waitUntil(() => sent('POST', '/auth/links').length === 1, 'asks for a link');
      expect(sent('POST', '/auth/links')[0]?.body).to.include({ email: 'ap@northwind.test', target: 'invoices' });
    });

    it('speaks of “this link” while it does not know the invoice’s number', async () => {
      worker.use(
        mock.listAccounts(accountList({ ...linked, balance: 0, pastDue: 0 })),
        mock.listInvoices({ items: [], nextCursor: null }),
      );
      const el = await renderList('past_due');
      await loaded(el);
      await waitUntil(() => $(el, '[part="totals"]')?.getAttribute('aria-busy') === 'false', 'shows the totals');
      expect(totalsText(el)).to.contain('Balance due on this link $0.00');
      expect(text($(el, '[part~="empty-scoped"]'))).to.contain('Nothing is past due on this link.');
      expect(shadowText(el)).not.to.contain('you’re all caught up');
      el.status = 'open';
      await waitUntil(() => shadowText(el).includes('Nothing is due on this link.'), 'the open tab says so too');
      expect(shadowText(el)).to.contain('This link is for one invoice only; your account may have other invoices.');
    });
  });

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
