import { expect, oneEvent, waitUntil } from '../../../../test/testing.js';
import { paymentView, promiseView, staffSession } from '../../../../test/fixtures.js';
import { disputeList, disputeSummary } from '../../../../test/dispute-fixtures.js';
import { buttonNamed } from '../../../../test/dom.js';
import { fail, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import {
  $,
  customerDetail,
  mockCustomer,
  openInvoices,
  renderCustomer,
  sees,
  text,
  timeline,
  viewerSession,
} from './customer.test-support.js';

const tabNamed = (el: Element, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((tab) => text(tab) === name)!;

describe('<ar-admin-customer> page', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('shows the loading state, then the header figures and the open invoices', async () => {
    let answer: () => void = () => {};
    const gate = new Promise<void>((resolve) => (answer = resolve));
    worker.use(
      mockCustomer.detail(async () => {
        await gate;
        return customerDetail({ credit: 2_500, dunningPausedUntil: '2026-12-20' });
      }),
      mockCustomer.invoices(openInvoices),
    );
    const el = await renderCustomer();
    await sees(el, 'Loading the customer…');
    await expect(el).to.be.accessible();
    answer();
    await sees(el, 'INV-1002');
    expect(text($(el, 'h2'))).to.equal('Northwind Traders');
    expect(text($(el, '.figures'))).to.equal(
      'Balance $18,450.00 Past due $6,125.50 Disputed $1,200.00 Unapplied credit $25.00',
    );
    expect(text($(el, '.facts'))).to.equal(
      'Collector Casey Collins Reminders Paused until Dec 20, 2026 Terms Net 30 Billing address 12 Harbour Road Seattle, WA 98101',
    );
    expect(text($(el, 'tbody tr'))).to.equal('INV-1001 Sep 1, 2026 Oct 1, 2026 $750.00 $750.00 ! Past due · 63 days');
    expect(sent('GET', '/admin/customers/cus_northwind/invoices')[0]!.query.get('status')).to.equal('open');
    expect(tabNamed(el, 'Invoices').getAttribute('aria-selected')).to.equal('true');
    expect(buttonNamed(el, 'Apply credit')).to.not.equal(null);
    expect(buttonNamed(el, 'Resume reminders')).to.not.equal(null);
    expect(buttonNamed(el, 'Pause reminders')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters the invoices by status and pages them', async () => {
    worker.use(
      mockCustomer.detail(customerDetail()),
      mockCustomer.invoices(({ query }) =>
        query.get('cursor') ? { items: [], nextCursor: null } : { ...openInvoices, nextCursor: 'i2' },
      ),
    );
    const el = await renderCustomer();
    await sees(el, 'INV-1001');
    const select = $<HTMLSelectElement>(el, '#f-status')!;
    select.value = 'paid';
    select.dispatchEvent(new Event('change'));
    await waitUntil(
      () => sent('GET', '/admin/customers/cus_northwind/invoices').at(-1)!.query.get('status') === 'paid',
    );
    await sees(el, 'INV-1001');
    buttonNamed(el, 'Next')!.click();
    await sees(el, 'No invoices here.');
    const last = sent('GET', '/admin/customers/cus_northwind/invoices').at(-1)!;
    expect([last.query.get('status'), last.query.get('cursor')]).to.deep.equal(['paid', 'i2']);
    await expect(el).to.be.accessible();
  });

  it('moves between tabs with the keyboard by asking the console to navigate', async () => {
    worker.use(mockCustomer.detail(customerDetail()), mockCustomer.invoices(openInvoices));
    const el = await renderCustomer();
    await sees(el, 'INV-1001');
    const navigated = oneEvent(el, 'ar-admin-navigate');
    tabNamed(el, 'Invoices').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }),
    );
    expect((await navigated).detail.route).to.equal('customers/cus_northwind/payments');
  });

  it('lists payments, promises, disputes (linked) and the timeline', async () => {
    worker.use(
      mockCustomer.detail(customerDetail()),
      mockCustomer.tab('payments')({ items: [paymentView()] }),
      mockCustomer.tab('promises')({ items: [promiseView()] }),
      mockCustomer.tab('disputes')(disputeList(disputeSummary())),
      mockCustomer.tab('timeline')(timeline),
    );
    const el = await renderCustomer('cus_northwind/payments');
    await sees(el, 'R-2026-000123');
    expect(text($(el, 'tbody tr'))).to.include('Card $420.00 Succeeded INV-1042');
    await expect(el).to.be.accessible();

    el.path = 'cus_northwind/promises';
    await sees(el, '$1,250.00');
    expect(text($(el, 'tbody tr'))).to.equal('Dec 14, 2026 $1,250.00 Open INV-1001, INV-1002');

    el.path = 'cus_northwind/disputes';
    await waitUntil(() => $(el, 'tbody a'));
    expect($(el, 'tbody a')!.getAttribute('href')).to.match(/^#admin\/disputes\/dsp_/);
    await expect(el).to.be.accessible();

    el.path = 'cus_northwind/timeline';
    await sees(el, 'Called AP: cheque in the mail.');
    expect(text($(el, '.timeline li'))).to.match(/Casey Collins Note Called AP/);
    expect(text($(el, '.timeline li:nth-child(2)'))).to.include('reminder.sent');
    await expect(el).to.be.accessible();
  });

  it('shows each tab empty', async () => {
    worker.use(
      mockCustomer.detail(customerDetail({ contacts: [] })),
      mockCustomer.tab('payments')({ items: [] }),
      mockCustomer.tab('promises')({ items: [] }),
      mockCustomer.tab('disputes')({ items: [] }),
      mockCustomer.tab('timeline')({ items: [], nextCursor: null }),
    );
    const el = await renderCustomer('cus_northwind/payments');
    await sees(el, 'No payments yet.');
    el.path = 'cus_northwind/promises';
    await sees(el, 'No promises to pay.');
    el.path = 'cus_northwind/disputes';
    await sees(el, 'No disputes.');
    el.path = 'cus_northwind/timeline';
    await sees(el, 'Nothing has happened on this account yet.');
    el.path = 'cus_northwind/contacts';
    await sees(el, 'No contacts yet');
    await expect(el).to.be.accessible();
  });

  it('shows a tab’s load error with a retry', async () => {
    let calls = 0;
    worker.use(
      mockCustomer.detail(customerDetail()),
      mockCustomer.tab('payments')(() => (++calls === 1 ? fail(503, 'internal_error') : { items: [paymentView()] })),
    );
    const el = await renderCustomer('cus_northwind/payments');
    await sees(el, 'We could not load this list.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Retry')!.click();
    await sees(el, 'R-2026-000123');
  });

  it('shows the header’s load error (an unknown customer)', async () => {
    worker.use(mockCustomer.detail(fail(404, 'not_found')), mockCustomer.invoices(never));
    const el = await renderCustomer('cus_nobody');
    await sees(el, 'We could not load this customer.');
    await expect(el).to.be.accessible();
  });

  it('shows the contacts with their actions', async () => {
    worker.use(mockCustomer.detail(customerDetail()));
    const el = await renderCustomer('cus_northwind/contacts');
    await sees(el, 'cfo@northwind.test');
    expect(text($(el, '.contact'))).to.match(/^Northwind AP ap@northwind.test Language: Company’s default Send link/);
    expect(text($(el, '.contact:nth-child(2)'))).to.include('Language: French');
    expect(buttonNamed(el, 'End sessions')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a viewer no actions', async () => {
    signIn(viewerSession);
    worker.use(mockCustomer.detail(customerDetail({ credit: 500 })), mockCustomer.invoices(openInvoices));
    const el = await renderCustomer();
    await sees(el, 'INV-1001');
    expect($(el, '[part~="actions"]')).to.equal(null);
    expect(buttonNamed(el, 'Record payment')).to.equal(null);
    el.path = 'cus_northwind/contacts';
    await sees(el, 'cfo@northwind.test');
    expect(buttonNamed(el, 'Remove')).to.equal(null);
    expect(buttonNamed(el, 'Add contact')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    worker.use(mockCustomer.detail(customerDetail()), mockCustomer.invoices(openInvoices));
    const el = await renderCustomer('cus_northwind', 'fr-FR');
    await sees(el, 'INV-1001');
    expect(text($(el, '.figures'))).to.include('Solde 18 450,00 $US');
    expect(text($(el, '.facts'))).to.include('Conditions 30 jours nets');
    expect(tabNamed(el, 'Paiements')).to.not.equal(undefined);
    expect(buttonNamed(el, 'Enregistrer un paiement')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('fits 375 px: the table scrolls inside its wrapper', async () => {
      worker.use(mockCustomer.detail(customerDetail({ credit: 500 })), mockCustomer.invoices(openInvoices));
      const el = await renderCustomer();
      await sees(el, 'INV-1001');
      expect(overflowsPage()).to.equal(false);
      buttonNamed(el, 'Record payment')!.click();
      await waitUntil(() => $(el, '.panel'));
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
