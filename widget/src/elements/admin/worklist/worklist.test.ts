import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { fail, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import type { ArAdminNavigateDetail } from '../shared/navigate.js';
import {
  $,
  cells,
  collector,
  getWorklist,
  globex,
  northwind,
  page,
  renderWorklist,
  row,
  text,
  viewer,
} from './worklist.test-support.js';

function navigations(el: Element): string[] {
  const routes: string[] = [];
  el.addEventListener('ar-admin-navigate', (event) =>
    routes.push((event as CustomEvent<ArAdminNavigateDetail>).detail.route),
  );
  return routes;
}

function setField(el: Element, name: string, value: string): void {
  const field = $<HTMLInputElement | HTMLSelectElement>(el, `[name="${name}"]`)!;
  field.value = value;
}

describe('<ar-admin-worklist>', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('shows a loading state that says what loads', async () => {
    worker.use(getWorklist(never));
    const el = await renderWorklist();
    await waitUntil(() => $(el, '[part="loading"]'));
    expect(text(el)).to.include('Loading the worklist…');
    await expect(el).to.be.accessible();
  });

  it('ranks customers with balance, past due, disputed, promise, last contact, collector and score', async () => {
    worker.use(getWorklist(page([northwind, globex])));
    const el = await renderWorklist();
    await waitUntil(() => $(el, 'tbody tr'));
    // An admin sees everyone's accounts: no collector filter.
    expect(sent('GET', '/admin/worklist')[0]!.query.toString()).to.equal('');
    const [first, second] = cells(el);
    expect(first!.slice(0, 5)).to.deep.equal([
      'Northwind Traders NW-001',
      '$12,840.00',
      '$9,600.00',
      '$350.00 1 open dispute',
      '2 broken',
    ]);
    expect(first![5]).to.match(/^Nov 20, 2026/);
    expect(first!.slice(6)).to.deep.equal(['Casey Collins', '40,150']);
    expect(second).to.deep.equal([
      'Globex',
      '€2,500.00',
      '€2,500.00',
      '€0.00',
      '€1,000.00 by Dec 10, 2026',
      'Never',
      'Unassigned',
      '2,950',
    ]);
    // The score's header is described by what the score is.
    const scoreHeader = $(el, 'th[aria-describedby]')!;
    expect($(el, `#${scoreHeader.getAttribute('aria-describedby')}`)!.textContent).to.include('250 per broken promise');
    await expect(el).to.be.accessible();
  });

  it('opens a customer through the console', async () => {
    worker.use(getWorklist(page([northwind])));
    const el = await renderWorklist();
    await waitUntil(() => $(el, 'tbody a'));
    const routes = navigations(el);
    const link = $<HTMLAnchorElement>(el, 'tbody a')!;
    expect(link.getAttribute('href')).to.equal('#admin/customers/cus_northwind');
    link.click();
    expect(routes).to.deep.equal(['customers/cus_northwind']);
  });

  it('sends the filters as the query, and keeps them in the route', async () => {
    worker.use(getWorklist(page([northwind])));
    const el = await renderWorklist();
    await waitUntil(() => $(el, 'tbody tr'));
    const routes = navigations(el);
    setField(el, 'q', ' north ');
    setField(el, 'collector', 'unassigned');
    setField(el, 'promise', 'broken');
    setField(el, 'dispute', 'open');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => sent('GET', '/admin/worklist').length === 2);
    const query = sent('GET', '/admin/worklist')[1]!.query;
    expect(Object.fromEntries(query)).to.deep.equal({
      collector: 'unassigned',
      q: 'north',
      promise: 'broken',
      dispute: 'open',
    });
    expect(routes).to.deep.equal(['worklist/collector=unassigned&q=north&promise=broken&dispute=open']);
    // Clear puts the defaults back.
    await waitUntil(() => $(el, 'button.secondary'));
    $<HTMLButtonElement>(el, '.actions button.secondary')!.click();
    await waitUntil(() => sent('GET', '/admin/worklist').length === 3);
    expect(sent('GET', '/admin/worklist')[2]!.query.toString()).to.equal('');
    expect(routes.at(-1)).to.equal('worklist');
  });

  it('restores the filters from its path', async () => {
    worker.use(getWorklist(page([])));
    const el = await renderWorklist({ path: 'q=glo&dispute=none&promise=nonsense' });
    await waitUntil(() => $(el, '[part="empty"]'));
    expect(Object.fromEntries(sent('GET', '/admin/worklist')[0]!.query)).to.deep.equal({ q: 'glo', dispute: 'none' });
    expect($<HTMLInputElement>(el, '[name="q"]')!.value).to.equal('glo');
    expect($<HTMLSelectElement>(el, '[name="dispute"]')!.value).to.equal('none');
    expect(text(el)).to.include('No customer matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('pages forward and back with the server’s cursors', async () => {
    worker.use(
      getWorklist(({ query }) => {
        const cursor = query.get('cursor');
        if (!cursor) return page([northwind], 'c2');
        if (cursor === 'c2') return page([globex], 'c3');
        return page([row({ id: 'cus_initech', name: 'Initech', score: 5 })]);
      }),
    );
    const el = await renderWorklist();
    await waitUntil(() => $(el, '[part="pager"]'));
    const [previous, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pager"] button');
    expect(previous!.disabled).to.equal(true);
    next!.click();
    await waitUntil(() => text(el).includes('Globex'));
    expect(text(el)).to.include('Page 2');
    next!.click();
    await waitUntil(() => text(el).includes('Initech'));
    expect(next!.disabled).to.equal(true);
    // The table takes the focus once the page is shown.
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part="table"]'));
    previous!.click();
    await waitUntil(() => text(el).includes('Globex'));
    previous!.click();
    await waitUntil(() => text(el).includes('Northwind'));
    expect(sent('GET', '/admin/worklist').map((request) => request.query.get('cursor'))).to.deep.equal([
      null,
      'c2',
      'c3',
      'c2',
      null,
    ]);
    await expect(el).to.be.accessible();
  });

  it('starts again from the first page when the server no longer takes a cursor', async () => {
    worker.use(
      getWorklist(({ query }) => (query.get('cursor') ? fail(400, 'invalid_request') : page([northwind], 'c2'))),
    );
    const el = await renderWorklist();
    await waitUntil(() => $(el, '[part="pager"]'));
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pager"] button')[1]!.click();
    await waitUntil(() => $(el, '[part="error"]'));
    $<HTMLButtonElement>(el, '[part="error"] button')!.click();
    await waitUntil(() => $(el, 'tbody tr'));
    expect(text(el)).to.include('Page 1');
    expect(sent('GET', '/admin/worklist').map((request) => request.query.get('cursor'))).to.deep.equal([
      null,
      'c2',
      null,
    ]);
  });

  it('shows a viewer everyone’s accounts, with nothing to act on', async () => {
    signIn(viewer);
    worker.use(getWorklist(page([northwind])));
    const el = await renderWorklist();
    await waitUntil(() => $(el, 'tbody tr'));
    expect(sent('GET', '/admin/worklist')[0]!.query.get('collector')).to.equal(null);
    // Only the filter form's button: reading, not acting.
    expect([...el.shadowRoot!.querySelectorAll('button')].map((button) => button.textContent!.trim())).to.deep.equal([
      'Apply filters',
    ]);
    await expect(el).to.be.accessible();
  });

  it('says when nobody owes anything', async () => {
    worker.use(getWorklist(page([])));
    const el = await renderWorklist();
    await waitUntil(() => $(el, '[part="empty"]'));
    expect(text(el)).to.include('No customer has anything unpaid. Nothing to chase.');
    await expect(el).to.be.accessible();
  });

  it('says what failed and loads again on Retry', async () => {
    let calls = 0;
    worker.use(getWorklist(() => (++calls === 1 ? fail(500, 'internal_error') : page([northwind]))));
    const el = await renderWorklist();
    await waitUntil(() => $(el, '[part="error"]'));
    expect(text(el)).to.include('We could not load the worklist.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="error"] button')!.click();
    await waitUntil(() => $(el, 'tbody tr'));
    expect(calls).to.equal(2);
  });

  describe('for a collector', () => {
    beforeEach(() => signIn(collector));

    it('starts on their own accounts', async () => {
      worker.use(getWorklist(page([northwind])));
      const el = await renderWorklist();
      await waitUntil(() => $(el, 'tbody tr'));
      expect(sent('GET', '/admin/worklist')[0]!.query.get('collector')).to.equal('me');
      expect($<HTMLSelectElement>(el, '[name="collector"]')!.value).to.equal('me');
    });

    it('offers every account when none is theirs', async () => {
      worker.use(getWorklist(({ query }) => (query.get('collector') === 'me' ? page([]) : page([globex]))));
      const el = await renderWorklist();
      await waitUntil(() => $(el, '[part="empty"] button'));
      expect(text(el)).to.include('No accounts with something unpaid are assigned to you.');
      await expect(el).to.be.accessible();
      const routes = navigations(el);
      $<HTMLButtonElement>(el, '[part="empty"] button')!.click();
      await waitUntil(() => text(el).includes('Globex'));
      expect(sent('GET', '/admin/worklist')[1]!.query.get('collector')).to.equal(null);
      expect(routes).to.deep.equal(['worklist/collector=all']);
    });
  });

  it('speaks French, with money and dates the French way', async () => {
    worker.use(getWorklist(page([globex], 'c2')));
    const el = await renderWorklist({ locale: 'fr' });
    await waitUntil(() => $(el, 'tbody tr'));
    const words = text(el).replace(/[\u00a0\u202f]/g, ' ');
    expect(words).to.include('Liste de relance');
    expect(words).to.include('2 500,00 €');
    expect(words).to.include('1 000,00 € d’ici le 10 déc. 2026');
    expect(words).to.include('Jamais');
    expect(words).to.include('Suivant');
    await expect(el).to.be.accessible();
  });

  describe('on a 375 px phone', () => {
    usePhoneViewport();

    it('scrolls the table inside its box, not the page', async () => {
      worker.use(getWorklist(page([northwind, globex], 'c2')));
      const el = await renderWorklist();
      await waitUntil(() => $(el, 'tbody tr'));
      expect(overflowsPage()).to.equal(false);
      const box = $(el, '[part="table"]')!;
      expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
      expect(box.getBoundingClientRect().right).to.be.at.most(document.documentElement.clientWidth);
      await expect(el).to.be.accessible();
    });
  });
});
