import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { fail, file, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import type { ArAdminNavigateDetail } from '../shared/navigate.js';
import { $, button, exportCsv, getEvents, page, renderAudit, text, viewer } from './audit.test-support.js';

describe('<ar-admin-audit>', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('says what loads', async () => {
    worker.use(getEvents(never));
    const el = await renderAudit();
    await waitUntil(() => $(el, '[part="loading"]'));
    expect(text(el)).to.include('Loading the log…');
    await expect(el).to.be.accessible();
  });

  it('shows the events newest first with who, what and the customer, for a viewer too', async () => {
    signIn(viewer);
    worker.use(getEvents(page));
    const el = await renderAudit();
    await waitUntil(() => $(el, 'tbody'));
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr:not([hidden])')].map((row) =>
      [...row.children].slice(1, 5).map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).to.deep.equal([
      ['payment.succeeded', 'ap@northwind.test', 'payment pay_1', 'Northwind Traders'],
      ['settings.updated', 'Alex Rivera', '—', '—'],
      ['reminder.sent', 'System', 'payment pay_1', 'Northwind Traders'],
    ]);
    expect(text($(el, 'tbody td.summary')!)).to.equal('amount: 125000 · currency: USD');
    expect(text($(el, 'tbody td')!)).to.match(/Dec 2, 2026/);
    expect(sent('GET', '/admin/events')[0]!.query.toString()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('opens a row to show its data', async () => {
    worker.use(getEvents(page));
    const el = await renderAudit();
    await waitUntil(() => $(el, 'tbody'));
    const toggle = button(el, 'settings.updated');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const details = $(el, '#data-evt_2')!;
    expect(details.hidden).to.equal(false);
    expect(details.querySelector('pre')!.textContent).to.equal(
      JSON.stringify({ changed: { surchargeRateBp: 300 } }, null, 2),
    );
    await expect(el).to.be.accessible();
  });

  it('asks for the filters, pages on with the cursor and back', async () => {
    worker.use(getEvents(page));
    const el = await renderAudit();
    await waitUntil(() => $(el, 'tbody'));
    const set = (id: string, value: string) => ($<HTMLInputElement>(el, `#${id}`)!.value = value);
    set('q', 'north');
    set('typePrefix', 'payment.');
    set('from', '2026-11-01');
    set('to', '2026-11-30');
    button(el, 'Filter').click();
    await waitUntil(() => sent('GET', '/admin/events').length === 2);
    const query = sent('GET', '/admin/events')[1]!.query;
    expect(Object.fromEntries(query)).to.deep.equal({
      q: 'north',
      typePrefix: 'payment.',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    await waitUntil(() => !button(el, 'Next').disabled);
    expect(button(el, 'Previous').disabled).to.equal(true);
    button(el, 'Next').click();
    await waitUntil(() => sent('GET', '/admin/events').length === 3);
    expect(sent('GET', '/admin/events')[2]!.query.get('cursor')).to.equal('2');
    expect(sent('GET', '/admin/events')[2]!.query.get('q')).to.equal('north');
    await waitUntil(() => !button(el, 'Previous').disabled);
    button(el, 'Previous').click();
    await waitUntil(() => sent('GET', '/admin/events').length === 4);
    expect(sent('GET', '/admin/events')[3]!.query.get('cursor')).to.equal(null);
  });

  it('exports the current filters as CSV', async () => {
    worker.use(getEvents(page), exportCsv(file('text/csv', 'audit-events-2026-12-03.csv', 'id,at\n')));
    const el = await renderAudit();
    await waitUntil(() => $(el, 'tbody'));
    $<HTMLInputElement>(el, '#actor')!.value = 'stf_ar';
    button(el, 'Filter').click();
    await waitUntil(() => sent('GET', '/admin/events').length === 2);
    button(el, 'Export CSV').click();
    await waitUntil(() => sent('GET', '/admin/events/export.csv').length === 1);
    expect(sent('GET', '/admin/events/export.csv')[0]!.query.get('actor')).to.equal('stf_ar');
  });

  it('says when the export fails', async () => {
    worker.use(getEvents(page), exportCsv(fail(422, 'invalid_request')));
    const el = await renderAudit();
    await waitUntil(() => $(el, 'tbody'));
    button(el, 'Export CSV').click();
    await waitUntil(() => $(el, '.error-text'));
    expect(text($(el, '.error-text')!)).to.equal('The export did not download. Mock invalid_request.');
  });

  it('says when nothing matches, and explains a failed load with Retry', async () => {
    let calls = 0;
    worker.use(getEvents(() => (++calls === 1 ? fail(500, 'internal_error') : { items: [], nextCursor: null })));
    const el = await renderAudit();
    await waitUntil(() => $(el, '[part="error"]'));
    expect(text(el)).to.include('We could not load the audit log.');
    await expect(el).to.be.accessible();
    button(el, 'Retry').click();
    await waitUntil(() => $(el, '[part="empty"]'));
    expect(text(el)).to.include('No event matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('opens the customer’s page from its link', async () => {
    worker.use(getEvents(page));
    const el = await renderAudit();
    await waitUntil(() => $(el, 'tbody a'));
    const link = $<HTMLAnchorElement>(el, 'tbody a')!;
    expect(link.getAttribute('href')).to.equal('#admin/customers/cus_northwind');
    let route = '';
    el.addEventListener('ar-admin-navigate', (e) => (route = (e as CustomEvent<ArAdminNavigateDetail>).detail.route));
    link.click();
    expect(route).to.equal('customers/cus_northwind');
  });

  it('speaks French', async () => {
    worker.use(getEvents(page));
    const el = await renderAudit('fr');
    await waitUntil(() => $(el, 'tbody'), 'the French table', { timeout: 15_000 });
    expect(text(el)).to.include('Journal d’audit');
    expect(text(el)).to.include('Système');
    expect(text($(el, 'tbody td')!)).to.match(/2 déc\. 2026/);
    await expect(el).to.be.accessible();
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('scrolls the table inside its frame, not the page', async () => {
      worker.use(getEvents(page));
      const el = await renderAudit();
      await waitUntil(() => $(el, 'tbody'));
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
