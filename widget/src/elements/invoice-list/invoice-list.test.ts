import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { API, invoice, invoices, sessionCreated } from '../../../test/fixtures.js';
import { buttonNamed, shadowText } from '../../../test/dom.js';
import { fail, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { sessionStoreFor } from '../../internal/session-store.js';
import type { InvoiceStatusFilter } from '../../internal/types.js';
import './define.js';
import type { ArInvoiceList } from './invoice-list.js';

function renderList(status: InvoiceStatusFilter = 'open', extra: { locale?: string; highlight?: string } = {}) {
  return fixture<ArInvoiceList>(
    html`<ar-invoice-list
      api=${API}
      account="acc_northwind"
      status=${status}
      locale=${extra.locale ?? 'en-US'}
      highlight=${extra.highlight ?? ''}
    ></ar-invoice-list>`,
  );
}

function rows(el: ArInvoiceList): HTMLTableRowElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

function loaded(el: ArInvoiceList): Promise<unknown> {
  return waitUntil(() => el.shadowRoot!.querySelector('table[part="table"], [part~="empty"], [role="alert"]'));
}

const pastDue = invoice({
  number: 'INV-1042',
  dueDate: '2026-10-15',
  total: 250_000,
  balance: 180_050,
  status: 'past_due',
  daysPastDue: 38,
});

describe('<ar-invoice-list>', () => {
  useMockApi();
  beforeEach(() => signIn(sessionCreated()));

  it('shows a loading skeleton while the invoices load', async () => {
    worker.use(mock.listInvoices(never));
    const el = await renderList();
    expect(el.shadowRoot!.querySelector('[part="loading"]')).to.have.text('Loading invoices…');
    expect(el.shadowRoot!.querySelector('table.skeleton')).to.have.attribute('aria-hidden', 'true');
    await expect(el).to.be.accessible();
    await waitUntil(() => sent('GET', '/invoices').length === 1, 'asks for the invoices');
  });

  it('lists invoices in the order the server sends, with words on every status badge', async () => {
    worker.use(
      mock.listInvoices({
        items: [
          pastDue,
          invoice({ number: 'INV-1050', dueDate: '2026-12-01' }),
          invoice({ number: 'INV-0990', balance: 0, status: 'paid' }),
        ],
        nextCursor: null,
      }),
    );
    const el = await renderList('all');
    await loaded(el);

    expect(rows(el).map((row) => row.querySelector('.invoice-number')!.textContent)).to.deep.equal([
      'INV-1042',
      'INV-1050',
      'INV-0990',
    ]);
    const first = rows(el)[0]!;
    expect(first.textContent).to.contain('Oct 15, 2026');
    expect(first.textContent).to.contain('$2,500.00');
    expect(first.textContent).to.contain('$1,800.50');
    expect(first.querySelector('[part~="badge"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('Past due · 38 days');
    expect(rows(el)[2]!.querySelector('[part~="badge"]')!.textContent).to.contain('Paid');

    const [request] = sent('GET', '/invoices');
    expect(request?.authorization).to.equal('Bearer session-token-northwind');
    expect(Object.fromEntries(request!.query)).to.deep.equal({
      status: 'all',
      sort: 'priority',
      limit: '25',
      account: 'acc_northwind',
    });
    await expect(el).to.be.accessible();
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

  it('says the customer is all caught up when nothing is past due', async () => {
    worker.use(mock.listInvoices({ items: [], nextCursor: null }));
    const el = await renderList('past_due');
    await loaded(el);
    expect(shadowText(el)).to.contain('No past-due invoices — you’re all caught up.');
    await expect(el).to.be.accessible();
  });

  it('has an empty state for each status', async () => {
    worker.use(mock.listInvoices({ items: [], nextCursor: null }));
    const el = await renderList('paid');
    await loaded(el);
    expect(shadowText(el)).to.contain('No paid invoices yet.');
  });

  it('says what failed and retries on request', async () => {
    let calls = 0;
    worker.use(
      mock.listInvoices(() => (++calls === 1 ? fail(503, 'internal_error') : { items: invoices(2), nextCursor: null })),
    );
    const el = await renderList();
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('We could not load your invoices.');
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => rows(el).length === 2, 'shows the invoices after the retry');
  });

  it('loads more with the cursor and moves focus to the first new invoice', async () => {
    worker.use(
      mock.listInvoices(({ query }) =>
        query.get('cursor') === 'page-2'
          ? { items: invoices(3, 1026), nextCursor: null }
          : { items: invoices(25, 1001), nextCursor: 'page-2' },
      ),
    );
    const el = await renderList();
    await loaded(el);
    expect(rows(el)).to.have.length(25);

    buttonNamed(el, 'Load more invoices')!.click();
    await waitUntil(() => rows(el).length === 28, 'appends the next page');
    expect(sent('GET', '/invoices')[1]!.query.get('cursor')).to.equal('page-2');
    expect(buttonNamed(el, 'Load more')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('INV-1026');
    expect(shadowText(el)).to.contain('3 more invoices loaded.');
  });

  it('fires ar-invoice-select from a focused row with Enter or Space, and on click', async () => {
    worker.use(mock.listInvoices({ items: [pastDue, invoice({ number: 'INV-1050' })], nextCursor: null }));
    const el = await renderList();
    await loaded(el);
    const [first, second] = rows(el);
    expect(first!.tabIndex).to.equal(0);

    first!.focus();
    let selected = oneEvent(el, 'ar-invoice-select');
    first!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect((await selected).detail.invoice.number).to.equal('INV-1042');

    selected = oneEvent(el, 'ar-invoice-select');
    second!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    expect((await selected).detail.invoice.number).to.equal('INV-1050');

    selected = oneEvent(el, 'ar-invoice-select');
    second!.click();
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
    await waitUntil(() => el.shadowRoot!.querySelector('tr[aria-current="true"]'), 'highlights the invoice');
    const row = el.shadowRoot!.querySelector('tr[aria-current="true"]')!;
    expect(row.getAttribute('part')).to.equal('row row-highlighted');
    expect(el.shadowRoot!.activeElement).to.equal(row);
  });

  it('asks to sign in when used alone without a session, and loads once there is one', async () => {
    sessionStorage.clear();
    worker.use(mock.listInvoices({ items: invoices(1), nextCursor: null }));
    const el = await renderList();
    await loaded(el);
    expect(shadowText(el)).to.contain('Sign in to see your invoices.');
    expect(sent('GET', '/invoices')).to.have.length(0);
    await expect(el).to.be.accessible();

    sessionStoreFor(API).start(sessionCreated());
    await waitUntil(() => rows(el).length === 1, 'loads after sign-in');
  });
});
