import '../../../test/resize-observer.js';
import { expect, oneEvent } from '../../../test/testing.js';
import { accountList, invoice, northwind, sessionCreated } from '../../../test/fixtures.js';
import { buttonNamed, shadowText } from '../../../test/dom.js';
import { mock, sent, signIn, worker } from '../../../test/mock-api.js';
import { formatDateTime } from '../../internal/format.js';
import type { InvoiceSummary } from '../../internal/types.js';
import './define.js';
import type { ArInvoiceList } from './invoice-list.js';
import {
  $,
  waitUntil,
  renderList,
  rows,
  loaded,
  header,
  checkbox,
  tick,
  pastDue,
  disputed,
  paid,
  inFlight,
  partlyInFlight,
  whollyInFlight,
  useSignedInCustomer,
} from './invoice-list.test-support.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<ar-invoice-list>', () => {
  useSignedInCustomer();

  it('ticks invoices, totals them and asks to pay, promise or dispute them', async () => {
    worker.use(mock.listInvoices({ items: [pastDue, disputed, paid], nextCursor: null }));
    const el = await renderList('all');
    await loaded(el);
    expect(checkbox(el, 'Select INV-0990')).to.equal(null);

    let selection = oneEvent(el, 'ar-selection-change');
    tick(checkbox(el, 'Select INV-1042'));
    expect((await selection).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal(['INV-1042']);
    selection = oneEvent(el, 'ar-selection-change');
    tick(checkbox(el, 'Select INV-1050'));
    expect((await selection).detail.invoices).to.have.length(2);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected · $3,050.50');
    expect(rows(el)[0]).to.have.attribute('part', 'row row-selected');
    await expect(el).to.be.accessible();

    for (const [label, type] of [
      ['Pay', 'ar-pay-request'],
      ['Promise to pay', 'ar-promise-request'],
      ['Dispute', 'ar-dispute-request'],
    ] as const) {
      const requested = oneEvent(el, type);
      const button = [...$(el, '[part="selection-bar"]')!.querySelectorAll('button')].find(
        (b) => b.textContent!.trim() === label,
      )!;
      button.click();
      const event = await requested;
      expect(event.detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal(['INV-1042', 'INV-1050']);
      expect(event.bubbles && event.composed).to.equal(true);
    }

    selection = oneEvent(el, 'ar-selection-change');
    buttonNamed(el, 'Clear selection')!.click();
    expect((await selection).detail.invoices).to.deep.equal([]);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')).to.equal(null);
  });

  it('badges invoices under a promise, and promises only those without one', async () => {
    const promised = { ...pastDue, promise: { id: 'ptp_1', promisedDate: '2027-01-14' } };
    worker.use(mock.listInvoices({ items: [promised, disputed], nextCursor: null }));
    const el = await renderList('all');
    await loaded(el);
    expect(text(rows(el)[0]!.querySelector('[part~="badge-promised"]'))).to.equal('Promised · Jan 14');
    expect(rows(el)[0]!.getAttribute('aria-label')).to.contain('Past due · 38 days, Promised · Jan 14');
    await expect(el).to.be.accessible();

    tick(checkbox(el, 'Select INV-1042'));
    await el.updateComplete;
    const promise = $<HTMLButtonElement>(el, '[part~="promise-button"]')!;
    expect(promise.disabled).to.equal(true);
    expect(text($(el, '#all-promised'))).to.equal('Every ticked invoice is already promised.');
    expect(promise.getAttribute('aria-describedby')).to.equal('all-promised');
    await expect(el).to.be.accessible();

    tick(checkbox(el, 'Select INV-1050'));
    await el.updateComplete;
    expect(promise.disabled).to.equal(false);
    const requested = oneEvent(el, 'ar-promise-request');
    promise.click();
    expect((await requested).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal(['INV-1050']);
  });

  it('ticks every loaded invoice that can be paid with the select-all box', async () => {
    worker.use(mock.listInvoices({ items: [pastDue, disputed, paid], nextCursor: null }));
    const el = await renderList('all');
    await loaded(el);
    const all = checkbox(el, 'Select all loaded invoices');
    tick(checkbox(el, 'Select INV-1042'));
    await el.updateComplete;
    expect(all.indeterminate).to.equal(true);

    const selection = oneEvent(el, 'ar-selection-change');
    tick(all);
    expect((await selection).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal([
      'INV-1042',
      'INV-1050',
    ]);
    await el.updateComplete;
    expect(all.checked).to.equal(true);
    tick(all);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')).to.equal(null);
  });

  it('says which invoices have a payment processing, and offers to pay only what is left', async () => {
    worker.use(
      mock.listAccounts(accountList({ ...northwind, inFlight: 370_313 })),
      mock.listInvoices({ items: [partlyInFlight, whollyInFlight, disputed], nextCursor: null }),
    );
    const el = await renderList();
    await loaded(el);
    const since = formatDateTime('2026-11-20T15:04:00.000Z', 'en-US');
    expect(since).to.contain('Nov 20, 2026');

    const [partly, wholly, other] = rows(el);
    expect(partly!.querySelector('[part="in-flight"]')!.textContent!.trim()).to.equal(
      `Payment of $1,000.00 processing since ${since}`,
    );
    expect(partly!.querySelector('.col-balance')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '$1,800.50 $800.50 left to pay',
    );
    expect(partly!.getAttribute('aria-label')).to.equal(
      `Invoice INV-1042, balance $1,800.50, Past due · 38 days, Payment of $1,000.00 processing since ${since}`,
    );
    expect(other!.querySelector('[part="in-flight"]')).to.equal(null);
    expect(other!.querySelector('.left-to-pay')).to.equal(null);

    // Wholly in flight: readable, openable, but its box is disabled and says why.
    const box = checkbox(el, 'Select INV-1023');
    expect(box.disabled).to.equal(true);
    const description = el.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(description.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Payment of $2,703.13 processing since ${since}. Nothing more can be paid on this invoice until that payment clears.`,
    );
    expect(wholly!.contains(description)).to.equal(true);
    const opened = oneEvent(el, 'ar-invoice-select');
    wholly!.querySelector<HTMLElement>('.col-number')!.click();
    expect((await opened).detail.invoice.number).to.equal('INV-1023');

    // The account's totals say how much is on its way.
    await waitUntil(() => $(el, '[part="totals-in-flight"]'), 'shows what is processing');
    expect($(el, '[part="totals"] div')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Balance due $18,450.00 $3,703.13 processing',
    );

    // Select-all skips the invoice with nothing left; the bar and the pay request carry what is left.
    const selection = oneEvent(el, 'ar-selection-change');
    tick(checkbox(el, 'Select all loaded invoices'));
    expect((await selection).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal([
      'INV-1042',
      'INV-1050',
    ]);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected · $2,050.50');
    const requested = oneEvent(el, 'ar-pay-request');
    buttonNamed(el, 'Pay')!.click();
    const { invoices: asked } = (await requested).detail as { invoices: InvoiceSummary[] };
    expect(asked.map((i) => [i.number, i.payable])).to.deep.equal([
      ['INV-1042', 80_050],
      ['INV-1050', 125_000],
    ]);
    await expect(el).to.be.accessible();
  });

  it('says a payment awaiting the payer’s confirmation is in progress, in the element’s locale', async () => {
    worker.use(
      mock.listInvoices({
        items: [
          invoice({
            number: 'F-2026-07',
            currency: 'EUR',
            balance: 100_000,
            inFlight: inFlight(40_000, { status: 'pending' }),
          }),
        ],
        nextCursor: null,
      }),
    );
    const el = await renderList('open', { locale: 'fr-FR' });
    await loaded(el);
    const text = rows(el)[0]!.querySelector('[part="in-flight"]')!.textContent!.replace(/\s/g, ' ').trim();
    expect(text).to.equal(
      `Paiement de 400,00 € en attente de confirmation depuis le ${formatDateTime('2026-11-20T15:04:00.000Z', 'fr-FR').replace(/\s/g, ' ')}`,
    );
    expect(text).to.contain('20 nov. 2026');
    expect(rows(el)[0]!.querySelector('.left-to-pay')!.textContent!.replace(/\s/g, ' ').trim()).to.equal(
      '600,00 € restant à payer',
    );
  });

  it('clears the selection when the portal refreshes the list after a payment', async () => {
    let paidFor = false;
    worker.use(
      mock.listInvoices(() =>
        paidFor
          ? { items: [{ ...pastDue, inFlight: inFlight(180_050), payable: 0 }, disputed], nextCursor: null }
          : { items: [pastDue, disputed], nextCursor: null },
      ),
    );
    const el = await renderList();
    await loaded(el);
    tick(checkbox(el, 'Select INV-1042'));
    tick(checkbox(el, 'Select INV-1050'));
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected');

    // What <ar-portal> does on ar-payment-succeeded and ar-payment-processing.
    paidFor = true;
    const cleared = oneEvent(el, 'ar-selection-change');
    el.refresh();
    expect((await cleared).detail.invoices).to.deep.equal([]);
    await waitUntil(() => checkbox(el, 'Select INV-1042')?.disabled, 'shows the invoice being paid');
    expect($(el, '[part="selection-bar"]')).to.equal(null);
    expect(shadowText(el)).not.to.contain('selected');
    expect(checkbox(el, 'Select INV-1050').checked).to.equal(false);
    expect(checkbox(el, 'Select all loaded invoices').checked).to.equal(false);
    expect(sent('GET', '/invoices')).to.have.length(2);
    expect(sent('GET', '/accounts').length).to.be.at.least(2);

    // The next Pay is only for what is ticked from now on.
    tick(checkbox(el, 'Select INV-1050'));
    await el.updateComplete;
    const requested = oneEvent(el, 'ar-pay-request');
    buttonNamed(el, 'Pay')!.click();
    expect((await requested).detail.invoices.map((i: InvoiceSummary) => i.number)).to.deep.equal(['INV-1050']);
  });

  it('unticks an invoice a payment has since covered, and keeps another with what is left of it', async () => {
    let later = false;
    worker.use(
      mock.listInvoices(() =>
        later
          ? {
              items: [whollyInFlight, partlyInFlight, disputed],
              nextCursor: null,
            }
          : { items: [{ ...whollyInFlight, inFlight: null, payable: 270_313 }, pastDue, disputed], nextCursor: null },
      ),
    );
    const el = await renderList();
    await loaded(el);
    tick(checkbox(el, 'Select INV-1023'));
    tick(checkbox(el, 'Select INV-1042'));
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('2 selected · $4,503.63');

    // Another tab of the same person paid meanwhile; a new sort loads the rows again.
    later = true;
    const changed = oneEvent(el, 'ar-selection-change');
    header(el, 'Balance').querySelector('button')!.click();
    const { invoices: now } = (await changed).detail as { invoices: InvoiceSummary[] };
    expect(now.map((i) => [i.number, i.payable])).to.deep.equal([['INV-1042', 80_050]]);
    await el.updateComplete;
    expect($(el, '[part="selection-bar"]')!.textContent).to.contain('1 selected · $800.50');
    await waitUntil(() => checkbox(el, 'Select INV-1023')?.disabled, 'shows INV-1023 as being paid');
    expect(checkbox(el, 'Select INV-1042').checked).to.equal(true);
  });

  describe('in an Easy Pay session', () => {
    /** The link is for INV-1042 only: the server's totals are that invoice's, not the account's. */
    const linked = { ...northwind, balance: 180_050, pastDue: 180_050, disputed: 0, credit: 0 };
    const totalsText = (el: ArInvoiceList) => $(el, '[part="totals"]')!.textContent!.replace(/\s+/g, ' ');
    const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

    beforeEach(() => {
      signIn(sessionCreated({ target: 'pay/INV-1042', scope: { invoiceIds: [pastDue.id] } }));
    });

    it('labels the balance as the linked invoice’s, and once it is paid says nothing is due on it', async () => {
      let paidFor = false;
      worker.use(
        mock.listAccounts(() => accountList(paidFor ? { ...linked, balance: 0, pastDue: 0 } : linked)),
        mock.listInvoices(() => ({ items: paidFor ? [] : [pastDue], nextCursor: null })),
        mock.requestLink({ ok: true, resendAfter: 60 }),
      );
      const el = await renderList();
      await loaded(el);
      await waitUntil(() => totalsText(el).includes('INV-1042 balance due'), 'names the invoice in the totals');
      expect(totalsText(el)).to.contain('INV-1042 balance due $1,800.50');
      expect(totalsText(el)).not.to.contain('Balance due');
      await expect(el).to.be.accessible();

      // What <ar-portal> does after the payment.
      paidFor = true;
      el.refresh();
      await waitUntil(() => $(el, '[part~="empty-scoped"]'), 'shows the empty tab');
      await waitUntil(() => totalsText(el).includes('INV-1042 balance due $0.00'), 'the totals load again');
      const empty = text($(el, '[part~="empty-scoped"]'));
      expect(empty).to.contain('Nothing is due on INV-1042.');
      expect(empty).to.contain('This link is for INV-1042 only; your account may have other invoices.');
      expect(shadowText(el)).not.to.contain('Nothing is due right now');
      await expect(el).to.be.accessible();

      // Alone on a page, it offers the whole account, with the session's email filled in.
      buttonNamed(el, 'Sign in to see your whole account')!.click();
      await waitUntil(() => $(el, 'ar-login'), 'opens sign-in');
      const login = $(el, 'ar-login')!;
      await (login as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(login.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value).to.equal('ap@northwind.test');
      buttonNamed(login, 'Email me a sign-in link')!.click();
      await waitUntil(() => sent('POST', '/auth/links').length === 1, 'asks for a link');
      expect(sent('POST', '/auth/links')[0]?.body).to.include({ email: 'ap@northwind.test', target: 'invoices' });
    });

    it('speaks of “this link” while it does not know the invoice’s number', async () => {
      worker.use(
        mock.listAccounts(accountList({ ...linked, balance: 0, pastDue: 0 })),
        mock.listInvoices({ items: [], nextCursor: null }),
      );
      const el = await renderList('past_due');
      await loaded(el);
      await waitUntil(() => $(el, '[part="totals"]')?.getAttribute('aria-busy') === 'false', 'shows the totals');
      expect(totalsText(el)).to.contain('Balance due on this link $0.00');
      expect(text($(el, '[part~="empty-scoped"]'))).to.contain('Nothing is past due on this link.');
      expect(shadowText(el)).not.to.contain('you’re all caught up');
      el.status = 'open';
      await waitUntil(() => shadowText(el).includes('Nothing is due on this link.'), 'the open tab says so too');
      expect(shadowText(el)).to.contain('This link is for one invoice only; your account may have other invoices.');
    });
  });
});
