import '../../../test/resize-observer.js';
import { expect, fixture, html, oneEvent, waitUntil as waitUntilWithin } from '@open-wc/testing';
import {
  API,
  accountList,
  bookkeeper,
  globex,
  initech,
  invoiceDetail,
  invoices,
  northwind,
  paymentConfig,
  paymentView,
  sessionCreated,
  sessionInfo,
  staffSession,
  statement,
} from '../../../test/fixtures.js';
import { buttonNamed, inShadow, shadowText, type } from '../../../test/dom.js';
import { fail, mock, never, openLink, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { ArEasyPay } from '../easy-pay/easy-pay.js';
import type { ArInvoiceDetail } from '../invoice-detail/invoice-detail.js';
import type { ArInvoiceList } from '../invoice-list/invoice-list.js';
import type { ArLogin } from '../login/login.js';
import type { ArPaymentList } from '../payment-list/payment-list.js';
import type { ArStatement } from '../statement/statement.js';
import './define.js';
import type { ArPortal } from './portal.js';

/** The virtualized list renders its rows a frame or two after its data: give it more than the default second. */
function waitUntil(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: 5000 });
}

function renderPortal(attributes: { audience?: string; target?: string } = {}): Promise<ArPortal> {
  return fixture<ArPortal>(
    html`<ar-portal
      api=${API}
      audience=${attributes.audience ?? 'customer'}
      target=${attributes.target ?? ''}
      locale="en-US"
    ></ar-portal>`,
  );
}

const list = (el: ArPortal) => inShadow<ArInvoiceList>(el, 'ar-invoice-list');
const detail = (el: ArPortal) => inShadow<ArInvoiceDetail>(el, 'ar-invoice-detail');
const statementView = (el: ArPortal) => inShadow<ArStatement>(el, 'ar-statement');
const easyPay = (el: ArPortal) => inShadow<ArEasyPay>(el, 'ar-easy-pay');
const login = (el: ArPortal) => inShadow<ArLogin>(el, 'ar-login');
const payments = (el: ArPortal) => inShadow<ArPaymentList>(el, 'ar-payment-list');
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const selectedTab = (el: ArPortal) =>
  inShadow(el, 'ar-invoice-list', '[role="tab"][aria-selected="true"]')?.textContent?.trim();
const listRows = (el: ArPortal) => [...(list(el)?.shadowRoot?.querySelectorAll<HTMLElement>('tbody.rows tr') ?? [])];
const navButton = (el: ArPortal, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent?.trim() === label)!;

/** A signed-in customer whose server answers session, accounts and invoices. */
function customerServer(created = sessionCreated(), accounts = accountList(northwind)): void {
  signIn(created);
  const { token: _token, ...info } = created;
  worker.use(
    mock.getSession(info),
    mock.listAccounts(accounts),
    mock.listInvoices({ items: invoices(3), nextCursor: null }),
  );
}

async function signedIn(el: ArPortal): Promise<void> {
  await waitUntil(() => list(el), 'shows the signed-in portal');
}

describe('<ar-portal>', () => {
  useMockApi();

  it('shows the sign-in form when there is no session', async () => {
    const el = await renderPortal();
    expect(login(el)).not.to.equal(null);
    expect(login(el)!.getAttribute('audience')).to.equal('customer');
    expect(sent('GET', '/auth/session')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('checks a session restored from this tab before showing anything', async () => {
    signIn(sessionCreated());
    worker.use(mock.getSession(never));
    const el = await renderPortal();
    expect(shadowText(el)).to.contain('Restoring your session…');
    await expect(el).to.be.accessible();
    await waitUntil(() => sent('GET', '/auth/session').length === 1, 'checks the session');
  });

  it('returns to sign-in when the restored session has ended on the server', async () => {
    signIn(sessionCreated());
    worker.use(mock.getSession(fail(401, 'session_expired')));
    const el = await renderPortal();
    await waitUntil(() => login(el), 'shows sign-in');
    await waitUntil(() => shadowText(login(el)).includes('Your session has ended'));
  });

  it('says what failed when the session cannot be checked, and retries', async () => {
    signIn(sessionCreated());
    let calls = 0;
    worker.use(
      mock.getSession(() => (++calls === 1 ? fail(503, 'internal_error') : sessionInfo())),
      mock.listAccounts(accountList(northwind)),
      mock.listInvoices({ items: [], nextCursor: null }),
    );
    const el = await renderPortal();
    await waitUntil(() => shadowText(el).includes('We could not check your session.'));
    buttonNamed(el, 'Retry')!.click();
    await signedIn(el);
  });

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

  it('opens the pay form for the one invoice an Easy Pay link is for, and nothing it cannot see', async () => {
    customerServer(
      sessionCreated({ target: 'pay/INV-1042', scope: { invoiceIds: ['inv_01HX1042'] } }),
      accountList({ ...northwind, counts: { open: 1, past_due: 1, paid: 0, disputed: 0, all: 1 } }),
    );
    worker.use(mock.getInvoice(invoiceDetail()), mock.paymentConfig(paymentConfig()));
    const el = await renderPortal();
    await waitUntil(() => easyPay(el), 'shows the pay form');
    expect(easyPay(el)!.invoices).to.deep.equal(['INV-1042']);
    expect(inShadow(el, '#view')).to.have.attribute('aria-label', 'Pay');
    await waitUntil(() => inShadow(el, 'ar-easy-pay', 'form'), 'loads the invoice to pay');
    expect(shadowText(easyPay(el))).to.contain('Pay invoice INV-1042');
    expect(buttonNamed(easyPay(el), 'Back to invoices')).not.to.equal(null);
    // An Easy Pay session has no statement: none is offered or asked for.
    expect([...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent?.trim())).to.deep.equal([
      'Invoices',
    ]);
    expect(sent('GET', '/statement')).to.have.length(0);
    expect(sent('GET', '/invoices/INV-1042')[0]?.authorization).to.equal('Bearer session-token-northwind');
    expect(history.state['portico:route']).to.equal('pay/INV-1042?account=acc_northwind');
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

  it('logs out and shows sign-in again', async () => {
    customerServer();
    worker.use(mock.logout(undefined));
    const el = await renderPortal();
    await signedIn(el);
    const loggedOut = oneEvent(el, 'ar-logout');
    buttonNamed(el, 'Log out')!.click();
    expect((await loggedOut).detail.reason).to.equal('logout');
    expect(sent('DELETE', '/auth/session')).to.have.length(1);
    await waitUntil(() => login(el));
    expect(shadowText(login(el))).to.contain('You have signed out.');
    expect(sessionStorage.getItem(`portico:session:${API}`)).to.equal(null);
  });

  it('logs out everywhere, and says so when that fails', async () => {
    customerServer();
    let calls = 0;
    worker.use(mock.logoutEverywhere(() => (++calls === 1 ? fail(503, 'internal_error') : undefined)));
    const el = await renderPortal();
    await signedIn(el);

    buttonNamed(el, 'Log out everywhere')!.click();
    await waitUntil(() => shadowText(el).includes('We could not log you out on your other devices.'));
    expect(list(el)).not.to.equal(null);

    const loggedOut = oneEvent(el, 'ar-logout');
    buttonNamed(el, 'Log out everywhere')!.click();
    expect((await loggedOut).detail.reason).to.equal('logout-everywhere');
    expect(sent('DELETE', '/auth/sessions')).to.have.length(2);
  });

  it('returns to sign-in on a 401 and back to the same place after signing in', async () => {
    customerServer();
    const el = await renderPortal();
    await signedIn(el);
    inShadow<HTMLButtonElement>(el, 'ar-invoice-list', '#tab-paid')!.click();
    await list(el)!.updateComplete;

    worker.use(mock.listInvoices(fail(401, 'session_expired')));
    const loggedOut = oneEvent(el, 'ar-logout');
    buttonNamed(list(el), 'Retry')?.click();
    // The Paid tab's list asks the server, which no longer accepts the session.
    expect((await loggedOut).detail.reason).to.equal('expired');
    await waitUntil(() => login(el), 'shows sign-in');
    expect(login(el)!.target).to.equal('invoices?status=paid&account=acc_northwind');
    await waitUntil(() => shadowText(login(el)).includes('Your session has ended'));

    worker.use(
      mock.requestLink({ ok: true, resendAfter: 60 }),
      mock.createSession(sessionCreated({ token: 'second-session' })),
      mock.listInvoices({ items: invoices(2), nextCursor: null }),
    );
    type(inShadow<HTMLInputElement>(login(el)!, '#email'), 'ap@northwind.test');
    buttonNamed(login(el), 'Email me a sign-in link')!.click();
    await waitUntil(() => inShadow(login(el)!, '#code'));
    type(inShadow<HTMLInputElement>(login(el)!, '#code'), '123456');
    buttonNamed(login(el), 'Sign in with code')!.click();
    await signedIn(el);
    expect(selectedTab(el)).to.contain('Paid');
    expect((sent('POST', '/auth/links')[0]?.body as { target: string }).target).to.equal(
      'invoices?status=paid&account=acc_northwind',
    );
  });

  it('returns to sign-in on a 401 in an invoice and back to that invoice after signing in', async () => {
    customerServer(sessionCreated({ target: 'invoices/INV-1042' }));
    worker.use(mock.getInvoice(fail(401, 'session_expired')));
    const el = await renderPortal();
    await waitUntil(() => login(el), 'shows sign-in');
    expect(login(el)!.target).to.equal('invoices/INV-1042?account=acc_northwind');
  });

  it('signs in from a magic link even when this tab had a session', async () => {
    customerServer();
    worker.use(mock.previewLink(never));
    openLink('link-token');
    const el = await renderPortal();
    expect(location.hash).to.equal('');
    await waitUntil(() => shadowText(login(el)).includes('Checking your sign-in link'));
    await waitUntil(() => sent('POST', '/auth/links/preview').length === 1, 'previews the link');
  });

  it('signs in with the 6-digit code and reaches the portal, telling the page', async () => {
    worker.use(
      mock.requestLink({ ok: true, resendAfter: 60 }),
      mock.createSession(sessionCreated()),
      mock.listAccounts(accountList(northwind)),
      mock.listInvoices({ items: invoices(3), nextCursor: null }),
    );
    const el = await renderPortal();
    type(inShadow<HTMLInputElement>(login(el)!, '#email'), 'ap@northwind.test');
    buttonNamed(login(el), 'Email me a sign-in link')!.click();
    await waitUntil(() => inShadow(login(el)!, '#code'), 'asks for the code');
    // As the email shows it, with a space; the page listens for ar-login on the document.
    type(inShadow<HTMLInputElement>(login(el)!, '#code'), '123 456');
    const loggedIn = oneEvent(document, 'ar-login');
    buttonNamed(login(el), 'Sign in with code')!.click();
    expect((await loggedIn).detail.user.email).to.equal('ap@northwind.test');
    await signedIn(el);
    expect((sent('POST', '/auth/sessions')[0]?.body as { code: string }).code).to.equal('123456');
    // The session this page just started needs no check with the server.
    expect(sent('GET', '/auth/session')).to.have.length(0);
    await waitUntil(() => listRows(el).length === 3, 'shows the invoices');
  });

  it('shows the payments beside the invoices and the statement', async () => {
    customerServer();
    worker.use(mock.listPayments({ items: [paymentView()] }));
    const el = await renderPortal();
    await signedIn(el);
    expect([...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent?.trim())).to.deep.equal([
      'Invoices',
      'Payments',
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

  describe('in an Easy Pay session', () => {
    const easyPaySession = sessionCreated({
      token: 'session-token-easy-pay',
      target: 'pay/INV-1042',
      scope: { invoiceIds: ['inv_01HX1042'] },
    });

    function easyPayServer(): void {
      customerServer(
        easyPaySession,
        accountList({ ...northwind, counts: { open: 1, past_due: 1, paid: 0, disputed: 0, all: 1 } }),
      );
      worker.use(mock.getInvoice(invoiceDetail()), mock.paymentConfig(paymentConfig()));
    }

    it('says what the link is for, that balances are that invoice’s, and offers no payments or statement', async () => {
      easyPayServer();
      const el = await renderPortal();
      await waitUntil(() => easyPay(el), 'shows the pay form');
      await waitUntil(() => shadowText(el).includes('This link is for INV-1042 only.'), 'names the invoice');
      expect(text(inShadow(el, '[part="scope"]'))).to.equal(
        'This link is for INV-1042 only. Balances shown here are for that invoice, not your whole account. ' +
          'Sign in to see everything you owe. Sign in to see your whole account',
      );
      expect(sent('GET', '/invoices/inv_01HX1042')).to.have.length(1);
      expect([...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent?.trim())).to.deep.equal([
        'Invoices',
      ]);
      await expect(el).to.be.accessible();
    });

    it('signs in to the whole account with the session’s email, and lands on it', async () => {
      easyPayServer();
      const el = await renderPortal();
      await waitUntil(() => buttonNamed(el, 'Sign in to see your whole account'), 'offers the whole account');
      buttonNamed(el, 'Sign in to see your whole account')!.click();
      await waitUntil(() => login(el), 'shows sign-in');
      await login(el)!.updateComplete;
      expect(inShadow<HTMLInputElement>(login(el)!, '#email')!.value).to.equal('ap@northwind.test');
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'upgrade', 'moves focus to the sign-in');
      await expect(el).to.be.accessible();

      worker.use(
        mock.requestLink({ ok: true, resendAfter: 60 }),
        mock.createSession(sessionCreated({ token: 'session-token-whole', target: 'invoices' })),
        mock.listAccounts(accountList(northwind)),
      );
      buttonNamed(login(el), 'Email me a sign-in link')!.click();
      await waitUntil(() => inShadow(login(el)!, '#code'), 'asks for the code');
      expect(sent('POST', '/auth/links')[0]?.body).to.include({ email: 'ap@northwind.test', target: 'invoices' });
      type(inShadow<HTMLInputElement>(login(el)!, '#code'), '123-456');
      buttonNamed(login(el), 'Sign in with code')!.click();

      await waitUntil(() => list(el) && !list(el)!.hidden && navButton(el, 'Statement'), 'lands on the whole account');
      expect(inShadow(el, '[part="scope"]')).to.equal(null);
      expect(selectedTab(el)).to.contain('Past due');
      expect(sent('GET', '/auth/session')).to.have.length(1);
    });

    it('goes back to the invoice when the person changes their mind', async () => {
      easyPayServer();
      const el = await renderPortal();
      await waitUntil(() => buttonNamed(el, 'Sign in to see your whole account'));
      buttonNamed(el, 'Sign in to see your whole account')!.click();
      await waitUntil(() => login(el));
      buttonNamed(el, 'Back to this invoice')!.click();
      await waitUntil(() => easyPay(el) && !login(el), 'shows the invoice again');
    });
  });

  it('greets staff by name and role and says the console is coming', async () => {
    signIn(staffSession);
    const { token: _token, ...info } = staffSession;
    worker.use(mock.getSession(info));
    const el = await renderPortal({ audience: 'staff' });
    await waitUntil(() => shadowText(el).includes('Signed in as'));
    expect(shadowText(el)).to.contain('Alex Rivera ar@acme.test (Admin)');
    expect(shadowText(el)).to.contain('The staff console is coming soon.');
    expect(buttonNamed(el, 'Log out')).not.to.equal(null);
    expect(sent('GET', '/accounts')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
