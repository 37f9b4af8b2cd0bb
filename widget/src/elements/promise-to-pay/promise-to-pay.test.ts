import { expect, oneEvent, waitUntil } from '../../../test/testing.js';
import { invoice, invoiceDetail, promiseView } from '../../../test/fixtures.js';
import { type } from '../../../test/dom.js';
import { fail, mock, never, sent, worker } from '../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../test/viewport.js';
import './define.js';
import {
  $,
  bodyOf,
  errorOf,
  field,
  loaded,
  owed,
  promise,
  renderPromise,
  submitButton,
  text,
  useSignedInCustomer,
} from './promise-to-pay.test-support.js';

describe('<ar-promise-to-pay>', () => {
  useSignedInCustomer();

  it('offers the chosen invoices, their balance as the amount and the dates the company allows', async () => {
    const el = await renderPromise();
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Promise to pay 2 invoices');
    expect(text($(el, '[part="invoices"] tbody')))
      .to.contain('INV-1001')
      .and.contain('$750.00')
      .and.contain('INV-1002');
    expect(text($(el, '[part="invoices"] tfoot'))).to.equal('Total owed $1,250.00');
    expect(field(el, 'amount').value).to.equal('1,250.00');
    expect(field(el, 'date').min).to.equal('2026-12-04');
    expect(field(el, 'date').max).to.equal('2027-01-02');
    expect(text($(el, '#promise-date-hint'))).to.equal('Between Dec 4, 2026 and Jan 2, 2027.');
    expect(text(submitButton(el))).to.equal('Promise to pay $1,250.00');
    expect($(el, '[part="partial"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what happens before confirming: reminders stop until the deadline, a reminder the day before', async () => {
    const el = await renderPromise();
    await loaded(el);
    expect(text($(el, '[part="what-happens"]'))).to.contain('Choose a date to see when reminders stop.');
    type(field(el, 'date'), '2027-01-14');
    await el.updateComplete;
    // Past the horizon: no sentence about it, an error once the field is left.
    expect(text($(el, '[part="what-happens"]'))).to.contain('Choose a date to see when reminders stop.');
    type(field(el, 'date'), '2026-12-14');
    await el.updateComplete;
    expect(text($(el, '[part="what-happens"]'))).to.contain(
      'Reminders for these invoices stop until Dec 16, 2026; we will remind you on Dec 13, 2026.',
    );
    await expect(el).to.be.accessible();
  });

  it('calls a smaller amount a partial promise, and refuses more than is owed', async () => {
    const el = await renderPromise();
    await loaded(el);
    type(field(el, 'amount'), '1,000');
    await el.updateComplete;
    expect(text($(el, '[part="partial"]'))).to.equal('This is a partial promise: $1,000.00 of the $1,250.00 owed.');
    expect(field(el, 'amount').getAttribute('aria-describedby')).to.contain('promise-amount-partial');
    expect(text(submitButton(el))).to.equal('Promise to pay $1,000.00');

    type(field(el, 'amount'), '1,300');
    field(el, 'amount').dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(errorOf(el, 'amount')).to.equal('Enter at most the balance, $1,250.00.');
    type(field(el, 'amount'), '12.345');
    await el.updateComplete;
    expect(errorOf(el, 'amount')).to.equal('Use at most 2 decimals.');
    expect(field(el, 'amount')).to.have.attribute('aria-invalid', 'true');
  });

  it('asks for a date within the bounds before sending anything', async () => {
    const el = await renderPromise();
    await loaded(el);
    submitButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'date')).to.equal('Choose the date you will pay by.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'date'));
    type(field(el, 'date'), '2026-12-03');
    await el.updateComplete;
    expect(errorOf(el, 'date')).to.equal('Choose a date between Dec 4, 2026 and Jan 2, 2027.');
    expect(sent('POST', '/promises')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('records the promise, fires ar-promise-created and shows it', async () => {
    const made = promiseView({ amount: 100_000, remaining: 100_000, note: 'Wire on Friday' });
    worker.use(mock.createPromise(made));
    const el = await renderPromise();
    await loaded(el);
    type(field(el, 'amount'), '1000');
    type(field(el, 'date'), '2026-12-14');
    type(field(el, 'note'), '  Wire on Friday ');
    const created = oneEvent(el, 'ar-promise-created');
    await promise(el);
    const event = await created;
    expect(event.detail).to.deep.equal(made);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(bodyOf()).to.deep.equal({
      account: 'acc_northwind',
      invoices: ['inv_INV-1001', 'inv_INV-1002'],
      amount: 100_000,
      promisedDate: '2026-12-14',
      note: 'Wire on Friday',
    });
    expect(sent('POST', '/promises')[0]?.authorization).to.equal('Bearer session-token-northwind');
    await waitUntil(() => $(el, '[part="created"]'), 'shows the promise');
    const shown = text($(el, '[part="created"]'));
    expect(shown).to.contain('Promise recorded');
    expect(shown).to.contain('Thank you. You promised to pay $1,000.00 by Dec 14, 2026.');
    expect(text($(el, '[part~="badge"]'))).to.equal('○ Open');
    expect(shown).to.contain('Reminders paused until Dec 16, 2026. We will remind you on Dec 13, 2026.');
    expect(shown).to.contain('Wire on Friday');
    expect(el.shadowRoot!.activeElement?.id).to.equal('created-heading');
    // Alone on a page there is nowhere to go back to.
    expect($(el, '[part~="back-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says each refusal of the server in words, and loads the invoices again when they changed', async () => {
    const el = await renderPromise();
    await loaded(el);
    type(field(el, 'date'), '2026-12-14');
    const cases = [
      [fail(422, 'promise_date_out_of_range'), 'That date can no longer be chosen. Pick another one.', true],
      [
        fail(422, 'promise_amount_too_large'),
        'That is more than these invoices owe, less any part under dispute.',
        false,
      ],
      [fail(409, 'invoice_not_promisable'), 'it was paid, voided or is disputed in full. We updated the list.', true],
      [fail(409, 'invoice_promised'), 'One of these invoices is already under a promise to pay.', true],
      [fail(404, 'not_found'), 'We can’t find one of these invoices on your account.', false],
      [fail(422, 'invalid_request'), 'Part of the form was not accepted.', false],
      [fail(500, 'internal_error'), 'Something went wrong on our side.', false],
    ] as const;
    for (const [failure, words, reloads] of cases) {
      const lists = sent('GET', '/invoices').length;
      worker.use(mock.createPromise(failure));
      await promise(el);
      await waitUntil(() => $(el, '#problem'), `shows ${failure.code}`);
      expect(text($(el, '#problem')), failure.code)
        .to.contain('We could not record your promise.')
        .and.contain(words);
      expect(el.shadowRoot!.activeElement?.id, failure.code).to.equal('problem');
      if (reloads) await waitUntil(() => sent('GET', '/invoices').length > lists, `reloads after ${failure.code}`);
      else expect(sent('GET', '/invoices').length, failure.code).to.equal(lists);
      await waitUntil(() => !submitButton(el).disabled, 'the form is ready again');
    }
    // What was typed survives the reloads.
    expect(field(el, 'date').value).to.equal('2026-12-14');
    await expect(el).to.be.accessible();
  });

  it('lists the named invoices it cannot take, with why', async () => {
    worker.use(
      mock.listInvoices({
        items: [
          invoice({ number: 'INV-1001', balance: 75_000 }),
          invoice({ number: 'INV-1003', balance: 20_000, promise: { id: 'ptp_1', promisedDate: '2026-12-20' } }),
        ],
        nextCursor: null,
      }),
      mock.getInvoice(invoiceDetail({ number: 'INV-0990', id: 'inv_0990', balance: 0, status: 'paid' })),
    );
    const el = await renderPromise(['INV-1001', 'INV-1003', 'INV-0990']);
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Promise to pay invoice INV-1001');
    expect(field(el, 'amount').value).to.equal('750.00');
    const excluded = text($(el, '[part="excluded"]'));
    expect(excluded).to.contain('Not in this promise');
    expect(excluded).to.contain('INV-1003 Already promised for Dec 20, 2026');
    expect(excluded).to.contain('INV-0990 Paid in full');
    await expect(el).to.be.accessible();
  });

  it('says there is nothing to promise when every invoice named is paid or promised', async () => {
    worker.use(mock.getInvoice(invoiceDetail({ promise: { id: 'ptp_1', promisedDate: '2026-12-20' } })));
    const el = await renderPromise(['INV-1042']);
    await loaded(el);
    expect(text($(el, '[part="empty"]'))).to.contain(
      'Nothing to promise: these invoices are paid, void or already under a promise to pay.',
    );
    expect(text($(el, '[part="excluded"]'))).to.contain('INV-1042 Already promised for Dec 20, 2026');
    expect(sent('GET', '/promises/config')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a designed loading state, then a load error with Retry', async () => {
    worker.use(mock.listInvoices(never));
    const loading = await renderPromise();
    expect(text($(loading, '[part="loading"]'))).to.equal('Loading your invoices…');
    await expect(loading).to.be.accessible();

    worker.use(mock.listInvoices(fail(503, 'unavailable')));
    const el = await renderPromise();
    await loaded(el);
    expect(text($(el, '[part~="error"]'))).to.contain('We could not load the promise form.');
    await expect(el).to.be.accessible();
    worker.use(mock.listInvoices({ items: owed, nextCursor: null }));
    (el.shadowRoot!.querySelector('[part~="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'form'), 'loads again');
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('fits 375 px without scrolling sideways', async () => {
      const el = await renderPromise();
      await loaded(el);
      type(field(el, 'amount'), '1000');
      type(field(el, 'date'), '2026-12-14');
      await el.updateComplete;
      expect(overflowsPage()).to.equal(false);
      expect(submitButton(el).getBoundingClientRect().width).to.be.greaterThan(300);
    });
  });
});
