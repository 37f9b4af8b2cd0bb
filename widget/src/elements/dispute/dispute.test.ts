import { expect, fixture, html, waitUntil } from '../../../test/testing.js';
import { accountList, API, northwind, sessionCreated } from '../../../test/fixtures.js';
import { disputeView } from '../../../test/dispute-fixtures.js';
import { catchDownloads } from '../../../test/downloads.js';
import { buttonNamed } from '../../../test/dom.js';
import { fail, file, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { offScreen, overflowsPage, usePhoneViewport } from '../../../test/viewport.js';
import './define.js';
import type { ArDispute } from './dispute.js';

function renderDispute(locale = 'en-US', id = 'dsp_01HXDISPUTE'): Promise<ArDispute> {
  return fixture<ArDispute>(html`<ar-dispute api=${API} dispute=${id} locale=${locale}></ar-dispute>`);
}

const $ = (el: ArDispute, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: ArDispute, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shown = (el: ArDispute) => waitUntil(() => $(el, 'article, [role="alert"]'), 'the dispute loads');

describe('<ar-dispute>', () => {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.listAccounts(accountList(northwind)));
  });

  it('says what loads while the dispute is on its way', async () => {
    worker.use(mock.getDispute(never));
    const el = await renderDispute();
    expect(text($(el, '[part="loading"]'))).to.equal('Loading the dispute…');
    await expect(el).to.be.accessible();
  });

  it('asks to sign in without a session', async () => {
    sessionStorage.clear();
    const el = await renderDispute();
    await waitUntil(() => $(el, '[part~="signed-out"]'));
    expect(text($(el, '[part~="signed-out"]'))).to.equal('Sign in to see this dispute.');
    expect(sent('GET', '/disputes/dsp_01HXDISPUTE')).to.have.length(0);
  });

  it('says when the dispute is not on the account (another account’s id)', async () => {
    worker.use(mock.getDispute(fail(404, 'not_found')));
    const el = await renderDispute('en-US', 'dsp_other');
    await shown(el);
    expect(text($(el, '[part~="not-found"]'))).to.contain('We can’t find this dispute on your account.');
    await expect(el).to.be.accessible();
  });

  it('offers to retry a failed load', async () => {
    let calls = 0;
    worker.use(mock.getDispute(() => (++calls === 1 ? fail(503, 'unavailable') : disputeView())));
    const el = await renderDispute();
    await shown(el);
    expect(text($(el, '[part~="error"]'))).to.contain('We could not load this dispute.');
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => $(el, 'article'), 'loads on retry');
    expect(calls).to.equal(2);
  });

  it('shows the status, the disputed total and the rest, the lines and the thread with its files', async () => {
    worker.use(mock.getDispute(disputeView()));
    const el = await renderDispute();
    await shown(el);
    expect(sent('GET', '/disputes/dsp_01HXDISPUTE')).to.have.length(1);
    expect(text($(el, '#heading'))).to.equal('Dispute of invoice INV-1042');
    expect(text($(el, '[part~="badge"]'))).to.equal('? Open');
    await waitUntil(() => text($(el, '.meta')).includes('10:00'), 'dates in the company’s time zone');
    expect(text($(el, '.meta'))).to.equal('Opened Dec 1, 2026, 10:00 AM · Handled by Alex Rivera');
    expect(text($(el, '[part="summary"]'))).to.equal(
      'Disputed $300.00 Undisputed rest $120.00 Invoice balance $420.00',
    );

    const lines = $$(el, '.line').map(text);
    expect(lines).to.deep.equal([
      'Copy paper, A4, 80 gsm (box of 5 reams) Damaged Quantity 4 of 40 Amount $100.00 of $1,000.00 Your note: Four boxes arrived wet.',
      'Delivery, pallet Wrong price Amount $200.00 of $500.00',
    ]);

    const messages = $$(el, '[part~="message"]');
    expect(messages.map((message) => message.getAttribute('part'))).to.deep.equal([
      'message message-customer',
      'message message-staff',
    ]);
    expect(text(messages[0])).to.match(/^You Dec 1, 2026, 10:00 AM Four boxes were damaged/);
    expect(text(messages[0])).to.contain('wet-boxes.jpg');
    expect(text(messages[1])).to.equal('Alex Rivera Dec 2, 2026, 5:30 AM Thank you, we are checking with the carrier.');
    // The PDF came with the dispute itself, not with a message.
    expect(text($(el, '.files'))).to.contain('delivery-quote.pdf PDF · 80 kB');
    expect($$(el, '[part~="attachment-button"]').map(text)).to.deep.equal([
      'Download delivery-quote.pdf PDF · 80 kB',
      'Download wet-boxes.jpg JPEG · 240 kB',
    ]);

    expect($(el, '[part~="reply"]')).not.to.equal(null);
    expect(buttonNamed(el, 'Withdraw dispute')).not.to.equal(null);
    expect(buttonNamed(el, 'Pay the undisputed $120.00')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names the company for staff without a name, and sets the dispute’s steps apart', async () => {
    worker.use(
      mock.getDispute(
        disputeView({
          status: 'under_review',
          messages: [
            ...disputeView().messages,
            {
              id: 'dmsg_3',
              author: { type: 'system', name: null },
              body: 'Under review.',
              internal: false,
              createdAt: '2026-12-02T11:00:00.000Z',
            },
            {
              id: 'dmsg_4',
              author: { type: 'staff', name: null },
              body: 'We will call you.',
              internal: false,
              createdAt: '2026-12-02T12:00:00.000Z',
            },
          ],
        }),
      ),
    );
    const el = await renderDispute();
    await shown(el);
    await waitUntil(() => text($$(el, '[part~="message"]')[3]).startsWith('Acme Supplies'), 'names the company');
    expect(text($(el, '[part~="badge"]'))).to.equal('◔ Under review');
    expect(text($(el, '[part~="message-system"]'))).to.equal('Under review. · Dec 2, 2026, 6:00 AM');
    // Under review still takes replies and may be withdrawn.
    expect($(el, '[part~="reply"]')).not.to.equal(null);
    expect(buttonNamed(el, 'Withdraw dispute')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a resolution’s credit note, and takes no more replies once decided', async () => {
    worker.use(
      mock.getDispute(
        disputeView({
          status: 'resolved',
          undisputed: 22_000,
          invoice: { ...disputeView().invoice, balance: 22_000 },
          resolution: {
            creditNoteId: 'cn_9',
            creditNoteNumber: 'CN-0042',
            creditAmount: 20_000,
            accountCredit: 0,
            note: 'Delivery refunded.',
          },
          closedAt: '2026-12-03T09:00:00.000Z',
        }),
      ),
    );
    const el = await renderDispute();
    await shown(el);
    expect(text($(el, '[part~="badge"]'))).to.equal('✓ Resolved');
    expect(text($(el, '[part="outcome"]'))).to.equal(
      'Resolved with credit note CN-0042 of $200.00. Delivery refunded.',
    );
    expect($(el, '[part~="reply"]')).to.equal(null);
    expect(buttonNamed(el, 'Withdraw dispute')).to.equal(null);
    expect($(el, '[part~="pay-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows why a dispute was rejected, and a withdrawn one as such', async () => {
    worker.use(mock.getDispute(disputeView({ status: 'rejected', rejectionReason: 'Signed delivery note.' })));
    const el = await renderDispute();
    await shown(el);
    expect(text($(el, '[part~="badge"]'))).to.equal('✕ Rejected');
    expect(text($(el, '[part="outcome"]'))).to.equal('Rejected: Signed delivery note.');
    expect($(el, '[part~="reply"]')).to.equal(null);
    await expect(el).to.be.accessible();

    worker.use(mock.getDispute(disputeView({ status: 'withdrawn' })));
    const withdrawn = await renderDispute();
    await shown(withdrawn);
    expect(text($(withdrawn, '[part~="badge"]'))).to.equal('– Withdrawn');
    expect(text($(withdrawn, '[part="outcome"]'))).to.equal('You withdrew this dispute.');
    expect($(withdrawn, '[part~="pay-button"]')).to.equal(null);
  });

  it('downloads a file of the thread, and says when it cannot', async () => {
    worker.use(
      mock.getDispute(disputeView()),
      mock.downloadAttachment(({ path }) =>
        path.endsWith('/datt_1') ? file('image/jpeg', 'wet-boxes.jpg') : fail(404, 'not_found'),
      ),
    );
    const { downloads, restore } = catchDownloads();
    try {
      const el = await renderDispute();
      await shown(el);
      const photo = $$(el, '[part~="attachment-button"]')[1] as HTMLButtonElement;
      photo.click();
      await waitUntil(() => downloads.length === 1, 'saves the file');
      expect(downloads[0]!.filename).to.equal('wet-boxes.jpg');
      expect(sent('GET', '/disputes/dsp_01HXDISPUTE/attachments/datt_1')).to.have.length(1);

      ($$(el, '[part~="attachment-button"]')[0] as HTMLButtonElement).click();
      await waitUntil(() => $(el, '[part~="download-error"]'), 'says the download failed');
      expect(text($(el, '[part~="download-error"]'))).to.contain('We could not download delivery-quote.pdf.');
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('speaks French', async () => {
    worker.use(mock.getDispute(disputeView()));
    const el = await renderDispute('fr-FR');
    await shown(el);
    expect(text($(el, '#heading'))).to.equal('Contestation de la facture INV-1042');
    expect(text($(el, '[part~="badge"]'))).to.equal('? Ouverte');
    expect(text($$(el, '.line')[1])).to.contain('Prix erroné');
    expect(text($$(el, '[part~="message"]')[0])).to.match(/^Vous /);
    expect(buttonNamed(el, 'Retirer la contestation')).not.to.equal(null);
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('keeps the lines, the thread and the actions on screen', async () => {
      worker.use(mock.getDispute(disputeView()));
      const el = await renderDispute();
      await shown(el);
      expect(overflowsPage()).to.equal(false);
      expect(offScreen($$(el, '.line, [part~="message"], button, textarea'))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });
});
