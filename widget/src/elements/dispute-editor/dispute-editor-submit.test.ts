import { expect, oneEvent, waitUntil } from '../../../test/testing.js';
import { invoiceDetail } from '../../../test/fixtures.js';
import { disputeView } from '../../../test/dispute-fixtures.js';
import { fail, mock, sent, worker } from '../../../test/mock-api.js';
import type { DisputeAttachmentView } from '../../internal/types.js';
import './define.js';
import {
  $,
  $$,
  bodyOf,
  fileOf,
  fillTwoLines,
  loaded,
  photo,
  pick,
  renderEditor,
  submit,
  submitButton,
  text,
  useSignedInCustomer,
} from './dispute-editor.test-support.js';

function attachmentOf(file: { name: string; type: string; size: number }, id = 'datt_9'): DisputeAttachmentView {
  const type = file.type as DisputeAttachmentView['type'];
  return {
    id,
    name: file.name,
    type,
    size: file.size,
    messageId: null,
    uploadedBy: 'customer',
    createdAt: '2026-12-03T15:00:00.000Z',
  };
}

const opened = disputeView({ messages: [], attachments: [] });
const uploads = () => sent('POST', `/disputes/${opened.id}/attachments`);
const button = (el: Element, part: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

describe('<ar-dispute-editor> opening a dispute', () => {
  useSignedInCustomer();

  it('opens a dispute of two lines with a photo, and offers to pay the undisputed rest', async () => {
    worker.use(
      mock.openDispute(opened),
      mock.uploadAttachment(({ body }) => attachmentOf(body.file)),
    );
    const el = await renderEditor();
    await loaded(el);
    await fillTwoLines(el);
    await pick(el, photo());
    expect(text($(el, '[part="totals"]'))).to.equal('Disputed: $300.00 · Undisputed rest: $120.00');
    expect(text(submitButton(el))).to.equal('Open a dispute for $300.00');

    const openedEvent = oneEvent(el, 'ar-dispute-opened');
    await submit(el);
    expect((await openedEvent).detail).to.deep.equal({ dispute: opened });
    expect(bodyOf()).to.deep.equal({
      invoice: 'inv_01HX1042',
      lines: [
        { line: 1, reason: 'damaged', quantity: 4, amount: 10_000, note: 'Four boxes arrived wet.' },
        { line: 2, reason: 'pricing', amount: 20_000 },
      ],
      message: 'Four boxes were damaged and the delivery was quoted at $120.00 a pallet.',
    });
    expect(sent('POST', '/disputes')[0]?.authorization).to.equal('Bearer session-token-northwind');

    await waitUntil(() => $(el, '[part="attached"]'), 'attaches the photo');
    expect(uploads()).to.have.length(1);
    const sentFile = (uploads()[0]!.body as { file: File }).file;
    expect([sentFile.name, sentFile.type, sentFile.size]).to.deep.equal(['wet-boxes.jpg', 'image/jpeg', 245_760]);
    expect(uploads()[0]!.authorization).to.equal('Bearer session-token-northwind');

    const created = text($(el, '[part="created"]'));
    expect(created).to.contain('Dispute opened');
    expect(created).to.contain('You dispute $300.00 of invoice INV-1042.');
    expect($$(el, '[part="disputed-lines"] li').map(text)).to.deep.equal([
      'Copy paper, A4, 80 gsm (box of 5 reams) Damaged $100.00',
      'Delivery, pallet Wrong price $200.00',
    ]);
    expect(created).to.contain('We have told Acme Supplies; you will get an email at each step.');
    expect(text($(el, '[part="attached"]'))).to.equal('1 file attached.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('created-heading');
    // Alone on a page there is no way back to a list.
    expect($(el, '[part~="back-button"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const payRequest = oneEvent(el, 'ar-pay-request');
    button(el, 'pay-rest-button').click();
    expect(text(button(el, 'pay-rest-button'))).to.equal('Pay the undisputed $120.00 now');
    const [invoice] = (await payRequest).detail.invoices;
    expect([invoice!.number, invoice!.status, invoice!.dispute]).to.deep.equal([
      'INV-1042',
      'disputed',
      { id: opened.id, status: 'open', amount: 30_000 },
    ]);

    const viewRequest = oneEvent(el, 'ar-dispute-view-request');
    button(el, 'dispute-button').click();
    expect((await viewRequest).detail).to.deep.equal({ dispute: opened.id });
  });

  it('says which file failed and why, and lets the customer try again or skip it', async () => {
    worker.use(
      mock.openDispute(opened),
      mock.uploadAttachment(({ body }) =>
        body.file.name === 'scan.pdf' ? fail(415, 'attachment_type_unsupported') : attachmentOf(body.file),
      ),
    );
    const el = await renderEditor();
    await loaded(el);
    await fillTwoLines(el);
    await pick(el, fileOf('scan.pdf', 'application/pdf'), photo());
    await submit(el);

    await waitUntil(() => $(el, '[part~="upload-error"]'), 'says the upload failed');
    expect(text($(el, '[part~="upload-error"]')))
      .to.contain('Your dispute is open, but we could not attach scan.pdf.')
      .and.contain('Its content is not an image or a PDF.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('upload-problem');
    // The next file waits for the customer's choice; the dispute is there meanwhile.
    expect(uploads()).to.have.length(1);
    expect(button(el, 'pay-rest-button')).to.not.equal(null);
    await expect(el).to.be.accessible();

    button(el, 'retry-upload-button').click();
    await waitUntil(() => uploads().length === 2, 'tries the same file again');
    await waitUntil(() => $(el, '[part~="upload-error"]'), 'fails again');
    button(el, 'skip-upload-button').click();
    await waitUntil(() => $(el, '[part="attached"]'), 'goes on with the rest');
    expect(uploads().map((request) => (request.body as { file: File }).file.name)).to.deep.equal([
      'scan.pdf',
      'scan.pdf',
      'wet-boxes.jpg',
    ]);
    expect(text($(el, '[part="attached"]'))).to.equal(
      '1 file attached. Not attached: scan.pdf. Add files on the dispute’s page.',
    );
  });

  it('names the other upload refusals: too large, too many, dispute closed', async () => {
    const codes = [
      [fail(413, 'attachment_too_large'), 'It is larger than 10 MB.'],
      [fail(409, 'attachment_limit'), 'The dispute already has 5 files.'],
      [fail(409, 'dispute_not_open'), 'The dispute is no longer open.'],
    ] as const;
    for (const [failure, words] of codes) {
      worker.use(mock.openDispute(opened), mock.uploadAttachment(failure));
      const el = await renderEditor();
      await loaded(el);
      await fillTwoLines(el);
      await pick(el, photo());
      await submit(el);
      await waitUntil(() => $(el, '[part~="upload-error"]'), `shows ${failure.code}`);
      expect(text($(el, '[part~="upload-error"]')), failure.code).to.contain(words);
    }
  });

  it('says each refusal of the server in words, and loads the invoice again when it may have changed', async () => {
    const el = await renderEditor();
    await loaded(el);
    await fillTwoLines(el);
    const cases = [
      [fail(422, 'dispute_amount_too_large'), 'An amount or quantity is more than its line', true],
      [fail(422, 'dispute_line_invalid'), 'One of these lines is no longer on the invoice.', true],
      [fail(409, 'invoice_not_disputable'), 'This invoice was paid or voided meanwhile.', true],
      [fail(422, 'invalid_request'), 'Part of the form was not accepted.', false],
      [fail(500, 'internal_error'), 'Something went wrong on our side.', false],
    ] as const;
    for (const [failure, words, reloads] of cases) {
      const loads = sent('GET', '/invoices/INV-1042').length;
      worker.use(mock.openDispute(failure));
      await submit(el);
      await waitUntil(() => $(el, '#problem'), `shows ${failure.code}`);
      expect(text($(el, '#problem')), failure.code)
        .to.contain('We could not open the dispute.')
        .and.contain(words);
      expect(el.shadowRoot!.activeElement?.id, failure.code).to.equal('problem');
      if (reloads) {
        await waitUntil(() => sent('GET', '/invoices/INV-1042').length > loads, `reloads after ${failure.code}`);
      } else expect(sent('GET', '/invoices/INV-1042').length, failure.code).to.equal(loads);
      await waitUntil(() => !submitButton(el).disabled, 'the form is ready again');
    }
    // What was typed survives the reloads.
    expect(bodyOf(4).lines).to.have.length(2);
    expect($<HTMLInputElement>(el, '#line-1-amount')!.value).to.equal('100');
    await expect(el).to.be.accessible();
  });

  it('shows the open dispute when the invoice was disputed meanwhile', async () => {
    let disputed = false;
    worker.use(
      mock.getInvoice(() =>
        invoiceDetail(
          disputed ? { status: 'disputed', dispute: { id: 'dsp_other', status: 'open', amount: 5_000 } } : {},
        ),
      ),
      mock.openDispute(() => {
        disputed = true;
        return fail(409, 'invoice_disputed');
      }),
    );
    const el = await renderEditor();
    await loaded(el);
    await fillTwoLines(el);
    submitButton(el).click();
    await waitUntil(() => $(el, '[part="disputed"]'), 'shows the other dispute');
    expect(text($(el, '[part="disputed"]'))).to.contain(
      'Invoice INV-1042 is already under dispute ($50.00 in question).',
    );
  });

  it('says disputes are one invoice at a time when several are asked for', async () => {
    const el = await renderEditor();
    el.invoices = ['INV-1042', 'INV-1050', 'INV-1051'];
    el.invoice = '';
    await loaded(el);
    expect(text($(el, '[part="one-at-a-time"]'))).to.equal(
      'A dispute is about one invoice: this one is for INV-1042. Dispute INV-1050 and INV-1051 afterwards, the same way.',
    );
    expect(sent('GET', '/invoices/INV-1050')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
