import '../../../test/resize-observer.js';
import { expect } from '../../../test/testing.js';
import { invoice, invoiceDetail, paymentConfig, sessionCreated } from '../../../test/fixtures.js';
import { disputeList, disputeSummary, disputeView } from '../../../test/dispute-fixtures.js';
import { buttonNamed, inShadow, shadowText } from '../../../test/dom.js';
import { mock, sent, useMockApi, worker } from '../../../test/mock-api.js';
import { linkTarget, parseRoute } from '../../internal/routes.js';
import type { ArDisputeEditor } from '../dispute-editor/dispute-editor.js';
import type { ArPortal } from './portal.js';
import './define.js';
import {
  customerServer,
  easyPay,
  list,
  listRows,
  navButton,
  renderPortal,
  signedIn,
  waitUntil,
} from './portal.test-support.js';

const owed = [
  invoice({ number: 'INV-1042', id: 'inv_01HX1042', balance: 42_000, status: 'past_due', daysPastDue: 38 }),
  invoice({ number: 'INV-1050', balance: 125_000 }),
];

function disputeServer(created = sessionCreated()): void {
  customerServer(created);
  worker.use(
    mock.listInvoices({ items: owed, nextCursor: null }),
    mock.getInvoice(invoiceDetail()),
    mock.listDisputes(disputeList(disputeSummary())),
    mock.getDispute(disputeView()),
  );
}

const editor = (el: ArPortal) => inShadow<ArDisputeEditor>(el, 'ar-dispute-editor');
const disputePage = (el: ArPortal) => inShadow(el, 'ar-dispute');
const route = () => history.state['portico:route'] as string;

describe('<ar-portal> disputes', () => {
  useMockApi();

  it('opens the dispute form for the first invoice ticked in the list', async () => {
    disputeServer();
    const el = await renderPortal();
    await signedIn(el);
    await waitUntil(() => listRows(el).length === 2, 'shows the invoices');
    for (const row of listRows(el)) row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await list(el)!.updateComplete;
    inShadow<HTMLButtonElement>(el, 'ar-invoice-list', '[part~="dispute-button"]')!.click();

    await waitUntil(() => editor(el), 'shows the dispute form');
    expect(editor(el)!.invoices).to.deep.equal(['INV-1042', 'INV-1050']);
    expect(list(el)!.hidden).to.equal(true);
    expect(inShadow(el, '#view')).to.have.attribute('aria-label', 'Dispute an invoice');
    expect(navButton(el, 'Invoices')).to.have.attribute('aria-current', 'page');
    expect(route()).to.equal('dispute?invoices=INV-1042,INV-1050&account=acc_northwind');
    await waitUntil(() => inShadow(el, 'ar-dispute-editor', 'form'), 'loads the form');
    expect(shadowText(editor(el)))
      .to.contain('Dispute invoice INV-1042')
      .and.contain('Dispute INV-1050 afterwards');
    await expect(el).to.be.accessible();

    buttonNamed(editor(el), 'Back to invoices')!.click();
    await waitUntil(() => !editor(el) && !list(el)!.hidden, 'back to the list');
  });

  it('after opening a dispute, refreshes the list, pays the rest or shows the dispute', async () => {
    disputeServer();
    worker.use(mock.openDispute(disputeView({ messages: [], attachments: [] })), mock.paymentConfig(paymentConfig()));
    const el = await renderPortal({ target: 'dispute/INV-1042' });
    await waitUntil(() => inShadow(el, 'ar-dispute-editor', 'form'), 'shows the dispute form');
    const form = editor(el)!;
    const listsBefore = sent('GET', '/invoices').length;
    form.dispatchEvent(
      new CustomEvent('ar-dispute-opened', { detail: { dispute: disputeView() }, bubbles: true, composed: true }),
    );
    await waitUntil(() => sent('GET', '/invoices').length > listsBefore, 'refreshes the list');
    expect(editor(el)).to.equal(form);

    form.dispatchEvent(
      new CustomEvent('ar-pay-request', { detail: { invoices: [invoiceDetail()] }, bubbles: true, composed: true }),
    );
    await waitUntil(() => easyPay(el), 'opens the pay view');
    expect(easyPay(el)!.invoices).to.deep.equal(['INV-1042']);
    expect(route()).to.equal('pay/INV-1042?account=acc_northwind');

    history.back();
    await waitUntil(() => editor(el), 'back to the dispute form');
    editor(el)!.dispatchEvent(
      new CustomEvent('ar-dispute-view-request', {
        detail: { dispute: 'dsp_01HXDISPUTE' },
        bubbles: true,
        composed: true,
      }),
    );
    await waitUntil(() => disputePage(el), 'shows the dispute');
    expect(disputePage(el)).to.have.attribute('dispute', 'dsp_01HXDISPUTE');
    expect(navButton(el, 'Disputes')).to.have.attribute('aria-current', 'page');
    expect(route()).to.equal('disputes/dsp_01HXDISPUTE?account=acc_northwind');
    expect(el.shadowRoot!.activeElement?.id).to.equal('view');
  });

  it('shows the disputes from the navigation, and one dispute from its row', async () => {
    disputeServer();
    const el = await renderPortal();
    await signedIn(el);
    navButton(el, 'Disputes').click();
    await waitUntil(() => inShadow(el, 'ar-dispute-list'), 'shows the disputes');
    expect(inShadow(el, '#view')).to.have.attribute('aria-label', 'Disputes');
    expect(route()).to.equal('disputes?account=acc_northwind');
    inShadow(el, 'ar-dispute-list')!.dispatchEvent(
      new CustomEvent('ar-dispute-view-request', {
        detail: { dispute: 'dsp_01HXDISPUTE' },
        bubbles: true,
        composed: true,
      }),
    );
    await waitUntil(() => disputePage(el), 'shows the dispute');
    expect(inShadow(el, 'ar-dispute-list')).to.equal(null);
    history.back();
    await waitUntil(() => inShadow(el, 'ar-dispute-list'), 'back to the disputes');
  });

  it('lands on a dispute from a dispute email’s link', async () => {
    disputeServer(sessionCreated({ target: 'disputes/dsp_01HXDISPUTE' }));
    const el = await renderPortal();
    await waitUntil(() => disputePage(el), 'lands on the dispute');
    expect(disputePage(el)).to.have.attribute('dispute', 'dsp_01HXDISPUTE');
    await waitUntil(() => sent('GET', '/disputes/dsp_01HXDISPUTE').length > 0, 'loads the dispute');
  });

  it('opens the dispute form from an invoice’s detail', async () => {
    disputeServer(sessionCreated({ target: 'invoices/INV-1042' }));
    const el = await renderPortal();
    await waitUntil(() => inShadow(el, 'ar-invoice-detail'), 'shows the invoice');
    inShadow(el, 'ar-invoice-detail')!.dispatchEvent(
      new CustomEvent('ar-dispute-request', { detail: { invoices: [invoiceDetail()] }, bubbles: true, composed: true }),
    );
    await waitUntil(() => editor(el), 'shows the dispute form');
    expect(editor(el)!.invoices).to.deep.equal(['INV-1042']);
    expect(route()).to.equal('dispute/INV-1042?account=acc_northwind');
  });

  it('keeps a dispute route out of an expired session’s sign-in link, which names the invoices instead', async () => {
    disputeServer();
    const el = await renderPortal({ target: 'dispute/INV-1042' });
    await waitUntil(() => editor(el), 'shows the dispute form');
    expect(route()).to.equal('dispute/INV-1042?account=acc_northwind');
    // The link's target: what the server keeps and accepts.
    expect(linkTarget(parseRoute(route())!)).to.equal('invoices?account=acc_northwind');
    expect(linkTarget(parseRoute('disputes/dsp_01HXDISPUTE')!)).to.equal('disputes/dsp_01HXDISPUTE');
    expect(parseRoute('disputes/<script>')).to.equal(null);
  });
});
