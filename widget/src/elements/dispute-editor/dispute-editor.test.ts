import { expect, oneEvent, waitUntil } from '../../../test/testing.js';
import { invoiceDetail } from '../../../test/fixtures.js';
import { type } from '../../../test/dom.js';
import { fail, mock, never, sent, worker } from '../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../test/viewport.js';
import './define.js';
import {
  $,
  $$,
  chooseReason,
  errorOf,
  fileOf,
  fillTwoLines,
  leave,
  lineField,
  loaded,
  message,
  photo,
  pick,
  renderEditor,
  submitButton,
  text,
  tick,
  totals,
  useSignedInCustomer,
} from './dispute-editor.test-support.js';

describe('<ar-dispute-editor>', () => {
  useSignedInCustomer();

  it('offers each line of the invoice, with nothing disputed yet', async () => {
    const el = await renderEditor();
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Dispute invoice INV-1042');
    expect(text($(el, '.form-head'))).to.contain('Balance due $420.00');
    const lines = $$(el, '[part~="line"]');
    expect(lines.map(text)).to.deep.equal([
      'Dispute this line Copy paper, A4, 80 gsm (box of 5 reams) 40 × $25.00 = $1,000.00',
      'Dispute this line Delivery, pallet 2.5 × $200.00 = $500.00',
    ]);
    expect($(el, '#line-1-amount')).to.equal(null);
    expect(totals(el)).to.equal('Disputed: $0.00 · Undisputed rest: $420.00');
    expect(text($(el, 'label[for="dispute-message"]'))).to.equal('Your message to Acme Supplies');
    expect($<HTMLInputElement>(el, '#dispute-files')!.accept).to.equal(
      'image/png,image/jpeg,image/gif,image/webp,application/pdf',
    );
    expect(text(submitButton(el))).to.equal('Open a dispute for $0.00');
    await expect(el).to.be.accessible();
  });

  it('puts a ticked line in question, up to what the balance leaves, and keeps the totals live', async () => {
    const el = await renderEditor();
    await loaded(el);
    await tick(el, 1);
    // The line is $1,000.00 but the invoice owes $420.00: the whole balance is in question.
    expect(lineField(el, 1, 'amount').value).to.equal('420.00');
    expect(text($(el, '#line-1-amount-hint'))).to.equal('At most the line’s amount with its tax, $1,090.00.');
    expect(totals(el)).to.equal('Disputed: $420.00 · Undisputed rest: $0.00');
    type(lineField(el, 1, 'amount'), '120');
    await el.updateComplete;
    expect(totals(el)).to.equal('Disputed: $120.00 · Undisputed rest: $300.00');
    await tick(el, 2);
    expect(lineField(el, 2, 'amount').value).to.equal('300.00');
    expect(text(submitButton(el))).to.equal('Open a dispute for $420.00');
    // Unticked, a line is out of the total, and comes back as it was typed.
    await tick(el, 1);
    expect($(el, '#line-1-amount')).to.equal(null);
    expect(totals(el)).to.equal('Disputed: $300.00 · Undisputed rest: $120.00');
    await tick(el, 1);
    expect(lineField(el, 1, 'amount').value).to.equal('120');
    await expect(el).to.be.accessible();
  });

  it('refuses an amount or quantity above the line’s, and a total above the balance', async () => {
    worker.use(mock.getInvoice(invoiceDetail({ balance: 120_000 })));
    const el = await renderEditor();
    await loaded(el);
    await tick(el, 2);
    type(lineField(el, 2, 'amount'), '545.01');
    await leave(el, lineField(el, 2, 'amount'));
    expect(errorOf(el, 'line-2-amount')).to.equal('Enter at most the line’s amount with its tax, $545.00.');
    expect(lineField(el, 2, 'amount')).to.have.attribute('aria-invalid', 'true');
    type(lineField(el, 2, 'quantity'), '3');
    await leave(el, lineField(el, 2, 'quantity'));
    expect(errorOf(el, 'line-2-quantity')).to.equal('Enter at most the line’s quantity, 2.5.');
    type(lineField(el, 2, 'quantity'), '2.5');
    type(lineField(el, 2, 'amount'), '500');
    await el.updateComplete;
    expect(errorOf(el, 'line-2-quantity')).to.equal('');
    expect(errorOf(el, 'line-2-amount')).to.equal('');

    await tick(el, 1);
    type(lineField(el, 1, 'amount'), '800');
    await el.updateComplete;
    expect(totals(el)).to.contain('Disputed: $1,300.00 · Undisputed rest: $0.00');
    expect(text($(el, '[part="totals"] [role="alert"]'))).to.equal(
      'That is more than the invoice’s balance, $1,200.00. Lower the amounts in question.',
    );
    submitButton(el).click();
    await el.updateComplete;
    expect(sent('POST', '/disputes')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('asks for a line, its reason and a message before sending anything', async () => {
    const el = await renderEditor();
    await loaded(el);
    submitButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'dispute-lines')).to.equal('Tick at least one line you dispute.');
    expect(errorOf(el, 'dispute-message')).to.equal('Write a message saying what is wrong.');
    expect(el.shadowRoot!.activeElement).to.equal(lineField(el, 1, 'ticked'));

    await tick(el, 2);
    submitButton(el).click();
    await el.updateComplete;
    expect(errorOf(el, 'line-2-reason')).to.equal('Choose why you dispute this line.');
    expect(el.shadowRoot!.activeElement).to.equal(lineField(el, 2, 'reason'));
    await chooseReason(el, 2, 'quantity');
    expect(errorOf(el, 'line-2-reason')).to.equal('');
    expect([...lineField<HTMLSelectElement>(el, 2, 'reason').options].map((option) => option.text)).to.deep.equal([
      'Choose a reason',
      'Wrong price',
      'Wrong quantity',
      'Damaged',
      'Not received',
      'Billed twice',
      'Wrong tax',
      'Other',
    ]);
    expect(sent('POST', '/disputes')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('takes at most five images or PDFs of 10 MB each, saying why it leaves one out', async () => {
    const el = await renderEditor();
    await loaded(el);
    await pick(
      el,
      photo(),
      fileOf('drawing.svg', 'image/svg+xml'),
      fileOf('huge.jpg', 'image/jpeg', 11 * 1024 * 1024),
      fileOf('delivery-note.pdf', 'application/pdf', 81_920),
    );
    expect($$(el, '[part="file"]').map(text)).to.deep.equal(['wet-boxes.jpg 240 kB ✕', 'delivery-note.pdf 80 kB ✕']);
    expect($$(el, '[part="file-error"] p').map(text)).to.deep.equal([
      'drawing.svg is not an image or a PDF, so it was not added.',
      'huge.jpg is 11 MB: a file can be at most 10 MB.',
    ]);
    expect($(el, '[part="file-error"]')).to.have.attribute('role', 'alert');
    await pick(el, fileOf('a.png', 'image/png'), fileOf('b.gif', 'image/gif'), fileOf('c.webp', 'image/webp'));
    expect($$(el, '[part="file"]')).to.have.length(5);
    await pick(el, fileOf('sixth.png', 'image/png'));
    expect($$(el, '[part="file"]')).to.have.length(5);
    expect(text($(el, '[part="file-error"]'))).to.equal('At most 5 files: sixth.png not added.');

    $<HTMLButtonElement>(el, '[aria-label="Remove delivery-note.pdf"]')!.click();
    await el.updateComplete;
    expect($$(el, '[part="file"]').map((item) => text(item.querySelector('.file-name')))).to.deep.equal([
      'wet-boxes.jpg',
      'a.png',
      'b.gif',
      'c.webp',
    ]);
    await expect(el).to.be.accessible();
  });

  it('reads French quantities and amounts, in French words', async () => {
    const el = await renderEditor('INV-1042', 'fr-FR');
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Contester la facture INV-1042');
    await tick(el, 2);
    type(lineField(el, 2, 'quantity'), '2,5');
    type(lineField(el, 2, 'amount'), '600');
    await leave(el, lineField(el, 2, 'quantity'));
    await leave(el, lineField(el, 2, 'amount'));
    expect(errorOf(el, 'line-2-quantity')).to.equal('');
    expect(errorOf(el, 'line-2-amount')).to.match(
      /^Saisissez au plus le montant de la ligne, taxe comprise, 545,00\s\$US\.$/,
    );
    await expect(el).to.be.accessible();
  });

  it('offers the way to the open dispute of an invoice already under dispute', async () => {
    worker.use(
      mock.getInvoice(
        invoiceDetail({
          status: 'disputed',
          dispute: { id: 'dsp_01HXDISPUTE', status: 'under_review', amount: 30_000 },
        }),
      ),
    );
    const el = await renderEditor();
    await loaded(el);
    expect(text($(el, '[part="disputed"]'))).to.contain(
      'Invoice INV-1042 is already under dispute ($300.00 in question).',
    );
    expect($(el, 'form')).to.equal(null);
    const requested = oneEvent(el, 'ar-dispute-view-request');
    $<HTMLButtonElement>(el, '[part~="dispute-button"]')!.click();
    expect((await requested).detail).to.deep.equal({ dispute: 'dsp_01HXDISPUTE' });
    await expect(el).to.be.accessible();
  });

  it('says there is nothing to dispute on a paid or void invoice', async () => {
    worker.use(mock.getInvoice(invoiceDetail({ status: 'paid', balance: 0 })));
    const paid = await renderEditor();
    await loaded(paid);
    expect(text($(paid, '[part="empty"]'))).to.equal('✓ Nothing to dispute: invoice INV-1042 is paid in full.');
    await expect(paid).to.be.accessible();

    worker.use(mock.getInvoice(invoiceDetail({ status: 'void' })));
    const voided = await renderEditor();
    await loaded(voided);
    expect(text($(voided, '[part="empty"]'))).to.equal('✓ Nothing to dispute: invoice INV-1042 is void.');
  });

  it('shows a designed loading state, a load error with Retry, and an invoice it cannot find', async () => {
    worker.use(mock.getInvoice(never));
    const loading = await renderEditor();
    expect(text($(loading, '[part="loading"]'))).to.equal('Loading invoice INV-1042…');
    await expect(loading).to.be.accessible();

    worker.use(mock.getInvoice(fail(503, 'unavailable')));
    const el = await renderEditor();
    await loaded(el);
    expect(text($(el, '[part~="error"]'))).to.contain('We could not load the dispute form.');
    await expect(el).to.be.accessible();
    worker.use(mock.getInvoice(invoiceDetail()));
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await waitUntil(() => $(el, 'form'), 'loads again');

    worker.use(mock.getInvoice(fail(404, 'not_found')));
    const missing = await renderEditor('INV-9999');
    await loaded(missing);
    expect(text($(missing, '[part~="not-found"]'))).to.contain('We can’t find invoice INV-9999 on your account.');
    await expect(missing).to.be.accessible();
  });

  it('asks to sign in when there is no session', async () => {
    sessionStorage.clear();
    const el = await renderEditor();
    expect(text($(el, '[part~="signed-out"]'))).to.equal('Sign in to dispute an invoice.');
    expect(sent('GET', '/invoices/INV-1042')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('fits 375 px without scrolling sideways, the line’s fields one under another', async () => {
      const el = await renderEditor();
      await loaded(el);
      await fillTwoLines(el);
      await pick(el, photo());
      await el.updateComplete;
      expect(overflowsPage()).to.equal(false);
      const [reason, quantity] = [lineField(el, 1, 'reason'), lineField(el, 1, 'quantity')];
      expect(quantity.getBoundingClientRect().top).to.be.greaterThan(reason.getBoundingClientRect().bottom);
      expect(submitButton(el).getBoundingClientRect().width).to.be.greaterThan(300);
      expect(message(el).getBoundingClientRect().width).to.be.greaterThan(280);
      await expect(el).to.be.accessible();
    });
  });
});
