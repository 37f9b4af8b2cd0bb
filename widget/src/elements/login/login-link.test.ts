import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.js';
import { API, linkPreview, sessionCreated } from '../../../test/fixtures.js';
import { buttonNamed, shadowText } from '../../../test/dom.js';
import { fail, mock, never, openLink, sent, useMockApi, worker } from '../../../test/mock-api.js';
import { issueLinkNonce } from '../../internal/session-store.js';
import type { ArLoginDetail } from '../../internal/events.js';
import './define.js';
import type { ArLogin } from './login.js';

function renderLogin(): Promise<ArLogin> {
  return fixture<ArLogin>(html`<ar-login api=${API}></ar-login>`);
}

describe('<ar-login> opening a magic link', () => {
  useMockApi();

  it('removes the token from the address bar at once, keeping the rest of the URL', async () => {
    worker.use(mock.previewLink(never));
    openLink('link-token', 'tab=2&');
    const before = location.pathname + location.search;
    const el = await renderLogin();
    expect(location.hash).to.equal('#tab=2');
    expect(location.pathname + location.search).to.equal(before);
    expect(shadowText(el)).to.contain('Checking your sign-in link…');
    await expect(el).to.be.accessible();
    await waitUntil(() => sent('POST', '/auth/links/preview').length === 1, 'previews the link');
  });

  it('signs in at once when this browser asked for the link', async () => {
    const nonce = issueLinkNonce(API);
    worker.use(mock.previewLink(linkPreview({ sameBrowser: true })), mock.createSession(sessionCreated()));
    openLink('link-token');
    const loggedIn = oneEvent(document, 'ar-login') as Promise<CustomEvent<ArLoginDetail>>;
    const el = await renderLogin();
    const { detail } = await loggedIn;

    expect(detail.user.email).to.equal('ap@northwind.test');
    expect(sent('POST', '/auth/links/preview')[0]?.body).to.deep.equal({ token: 'link-token', nonce });
    expect(sent('POST', '/auth/sessions')[0]?.body).to.deep.equal({ token: 'link-token', audience: 'customer' });
    await waitUntil(() => shadowText(el).includes('You are signed in as ap@northwind.test'));
  });

  it('asks "Continue as …" in another browser and exchanges only on the click', async () => {
    worker.use(mock.previewLink(linkPreview({ sameBrowser: false })), mock.createSession(sessionCreated()));
    openLink('link-token');
    const el = await renderLogin();
    await waitUntil(() => buttonNamed(el, 'Continue as a•••@northwind.test'), 'offers to continue');
    expect(sent('POST', '/auth/sessions')).to.have.length(0);
    expect(sent('POST', '/auth/links/preview')[0]?.body).to.deep.equal({ token: 'link-token' });
    await expect(el).to.be.accessible();

    const loggedIn = oneEvent(el, 'ar-login');
    buttonNamed(el, 'Continue as')!.click();
    await loggedIn;
    expect(sent('POST', '/auth/sessions')).to.have.length(1);
  });

  describe('an Easy Pay link', () => {
    const payPreview = linkPreview({
      purpose: 'pay',
      // The company sent it: whatever the nonce says, nobody in this browser asked for it.
      sameBrowser: true,
      pay: {
        company: 'Acme Supplies',
        invoices: [{ number: 'INV-1032', dueDate: '2026-11-01', currency: 'USD', balance: 270_313, payable: 270_313 }],
      },
    });

    it('lands on paying: company, invoice, amount due and one Review and pay button; nothing is exchanged', async () => {
      issueLinkNonce(API);
      worker.use(mock.previewLink(payPreview), mock.createSession(sessionCreated({ target: 'pay/INV-1032' })));
      openLink('pay-token');
      const el = await fixture<ArLogin>(html`<ar-login api=${API} locale="en-US"></ar-login>`);
      await waitUntil(() => buttonNamed(el, 'Review and pay'), 'shows the pay landing');
      const text = shadowText(el);
      expect(text).to.contain('Acme Supplies');
      expect(text).to.contain('Pay invoice INV-1032');
      expect(text).to.contain('Amount due $2,703.13');
      expect(text).to.contain('Due Nov 1, 2026');
      expect(text).not.to.contain('Continue signing in');
      expect(text).not.to.contain('different browser');
      expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(1);
      // Scanner-safe: opening the page only looked at the link.
      expect(sent('POST', '/auth/sessions')).to.have.length(0);
      await expect(el).to.be.accessible();

      const loggedIn = oneEvent(el, 'ar-login') as Promise<CustomEvent<ArLoginDetail>>;
      buttonNamed(el, 'Review and pay')!.click();
      expect((await loggedIn).detail.target).to.equal('pay/INV-1032');
      expect(sent('POST', '/auth/sessions')[0]?.body).to.deep.equal({ token: 'pay-token', audience: 'customer' });
    });

    it('offers only what is left when a payment is already processing', async () => {
      const invoice = { number: 'INV-1032', dueDate: '2026-11-01', currency: 'USD', balance: 270_313, payable: 70_313 };
      worker.use(mock.previewLink({ ...payPreview, pay: { company: 'Acme Supplies', invoices: [invoice] } }));
      openLink('pay-token');
      const el = await fixture<ArLogin>(html`<ar-login api=${API} locale="en-US"></ar-login>`);
      await waitUntil(() => buttonNamed(el, 'Review and pay'), 'shows the pay landing');
      expect(shadowText(el)).to.contain('Amount due $703.13');
      expect(shadowText(el)).to.contain('A payment of $2,000.00 is already processing');
    });

    it('says nothing is left when the whole balance is processing', async () => {
      const invoice = { number: 'INV-1032', dueDate: '2026-11-01', currency: 'USD', balance: 270_313, payable: 0 };
      worker.use(mock.previewLink({ ...payPreview, pay: { company: 'Acme Supplies', invoices: [invoice] } }));
      openLink('pay-token');
      const el = await fixture<ArLogin>(html`<ar-login api=${API} locale="en-US"></ar-login>`);
      await waitUntil(() => buttonNamed(el, 'Review invoice'), 'shows the pay landing');
      expect(shadowText(el)).to.contain('nothing is left to pay');
      expect(shadowText(el)).to.contain('Amount due $0.00');
    });
  });

  it('offers a one-click new link when the link has expired', async () => {
    const nonce = issueLinkNonce(API);
    worker.use(mock.previewLink(fail(401, 'link_expired')), mock.requestLink({ ok: true, resendAfter: 60 }));
    openLink('old-token');
    const el = await renderLogin();
    await waitUntil(() => shadowText(el).includes('This sign-in link has expired.'));
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Send me a new link')!.click();
    await waitUntil(() => shadowText(el).includes('Check your email'));
    expect(sent('POST', '/auth/links')[0]?.body).to.deep.equal({
      resendToken: 'old-token',
      returnTo: location.href.replace(/#.*$/, ''),
      nonce,
    });
    expect(shadowText(el)).to.contain('We sent a new sign-in link to the address the old link was for.');
  });

  it('says when the link was already used, also when that is only found on the exchange', async () => {
    worker.use(mock.previewLink(linkPreview({ sameBrowser: false })), mock.createSession(fail(401, 'link_used')));
    openLink('used-token');
    const el = await renderLogin();
    await waitUntil(() => buttonNamed(el, 'Continue as'));
    buttonNamed(el, 'Continue as')!.click();
    await waitUntil(() => shadowText(el).includes('This sign-in link has already been used.'));
    expect(buttonNamed(el, 'Send me a new link')).not.to.equal(null);
  });

  it('says an unknown link is not valid and shows the email form', async () => {
    worker.use(mock.previewLink(fail(401, 'link_invalid')));
    openLink('bad-token');
    const el = await renderLogin();
    await waitUntil(() => shadowText(el).includes('This sign-in link is not valid.'));
    expect(el.shadowRoot!.querySelector('#email')).not.to.equal(null);
  });

  it('offers a retry when the link cannot be checked', async () => {
    let calls = 0;
    worker.use(
      mock.previewLink(() => (++calls === 1 ? fail(503, 'internal_error') : linkPreview({ sameBrowser: false }))),
    );
    openLink('link-token');
    const el = await renderLogin();
    await waitUntil(() => shadowText(el).includes('We could not check your sign-in link.'));
    buttonNamed(el, 'Retry')!.click();
    await waitUntil(() => buttonNamed(el, 'Continue as'));
  });
});
