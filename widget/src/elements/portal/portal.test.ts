import '../../../test/resize-observer.js';
import { expect, oneEvent } from '../../../test/testing.js';
import {
  API,
  accountList,
  invoices,
  northwind,
  sessionCreated,
  sessionInfo,
  staffSession,
} from '../../../test/fixtures.js';
import { buttonNamed, inShadow, shadowText, type } from '../../../test/dom.js';
import { endpoint, fail, mock, never, openLink, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import './define.js';
import {
  waitUntil,
  renderPortal,
  list,
  login,
  selectedTab,
  listRows,
  customerServer,
  signedIn,
} from './portal.test-support.js';

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

  it('hands staff to the console, which signs them in and shows their role', async () => {
    signIn(staffSession);
    const { token: _token, ...info } = staffSession;
    worker.use(mock.getSession(info), endpoint('get', '/admin/overview')(never));
    const el = await renderPortal({ audience: 'staff' });
    const admin = () => el.shadowRoot!.querySelector('ar-admin');
    await waitUntil(() => admin() && shadowText(admin()).includes('Alex Rivera · Admin'), 'shows the console');
    expect(admin()!.getAttribute('part')).to.equal('admin');
    expect(sent('GET', '/accounts')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
