import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession, sessionCreated } from '../../../../test/fixtures.js';
import { fail, mock, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import '../../login/define.js';
import {
  $,
  adminSettings,
  button,
  collector,
  fill,
  getSettings,
  patchSettings,
  preview,
  renderSettings,
  text,
} from './settings.test-support.js';

describe('<ar-admin-settings>', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('speaks French', async () => {
    worker.use(getSettings(adminSettings()));
    const el = await renderSettings('payments', 'fr');
    // The first French render fetches both French catalogs (a chunk each).
    await waitUntil(() => $(el, '#surchargeRateBp'), 'the French form', { timeout: 15_000 });
    expect(text(el)).to.include('Paramètres');
    expect(text(el)).to.include('Frais de carte (%)');
    expect(button(el, 'Enregistrer')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what loads, then shows the company section by default', async () => {
    worker.use(getSettings(never));
    const el = await renderSettings();
    await waitUntil(() => $(el, '[part="loading"]'));
    expect(text(el)).to.include('Loading the settings…');
    await expect(el).to.be.accessible();
  });

  it('explains a failed load and loads again on Retry', async () => {
    let calls = 0;
    worker.use(getSettings(() => (++calls === 1 ? fail(500, 'internal_error') : adminSettings())));
    const el = await renderSettings('company');
    await waitUntil(() => $(el, '[part="error"]'));
    expect(text(el)).to.include('We could not load the settings.');
    await expect(el).to.be.accessible();
    button(el, 'Retry').click();
    await waitUntil(() => $(el, '#companyName'));
    expect($<HTMLInputElement>(el, '#companyName')!.value).to.equal('Acme Supplies');
    expect($(el, 'a[aria-current="page"]')!.textContent).to.equal('Company');
    expect($(el, 'a[href="#admin/settings/staff"]')).to.not.equal(null);
  });

  it('saves only the company fields that changed', async () => {
    worker.use(
      getSettings(adminSettings()),
      patchSettings(({ body }) => adminSettings(body.values as never)),
    );
    const el = await renderSettings('company');
    await waitUntil(() => $(el, '#companyName'));
    await expect(el).to.be.accessible();
    fill(el, 'companyName', '  Acme Supplies Inc. ');
    fill(el, 'timeZone', 'Europe/Paris');
    button(el, 'Save').click();
    await waitUntil(() => text(el).includes('Saved.'));
    expect(sent('PATCH', '/admin/settings').map((r) => r.body)).to.deep.equal([
      { values: { companyName: 'Acme Supplies Inc.', timeZone: 'Europe/Paris' } },
    ]);
    expect($<HTMLInputElement>(el, '#companyName')!.value).to.equal('Acme Supplies Inc.');
    await expect(el).to.be.accessible();
  });

  it('says nothing changed instead of sending an empty change', async () => {
    worker.use(getSettings(adminSettings()));
    const el = await renderSettings('promises');
    await waitUntil(() => $(el, '#promiseHorizonDays'));
    button(el, 'Save').click();
    await waitUntil(() => text(el).includes('Nothing has changed.'));
    expect(sent('PATCH', '/admin/settings')).to.have.length(0);
  });

  it('saves the surcharge as basis points, its cap in minor units and the overpayment switch', async () => {
    worker.use(
      getSettings(adminSettings()),
      patchSettings(({ body }) => adminSettings(body.values as never)),
    );
    const el = await renderSettings('payments');
    await waitUntil(() => $(el, '#surchargeRateBp'));
    fill(el, 'surchargeRateBp', '2.5');
    fill(el, 'surchargeCap', '25.00');
    $<HTMLInputElement>(el, '#allowOverpayment')!.click();
    button(el, 'Save').click();
    await waitUntil(() => text(el).includes('Saved.'));
    expect(sent('PATCH', '/admin/settings')[0]!.body).to.deep.equal({
      values: { surchargeRateBp: 250, surchargeCap: 2500, allowOverpayment: true },
    });
  });

  it('shows a field’s problem beside it and sends nothing', async () => {
    worker.use(getSettings(adminSettings()));
    const el = await renderSettings('promises');
    await waitUntil(() => $(el, '#promiseHorizonDays'));
    fill(el, 'promiseHorizonDays', 'soon');
    button(el, 'Save').click();
    await waitUntil(() => $(el, '#promiseHorizonDays-error'));
    expect(text($(el, '#promiseHorizonDays-error')!)).to.equal('Enter a whole number.');
    expect($(el, '#promiseHorizonDays')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el)).to.include('Some values need a look; nothing was saved.');
    expect(sent('PATCH', '/admin/settings')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s refusal of a change', async () => {
    worker.use(getSettings(adminSettings()), patchSettings(fail(422, 'validation_failed')));
    const el = await renderSettings('company');
    await waitUntil(() => $(el, '#timeZone'));
    fill(el, 'timeZone', 'Mars/Olympus');
    button(el, 'Save').click();
    await waitUntil(() => $(el, '[role="alert"]'));
    expect(text($(el, '[role="alert"]')!)).to.include('The change was not saved. Mock validation_failed.');
  });

  it('saves the reminder sequence and previews its email from the unsaved form', async () => {
    worker.use(
      getSettings(adminSettings()),
      patchSettings(({ body }) => adminSettings(body.values as never)),
      preview({
        steps: [
          { offset: -5, label: 'in 5 days' },
          { offset: 10, label: '10 days past due' },
        ],
        email: { subject: 'Invoice INV-0000 is due in 5 days', text: 'Hello,\nINV-0000: $1,250.00', html: '<p></p>' },
      }),
    );
    const el = await renderSettings('dunning');
    await waitUntil(() => $(el, '#offsets'));
    expect($<HTMLInputElement>(el, '#offsets')!.value).to.equal('-3, 0, 7, 14, 30');
    fill(el, 'offsets', '-5, 10');
    fill(el, 'repeatDays', '');
    button(el, 'Preview the email').click();
    await waitUntil(() => text(el).includes('Invoice INV-0000 is due in 5 days'));
    expect(sent('POST', '/admin/settings/dunning/preview')[0]!.body).to.deep.equal({
      dunningSequence: { offsets: [-5, 10], repeatDays: null },
    });
    expect([...el.shadowRoot!.querySelectorAll('.steps li')].map((li) => li.textContent)).to.deep.equal([
      'in 5 days',
      '10 days past due',
    ]);
    expect($(el, 'pre')!.textContent).to.include('INV-0000: $1,250.00');
    await expect(el).to.be.accessible();
    button(el, 'Save').click();
    await waitUntil(() => text(el).includes('Saved.'));
    expect(sent('PATCH', '/admin/settings')[0]!.body).to.deep.equal({
      values: { dunningSequence: { offsets: [-5, 10], repeatDays: null } },
    });
  });

  it('refuses reminder days that are not numbers', async () => {
    worker.use(getSettings(adminSettings()));
    const el = await renderSettings('dunning');
    await waitUntil(() => $(el, '#offsets'));
    fill(el, 'offsets', '-3, next week');
    button(el, 'Save').click();
    await waitUntil(() => $(el, '#offsets-error'));
    expect(text($(el, '#offsets-error')!)).to.include('Enter whole numbers separated by commas');
    expect(sent('PATCH', '/admin/settings')).to.have.length(0);
  });

  it('adds a team and tells it of tax disputes', async () => {
    worker.use(
      getSettings(adminSettings()),
      patchSettings(({ body }) => adminSettings(body.values as never)),
    );
    const el = await renderSettings('disputes');
    await waitUntil(() => $(el, '#team-0'));
    await expect(el).to.be.accessible();
    button(el, 'Add a team').click();
    await waitUntil(() => $(el, '#team-2'));
    fill(el, 'team-2', 'billing');
    fill(el, 'team-email-2', 'billing@acme.test');
    await el.updateComplete;
    const tax = [...el.shadowRoot!.querySelectorAll('fieldset.reason')].find((f) => f.textContent!.includes('Tax'))!;
    const billing = [...tax.querySelectorAll('label')].find((l) => l.textContent!.includes('billing'))!;
    billing.querySelector('input')!.click();
    button(el, 'Save').click();
    await waitUntil(() => text(el).includes('Saved.'));
    const { disputeRouting } = (sent('PATCH', '/admin/settings')[0]!.body as { values: Record<string, never> }).values;
    expect(disputeRouting).to.deep.equal({
      teams: { shipping: 'shipping@acme.test', sales: '', billing: 'billing@acme.test' },
      reasons: {
        pricing: ['sales'],
        quantity: ['sales'],
        damaged: ['shipping'],
        not_received: ['shipping'],
        duplicate: ['sales'],
        tax: ['sales', 'billing'],
        other: [],
      },
    });
  });

  it('asks for a fresh sign-in when the server wants one, then saves once signed in', async () => {
    let patches = 0;
    worker.use(
      getSettings(adminSettings()),
      patchSettings(({ body }) =>
        ++patches === 1 ? fail(403, 'reauth_required') : adminSettings(body.values as never),
      ),
      mock.requestLink({ ok: true, resendAfter: 60 }),
      mock.createSession(sessionCreated({ ...staffSession, token: 'session-token-fresh' })),
    );
    const el = await renderSettings('promises');
    await waitUntil(() => $(el, '#promiseToleranceDays'));
    fill(el, 'promiseToleranceDays', '5');
    button(el, 'Save').click();
    await waitUntil(() => $(el, 'ar-login'));
    expect(text(el)).to.include('Confirm it’s you');
    const login = $(el, 'ar-login')!;
    expect(login.getAttribute('audience')).to.equal('staff');
    expect(login.getAttribute('email')).to.equal('ar@acme.test');
    await expect(el).to.be.accessible();
    await waitUntil(() => login.shadowRoot?.querySelector('button[type="submit"]'));
    login.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => login.shadowRoot!.querySelector('#code'));
    const code = login.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    code.value = '123456';
    code.dispatchEvent(new Event('input', { bubbles: true }));
    login.shadowRoot!.querySelector<HTMLButtonElement>('.code-form button[type="submit"]')!.click();
    await waitUntil(() => text(el).includes('Saved.'));
    const tries = sent('PATCH', '/admin/settings');
    expect(tries.map((r) => r.body)).to.deep.equal([
      { values: { promiseToleranceDays: 5 } },
      { values: { promiseToleranceDays: 5 } },
    ]);
    expect(tries[1]!.authorization).to.equal('Bearer session-token-fresh');
    expect($(el, 'ar-login')).to.equal(null);
  });

  it('shows a collector that settings are for admins, and asks for nothing', async () => {
    signIn(collector);
    worker.use(getSettings(adminSettings()));
    const el = await renderSettings('company');
    await waitUntil(() => text(el).includes('Your role cannot open this page'));
    expect($(el, 'form')).to.equal(null);
    expect(sent('GET', '/admin/settings')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says when the section does not exist', async () => {
    worker.use(getSettings(adminSettings()));
    const el = await renderSettings('nowhere');
    await waitUntil(() => text(el).includes('There is nothing at this address'));
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('fits the company form in 375 px', async () => {
      worker.use(getSettings(adminSettings()));
      const el = await renderSettings('company');
      await waitUntil(() => $(el, '#companyName'));
      expect(overflowsPage()).to.equal(false);
    });

    it('fits the dispute routing in 375 px', async () => {
      worker.use(getSettings(adminSettings()));
      const el = await renderSettings('disputes');
      await waitUntil(() => $(el, '#team-0'));
      expect(overflowsPage()).to.equal(false);
    });
  });
});
