import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { accountList, API, invoiceDetail, northwind, sessionCreated } from '../../../test/fixtures.js';
import { disputeView } from '../../../test/dispute-fixtures.js';
import { buttonNamed, type } from '../../../test/dom.js';
import { fail, mock, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { DisputeMessageView, InvoiceSummary } from '../../internal/types.js';
import './define.js';
import type { ArDispute } from './dispute.js';

async function renderDispute(): Promise<ArDispute> {
  const el = await fixture<ArDispute>(
    html`<ar-dispute api=${API} dispute="dsp_01HXDISPUTE" locale="en-US"></ar-dispute>`,
  );
  await waitUntil(() => $(el, 'article'), 'the dispute loads');
  return el;
}

const $ = (el: ArDispute, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const textarea = (el: ArDispute) => $(el, '#reply') as unknown as HTMLInputElement;
const messages = (el: ArDispute) => [...el.shadowRoot!.querySelectorAll('[part~="message"]')];

const reply: DisputeMessageView = {
  id: 'dmsg_9',
  author: { type: 'customer', name: 'Northwind AP' },
  body: 'Photos of the pallet attached earlier.',
  internal: false,
  createdAt: '2026-12-03T16:00:00.000Z',
};

describe('<ar-dispute> actions', () => {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.listAccounts(accountList(northwind)));
  });

  it('sends a reply, appends it to the thread and fires ar-dispute-message', async () => {
    worker.use(mock.getDispute(disputeView()), mock.replyToDispute(reply));
    const el = await renderDispute();

    buttonNamed(el, 'Send')!.click();
    await waitUntil(() => $(el, '#reply-error'), 'asks for a message first');
    expect(text($(el, '#reply-error'))).to.equal('Write a message first.');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(sent('POST', '/disputes/dsp_01HXDISPUTE/messages')).to.have.length(0);
    await expect(el).to.be.accessible();

    type(textarea(el), '  Photos of the pallet attached earlier. ');
    const posted = oneEvent(el, 'ar-dispute-message');
    buttonNamed(el, 'Send')!.click();
    const event = await posted;
    expect(event.detail).to.deep.equal({ dispute: 'dsp_01HXDISPUTE', message: reply });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(sent('POST', '/disputes/dsp_01HXDISPUTE/messages')[0]!.body).to.deep.equal({
      body: 'Photos of the pallet attached earlier.',
    });
    await waitUntil(() => messages(el).length === 3, 'appends the reply');
    expect(text(messages(el)[2])).to.match(/^You Dec 3, 2026, 11:00 AM Photos of the pallet/);
    expect(textarea(el).value).to.equal('');
    expect(text($(el, '[role="status"]'))).to.equal('Message sent.');
  });

  it('says why a reply failed and keeps what was written', async () => {
    worker.use(mock.getDispute(disputeView()), mock.replyToDispute(fail(422, 'invalid_request')));
    const el = await renderDispute();
    type(textarea(el), 'Any news?');
    buttonNamed(el, 'Send')!.click();
    await waitUntil(() => $(el, '#reply-error'), 'says the reply failed');
    expect(text($(el, '#reply-error'))).to.equal('We could not send your message. Mock invalid_request.');
    expect(textarea(el).value).to.equal('Any news?');
    await expect(el).to.be.accessible();
  });

  it('shows the dispute as it is when it was decided meanwhile (dispute_not_open)', async () => {
    let loads = 0;
    worker.use(
      mock.getDispute(() =>
        ++loads === 1 ? disputeView() : disputeView({ status: 'rejected', rejectionReason: 'Signed delivery note.' }),
      ),
      mock.replyToDispute(fail(409, 'dispute_not_open')),
    );
    const el = await renderDispute();
    type(textarea(el), 'Any news?');
    buttonNamed(el, 'Send')!.click();
    await waitUntil(() => $(el, '[part="notice"]'), 'says the dispute is closed');
    expect(text($(el, '[part="notice"]'))).to.equal(
      'This dispute is closed now, so it takes no more messages or changes. Here is how it stands.',
    );
    expect(text($(el, '[part~="badge"]'))).to.equal('✕ Rejected');
    expect(text($(el, '[part="outcome"]'))).to.equal('Rejected: Signed delivery note.');
    expect($(el, '[part~="reply"]')).to.equal(null);
    expect(buttonNamed(el, 'Withdraw dispute')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('withdraws after a confirm step, and fires ar-dispute-withdrawn', async () => {
    const withdrawn = disputeView({ status: 'withdrawn', undisputed: 42_000, closedAt: '2026-12-03T16:00:00.000Z' });
    worker.use(mock.getDispute(disputeView()), mock.withdrawDispute(withdrawn));
    const el = await renderDispute();

    buttonNamed(el, 'Withdraw dispute')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'keep', 'focuses Keep it');
    expect(text($(el, '[part="confirm"]'))).to.contain(
      'Withdraw this dispute? The whole balance of the invoice is due again.',
    );
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Keep it')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'withdraw', 'focus back on Withdraw');
    expect(sent('POST', '/disputes/dsp_01HXDISPUTE/withdraw')).to.have.length(0);

    buttonNamed(el, 'Withdraw dispute')!.click();
    await el.updateComplete;
    const fired = oneEvent(el, 'ar-dispute-withdrawn');
    buttonNamed(el, 'Yes, withdraw it')!.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ dispute: withdrawn });
    expect(sent('POST', '/disputes/dsp_01HXDISPUTE/withdraw')).to.have.length(1);
    await waitUntil(() => text($(el, '[part~="badge"]')) === '– Withdrawn', 'shows it withdrawn');
    expect($(el, '[part~="reply"]')).to.equal(null);
    expect($(el, '[part~="pay-button"]')).to.equal(null);
    expect(text($(el, '[role="status"]'))).to.equal('Dispute withdrawn.');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'heading', 'focus on the heading');
    await expect(el).to.be.accessible();
  });

  it('says why a withdrawal failed', async () => {
    worker.use(mock.getDispute(disputeView()), mock.withdrawDispute(fail(503, 'unavailable')));
    const el = await renderDispute();
    buttonNamed(el, 'Withdraw dispute')!.click();
    await el.updateComplete;
    buttonNamed(el, 'Yes, withdraw it')!.click();
    await waitUntil(() => $(el, '[part="notice"]'), 'says it failed');
    expect(text($(el, '[part="notice"]'))).to.contain('We could not withdraw the dispute.');
    expect(text($(el, '[part~="badge"]'))).to.equal('? Open');
  });

  it('asks to pay the undisputed rest of the invoice', async () => {
    worker.use(mock.getDispute(disputeView()), mock.getInvoice(invoiceDetail()));
    const el = await renderDispute();
    const requested = oneEvent(el, 'ar-pay-request');
    buttonNamed(el, 'Pay the undisputed $120.00')!.click();
    const event = await requested;
    expect(event.detail.invoices.map((invoice: InvoiceSummary) => invoice.number)).to.deep.equal(['INV-1042']);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(sent('GET', '/invoices/INV-1042')).to.have.length(1);
  });

  it('offers no payment when the whole balance is disputed', async () => {
    worker.use(mock.getDispute(disputeView({ amount: 42_000, undisputed: 0 })));
    const el = await renderDispute();
    expect($(el, '[part~="pay-button"]')).to.equal(null);
    expect($(el, '[part~="reply"]')).not.to.equal(null);
  });
});
