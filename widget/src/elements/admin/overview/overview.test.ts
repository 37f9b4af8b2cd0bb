import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { fail, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import type { ArAdminNavigateDetail } from '../shared/navigate.js';
import { $, emptyOverview, getOverview, overview, renderOverview, text, viewer } from './overview.test-support.js';

describe('<ar-admin-overview>', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('shows a skeleton that says what loads', async () => {
    worker.use(getOverview(never));
    const el = await renderOverview();
    await waitUntil(() => $(el, '[part="loading"]'));
    expect($(el, '[part="loading"]')!.getAttribute('role')).to.equal('status');
    expect(text(el)).to.include('Loading the figures…');
    await expect(el).to.be.accessible();
  });

  it('shows aging as a chart for the eye and a table for everyone, with the disputed part apart', async () => {
    worker.use(getOverview(overview()));
    const el = await renderOverview();
    await waitUntil(() => $(el, 'table'));
    expect(sent('GET', '/admin/overview')[0]!.query.get('currency')).to.equal(null);
    const chart = $(el, '[part="aging-chart"]')!;
    expect(chart.getAttribute('aria-hidden')).to.equal('true');
    expect(chart.querySelectorAll('svg')).to.have.length(5);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr, tfoot tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent!.trim()),
    );
    expect(rows).to.deep.equal([
      ['Current', '$12,500.00', '$0.00'],
      ['1–30 days', '$4,800.00', '$350.00'],
      ['31–60 days', '$2,100.00', '$0.00'],
      ['61–90 days', '$900.00', '$0.00'],
      ['Over 90 days', '$400.00', '$0.00'],
      ['Total AR', '$20,700.00', '$350.00'],
    ]);
    // The 1–30 bar: its disputed part is the 350 of its 4,800, drawn against the largest bucket.
    const [undisputed, disputed] = chart.querySelectorAll('svg')[1]!.querySelectorAll('rect');
    expect(Number(undisputed!.getAttribute('width'))).to.be.closeTo(((480000 - 35000) / 1250000) * 100, 0.01);
    expect(Number(disputed!.getAttribute('width'))).to.be.closeTo((35000 / 1250000) * 100, 0.01);
    expect(text(el)).to.include('As of December 3, 2026 · USD');
    expect(text(el)).to.include('Unapplied credit not subtracted: $120.00');
    await expect(el).to.be.accessible();
  });

  it('shows DSO, best possible DSO and ADD with what each means, and CEI by month with its N', async () => {
    worker.use(getOverview(overview()));
    const el = await renderOverview();
    await waitUntil(() => $(el, '[part="metrics"]'));
    const metrics = text($(el, '[part="metrics"]')!);
    expect(metrics).to.include('DSO (countback) 41.3 days How many days of recent credit sales');
    expect(metrics).to.include('Best possible DSO 25.1 days');
    expect(metrics).to.include('Average days delinquent 16.2 days DSO minus best possible DSO');
    const cei = [...$(el, '[part="cei"]')!.querySelectorAll('li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(cei).to.deep.equal([
      'Sep 2026 (N = 1) 81.4%',
      'Oct 2026 (N = 1) 77.2%',
      'Nov 2026 (N = 1) 84.9%',
      'Last three months (N = 3) 80.6%',
    ]);
    expect(text($(el, '[part="cash"]')!)).to.include('This month $3,100.00');
    expect(text($(el, '[part="promises"]')!)).to.include('Due this week 3 · $950.00');
    expect(text($(el, '[part="promises"]')!)).to.include('Broken in the last 30 days 1 · $200.00');
    expect(text($(el, '[part="disputes"]')!)).to.include('0–7 days 1 · $350.00');
  });

  it('says when a countback outlasted its 12 months or cannot be worked out', async () => {
    const base = overview();
    worker.use(
      getOverview(
        overview({
          metrics: {
            ...base.metrics,
            dso: { days: 365, capped: true },
            bestPossibleDso: { days: null, capped: false },
            averageDaysDelinquent: null,
          },
        }),
      ),
    );
    const el = await renderOverview();
    await waitUntil(() => $(el, '[part="metrics"]'));
    const metrics = text($(el, '[part="metrics"]')!);
    expect(metrics).to.include('At least 365 days');
    expect(metrics).to.include('Best possible DSO Not available');
  });

  it('links to the promises and disputes queues through the console', async () => {
    signIn(viewer);
    worker.use(getOverview(overview()));
    const el = await renderOverview();
    await waitUntil(() => $(el, '[part="disputes"] a'));
    const routes: string[] = [];
    el.addEventListener('ar-admin-navigate', (event) =>
      routes.push((event as CustomEvent<ArAdminNavigateDetail>).detail.route),
    );
    const promises = $<HTMLAnchorElement>(el, '[part="promises"] a')!;
    expect(promises.getAttribute('href')).to.equal('#admin/promises');
    promises.click();
    $<HTMLAnchorElement>(el, '[part="disputes"] a')!.click();
    expect(routes).to.deep.equal(['promises', 'disputes']);
  });

  it('shows a friendly empty state when nothing is owed', async () => {
    worker.use(getOverview(emptyOverview()));
    const el = await renderOverview();
    await waitUntil(() => $(el, '[part="empty"]'));
    expect(text(el)).to.include('Nothing is owed in USD: there are no open invoices.');
    expect($(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what failed and loads again on Retry', async () => {
    let calls = 0;
    worker.use(getOverview(() => (++calls === 1 ? fail(500, 'internal_error') : overview())));
    const el = await renderOverview();
    await waitUntil(() => $(el, '[part="error"]'));
    expect(text(el)).to.include('We could not load the overview.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="error"] button')!.click();
    await waitUntil(() => $(el, 'table'));
    expect(calls).to.equal(2);
  });

  it('switches between currencies when there are several', async () => {
    worker.use(
      getOverview(({ query }) => overview({ currency: query.get('currency') ?? 'USD', currencies: ['EUR', 'USD'] })),
    );
    const el = await renderOverview();
    await waitUntil(() => $(el, 'select'));
    const select = $<HTMLSelectElement>(el, 'select')!;
    expect(select.value).to.equal('USD');
    const routes: string[] = [];
    el.addEventListener('ar-admin-navigate', (event) =>
      routes.push((event as CustomEvent<ArAdminNavigateDetail>).detail.route),
    );
    select.value = 'EUR';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => text(el).includes('· EUR'));
    expect(sent('GET', '/admin/overview').at(-1)!.query.get('currency')).to.equal('EUR');
    expect(text(el)).to.include('€12,500.00');
    expect(routes).to.deep.equal(['overview/EUR']);
    await expect(el).to.be.accessible();
  });

  it('shows no switcher with one currency, and takes the currency from its path', async () => {
    worker.use(getOverview(({ query }) => overview({ currency: query.get('currency') ?? 'USD' })));
    const el = await renderOverview();
    await waitUntil(() => $(el, 'table'));
    expect($(el, 'select')).to.equal(null);
    el.path = 'EUR';
    await waitUntil(() => text(el).includes('· EUR'));
    expect(sent('GET', '/admin/overview').at(-1)!.query.get('currency')).to.equal('EUR');
  });

  it('speaks French, with money and dates the French way', async () => {
    worker.use(getOverview(overview({ currency: 'EUR' })));
    const el = await renderOverview('fr');
    await waitUntil(() => $(el, 'table'));
    const words = text(el).replace(/[\u00a0\u202f]/g, ' ');
    expect(words).to.include('Balance âgée');
    expect(words).to.include('Au 3 décembre 2026 · EUR');
    expect(words).to.include('12 500,00 €');
    expect(words).to.include('41,3 jours');
    expect(words).to.include('sept. 2026 (N = 1) 81,4 %');
    await expect(el).to.be.accessible();
  });

  describe('on a 375 px phone', () => {
    usePhoneViewport();

    it('stacks the cards in one column without a sideways scroll', async () => {
      worker.use(getOverview(overview({ currencies: ['EUR', 'USD'] })));
      const el = await renderOverview();
      await waitUntil(() => $(el, 'table'));
      const cards = [...el.shadowRoot!.querySelectorAll('.card')].map((card) => card.getBoundingClientRect());
      expect(new Set(cards.map((box) => Math.round(box.left))).size).to.equal(1);
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
