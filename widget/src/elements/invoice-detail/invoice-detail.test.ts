import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { API, invoiceDetail, sessionCreated } from '../../../test/fixtures.js';
import { catchDownloads } from '../../../test/downloads.js';
import { buttonNamed, shadowText } from '../../../test/dom.js';
import { fail, file, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import { offScreen, overflowsPage, usePhoneViewport } from '../../../test/viewport.js';
import { formatDateTime } from '../../internal/format.js';
import type { InvoiceSummary } from '../../internal/types.js';
import './define.js';
import type { ArInvoiceDetail } from './invoice-detail.js';

type InFlight = NonNullable<InvoiceSummary['inFlight']>;

function renderDetail(invoice = 'INV-1042'): Promise<ArInvoiceDetail> {
  return fixture<ArInvoiceDetail>(
    html`<ar-invoice-detail api=${API} invoice=${invoice} locale="en-US"></ar-invoice-detail>`,
  );
}

const $ = (el: ArInvoiceDetail, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shown = (el: ArInvoiceDetail) => waitUntil(() => $(el, 'article, [role="alert"]'), 'the invoice loads');

describe('<ar-invoice-detail>', () => {
  useMockApi();
  beforeEach(() => signIn(sessionCreated()));

  it('shows a loading skeleton naming the invoice', async () => {
    worker.use(mock.getInvoice(never));
    const el = await renderDetail();
    expect($(el, '[part="loading"]')).to.have.text('Loading invoice INV-1042…');
    expect($(el, '.skeleton')).to.have.attribute('aria-hidden', 'true');
    await expect(el).to.be.accessible();
  });

  it('offers a promise to pay an invoice with a balance, and says when one is open', async () => {
    worker.use(mock.getInvoice(invoiceDetail()));
    const el = await renderDetail();
    await shown(el);
    const requested = oneEvent(el, 'ar-promise-request');
    buttonNamed(el, 'Promise to pay')!.click();
    const event = await requested;
    expect(event.detail.invoices.map((invoice: InvoiceSummary) => invoice.number)).to.deep.equal(['INV-1042']);
    expect(event.bubbles && event.composed).to.equal(true);

    worker.use(mock.getInvoice(invoiceDetail({ promise: { id: 'ptp_1', promisedDate: '2027-01-14' } })));
    const promised = await renderDetail();
    await shown(promised);
    expect(buttonNamed(promised, 'Promise to pay')).to.equal(null);
    expect(text($(promised, '[part~="promised"]'))).to.equal(
      'You promised to pay this invoice by Jan 14, 2027. Reminders for it are paused.',
    );
    await expect(promised).to.be.accessible();

    worker.use(mock.getInvoice(invoiceDetail({ balance: 0, status: 'paid' })));
    const paid = await renderDetail();
    await shown(paid);
    expect(buttonNamed(paid, 'Promise to pay')).to.equal(null);
  });

  it('shows the invoice: header, lines, totals, what was applied and its history', async () => {
    worker.use(mock.getInvoice(invoiceDetail()));
    const el = await renderDetail();
    await shown(el);

    const [request] = sent('GET', '/invoices/INV-1042');
    expect(request?.authorization).to.equal('Bearer session-token-northwind');
    expect(text($(el, 'h2'))).to.equal('Invoice INV-1042');
    expect(text($(el, '[part~="badge"]'))).to.contain('Past due · 38 days');
    const meta = text($(el, '[part="meta"]'));
    for (const part of ['Northwind Traders', 'Sep 15, 2026', 'Oct 15, 2026', '38 days past due', 'PO-7781']) {
      expect(meta).to.contain(part);
    }

    // Each cell as read, without the summary shown under the description on narrow screens.
    const lines = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('[part="lines"] tbody tr')].map((row) =>
      [...row.cells]
        .map((cell) =>
          text(cell)
            .replace(/\d+(\.\d+)? × .*$/, '')
            .trim(),
        )
        .join(' '),
    );
    expect(lines[0]).to.equal('Copy paper, A4, 80 gsm (box of 5 reams) PAP-A4-80 40 $25.00 $90.00 $1,000.00');
    expect(lines[1]).to.equal('Delivery, pallet — 2.5 $200.00 $45.00 $500.00');

    const totals = text($(el, '[part="totals"]'));
    expect(totals).to.equal(
      'Subtotal $1,500.00 Tax $135.00 Total $1,635.00 Paid -$1,000.00 Credited -$215.00 Balance due $420.00',
    );
    // A payment is named by the receipt number the payer was given, not the provider's reference.
    expect(text($(el, '[part="payments"]'))).to.equal(
      'Payments applied Oct 1, 2026 · ACH Receipt R-2026-000101 $1,000.00',
    );
    expect($(el, '[part="in-flight"]')).to.equal(null);
    expect(text($(el, '[part="credits"]'))).to.contain('Credit note CN-0031 Damaged in transit $215.00');
    const history = [...el.shadowRoot!.querySelectorAll('[part="history"] li')];
    expect(history.map((li) => li.querySelector('span')!.textContent)).to.deep.equal([
      'Invoice issued',
      'Payment ACH-55120 applied: $1,000.00',
      'Credit note CN-0031 applied: $215.00',
    ]);
    expect(history[0]!.querySelector('time')).to.have.attribute('datetime', '2026-09-15T14:00:00.000Z');
    // Alone on a page there is no portal to go back to.
    expect(buttonNamed(el, 'Back to invoices')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the open dispute’s amount and status, and leads to its page', async () => {
    worker.use(
      mock.getInvoice(
        invoiceDetail({
          status: 'disputed',
          dispute: { id: 'dsp_1', status: 'under_review', amount: 30_000 },
          disputes: [
            { id: 'dsp_1', status: 'under_review', amount: 30_000 },
            { id: 'dsp_0', status: 'rejected', amount: 5_000 },
          ],
          payments: [],
          credits: [],
        }),
      ),
    );
    const el = await renderDetail();
    await shown(el);
    expect(text($(el, '[part~="dispute"]'))).to.equal(
      '$300.00 of this invoice is under dispute. Status: Under review. See the dispute',
    );
    expect(text($(el, '[part~="badge"]'))).to.contain('Disputed');
    // One dispute at a time: no new one while this one is open.
    expect($(el, '[part~="dispute-button"]')).to.equal(null);
    expect(text($(el, '[part="past-disputes"]'))).to.equal('Disputes $50.00 disputed · Rejected');
    expect(shadowText(el)).to.contain('No payments applied yet.');
    expect(shadowText(el)).to.contain('No credit notes applied.');
    await expect(el).to.be.accessible();

    let requested = oneEvent(el, 'ar-dispute-view-request');
    buttonNamed(el, 'See the dispute')!.click();
    let event = await requested;
    expect(event.detail).to.deep.equal({ dispute: 'dsp_1' });
    expect(event.bubbles && event.composed).to.equal(true);
    requested = oneEvent(el, 'ar-dispute-view-request');
    buttonNamed(el, '$50.00 disputed')!.click();
    event = await requested;
    expect(event.detail).to.deep.equal({ dispute: 'dsp_0' });
  });

  it('offers to dispute an invoice with a balance and no open dispute', async () => {
    worker.use(mock.getInvoice(invoiceDetail({ disputes: [{ id: 'dsp_0', status: 'withdrawn', amount: 5_000 }] })));
    const el = await renderDetail();
    await shown(el);
    expect($(el, '[part~="dispute"]')).to.equal(null);
    const requested = oneEvent(el, 'ar-dispute-request');
    buttonNamed(el, 'Dispute')!.click();
    const event = await requested;
    expect(event.detail.invoices.map((invoice: InvoiceSummary) => invoice.number)).to.deep.equal(['INV-1042']);
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();

    for (const overrides of [{ balance: 0, status: 'paid' as const }, { status: 'void' as const }]) {
      worker.use(mock.getInvoice(invoiceDetail(overrides)));
      const closed = await renderDetail();
      await shown(closed);
      expect($(closed, '[part~="dispute-button"]')).to.equal(null);
    }
  });

  it('says a payment is processing and what is left to pay', async () => {
    const since = '2026-11-20T15:04:00.000Z';
    const flight: InFlight = {
      amount: 30_000,
      since,
      paymentId: 'pay_01HXACH',
      receiptNumber: 'R-2026-000150',
      status: 'processing',
    };
    worker.use(mock.getInvoice(invoiceDetail({ inFlight: flight, payable: 12_000 })));
    const el = await renderDetail();
    await shown(el);
    const when = formatDateTime(since, 'en-US');
    expect(when).to.contain('Nov 20, 2026');
    expect(text($(el, '[part="in-flight"]'))).to.equal(
      `Payment of $300.00 processing since ${when}. $120.00 left to pay`,
    );
    expect(text($(el, '[part="totals"]'))).to.equal(
      'Subtotal $1,500.00 Tax $135.00 Total $1,635.00 Paid -$1,000.00 Credited -$215.00 Balance due $420.00 ' +
        'Processing -$300.00 Left to pay $120.00',
    );
    await expect(el).to.be.accessible();
  });

  it('says when the whole balance is on its way, in the element’s locale', async () => {
    const since = '2026-11-20T15:04:00.000Z';
    worker.use(
      mock.getInvoice(
        invoiceDetail({
          currency: 'EUR',
          inFlight: {
            amount: 42_000,
            since,
            paymentId: 'pay_01HX3DS',
            receiptNumber: 'R-2026-000151',
            status: 'pending',
          },
          payable: 0,
        }),
      ),
    );
    const el = await fixture<ArInvoiceDetail>(
      html`<ar-invoice-detail api=${API} invoice="INV-1042" locale="fr-FR"></ar-invoice-detail>`,
    );
    await shown(el);
    const notice = text($(el, '[part="in-flight"]')).replace(/\s/g, ' ');
    expect(notice).to.equal(
      `Paiement de 420,00 € en attente de confirmation depuis le ${formatDateTime(since, 'fr-FR').replace(/\s/g, ' ')}. ` +
        'Plus rien ne peut être payé sur cette facture tant que ce paiement n’est pas encaissé.',
    );
    expect(notice).to.contain('20 nov. 2026');
    expect(text($(el, '[part="totals"] .left-to-pay')).replace(/\s/g, ' ')).to.equal('Reste à payer 0,00 €');
    await expect(el).to.be.accessible();
  });

  describe('on a 375 px phone', () => {
    usePhoneViewport();

    it('keeps every amount on screen', async () => {
      worker.use(
        mock.getInvoice(
          invoiceDetail({
            inFlight: {
              amount: 30_000,
              since: '2026-11-20T15:04:00.000Z',
              paymentId: 'pay_01HXACH',
              receiptNumber: 'R-2026-000150',
              status: 'processing',
            },
            payable: 12_000,
          }),
        ),
      );
      const el = await renderDetail();
      await shown(el);
      const amounts = el.shadowRoot!.querySelectorAll('[part="totals"] dd, .entry-amount, [part="lines"] .amount');
      expect(amounts.length).to.be.above(8);
      expect(offScreen(amounts)).to.deep.equal([]);
      expect(offScreen([$(el, '[part="in-flight"]')!])).to.deep.equal([]);
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  it('accepts the invoice id as well as its number', async () => {
    worker.use(mock.getInvoice(invoiceDetail()));
    const el = await renderDetail('inv_01HX1042');
    await shown(el);
    expect(sent('GET', '/invoices/inv_01HX1042')).to.have.length(1);
  });

  it('says plainly when the invoice is not on the customer’s account', async () => {
    worker.use(mock.getInvoice(fail(404, 'not_found')));
    const el = await renderDetail('INV-9999');
    await shown(el);
    expect(text($(el, '[role="alert"]'))).to.contain('We can’t find invoice INV-9999 on your account.');
    expect(buttonNamed(el, 'Retry')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what failed and retries on request', async () => {
    let calls = 0;
    worker.use(mock.getInvoice(() => (++calls === 1 ? fail(503, 'internal_error') : invoiceDetail())));
    const el = await renderDetail();
    await shown(el);
    expect(text($(el, '[role="alert"]'))).to.contain('We could not load invoice INV-1042.');
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => $(el, 'article'), 'shows the invoice after the retry');
  });

  it('downloads the PDF with the session’s token and saves it under the server’s name', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    worker.use(
      mock.getInvoice(invoiceDetail()),
      mock.invoicePdf(async () => {
        await answered;
        return file('application/pdf', 'INV-1042.pdf', '%PDF-1.7');
      }),
    );
    const { downloads, restore } = catchDownloads();
    try {
      const el = await renderDetail();
      await shown(el);
      const button = buttonNamed(el, 'Download PDF')!;
      button.click();
      await waitUntil(() => button.disabled && text(button) === 'Preparing PDF…', 'shows the download pending');
      answer();
      await waitUntil(() => downloads.length === 1, 'saves the file');

      const [request] = sent('GET', '/invoices/INV-1042/pdf');
      expect(request?.authorization).to.equal('Bearer session-token-northwind');
      // The PDF is asked for in the element's locale, as its words, money and dates are.
      expect(request?.query.get('locale')).to.equal('en-US');
      expect(downloads[0]!.filename).to.equal('INV-1042.pdf');
      expect(downloads[0]!.href).to.match(/^blob:/);
      expect(downloads[0]!.connected).to.equal(true);
      await waitUntil(() => !button.disabled && text(button) === 'Download PDF');
      expect($(el, 'a[download]')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('says when the PDF cannot be downloaded, and lets the person try again', async () => {
    let calls = 0;
    worker.use(
      mock.getInvoice(invoiceDetail()),
      mock.invoicePdf(() => (++calls === 1 ? fail(503, 'internal_error') : file('application/pdf', 'INV-1042.pdf'))),
    );
    const { downloads, restore } = catchDownloads();
    try {
      const el = await renderDetail();
      await shown(el);
      buttonNamed(el, 'Download PDF')!.click();
      await waitUntil(() => $(el, '[part~="download-error"]'), 'says the download failed');
      expect(text($(el, '[part~="download-error"]'))).to.contain('We could not download the PDF.');
      await expect(el).to.be.accessible();

      buttonNamed(el, 'Download PDF')!.click();
      await waitUntil(() => downloads.length === 1, 'saves the file the second time');
      await waitUntil(() => !$(el, '[part~="download-error"]'));
    } finally {
      restore();
    }
  });

  it('asks to sign in when there is no session', async () => {
    sessionStorage.clear();
    const el = await renderDetail();
    await waitUntil(() => shadowText(el).includes('Sign in to see this invoice.'));
    expect(sent('GET', '/invoices/INV-1042')).to.have.length(0);
  });
});
