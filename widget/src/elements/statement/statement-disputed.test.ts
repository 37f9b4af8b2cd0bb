import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { accountList, API, northwind, sessionCreated, statement } from '../../../test/fixtures.js';
import { buttonNamed } from '../../../test/dom.js';
import { mock, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { offScreen, overflowsPage, usePhoneViewport } from '../../../test/viewport.js';
import './define.js';
import type { ArStatement } from './statement.js';

const $ = (el: ArStatement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function renderStatement(locale = 'en-US'): Promise<ArStatement> {
  const el = await fixture<ArStatement>(
    html`<ar-statement api=${API} account="acc_northwind" locale=${locale}></ar-statement>`,
  );
  await waitUntil(() => $(el, '[part="table"]'), 'the statement loads');
  return el;
}

/** $300.00 of INV-1042 (38 days past due) and $150.00 of INV-1051 (current) under dispute. */
const disputed = statement({
  disputed: {
    total: 45_000,
    aging: { current: 15_000, days1to30: 0, days31to60: 30_000, days61to90: 0, over90: 0 },
    items: [
      {
        disputeId: 'dsp_1042',
        invoiceNumber: 'INV-1042',
        amount: 30_000,
        status: 'under_review',
        openedOn: '2026-10-20',
      },
      { disputeId: 'dsp_1051', invoiceNumber: 'INV-1051', amount: 15_000, status: 'open', openedOn: '2026-10-28' },
    ],
  },
});

describe('<ar-statement> disputed amounts', () => {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.listAccounts(accountList(northwind)));
  });

  it('shows nothing about disputes when nothing is disputed', async () => {
    worker.use(mock.getStatement(statement()));
    const el = await renderStatement();
    expect($(el, '[part="disputed"]')).to.equal(null);
  });

  it('shows what is disputed apart from the balance: the total, by aging bucket, and each open dispute', async () => {
    worker.use(mock.getStatement(disputed));
    const el = await renderStatement();
    const section = $(el, '[part="disputed"]');
    expect(text(section)).to.equal(
      'Under dispute Part of the balance, set apart until each dispute is decided. The rest can be paid now. ' +
        'Disputed in all $450.00 Disputed, by days past due Current $150.00 31–60 days $300.00 ' +
        'Open disputes INV-1042 · opened Oct 20, 2026 · Under review $300.00 INV-1051 · opened Oct 28, 2026 · Open $150.00',
    );
    // The balance itself is unchanged: the disputed part is inside it.
    expect(text($(el, '[part="summary"]'))).to.contain('Closing balance $2,000.00');
    await expect(el).to.be.accessible();

    const requested = oneEvent(el, 'ar-dispute-view-request');
    buttonNamed(el, 'INV-1042 · opened')!.click();
    const event = await requested;
    expect(event.detail).to.deep.equal({ dispute: 'dsp_1042' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('speaks French', async () => {
    worker.use(mock.getStatement(disputed));
    const el = await renderStatement('fr-FR');
    expect(text($(el, '[part="disputed"]'))).to.contain('INV-1042 · ouverte le 20 oct. 2026 · En cours d’examen');
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('keeps the disputed amounts on screen', async () => {
      worker.use(mock.getStatement(disputed));
      const el = await renderStatement();
      expect(overflowsPage()).to.equal(false);
      expect(offScreen(el.shadowRoot!.querySelectorAll('[part="disputed"] dd, [part="disputed"] li'))).to.deep.equal(
        [],
      );
      await expect(el).to.be.accessible();
    });
  });
});
