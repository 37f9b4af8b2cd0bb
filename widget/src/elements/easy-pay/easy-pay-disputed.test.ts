import { expect } from '../../../test/testing.js';
import { invoiceDetail, paymentView } from '../../../test/fixtures.js';
import { type } from '../../../test/dom.js';
import { mock, worker } from '../../../test/mock-api.js';
import './define.js';
import {
  $,
  bodyOf,
  field,
  fillCard,
  loaded,
  errorOf,
  pay,
  renderPay,
  text,
  useSignedInPayer,
} from './easy-pay.test-support.js';

const underDispute = invoiceDetail({
  status: 'disputed',
  dispute: { id: 'dsp_01HXDISPUTE', status: 'open', amount: 30_000 },
});
const amountId = `amount-${underDispute.id}`;

async function leave(el: HTMLElement & { updateComplete: Promise<boolean> }, input: HTMLInputElement): Promise<void> {
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<ar-easy-pay> an invoice under dispute', () => {
  useSignedInPayer();

  it('offers the undisputed rest, saying how much is disputed', async () => {
    worker.use(mock.getInvoice(underDispute));
    const el = await renderPay();
    await loaded(el);
    expect(field(el, amountId).value).to.equal('120.00');
    expect(text($(el, '[part="disputed"]'))).to.equal('$300.00 disputed — paying the undisputed rest');
    expect(field(el, amountId).getAttribute('aria-describedby')).to.contain(`${amountId}-disputed`);
    await expect(el).to.be.accessible();
  });

  it('pays the rest, or more when the person chooses', async () => {
    worker.use(mock.getInvoice(underDispute), mock.createPayment(paymentView({ amount: 12_000 })));
    const el = await renderPay();
    await loaded(el);
    fillCard(el);
    await pay(el);
    expect(bodyOf().allocations).to.deep.equal([{ invoiceId: underDispute.id, amount: 12_000 }]);

    const again = await renderPay();
    await loaded(again);
    type(field(again, amountId), '420');
    await leave(again, field(again, amountId));
    expect(errorOf(again, amountId)).to.equal('');
    fillCard(again);
    await pay(again);
    expect(bodyOf(1).allocations).to.deep.equal([{ invoiceId: underDispute.id, amount: 42_000 }]);
  });

  it('leaves nothing to pay by default when the whole balance is disputed', async () => {
    worker.use(
      mock.getInvoice(
        invoiceDetail({ status: 'disputed', dispute: { id: 'dsp_1', status: 'under_review', amount: 42_000 } }),
      ),
    );
    const el = await renderPay();
    await loaded(el);
    expect(field(el, amountId).value).to.equal('0.00');
    expect(text($(el, '[part="disputed"]'))).to.equal('$420.00 disputed — paying the undisputed rest');
  });
});
