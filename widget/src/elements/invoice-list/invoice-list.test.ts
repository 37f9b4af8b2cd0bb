import '../../../test/resize-observer.js';
import { expect, oneEvent } from '../../../test/testing.js';
import {
  API,
  accountList,
  bookkeeper,
  globex,
  initech,
  invoice,
  invoices,
  sessionCreated,
} from '../../../test/fixtures.js';
import { buttonNamed, shadowText, type } from '../../../test/dom.js';
import { fail, mock, never, sent, signIn, worker } from '../../../test/mock-api.js';
import { sessionStoreFor } from '../../internal/session-store.js';
import './define.js';
import {
  $,
  waitUntil,
  renderList,
  rows,
  numbers,
  loaded,
  tab,
  header,
  checkbox,
  key,
  tick,
  pastDue,
  disputed,
  paid,
  useSignedInCustomer,
} from './invoice-list.test-support.js';

describe('<ar-invoice-list>', () => {
  useSignedInCustomer();

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
});
