import '../../../test/resize-observer.js';
import { expect, fixture, html, oneEvent } from '../../../test/testing.js';
import {
  API,
  accountList,
  bookkeeper,
  globex,
  initech,
  invoiceDetail,
  paymentConfig,
  paymentView,
  sessionCreated,
  statement,
} from '../../../test/fixtures.js';
import { buttonNamed, inShadow, type } from '../../../test/dom.js';
import { mock, sent, useMockApi, worker } from '../../../test/mock-api.js';
import './define.js';
import type { ArPortal } from './portal.js';
import {
  waitUntil,
  renderPortal,
  list,
  detail,
  statementView,
  easyPay,
  payments,
  selectedTab,
  listRows,
  navButton,
  customerServer,
  signedIn,
} from './portal.test-support.js';

describe('<ar-portal>', () => {
  useMockApi();

  it('shows the company, the user and the Past due tab when the account has past-due invoices', async () => {
    customerServer();
    const el = await renderPortal();
    await signedIn(el);
    expect(inShadow(el, '[part="company"]')).to.have.text('Acme Supplies');
    expect(inShadow(el, '[part="user"]')!.textContent).to.contain('ap@northwind.test');
    expect(selectedTab(el)).to.contain('Past due');
    expect(list(el)!.status).to.equal('past_due');
    expect(list(el)!.account).to.equal('acc_northwind');
    expect(inShadow(el, 'ar-invoice-list', 'select')).to.equal(null);
    await waitUntil(() => listRows(el).length === 3, 'shows the invoices');
    await expect(el).to.be.accessible();
  });

  it('lands on Open when nothing is past due', async () => {
    customerServer(sessionCreated(), accountList(globex));
    const el = await renderPortal();
    await signedIn(el);
    expect(selectedTab(el)).to.contain('Open');
  });

  it('lands on the tab the sign-in link targeted', async () => {
    customerServer(sessionCreated({ target: 'invoices?status=paid' }));
    const el = await renderPortal();
    await signedIn(el);
    expect(selectedTab(el)).to.contain('Paid');
  });

  it('opens the invoice a sign-in link targeted in detail', async () => {
    customerServer(sessionCreated({ target: 'invoices/INV-1042' }));
    worker.use(mock.getInvoice(invoiceDetail()));
    const el = await renderPortal();
    await waitUntil(() => detail(el), 'shows the invoice');
    expect(detail(el)!.invoice).to.equal('INV-1042');
    expect(list(el)!.hidden).to.equal(true);
    expect(navButton(el, 'Invoices')).to.have.attribute('aria-current', 'page');
    await waitUntil(() => detail(el)!.shadowRoot!.querySelector('article'), 'loads the invoice');
    expect(sent('GET', '/invoices/INV-1042')[0]?.authorization).to.equal('Bearer session-token-northwind');
    await expect(el).to.be.accessible();
  });

  it('lands on the statement a sign-in link targeted', async () => {
    customerServer(sessionCreated({ target: 'statement' }));
    worker.use(mock.getStatement(statement()));
    const el = await renderPortal();
    await waitUntil(() => statementView(el), 'shows the statement');
    expect(statementView(el)!.account).to.equal('acc_northwind');
    expect(navButton(el, 'Statement')).to.have.attribute('aria-current', 'page');
    await waitUntil(() => statementView(el)!.shadowRoot!.querySelector('[part="table"]'), 'loads the statement');
    await expect(el).to.be.accessible();
  });

  it('pays the invoices ticked in the list, then goes back to the list, refreshed', async () => {
    customerServer();
    worker.use(mock.paymentConfig(paymentConfig()), mock.createPayment(paymentView({ allocations: [] })));
    const el = await renderPortal();
    await signedIn(el);
    await waitUntil(() => listRows(el).length === 3, 'shows the invoices');
    for (const row of listRows(el).slice(0, 2)) row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await list(el)!.updateComplete;
    buttonNamed(inShadow(el, 'ar-invoice-list'), 'Pay')!.click();

    await waitUntil(() => easyPay(el), 'opens the pay form');
    expect(easyPay(el)!.invoices).to.deep.equal(['INV-1001', 'INV-1002']);
    expect(list(el)!.hidden).to.equal(true);
    expect(history.state['portico:route']).to.equal('pay?invoices=INV-1001,INV-1002&account=acc_northwind');
    await waitUntil(() => inShadow(el, 'ar-easy-pay', 'form'), 'loads the invoices to pay');
    expect(sent('GET', '/invoices')[1]?.query.get('account')).to.equal('acc_northwind');

    const pay = easyPay(el)!;
    type(inShadow<HTMLInputElement>(pay, '#card-number'), '4242 4242 4242 4242');
    type(inShadow<HTMLInputElement>(pay, '#card-expiry'), '12/34');
    type(inShadow<HTMLInputElement>(pay, '#card-cvc'), '123');
    type(inShadow<HTMLInputElement>(pay, '#card-name'), 'Nancy Davolio');
    const listLoads = sent('GET', '/invoices').length;
    const succeeded = oneEvent(el, 'ar-payment-succeeded');
    inShadow<HTMLButtonElement>(pay, '[part~="pay-button"]')!.click();
    expect((await succeeded).detail.receiptNumber).to.equal('R-2026-000123');
    expect((sent('POST', '/payments')[0]?.body as { allocations: unknown[] }).allocations).to.deep.equal([
      { invoiceId: 'inv_INV-1001', amount: 125_000 },
      { invoiceId: 'inv_INV-1002', amount: 125_000 },
    ]);
    // The list behind loads its balances and totals again while the receipt shows.
    await waitUntil(() => sent('GET', '/invoices').length > listLoads, 'refreshes the list');
    await waitUntil(() => sent('GET', '/accounts').length === 2, 'refreshes the totals');

    await waitUntil(() => buttonNamed(pay, 'Back to invoices'), 'offers the way back');
    buttonNamed(pay, 'Back to invoices')!.click();
    await waitUntil(() => !easyPay(el) && !list(el)!.hidden, 'shows the list again');
  });

  it('opens an invoice from the list, and goes back to the same list with focus on its row', async () => {
    customerServer();
    worker.use(mock.getInvoice(() => invoiceDetail({ number: 'INV-1002' })));
    const el = await renderPortal();
    await signedIn(el);
    await waitUntil(() => listRows(el).length === 3, 'shows the invoices');

    listRows(el)[1]!.click();
    await waitUntil(() => detail(el), 'opens the invoice');
    expect(detail(el)!.invoice).to.equal('INV-1002');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'view', 'moves focus to the view');
    expect(inShadow(el, '#view')).to.have.attribute('aria-label', 'Invoice INV-1002');
    await waitUntil(() => buttonNamed(detail(el), 'Back to invoices'), 'offers the way back');

    buttonNamed(detail(el), 'Back to invoices')!.click();
    await waitUntil(() => !detail(el) && !list(el)!.hidden, 'shows the list again');
    // The list was kept: no new request, and focus returns to the row that was opened.
    expect(sent('GET', '/invoices')).to.have.length(1);
    await waitUntil(() => list(el)!.shadowRoot!.activeElement === listRows(el)[1], 'focuses the row');
  });

  it('moves between the invoices and the statement from its navigation', async () => {
    customerServer();
    worker.use(mock.getStatement(statement()));
    const el = await renderPortal();
    await signedIn(el);
    expect(inShadow(el, 'nav')).to.have.attribute('aria-label', 'Portal');

    navButton(el, 'Statement').click();
    await waitUntil(() => statementView(el), 'shows the statement');
    expect(list(el)!.hidden).to.equal(true);
    await waitUntil(() => sent('GET', '/statement').length === 1, 'loads the statement');

    navButton(el, 'Invoices').click();
    await waitUntil(() => !statementView(el) && !list(el)!.hidden, 'shows the invoices');
    expect(selectedTab(el)).to.contain('Past due');
  });

  it('follows the browser’s Back and Forward between its views, keeping the page’s URL and state', async () => {
    history.replaceState({ hostRouter: 7 }, '');
    const url = location.href;
    customerServer();
    worker.use(mock.getInvoice(() => invoiceDetail({ number: 'INV-1001' })));
    const el = await renderPortal();
    await signedIn(el);
    await waitUntil(() => listRows(el).length === 3, 'shows the invoices');
    expect(history.state).to.deep.equal({
      hostRouter: 7,
      'portico:route': 'invoices?status=past_due&account=acc_northwind',
    });

    listRows(el)[0]!.click();
    await waitUntil(() => detail(el), 'opens the invoice');
    expect(history.state).to.deep.equal({ hostRouter: 7, 'portico:route': 'invoices/INV-1001?account=acc_northwind' });
    expect(location.href).to.equal(url);

    history.back();
    await waitUntil(() => !detail(el) && !list(el)!.hidden, 'goes back to the list');
    history.forward();
    await waitUntil(() => detail(el)?.invoice === 'INV-1001', 'goes forward to the invoice');
  });

  it('keeps out of the browser’s history when asked', async () => {
    customerServer();
    worker.use(mock.getInvoice(invoiceDetail({ number: 'INV-1001' })));
    const el = await fixture<ArPortal>(html`<ar-portal api=${API} no-history locale="en-US"></ar-portal>`);
    await signedIn(el);
    await waitUntil(() => listRows(el).length === 3, 'shows the invoices');
    listRows(el)[0]!.click();
    await waitUntil(() => detail(el), 'opens the invoice');
    expect(history.state).to.equal(null);
  });

  it('lets a bookkeeper switch between their accounts in the list', async () => {
    customerServer(bookkeeper, accountList(globex, initech));
    const el = await renderPortal();
    await signedIn(el);
    await waitUntil(() => inShadow(el, 'ar-invoice-list', 'select#account'), 'shows the switcher');
    const select = inShadow<HTMLSelectElement>(el, 'ar-invoice-list', 'select#account')!;
    expect([...select.options].map((option) => option.text)).to.deep.equal(['Globex', 'Initech']);
    await expect(el).to.be.accessible();

    select.value = initech.id;
    const changed = oneEvent(el, 'ar-account-change');
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail.account.name).to.equal('Initech');
    await el.updateComplete;
    expect(list(el)!.account).to.equal(initech.id);
    expect(list(el)!.getAttribute('account')).to.equal(initech.id);
    // Accounts are loaded once and shared by the portal and the list.
    expect(sent('GET', '/accounts')).to.have.length(1);
  });

  it('shows the payments beside the invoices and the statement', async () => {
    customerServer();
    worker.use(mock.listPayments({ items: [paymentView()] }));
    const el = await renderPortal();
    await signedIn(el);
    expect([...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent?.trim())).to.deep.equal([
      'Invoices',
      'Payments',
      'Promises',
      'Disputes',
      'Statement',
    ]);
    navButton(el, 'Payments').click();
    await waitUntil(() => payments(el), 'shows the payments');
    expect(list(el)!.hidden).to.equal(true);
    expect(navButton(el, 'Payments')).to.have.attribute('aria-current', 'page');
    expect(inShadow(el, '#view')).to.have.attribute('aria-label', 'Payments');
    expect(history.state['portico:route']).to.equal('payments?account=acc_northwind');
    await waitUntil(() => payments(el)!.shadowRoot!.querySelector('[part="payment"]'), 'loads the payments');
    expect(sent('GET', '/payments')[0]?.query.get('account')).to.equal('acc_northwind');
    await expect(el).to.be.accessible();

    // Signed out from there, the new link lands on the list: the server's targets have no payments view.
    navButton(el, 'Invoices').click();
    await waitUntil(() => !payments(el) && !list(el)!.hidden, 'shows the invoices');
  });
});
