import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { API, accountList, bookkeeper, globex, initech, sessionCreated, statement } from '../../../test/fixtures.js';
import { catchDownloads } from '../../../test/downloads.js';
import { buttonNamed, shadowText } from '../../../test/dom.js';
import { fail, file, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { offScreen, overflowsPage, truncated, usePhoneViewport } from '../../../test/viewport.js';
import { addDays, today } from '../../internal/calendar.js';
import './define.js';
import type { ArStatement } from './statement.js';

function renderStatement(attributes: { from?: string; to?: string; account?: string } = {}): Promise<ArStatement> {
  return fixture<ArStatement>(
    html`<ar-statement
      api=${API}
      account=${attributes.account ?? 'acc_northwind'}
      from=${attributes.from ?? ''}
      to=${attributes.to ?? ''}
      locale="en-US"
    ></ar-statement>`,
  );
}

const $ = <T extends HTMLElement = HTMLElement>(el: ArStatement, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shown = (el: ArStatement) => waitUntil(() => $(el, '[part="table"], [part~="error"]'), 'the statement loads');

function changeDate(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The statement for the period asked, so the inputs follow what the server says. */
function statementFor(query: URLSearchParams) {
  return statement({
    ...(query.get('from') ? { from: query.get('from')! } : {}),
    ...(query.get('to') ? { to: query.get('to')! } : {}),
  });
}

describe('<ar-statement>', () => {
  useMockApi();
  beforeEach(() => signIn(sessionCreated()));

  it('shows a loading skeleton', async () => {
    worker.use(mock.getStatement(never));
    const el = await renderStatement();
    expect($(el, '[part="loading"]')).to.have.text('Loading your statement…');
    expect($(el, '.skeleton')).to.have.attribute('aria-hidden', 'true');
    await expect(el).to.be.accessible();
  });

  it('shows the server’s default period with running balance, totals, unapplied credit and aging', async () => {
    worker.use(mock.getStatement(statement()));
    const el = await renderStatement();
    await shown(el);

    const [request] = sent('GET', '/statement');
    expect(request?.authorization).to.equal('Bearer session-token-northwind');
    expect(Object.fromEntries(request!.query)).to.deep.equal({ account: 'acc_northwind' });
    expect($<HTMLInputElement>(el, '#from')!.value).to.equal('2026-08-01');
    expect($<HTMLInputElement>(el, '#to')!.value).to.equal('2026-10-30');
    expect($(el, 'label[for="from"]')).to.have.text('From');
    expect($(el, 'label[for="to"]')).to.have.text('To');

    const rows = [...el.shadowRoot!.querySelectorAll('[part="table"] tbody tr, [part="table"] tfoot tr')].map(text);
    expect(rows).to.deep.equal([
      'Opening balance · Aug 1, 2026 $1,000.00',
      'Aug 10, 2026 Invoice INV-1042 Invoice $1,635.00 $2,635.00',
      'Sep 1, 2026 Payment ACH-55120 Payment, ACH -$420.00 $2,215.00',
      'Sep 5, 2026 Credit CN-0031 Damaged in transit -$215.00 $2,000.00',
      'Closing balance · Oct 30, 2026 $2,000.00',
    ]);
    expect(text($(el, '[part="summary"]'))).to.equal(
      'Opening balance $1,000.00 Invoiced $1,635.00 Paid $420.00 Credited $215.00 Closing balance $2,000.00 Unapplied credit $50.00',
    );
    const aging = [...el.shadowRoot!.querySelectorAll('[part="aging"] .bucket')].map(text);
    expect(aging).to.deep.equal([
      'Current $500.00',
      '1–30 days $400.00',
      '31–60 days $300.00',
      '61–90 days $200.00',
      '90+ days $600.00',
    ]);
    expect(text($(el, '#aging-heading'))).to.equal('Aging as of Oct 30, 2026');
    await expect(el).to.be.accessible();
  });

  it('fetches again when the period changes, from the dates or a preset', async () => {
    worker.use(mock.getStatement(({ query }) => statementFor(query)));
    const el = await renderStatement();
    await shown(el);

    changeDate($<HTMLInputElement>(el, '#from')!, '2026-07-01');
    await waitUntil(() => sent('GET', '/statement').length === 2, 'asks for the new period');
    expect(Object.fromEntries(sent('GET', '/statement')[1]!.query)).to.deep.equal({
      account: 'acc_northwind',
      from: '2026-07-01',
      to: '2026-10-30',
    });

    const now = today('America/New_York');
    await shown(el);
    buttonNamed(el, 'Last 30 days')!.click();
    await waitUntil(() => sent('GET', '/statement').length === 3, 'asks for the last 30 days');
    expect(sent('GET', '/statement')[2]!.query.get('from')).to.equal(addDays(now, -30));
    expect(sent('GET', '/statement')[2]!.query.get('to')).to.equal(now);
    await waitUntil(() => buttonNamed(el, 'Last 30 days')!.getAttribute('aria-pressed') === 'true');

    buttonNamed(el, 'This year')!.click();
    await waitUntil(() => sent('GET', '/statement').length === 4, 'asks for this year');
    expect(sent('GET', '/statement')[3]!.query.get('from')).to.equal(`${now.slice(0, 4)}-01-01`);
  });

  it('refuses a period that ends before it starts, without asking the server', async () => {
    worker.use(mock.getStatement(statement()));
    const el = await renderStatement();
    await shown(el);
    changeDate($<HTMLInputElement>(el, '#from')!, '2026-12-01');
    await el.updateComplete;
    expect(text($(el, '#period-error'))).to.equal('Enter two dates, the first on or before the second.');
    expect($(el, '#from')).to.have.attribute('aria-invalid', 'true');
    expect(sent('GET', '/statement')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('says what the server refused and retries on request', async () => {
    let calls = 0;
    worker.use(mock.getStatement(() => (++calls === 1 ? fail(400, 'invalid_request') : statement())));
    const el = await renderStatement({ from: '2026-01-01', to: '2026-03-31' });
    await shown(el);
    expect(text($(el, '[role="alert"]'))).to.contain('We could not load your statement.');
    expect(text($(el, '[role="alert"]'))).to.contain('Mock invalid_request.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => $(el, '[part="table"]'), 'shows the statement after the retry');
  });

  it('says when nothing happened in the period', async () => {
    worker.use(
      mock.getStatement(
        statement({ lines: [], totals: { invoiced: 0, paid: 0, credited: 0 }, closingBalance: 100_000 }),
      ),
    );
    const el = await renderStatement();
    await shown(el);
    expect(shadowText(el)).to.contain('No invoices, payments or credits in this period.');
    await expect(el).to.be.accessible();
  });

  it('downloads the CSV and the PDF for the period shown, with the session’s token', async () => {
    worker.use(
      mock.getStatement(({ query }) =>
        query.get('format') === 'csv'
          ? file('text/csv', 'statement-2026-08-01-2026-10-30.csv', 'date,type\n')
          : query.get('format') === 'pdf'
            ? file('application/pdf', 'statement-2026-08-01-2026-10-30.pdf', '%PDF-1.7')
            : statement(),
      ),
    );
    const { downloads, restore } = catchDownloads();
    try {
      const el = await renderStatement();
      await shown(el);
      buttonNamed(el, 'Download CSV')!.click();
      await waitUntil(() => downloads.length === 1, 'saves the CSV');
      await waitUntil(() => !buttonNamed(el, 'Download PDF')!.disabled);
      buttonNamed(el, 'Download PDF')!.click();
      await waitUntil(() => downloads.length === 2, 'saves the PDF');

      const files = sent('GET', '/statement').filter((r) => r.query.has('format'));
      expect(files.map((r) => Object.fromEntries(r.query))).to.deep.equal([
        // In the element's locale, as its words, money and dates are.
        { account: 'acc_northwind', from: '2026-08-01', to: '2026-10-30', format: 'csv', locale: 'en-US' },
        { account: 'acc_northwind', from: '2026-08-01', to: '2026-10-30', format: 'pdf', locale: 'en-US' },
      ]);
      expect(files.every((r) => r.authorization === 'Bearer session-token-northwind')).to.equal(true);
      expect(downloads.map((d) => d.filename)).to.deep.equal([
        'statement-2026-08-01-2026-10-30.csv',
        'statement-2026-08-01-2026-10-30.pdf',
      ]);
      expect(downloads.every((d) => d.href.startsWith('blob:'))).to.equal(true);
    } finally {
      restore();
    }
  });

  it('says when a download fails', async () => {
    worker.use(mock.getStatement(({ query }) => (query.get('format') ? fail(503, 'internal_error') : statement())));
    const el = await renderStatement();
    await shown(el);
    buttonNamed(el, 'Download PDF')!.click();
    await waitUntil(() => shadowText(el).includes('We could not download the PDF.'), 'says the download failed');
    await expect(el).to.be.accessible();
  });

  it('lets a bookkeeper switch accounts', async () => {
    signIn(bookkeeper);
    worker.use(
      mock.listAccounts(accountList(globex, initech)),
      mock.getStatement(({ query }) =>
        statement({ account: { id: query.get('account')!, name: 'x', currency: 'USD', billingAddress: null } }),
      ),
    );
    const el = await renderStatement({ account: globex.id });
    await shown(el);
    await waitUntil(() => $(el, 'select#account'), 'shows the switcher');
    const select = $<HTMLSelectElement>(el, 'select#account')!;
    select.value = initech.id;
    const changed = oneEvent(el, 'ar-account-change');
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail.account.id).to.equal(initech.id);
    await waitUntil(() => sent('GET', '/statement').some((r) => r.query.get('account') === initech.id));
    await shown(el);
    await expect(el).to.be.accessible();
  });

  describe('on a 375 px phone', () => {
    usePhoneViewport();

    it('stacks each line so every amount and balance is on screen, without scrolling sideways', async () => {
      worker.use(
        mock.getStatement(
          statement({
            openingBalance: 123_456_789,
            lines: [
              {
                date: '2026-08-10',
                type: 'invoice',
                reference: 'INV-2026-000123',
                description: 'Invoice for the quarterly supply contract, pallets and delivery',
                amount: 98_765_432,
                balance: 222_222_221,
              },
              {
                date: '2026-09-01',
                type: 'payment',
                reference: 'R-2026-000123',
                description: 'Payment, card',
                amount: -12_345_678,
                balance: 209_876_543,
              },
            ],
            closingBalance: 209_876_543,
          }),
        ),
      );
      const el = await renderStatement();
      await shown(el);
      const table = $(el, '[part="table"]')!;
      const amounts = table.querySelectorAll('.amount, .running');
      expect(amounts).to.have.length(4 + 2);
      expect(offScreen(amounts)).to.deep.equal([]);
      expect(truncated(amounts)).to.deep.equal([]);
      expect(offScreen(table.querySelectorAll('.reference, .date, tbody th, tfoot th'))).to.deep.equal([]);
      expect(offScreen(el.shadowRoot!.querySelectorAll('[part="summary"] dd, [part="aging"] dd'))).to.deep.equal([]);
      const scroller = $(el, '.table-scroll')!;
      expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
      expect(overflowsPage()).to.equal(false);

      // Stacked, one line under another: the amount to the right of the date, the balance under it.
      const line = table.querySelector('tbody tr.payment')!;
      const [date, amount, running] = ['.date', '.amount', '.running'].map((c) => line.querySelector(c)!);
      expect(amount!.getBoundingClientRect().top).to.be.closeTo(date!.getBoundingClientRect().top, 4);
      expect(running!.getBoundingClientRect().top).to.be.above(amount!.getBoundingClientRect().bottom - 1);
      expect(getComputedStyle(running!, '::before').content).to.contain('Balance');
      // Still a table for screen readers, headings included.
      expect(table.querySelectorAll('[role="columnheader"]')).to.have.length(6);
      expect([...line.children].map((cell) => cell.getAttribute('role'))).to.deep.equal(Array(6).fill('cell'));
      await expect(el).to.be.accessible();
    });
  });

  it('asks to sign in when there is no session', async () => {
    sessionStorage.clear();
    const el = await renderStatement();
    expect(shadowText(el)).to.contain('Sign in to see your statement.');
    expect(sent('GET', '/statement')).to.have.length(0);
  });
});
