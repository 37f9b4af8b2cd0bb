import { html } from 'lit';
import { expect, fixture, waitUntil } from '../../../../test/testing.js';
import { fail, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { API, staffSession } from '../../../../test/fixtures.js';
import { buttonNamed } from '../../../../test/dom.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import { $, $$, api, choose, promiseRow, text } from './queues.test-support.js';
import './define.js';
import type { ArAdminPromises } from './promises.js';

const page = (nextCursor: string | null = null) =>
  api.promises({
    items: [
      promiseRow({ paid: 25_000 }),
      promiseRow({
        id: 'ptp_2',
        status: 'broken',
        source: 'staff',
        takenBy: 'Casey Lee',
        customer: { id: 'cus_globex', name: 'Globex' },
        invoices: [{ id: 'inv_3', number: 'INV-3001', dueDate: '2026-11-01', balance: 9_900 }],
        amount: 9_900,
        promisedDate: '2026-12-01',
      }),
    ],
    nextCursor,
  });

const render = (locale = 'en-US') =>
  fixture<ArAdminPromises>(html`<ar-admin-promises api=${API} locale=${locale}></ar-admin-promises>`);
const rows = (el: Element) => $$(el, 'tbody tr');

describe('<ar-admin-promises>', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('lists the promises due this week with customer, invoices, amount, date, status and source', async () => {
    worker.use(page());
    const el = await render();
    await waitUntil(() => rows(el).length === 2, 'shows the promises');
    expect(sent('GET', '/admin/promises')[0]!.query.get('due')).to.equal('this_week');
    expect(text(rows(el)[0])).to.equal(
      'Northwind Traders INV-1001, INV-1002 $1,250.00$250.00 paid Dec 14, 2026 ◔ Open Portal',
    );
    expect(text(rows(el)[1])).to.equal('Globex INV-3001 $99.00 Dec 1, 2026 ✕ Broken Phone, by Casey Lee');
    expect($(el, 'tbody a')!.getAttribute('href')).to.equal('#admin/customers/cus_northwind');
    await expect(el).to.be.accessible();
  });

  it('sends each filter as its query', async () => {
    worker.use(page());
    const el = await render();
    await waitUntil(() => rows(el).length === 2);
    const queries: string[] = [];
    for (const filter of ['overdue', 'open', 'all']) {
      choose($(el, 'select#filter'), filter);
      await waitUntil(() => sent('GET', '/admin/promises').length === queries.length + 2);
      queries.push(sent('GET', '/admin/promises').at(-1)!.query.toString());
    }
    expect(queries).to.deep.equal(['due=overdue', 'status=open', '']);
  });

  it('pages by cursor, and back', async () => {
    worker.use(
      api.promises(({ query }) =>
        query.get('cursor') === 'c2'
          ? { items: [promiseRow({ id: 'ptp_9' })], nextCursor: null }
          : { items: [promiseRow()], nextCursor: 'c2' },
      ),
    );
    const el = await render();
    await waitUntil(() => rows(el).length === 1);
    expect(buttonNamed(el, 'Previous')!.disabled).to.equal(true);
    buttonNamed(el, 'Next')!.click();
    await waitUntil(() => sent('GET', '/admin/promises').length === 2 && rows(el).length === 1);
    expect(sent('GET', '/admin/promises')[1]!.query.get('cursor')).to.equal('c2');
    await waitUntil(() => buttonNamed(el, 'Next')?.disabled === true);
    buttonNamed(el, 'Previous')!.click();
    await waitUntil(() => sent('GET', '/admin/promises').length === 3);
    expect(sent('GET', '/admin/promises')[2]!.query.has('cursor')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says when there are none, and while loading', async () => {
    worker.use(api.promises({ items: [], nextCursor: null }));
    const el = await render();
    await waitUntil(() => $(el, '[part="empty"]'));
    expect(text($(el, '[part="empty"]'))).to.equal('No promises here.');
    expect($(el, '[part="pager"]')).to.equal(null);
    await expect(el).to.be.accessible();
    worker.use(api.promises(never));
    const loading = await render();
    expect(text($(loading, '[part="loading"]'))).to.equal('Loading promises…');
    await expect(loading).to.be.accessible();
  });

  it('offers to retry a failed load', async () => {
    let calls = 0;
    worker.use(api.promises(() => (++calls === 1 ? fail(500, 'internal_error') : { items: [], nextCursor: null })));
    const el = await render();
    await waitUntil(() => $(el, '[part~="error"]'));
    expect(text($(el, '[part~="error"]'))).to.contain('We could not load the promises.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => $(el, '[part="empty"]'));
  });

  it('speaks French', async () => {
    worker.use(page());
    const el = await render('fr-FR');
    await waitUntil(() => rows(el).length === 2);
    expect(text(rows(el)[1])).to.contain('Non tenue');
    expect(text(rows(el)[1])).to.contain('Téléphone, par Casey Lee');
    expect(text(rows(el)[0])).to.contain('14 déc. 2026');
  });

  describe('on a phone', () => {
    usePhoneViewport();
    it('scrolls the table inside its box, not the page', async () => {
      worker.use(page('c2'));
      const el = await render();
      await waitUntil(() => rows(el).length === 2);
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
