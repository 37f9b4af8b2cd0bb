import '../../../test/resize-observer.js';
import { expect } from '../../../test/testing.js';
import { accountList, invoiceDetail, northwind, paymentConfig, sessionCreated } from '../../../test/fixtures.js';
import { buttonNamed, inShadow, shadowText, type } from '../../../test/dom.js';
import { mock, sent, useMockApi, worker } from '../../../test/mock-api.js';
import './define.js';
import {
  waitUntil,
  renderPortal,
  list,
  easyPay,
  login,
  text,
  selectedTab,
  navButton,
  customerServer,
} from './portal.test-support.js';

describe('<ar-portal>', () => {
  useMockApi();

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
});
