import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { accountList, API, bookkeeper, globex, initech, northwind, sessionCreated } from '../../../test/fixtures.js';
import { disputeList, disputeSummary } from '../../../test/dispute-fixtures.js';
import { buttonNamed } from '../../../test/dom.js';
import { fail, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { offScreen, overflowsPage, usePhoneViewport } from '../../../test/viewport.js';
import './define.js';
import type { ArDisputeList } from './dispute-list.js';

function renderList(attributes: { locale?: string; status?: string } = {}): Promise<ArDisputeList> {
  return fixture<ArDisputeList>(
    html`<ar-dispute-list
      api=${API}
      account="acc_northwind"
      status=${attributes.status ?? ''}
      locale=${attributes.locale ?? 'en-US'}
    ></ar-dispute-list>`,
  );
}

const $ = (el: ArDisputeList, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const cards = (el: ArDisputeList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="dispute"]')];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Newest first, as the server lists them. */
const disputes = [
  disputeSummary({ id: 'dsp_open', updatedAt: '2026-12-03T02:00:00.000Z' }),
  disputeSummary({
    id: 'dsp_resolved',
    status: 'resolved',
    amount: 5_000,
    invoice: { ...disputeSummary().invoice, id: 'inv_0950', number: 'INV-0950' },
    createdAt: '2026-11-02T15:00:00.000Z',
    updatedAt: '2026-11-10T15:00:00.000Z',
    messageCount: 1,
  }),
];

describe('<ar-dispute-list>', () => {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.listAccounts(accountList(northwind)));
  });

  it('lists the disputes with their invoice, status, amount, days and messages', async () => {
    worker.use(mock.listDisputes(disputeList(...disputes)));
    const el = await renderList();
    await waitUntil(() => cards(el).length === 2, 'shows the disputes');
    expect(sent('GET', '/disputes')[0]?.query.get('account')).to.equal('acc_northwind');
    expect(sent('GET', '/disputes')[0]?.query.has('status')).to.equal(false);
    expect(text($(el, 'h2'))).to.equal('Disputes');
    // Dates are the company's days: 02:00 UTC on Dec 3 is still Dec 2 in New York.
    expect(cards(el).map(text)).to.deep.equal([
      'INV-1042 ? Open Disputed $300.00 Opened Dec 1, 2026 Last activity Dec 2, 2026 2 messages',
      'INV-0950 ✓ Resolved Disputed $50.00 Opened Nov 2, 2026 Last activity Nov 10, 2026 1 message',
    ]);
    await expect(el).to.be.accessible();
  });

  it('opens a dispute from its row by firing ar-dispute-view-request', async () => {
    worker.use(mock.listDisputes(disputeList(...disputes)));
    const el = await renderList();
    await waitUntil(() => cards(el).length === 2, 'shows the disputes');
    const button = $(el, '[part~="open-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Open the dispute of invoice INV-1042');
    const requested = oneEvent(el, 'ar-dispute-view-request');
    button.click();
    const event = await requested;
    expect(event.detail).to.deep.equal({ dispute: 'dsp_open' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('keeps one state when asked', async () => {
    worker.use(mock.listDisputes(disputeList(disputes[0]!)));
    const el = await renderList({ status: 'open' });
    await waitUntil(() => cards(el).length === 1, 'shows the dispute');
    expect(sent('GET', '/disputes')[0]?.query.get('status')).to.equal('open');
  });

  it('says there are none, and how to open one', async () => {
    worker.use(mock.listDisputes(disputeList()));
    const el = await renderList();
    await waitUntil(() => $(el, '[part="empty"]'), 'says there are none');
    expect(text($(el, '[part="empty"]'))).to.equal(
      'You have no disputes. To dispute an invoice, open it and choose Dispute.',
    );
    await expect(el).to.be.accessible();
  });

  it('says what loads, and offers to retry a failed load', async () => {
    worker.use(mock.listDisputes(never));
    const loading = await renderList();
    expect(text($(loading, '[part="loading"]'))).to.equal('Loading your disputes…');
    await expect(loading).to.be.accessible();

    let calls = 0;
    worker.use(mock.listDisputes(() => (++calls === 1 ? fail(503, 'unavailable') : disputeList(...disputes))));
    const el = await renderList();
    await waitUntil(() => $(el, '[part~="error"]'), 'says the load failed');
    expect(text($(el, '[part~="error"]'))).to.contain('We could not load your disputes.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => cards(el).length === 2, 'loads on retry');
  });

  it('asks to sign in without a session', async () => {
    sessionStorage.clear();
    const el = await renderList();
    expect(text($(el, '[part~="signed-out"]'))).to.equal('Sign in to see your disputes.');
  });

  it('switches accounts for a bookkeeper', async () => {
    signIn(bookkeeper);
    worker.use(mock.listAccounts(accountList(globex, initech)), mock.listDisputes(disputeList()));
    const el = await fixture<ArDisputeList>(
      html`<ar-dispute-list api=${API} account=${globex.id} locale="en-US"></ar-dispute-list>`,
    );
    await waitUntil(() => $(el, '[part~="account-select"]'), 'shows the switcher');
    expect(sent('GET', '/disputes')[0]?.query.get('account')).to.equal(globex.id);
  });

  it('speaks French', async () => {
    worker.use(mock.listDisputes(disputeList(...disputes)));
    const el = await renderList({ locale: 'fr-FR' });
    await waitUntil(() => cards(el).length === 2, 'shows the disputes');
    expect(text(cards(el)[0])).to.contain('Ouverte');
    expect(text(cards(el)[0])).to.contain('2 messages');
    expect(text(cards(el)[1])).to.contain('1 message');
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('keeps every card on screen', async () => {
      worker.use(mock.listDisputes(disputeList(...disputes)));
      const el = await renderList();
      await waitUntil(() => cards(el).length === 2, 'shows the disputes');
      expect(overflowsPage()).to.equal(false);
      expect(offScreen(cards(el))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });
});
