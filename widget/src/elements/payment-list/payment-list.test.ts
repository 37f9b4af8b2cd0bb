import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API, accountList, bookkeeper, globex, initech, paymentView, sessionCreated } from '../../../test/fixtures.js';
import { catchDownloads } from '../../../test/downloads.js';
import { buttonNamed, shadowText } from '../../../test/dom.js';
import { fail, file, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { PaymentView } from '../../internal/types.js';
import './define.js';
import type { ArPaymentList } from './payment-list.js';

function renderList(account = 'acc_northwind'): Promise<ArPaymentList> {
  return fixture<ArPaymentList>(html`<ar-payment-list api=${API} account=${account} locale="en-US"></ar-payment-list>`);
}

const cards = (el: ArPaymentList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="payment"]')];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** One of each state a payer meets, newest first, as the server lists them. */
const history: PaymentView[] = [
  paymentView({
    id: 'pay_pending',
    receiptNumber: 'R-2026-000130',
    status: 'pending',
    succeededAt: null,
    createdAt: '2026-11-24T10:00:00.000Z',
    expiresAt: '2026-11-24T10:30:00.000Z',
  }),
  paymentView({
    id: 'pay_processing',
    receiptNumber: 'R-2026-000129',
    status: 'processing',
    method: 'ach',
    surcharge: 0,
    total: 270_313,
    amount: 270_313,
    succeededAt: null,
    createdAt: '2026-11-23T09:00:00.000Z',
    allocations: [{ invoiceId: 'inv_1023', number: 'INV-1023', amount: 270_313, source: 'payment' }],
  }),
  paymentView({
    id: 'pay_partly_refunded',
    receiptNumber: 'R-2026-000128',
    method: 'ach',
    surcharge: 0,
    amount: 50_000,
    total: 50_000,
    refunded: 8_000,
    refundStatus: 'succeeded',
    allocations: [{ invoiceId: 'inv_1042', number: 'INV-1042', amount: 42_000, source: 'payment' }],
  }),
  paymentView({
    id: 'pay_failed',
    receiptNumber: 'R-2026-000127',
    status: 'failed',
    succeededAt: null,
    failure: { code: 'insufficient_funds', message: 'The card was declined for insufficient funds.' },
  }),
  paymentView({ id: 'pay_returned', receiptNumber: 'R-2026-000126', status: 'returned', method: 'ach', surcharge: 0 }),
  paymentView({
    id: 'pay_refunded',
    receiptNumber: 'R-2026-000125',
    status: 'refunded',
    refunded: 43_260,
    refundStatus: 'succeeded',
  }),
  paymentView({ id: 'pay_succeeded', receiptNumber: 'R-2026-000123' }),
];

describe('<ar-payment-list>', () => {
  useMockApi();
  beforeEach(() => signIn(sessionCreated()));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists each payment with its receipt number, date, method, amount, state and what it paid', async () => {
    worker.use(mock.listPayments({ items: history }));
    const el = await renderList();
    await waitUntil(() => cards(el).length === history.length, 'shows the payments');
    expect(sent('GET', '/payments')[0]?.query.get('account')).to.equal('acc_northwind');
    expect(sent('GET', '/payments')[0]?.authorization).to.equal('Bearer session-token-northwind');

    const [pending, processing, partly, failed, returned, refunded, succeeded] = cards(el).map(text);
    expect(succeeded).to.match(/^Receipt R-2026-000123 ✓ Succeeded Date Nov 20, 2026, \d+:04 [AP]M Method Card/);
    expect(succeeded).to.contain('Amount $432.60 including $12.60 card surcharge');
    expect(succeeded).to.contain('Applied to INV-1042 $420.00');
    expect(pending).to.contain('Awaiting confirmation');
    expect(pending).to.contain('Waiting for you to confirm the payment.');
    expect(processing).to.contain('Processing');
    expect(processing).to.contain('Bank transfer (ACH)');
    expect(processing).to.contain('For INV-1023 $2,703.13');
    expect(partly).to.contain('Succeeded');
    expect(partly).to.contain('$80.00 refunded');
    expect(failed).to.contain('Failed');
    expect(failed).to.contain('The card was declined for insufficient funds.');
    expect(returned).to.contain('Returned');
    expect(returned).to.contain('Your bank returned this payment');
    expect(refunded).to.contain('Refunded');
    expect(refunded).to.contain('$432.60 refunded');

    // A receipt for every payment that took money; none for a failed or unconfirmed one.
    const receiptButtons = [...el.shadowRoot!.querySelectorAll('[part~="receipt-button"]')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(receiptButtons).to.deep.equal([
      'Download receipt R-2026-000129 (PDF)',
      'Download receipt R-2026-000128 (PDF)',
      'Download receipt R-2026-000126 (PDF)',
      'Download receipt R-2026-000125 (PDF)',
      'Download receipt R-2026-000123 (PDF)',
    ]);
    await expect(el).to.be.accessible();
  });

  it('names a payment cancelled or expired while waiting for the payer', async () => {
    worker.use(
      mock.listPayments({
        items: [
          paymentView({ id: 'a', status: 'failed', failure: { code: 'cancelled', message: 'You cancelled it.' } }),
          paymentView({ id: 'b', status: 'failed', failure: { code: 'lapsed', message: 'It waited too long.' } }),
        ],
      }),
    );
    const el = await renderList();
    await waitUntil(() => cards(el).length === 2);
    expect(text(cards(el)[0]!.querySelector('[part~="state"]'))).to.equal('✕ Cancelled');
    expect(text(cards(el)[1]!.querySelector('[part~="state"]'))).to.equal('✕ Expired');
  });

  it('downloads a receipt with the keyboard, the way the other downloads are saved', async () => {
    const caught = catchDownloads();
    try {
      worker.use(
        mock.listPayments({ items: [paymentView()] }),
        mock.receiptPdf(file('application/pdf', 'R-2026-000123.pdf', '%PDF-1.7')),
      );
      const el = await renderList();
      await waitUntil(() => cards(el).length === 1);
      buttonNamed(el, 'Receipt (PDF)')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => caught.downloads.length === 1, 'saves the file');
      expect(caught.downloads[0]!.filename).to.equal('R-2026-000123.pdf');
      expect(sent('GET', '/payments/pay_01HXPAY/receipt.pdf')[0]?.authorization).to.equal(
        'Bearer session-token-northwind',
      );
    } finally {
      caught.restore();
    }
  });

  it('says when a receipt cannot be downloaded', async () => {
    worker.use(mock.listPayments({ items: [paymentView()] }), mock.receiptPdf(fail(503, 'busy')));
    const el = await renderList();
    await waitUntil(() => cards(el).length === 1);
    buttonNamed(el, 'Receipt (PDF)')!.click();
    await waitUntil(() => shadowText(el).includes('We could not download receipt R-2026-000123.'));
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then an empty one', async () => {
    let answer: (() => void) | undefined;
    worker.use(
      mock.listPayments(
        () =>
          new Promise((resolve) => {
            answer = () => resolve({ items: [] });
          }),
      ),
    );
    const el = await renderList();
    await waitUntil(() => answer, 'asks the server');
    expect(el.shadowRoot!.querySelector('[part="loading"]')).to.have.attribute('role', 'status');
    expect(shadowText(el)).to.contain('Loading your payments…');
    await expect(el).to.be.accessible();
    answer!();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'));
    expect(shadowText(el)).to.contain('No payments yet.');
    await expect(el).to.be.accessible();
  });

  it('says what failed to load and retries', async () => {
    let calls = 0;
    worker.use(mock.listPayments(() => (++calls === 1 ? fail(503, 'internal_error') : { items: [paymentView()] })));
    const el = await renderList();
    await waitUntil(() => shadowText(el).includes('We could not load your payments.'));
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => cards(el).length === 1);
  });

  it('asks to sign in when there is no session', async () => {
    sessionStorage.clear();
    const el = await fixture<ArPaymentList>(html`<ar-payment-list api=${API}></ar-payment-list>`);
    expect(shadowText(el)).to.contain('Sign in to see your payments.');
    expect(sent('GET', '/payments')).to.have.length(0);
  });

  it('switches between a bookkeeper’s accounts', async () => {
    signIn(bookkeeper);
    worker.use(mock.listAccounts(accountList(globex, initech)), mock.listPayments({ items: [paymentView()] }));
    const el = await renderList(globex.id);
    await waitUntil(() => el.shadowRoot!.querySelector('select#account'), 'shows the switcher');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select#account')!;
    select.value = initech.id;
    const changed = oneEvent(el, 'ar-account-change');
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail.account.id).to.equal(initech.id);
    await waitUntil(() => sent('GET', '/payments').length === 2);
    expect(sent('GET', '/payments')[1]?.query.get('account')).to.equal(initech.id);
  });

  it('fits a 375 px phone: nothing runs off the side, every payment readable', async () => {
    await setViewport({ width: 375, height: 740 });
    worker.use(mock.listPayments({ items: history }));
    const el = await renderList();
    await waitUntil(() => cards(el).length === history.length);
    expect(el.getBoundingClientRect().width).to.be.at.most(375);
    for (const card of cards(el)) {
      const box = card.getBoundingClientRect();
      expect(box.right, 'card inside the screen').to.be.at.most(375);
      for (const node of card.querySelectorAll<HTMLElement>('h3, dd, .applied li, button')) {
        const inner = node.getBoundingClientRect();
        expect(inner.right, `${text(node)} inside its card`).to.be.at.most(box.right + 0.5);
        expect(node.scrollWidth, `${text(node)} not cut`).to.be.at.most(node.clientWidth + 1);
      }
    }
    await expect(el).to.be.accessible();
  });

  it('does not ask again until asked to refresh', async () => {
    worker.use(mock.listPayments(never));
    const el = await renderList();
    await waitUntil(() => sent('GET', '/payments').length === 1);
    el.refresh();
    await waitUntil(() => sent('GET', '/payments').length === 2);
  });
});
