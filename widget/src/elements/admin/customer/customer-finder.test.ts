import { expect, oneEvent, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { buttonNamed, type } from '../../../../test/dom.js';
import { fail, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import { $, customerRow, mockCustomer, page, renderCustomer, sees, text } from './customer.test-support.js';

describe('<ar-admin-customer> finder', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('shows the loading state, then the customers, each a link to its page', async () => {
    let answer: () => void = () => {};
    const gate = new Promise<void>((resolve) => (answer = resolve));
    worker.use(
      mockCustomer.list(async () => {
        await gate;
        return page([customerRow(), customerRow({ id: 'cus_globex', name: 'Globex', collector: null })]);
      }),
    );
    const el = await renderCustomer('');
    await sees(el, 'Loading customers…');
    await expect(el).to.be.accessible();
    answer();
    await sees(el, 'Globex');
    const link = $<HTMLAnchorElement>(el, 'tbody a')!;
    expect(link.getAttribute('href')).to.equal('#admin/customers/cus_northwind');
    expect(text($(el, 'tbody tr'))).to.equal('Northwind Traders ERP-0042 $18,450.00 $6,125.50 Casey Collins');
    expect(text($(el, 'tbody tr:nth-child(2)'))).to.include('Unassigned');
    const navigated = oneEvent(el, 'ar-admin-navigate');
    link.click();
    expect((await navigated).detail.route).to.equal('customers/cus_northwind');
    await expect(el).to.be.accessible();
  });

  it('searches, and pages with the cursor forward and back', async () => {
    worker.use(
      mockCustomer.list(({ query }) =>
        query.get('cursor') === 'c2'
          ? page([customerRow({ id: 'cus_z', name: 'Zeta Corp' })])
          : page([customerRow({ name: query.get('q') ? 'North Match' : 'Northwind Traders' })], 'c2'),
      ),
    );
    const el = await renderCustomer('');
    await sees(el, 'Northwind Traders');
    expect(sent('GET', '/admin/customers')[0]!.query.get('cursor')).to.equal(null);

    type($<HTMLInputElement>(el, '#f-q'), 'north');
    buttonNamed(el, 'Search')!.click();
    await sees(el, 'North Match');
    expect(sent('GET', '/admin/customers').at(-1)!.query.get('q')).to.equal('north');

    expect(buttonNamed(el, 'Previous')!.disabled).to.equal(true);
    buttonNamed(el, 'Next')!.click();
    await sees(el, 'Zeta Corp');
    const last = sent('GET', '/admin/customers').at(-1)!;
    expect([last.query.get('q'), last.query.get('cursor')]).to.deep.equal(['north', 'c2']);
    expect(buttonNamed(el, 'Next')!.disabled).to.equal(true);
    buttonNamed(el, 'Previous')!.click();
    await sees(el, 'North Match');
    expect(sent('GET', '/admin/customers').at(-1)!.query.get('cursor')).to.equal(null);
  });

  it('says when no customer matches', async () => {
    worker.use(mockCustomer.list(page([])));
    const el = await renderCustomer('');
    await sees(el, 'No customer matches this search.');
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry', async () => {
    let calls = 0;
    worker.use(mockCustomer.list(() => (++calls === 1 ? fail(500, 'internal_error') : page([customerRow()]))));
    const el = await renderCustomer('');
    await sees(el, 'We could not load the customers.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Retry')!.click();
    await sees(el, 'Northwind Traders');
  });

  it('speaks French', async () => {
    worker.use(mockCustomer.list(never));
    const el = await renderCustomer('', 'fr-FR');
    await sees(el, 'Chargement des clients…');
    expect(text($(el, 'label'))).to.equal('Rechercher un client');
  });

  it('shows money in the locale', async () => {
    worker.use(mockCustomer.list(page([customerRow()])));
    const el = await renderCustomer('', 'fr-FR');
    await waitUntil(() => $(el, 'tbody tr'));
    expect(text($(el, 'tbody tr'))).to.include('18 450,00 $US');
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('fits 375 px: the table scrolls inside its wrapper', async () => {
      worker.use(mockCustomer.list(page([customerRow({ name: 'Northwind Traders International Holdings' })])));
      const el = await renderCustomer('');
      await sees(el, 'Northwind Traders International');
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
