import { expect } from '../../test/testing.js';
import { API, invoices, sessionCreated } from '../../test/fixtures.js';
import { fail, file, mock, offline, sent, signIn, useMockApi, worker } from '../../test/mock-api.js';
import { ApiError, PorticoApi } from './api.js';
import { currentLinkNonce, issueLinkNonce, sessionStoreFor } from './session-store.js';

describe('PorticoApi', () => {
  useMockApi();

  it('sends the session token as a bearer token and never cookies', async () => {
    signIn(sessionCreated());
    worker.use(mock.listInvoices({ items: invoices(1), nextCursor: null }));
    const list = await new PorticoApi(API).listInvoices({ status: 'open', limit: 25 });
    expect(list.items).to.have.length(1);
    const [request] = sent('GET', '/invoices');
    expect(request?.authorization).to.equal('Bearer session-token-northwind');
    expect(request?.query.get('status')).to.equal('open');
  });

  it('asks for a download in the locale given, canonical, and leaves a malformed one to the server', async () => {
    signIn(sessionCreated());
    worker.use(
      mock.invoicePdf(file('application/pdf', 'INV-1042.pdf', '%PDF-1.7')),
      mock.getStatement(file('text/csv', 'statement.csv', 'a,b')),
    );
    const api = new PorticoApi(API);
    await api.downloadInvoicePdf('INV-1042', { locale: 'fr_fr' });
    await api.downloadInvoicePdf('INV-1042', { locale: 'not a locale!' });
    await api.downloadInvoicePdf('INV-1042');
    await api.downloadStatement({ account: 'acc_1' }, 'csv', { locale: 'fr-CA' });
    expect(sent('GET', '/invoices/INV-1042/pdf').map((request) => request.query.get('locale'))).to.deep.equal([
      'fr-FR',
      null,
      null,
    ]);
    const [statement] = sent('GET', '/statement');
    expect(statement?.query.get('locale')).to.equal('fr-CA');
    expect(statement?.query.get('format')).to.equal('csv');
    expect(statement?.query.get('account')).to.equal('acc_1');
  });

  it('turns an error body into an ApiError with its code and retryAfter', async () => {
    worker.use(mock.requestLink(fail(429, 'too_soon', 42)));
    const error = await new PorticoApi(API)
      .requestLink({ email: 'a@b.test', returnTo: 'https://shop.test/portal' })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.include({ status: 429, code: 'too_soon', retryAfter: 42 });
  });

  it('reports an unreachable server as network_error', async () => {
    worker.use(mock.previewLink(offline()));
    const error = await new PorticoApi(API).previewLink({ token: 't' }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'network_error', status: 0 });
  });

  it('does not call the server for signed-in data without a session', async () => {
    const error = await new PorticoApi(API).listAccounts().catch((e: unknown) => e);
    expect(error).to.include({ status: 401, code: 'unauthenticated' });
    expect(sent('GET', '/accounts')).to.have.length(0);
  });

  it('ends the stored session when the server no longer accepts it', async () => {
    signIn(sessionCreated());
    worker.use(mock.listAccounts(fail(401, 'session_expired')));
    const api = new PorticoApi(API);
    await api.listAccounts().catch(() => undefined);
    expect(api.session.token).to.equal(null);
    expect(api.session.endReason).to.equal('expired');
    expect(sessionStorage.getItem(`portico:session:${API}`)).to.equal(null);
  });

  it('keeps the session in sessionStorage only', async () => {
    worker.use(mock.createSession(sessionCreated()));
    await new PorticoApi(API).createSession({ email: 'ap@northwind.test', code: '123456' });
    expect(sessionStorage.getItem(`portico:session:${API}`)).to.contain('session-token-northwind');
    expect(JSON.stringify({ ...localStorage })).not.to.contain('session-token');
    expect(document.cookie).not.to.contain('session-token');
  });

  it('ends the local session on logout even when the server cannot be reached', async () => {
    signIn(sessionCreated());
    worker.use(mock.logout(fail(503, 'internal_error')));
    const store = sessionStoreFor(API);
    await new PorticoApi(API, store).logout();
    expect(store.token).to.equal(null);
  });
});

describe('link binding nonce', () => {
  useMockApi();

  it('is 32 random bytes in base64url, kept for 24 hours', () => {
    const nonce = issueLinkNonce(API, 1_000);
    expect(nonce).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(currentLinkNonce(API, 1_000 + 23 * 3600_000)).to.equal(nonce);
    expect(currentLinkNonce(API, 1_000 + 25 * 3600_000)).to.equal(undefined);
  });

  it('is reused for every link asked for the same day', () => {
    expect(issueLinkNonce(API, 1_000)).to.equal(issueLinkNonce(API, 2_000));
  });
});
