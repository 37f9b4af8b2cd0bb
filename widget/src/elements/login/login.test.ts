import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import { API, sessionCreated } from '../../../test/fixtures.js';
import { buttonNamed, inShadow, shadowText, type } from '../../../test/dom.js';
import { fail, mock, sent, useMockApi, worker } from '../../../test/mock-api.js';
import { sessionStoreFor } from '../../internal/session-store.js';
import type { LinkRequestBody } from '../../internal/types.js';
import './define.js';
import { normalizeCode, type ArLogin } from './login.js';

async function renderLogin(): Promise<ArLogin> {
  return fixture<ArLogin>(html`<ar-login api=${API} target="invoices?status=past_due"></ar-login>`);
}

async function askForLink(el: ArLogin, email = 'ap@northwind.test'): Promise<void> {
  type(inShadow<HTMLInputElement>(el, '#email'), email);
  buttonNamed(el, 'Email me a sign-in link')!.click();
}

describe('<ar-login>', () => {
  useMockApi();

  describe('asking for a link', () => {
    it('sends the email with this page as returnTo, the target and a binding nonce', async () => {
      worker.use(mock.requestLink({ ok: true, resendAfter: 60 }));
      const el = await renderLogin();
      await expect(el).to.be.accessible();

      await askForLink(el);
      await waitUntil(() => shadowText(el).includes('Check your email'), 'shows the check-your-email view');

      const [request] = sent('POST', '/auth/links');
      const body = request?.body as LinkRequestBody;
      expect(body.email).to.equal('ap@northwind.test');
      expect(body.audience).to.equal('customer');
      expect(body.returnTo).to.equal(location.href.replace(/#.*$/, ''));
      expect(body.target).to.equal('invoices?status=past_due');
      expect(body.nonce).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(localStorage.getItem(`portico:link-nonce:${API}`)).to.contain(body.nonce);
      expect(shadowText(el)).to.contain('We sent a sign-in link to a•••@northwind.test.');
      await expect(el).to.be.accessible();
    });

    it('says so when the email is not an email, without asking the server', async () => {
      const el = await renderLogin();
      await askForLink(el, 'not-an-email');
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Enter a valid email address');
      expect(inShadow(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
      expect(sent('POST', '/auth/links')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows the server’s email_invalid as a field error', async () => {
      worker.use(mock.requestLink(fail(400, 'email_invalid')));
      const el = await renderLogin();
      await askForLink(el, 'ap@northwind.invalid');
      await waitUntil(() => shadowText(el).includes('Enter a valid email address'));
      expect(inShadow(el, '#email')!.getAttribute('aria-describedby')).to.contain('email-error');
    });

    it('tells the person how long to wait when rate limited', async () => {
      worker.use(mock.requestLink(fail(429, 'rate_limited', 120)));
      const el = await renderLogin();
      await askForLink(el);
      await waitUntil(() => shadowText(el).includes('Too many sign-in requests'));
      expect(shadowText(el)).to.contain('Try again in 2 minutes.');
      expect(inShadow(el, '[role="alert"]')).not.to.equal(null);
    });
  });

  describe('signing in with the code', () => {
    async function atCodeStep(): Promise<ArLogin> {
      worker.use(mock.requestLink({ ok: true, resendAfter: 60 }));
      const el = await renderLogin();
      await askForLink(el);
      await waitUntil(() => inShadow(el, '#code'), 'shows the code form');
      return el;
    }

    it('starts the session and fires ar-login with the session info but not the token', async () => {
      worker.use(mock.createSession(sessionCreated()));
      const el = await atCodeStep();
      type(inShadow<HTMLInputElement>(el, '#code'), '123 456');
      const loggedIn = oneEvent(el, 'ar-login');
      buttonNamed(el, 'Sign in with code')!.click();
      const { detail } = await loggedIn;

      expect(detail.user.email).to.equal('ap@northwind.test');
      expect(detail).not.to.have.property('token');
      expect(sent('POST', '/auth/sessions')[0]?.body).to.deep.equal({
        email: 'ap@northwind.test',
        code: '123456',
        audience: 'customer',
      });
      expect(sessionStoreFor(API).token).to.equal('session-token-northwind');
    });

    it('takes a code typed with a space or a dash, as the email shows it', async () => {
      worker.use(mock.createSession(sessionCreated()));
      const el = await atCodeStep();
      const input = inShadow<HTMLInputElement>(el, '#code')!;
      // A phone offers digits and fills one-time codes from the message.
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      // Typed key by key, as a person does: nothing is cut at six characters before the space is dropped.
      input.focus();
      await sendKeys({ type: '123 456' });
      expect(input.value).to.equal('123 456');
      const loggedIn = oneEvent(el, 'ar-login');
      buttonNamed(el, 'Sign in with code')!.click();
      await loggedIn;
      expect((sent('POST', '/auth/sessions')[0]?.body as { code: string }).code).to.equal('123456');

      expect(normalizeCode('123-456')).to.equal('123456');
      expect(normalizeCode(' 12 34 56 ')).to.equal('123456');
      expect(normalizeCode('123\u2013456')).to.equal('123456');
    });

    it('still refuses a code that is not six digits once spaces are dropped', async () => {
      const el = await atCodeStep();
      type(inShadow<HTMLInputElement>(el, '#code'), '123 45');
      buttonNamed(el, 'Sign in with code')!.click();
      await el.updateComplete;
      expect(shadowText(el)).to.contain('The code is 6 digits.');
      expect(sent('POST', '/auth/sessions')).to.have.length(0);
    });

    it('says a wrong code is wrong and lets the person try again', async () => {
      let tries = 0;
      worker.use(mock.createSession(() => (++tries === 1 ? fail(401, 'code_invalid') : sessionCreated())));
      const el = await atCodeStep();
      type(inShadow<HTMLInputElement>(el, '#code'), '000000');
      buttonNamed(el, 'Sign in with code')!.click();
      await waitUntil(() => shadowText(el).includes('That code is not right'));
      expect(inShadow(el, '#code')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      type(inShadow<HTMLInputElement>(el, '#code'), '123456');
      const loggedIn = oneEvent(el, 'ar-login');
      buttonNamed(el, 'Sign in with code')!.click();
      await loggedIn;
      expect(tries).to.equal(2);
    });
  });

  describe('resending', () => {
    it('counts down from resendAfter before offering a new link', async () => {
      worker.use(mock.requestLink({ ok: true, resendAfter: 1 }));
      const el = await renderLogin();
      await askForLink(el);
      await waitUntil(() => buttonNamed(el, 'Send a new link in 1 second'), 'counts down');
      expect(buttonNamed(el, 'Send a new link')!.disabled).to.equal(true);

      await waitUntil(() => buttonNamed(el, 'Send a new link')?.disabled === false, 'enables resend', {
        timeout: 3000,
      });
      buttonNamed(el, 'Send a new link')!.click();
      await waitUntil(() => shadowText(el).includes('We sent a new link'));
      expect(sent('POST', '/auth/links')).to.have.length(2);
    });

    it('restarts the countdown when the server says too_soon', async () => {
      let calls = 0;
      worker.use(mock.requestLink(() => (++calls === 1 ? { ok: true, resendAfter: 0 } : fail(429, 'too_soon', 30))));
      const el = await renderLogin();
      await askForLink(el);
      await waitUntil(() => buttonNamed(el, 'Send a new link')?.disabled === false);
      buttonNamed(el, 'Send a new link')!.click();
      await waitUntil(() => shadowText(el).includes('Try again in 30 seconds'));
      expect(buttonNamed(el, 'Send a new link in 30 seconds')!.disabled).to.equal(true);
    });
  });

  it('shows the form with the email filled in when given one, even in a signed-in tab', async () => {
    sessionStoreFor(API).start(sessionCreated({ scope: { invoiceIds: ['inv_1'] } }));
    const el = await fixture<ArLogin>(html`<ar-login api=${API} email="ap@northwind.test"></ar-login>`);
    expect(inShadow<HTMLInputElement>(el, '#email')!.value).to.equal('ap@northwind.test');
    await expect(el).to.be.accessible();
  });

  it('shows who is signed in when this tab already has a session', async () => {
    sessionStoreFor(API).start(sessionCreated());
    const el = await renderLogin();
    expect(shadowText(el)).to.contain('You are signed in as ap@northwind.test.');
  });
});
