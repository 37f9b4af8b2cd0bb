import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { http, HttpResponse } from 'msw';
import { API, promiseView, sessionCreated } from '../../../test/fixtures.js';
import { buttonNamed } from '../../../test/dom.js';
import { fail, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../test/viewport.js';
import type { PromiseView } from '../../internal/types.js';
import './define.js';
import type { ArPromiseList } from './promise-list.js';

function renderList(locale = 'en-US'): Promise<ArPromiseList> {
  return fixture<ArPromiseList>(
    html`<ar-promise-list api=${API} account="acc_northwind" locale=${locale}></ar-promise-list>`,
  );
}

const $ = (el: ArPromiseList, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const cards = (el: ArPromiseList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="promise"]')];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** One promise of each status, newest first, as the server lists them. */
const promises: PromiseView[] = [
  promiseView({ id: 'ptp_open' }),
  promiseView({
    id: 'ptp_kept',
    status: 'kept',
    amount: 50_000,
    paid: 50_000,
    remaining: 0,
    promisedDate: '2026-11-10',
    decidedAt: '2026-11-09T14:00:00.000Z',
    invoices: [{ id: 'inv_1', number: 'INV-0950', dueDate: '2026-10-01', balance: 0 }],
  }),
  promiseView({
    id: 'ptp_partly',
    status: 'partially_kept',
    paid: 25_000,
    remaining: 100_000,
    promisedDate: '2026-11-01',
  }),
  promiseView({
    id: 'ptp_broken',
    status: 'broken',
    promisedDate: '2026-10-20',
    note: 'Waiting on our customer',
    autopay: { method: 'card', status: 'failed', paymentId: 'pay_1' },
  }),
  promiseView({ id: 'ptp_cancelled', status: 'cancelled', promisedDate: '2026-10-01' }),
];

describe('<ar-promise-list>', () => {
  useMockApi();
  beforeEach(() => signIn(sessionCreated()));

  it('lists open promises, then past ones with their verdict, amounts and invoices', async () => {
    worker.use(mock.listPromises({ items: promises }));
    const el = await renderList();
    await waitUntil(() => cards(el).length === promises.length, 'shows the promises');
    expect(sent('GET', '/promises')[0]?.query.get('account')).to.equal('acc_northwind');
    expect(text($(el, '#open-heading'))).to.equal('Open');
    expect(text($(el, '#past-heading'))).to.equal('Past');

    const [open, kept, partly, broken, cancelled] = cards(el).map(text);
    expect(open).to.match(
      /^\$1,250\.00 by Dec 14, 2026 ○ Open Promised for Dec 14, 2026 Paid so far \$0\.00 Left to pay \$1,250\.00/,
    );
    expect(open).to.contain('Reminders paused until Dec 16, 2026. We will remind you on Dec 13, 2026.');
    expect(open).to.contain('INV-1001 Due Oct 1, 2026 $750.00');
    expect(kept).to.contain('✓ Kept');
    expect(kept).to.contain('Left to pay $0.00');
    expect(partly).to.contain('◐ Partially kept');
    expect(partly).to.contain('Paid so far $250.00');
    expect(broken).to.contain('✕ Broken');
    expect(broken).to.contain('Your note: Waiting on our customer');
    expect(broken).to.contain('The automatic payment (Card) was declined: please pay another way.');
    expect(cancelled).to.contain('– Cancelled');
    // Only an open promise can be cancelled, and none of the past ones says reminders are paused.
    expect(el.shadowRoot!.querySelectorAll('[part~="cancel-button"]')).to.have.length(1);
    expect(kept).not.to.contain('Reminders paused');
    await expect(el).to.be.accessible();
  });

  it('cancels an open promise after a confirm step, and fires ar-promise-cancelled', async () => {
    const cancelledView = promiseView({ id: 'ptp_open', status: 'cancelled', cancelledAt: '2026-12-03T16:00:00.000Z' });
    worker.use(mock.listPromises({ items: [promiseView({ id: 'ptp_open' })] }), mock.cancelPromise(cancelledView));
    const el = await renderList();
    await waitUntil(() => cards(el).length === 1, 'shows the promise');

    const cancel = $(el, '[part~="cancel-button"]') as HTMLButtonElement;
    expect(cancel.getAttribute('aria-label')).to.equal('Cancel promise: $1,250.00 by Dec 14, 2026');
    cancel.click();
    await el.updateComplete;
    expect(text($(el, '[part="confirm"]'))).to.contain(
      'Cancel this promise? Payment reminders for its invoices start again.',
    );
    // Focus goes to the safe choice; "Keep it" goes back without asking the server.
    await waitUntil(() => el.shadowRoot!.activeElement === buttonNamed(el, 'Keep it'), 'focuses Keep it');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Keep it')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'cancel-ptp_open', 'focus back on Cancel');
    expect($(el, '[part="confirm"]')).to.equal(null);
    expect(sent('POST', '/promises/ptp_open/cancel')).to.have.length(0);

    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    await el.updateComplete;
    const cancelled = oneEvent(el, 'ar-promise-cancelled');
    buttonNamed(el, 'Yes, cancel it')!.click();
    const event = await cancelled;
    expect(event.detail).to.deep.equal(cancelledView);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(sent('POST', '/promises/ptp_open/cancel')).to.have.length(1);
    await waitUntil(() => text(cards(el)[0]).includes('Cancelled'), 'shows the promise cancelled');
    expect($(el, '[part~="cancel-button"]')).to.equal(null);
    expect(text($(el, '[role="status"]'))).to.equal('Promise cancelled. Reminders for its invoices start again.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('promise-ptp_open');
    await expect(el).to.be.accessible();
  });

  it('stops a scheduled automatic payment after a confirm step; the promise stays open', async () => {
    const scheduled = promiseView({
      id: 'ptp_open',
      autopay: { method: 'card', status: 'scheduled', paymentId: null },
    });
    const stopped = {
      ...scheduled,
      autopay: { method: 'card' as const, status: 'cancelled' as const, paymentId: null },
    };
    worker.use(
      mock.listPromises({ items: [scheduled] }),
      http.post(`${API}/api/v1/promises/:id/autopay/cancel`, () => HttpResponse.json(stopped)),
    );
    const el = await renderList();
    await waitUntil(() => $(el, '[part~="stop-autopay-button"]'), 'offers to stop the automatic payment');
    ($(el, '[part~="stop-autopay-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part~="confirm-stop-autopay-button"]'), 'asks to confirm');
    await expect(el).to.be.accessible();
    ($(el, '[part~="confirm-stop-autopay-button"]') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part~="autopay"]')).includes('stopped'), 'says it is stopped');
    expect(text($(el, '[part~="autopay"]'))).to.equal('– Automatic payment stopped.');
    expect($(el, '[part~="stop-autopay-button"]')).to.equal(null);
    expect(text(cards(el)[0])).to.contain('Open');
    expect($(el, '[part~="cancel-button"]')).not.to.equal(null);
  });

  it('says when a promise can no longer be cancelled, and shows its verdict', async () => {
    worker.use(
      mock.listPromises({ items: [promiseView({ id: 'ptp_open' })] }),
      mock.cancelPromise(fail(409, 'promise_not_open')),
      mock.getPromise(promiseView({ id: 'ptp_open', status: 'kept', paid: 125_000, remaining: 0 })),
    );
    const el = await renderList();
    await waitUntil(() => cards(el).length === 1, 'shows the promise');
    ($(el, '[part~="cancel-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    buttonNamed(el, 'Yes, cancel it')!.click();
    await waitUntil(() => text(cards(el)[0]).includes('Kept'), 'shows the verdict');
    expect(text(cards(el)[0])).to.contain('This promise is no longer open, so it cannot be cancelled.');
    await expect(el).to.be.accessible();
  });

  it('says why a cancel failed and keeps the promise open', async () => {
    worker.use(
      mock.listPromises({ items: [promiseView({ id: 'ptp_open' })] }),
      mock.cancelPromise(fail(503, 'unavailable')),
    );
    const el = await renderList();
    await waitUntil(() => cards(el).length === 1, 'shows the promise');
    ($(el, '[part~="cancel-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    buttonNamed(el, 'Yes, cancel it')!.click();
    await waitUntil(() => $(el, '[part="promise"] [role="alert"]'), 'says it failed');
    expect(text($(el, '[part="promise"] [role="alert"]'))).to.contain('We could not cancel the promise.');
    expect(text(cards(el)[0])).to.contain('○ Open');
  });

  it('has a designed empty state', async () => {
    worker.use(mock.listPromises({ items: [] }));
    const el = await renderList();
    await waitUntil(() => $(el, '[part="empty"]'), 'shows the empty state');
    expect(text($(el, '[part="empty"]'))).to.contain('You have no promises to pay.');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then a load error with Retry', async () => {
    worker.use(mock.listPromises(never));
    const loading = await renderList();
    expect(text($(loading, '[part="loading"]'))).to.equal('Loading your promises…');
    await expect(loading).to.be.accessible();

    worker.use(mock.listPromises(fail(503, 'unavailable')));
    const el = await renderList();
    await waitUntil(() => $(el, '[part~="error"]'), 'shows the error');
    expect(text($(el, '[part~="error"]'))).to.contain('We could not load your promises.');
    worker.use(mock.listPromises({ items: promises }));
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => cards(el).length === promises.length, 'loads again');
  });

  it('speaks French', async () => {
    worker.use(mock.listPromises({ items: promises.slice(0, 2) }));
    const el = await renderList('fr-FR');
    await waitUntil(() => cards(el).length === 2, 'shows the promises');
    expect(text(cards(el)[0])).to.contain('En cours');
    expect(text(cards(el)[1])).to.contain('Tenue');
    expect(text($(el, 'h2'))).to.equal('Promesses de paiement');
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('fits 375 px without scrolling sideways', async () => {
      worker.use(mock.listPromises({ items: promises }));
      const el = await renderList();
      await waitUntil(() => cards(el).length === promises.length, 'shows the promises');
      expect(overflowsPage()).to.equal(false);
    });
  });
});
