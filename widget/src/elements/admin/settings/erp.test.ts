import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { fail, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import {
  $,
  button,
  deleteHook,
  deleteKey,
  fill,
  getHooks,
  getKeys,
  hook,
  key,
  postHook,
  postKey,
  renderSettings,
  text,
} from './settings.test-support.js';

describe('<ar-admin-settings> ERP connection', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('lists the keys and webhook endpoints', async () => {
    worker.use(
      getKeys({ items: [key] }),
      getHooks({ items: [hook, { ...hook, id: 'whe_2', disabledAt: '2026-03-01T00:00:00.000Z' }] }),
    );
    const el = await renderSettings('erp');
    await waitUntil(() => text(el).includes('NetSuite'));
    expect(text(el)).to.include('pk_live_ab');
    expect(text(el)).to.include('hooks/portico');
    expect(el.shadowRoot!.querySelectorAll('.rows li')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('explains a failed load', async () => {
    worker.use(getKeys(fail(500, 'internal_error')), getHooks({ items: [] }));
    const el = await renderSettings('erp');
    await waitUntil(() => $(el, '[part="error"]'));
    expect(text(el)).to.include('We could not load the ERP connection.');
  });

  it('shows a new key’s secret once, with a copy button and a warning', async () => {
    worker.use(
      getKeys({ items: [] }),
      getHooks({ items: [] }),
      postKey({ ...key, id: 'key_2', name: 'Sage', key: 'pk_live_secret123' }),
    );
    const el = await renderSettings('erp');
    await waitUntil(() => $(el, '#keyName'));
    fill(el, 'keyName', 'Sage');
    button(el, 'Create key').click();
    await waitUntil(() => text(el).includes('pk_live_secret123'));
    expect(sent('POST', '/admin/erp/keys')[0]!.body).to.deep.equal({ name: 'Sage' });
    expect(text(el)).to.include('it is shown this once');
    expect(button(el, 'Copy')).to.not.equal(null);
    await expect(el).to.be.accessible();
    button(el, 'I have saved it').click();
    await el.updateComplete;
    expect(text(el)).not.to.include('pk_live_secret123');
    expect(text(el)).to.include('Sage');
  });

  it('revokes a key after a confirm step', async () => {
    worker.use(getKeys({ items: [key] }), getHooks({ items: [] }), deleteKey(undefined));
    const el = await renderSettings('erp');
    await waitUntil(() => text(el).includes('NetSuite'));
    button(el, 'Revoke').click();
    await el.updateComplete;
    expect(text(el)).to.include('Revoke “NetSuite”?');
    await expect(el).to.be.accessible();
    button(el, 'Yes, revoke it').click();
    await waitUntil(() => !text(el).includes('NetSuite'));
    expect(sent('DELETE', '/admin/erp/keys/key_1')).to.have.length(1);
    expect(text(el)).to.include('Saved.');
  });

  it('adds an endpoint with its events, shows its secret once, and removes one after a confirm step', async () => {
    worker.use(
      getKeys({ items: [] }),
      getHooks({ items: [hook] }),
      postHook({ ...hook, id: 'whe_3', url: 'https://erp.acme.test/new', events: [], secret: 'whsec_abc' }),
      deleteHook({ ...hook, disabledAt: '2026-12-03T00:00:00.000Z' }),
    );
    const el = await renderSettings('erp');
    await waitUntil(() => $(el, '#hookUrl'));
    fill(el, 'hookUrl', 'https://erp.acme.test/new');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="promise.broken"]')!.click();
    button(el, 'Add endpoint').click();
    await waitUntil(() => text(el).includes('whsec_abc'));
    expect(sent('POST', '/admin/erp/webhooks')[0]!.body).to.deep.equal({
      url: 'https://erp.acme.test/new',
      events: ['promise.broken'],
    });
    button(el, 'I have saved it').click();
    const row = [...el.shadowRoot!.querySelectorAll('.rows li')].find((li) =>
      li.textContent!.includes('hooks/portico'),
    )!;
    row.querySelector('button')!.click();
    await el.updateComplete;
    button(el, 'Yes, remove it').click();
    await waitUntil(() => sent('DELETE', '/admin/erp/webhooks/whe_1').length === 1);
    await waitUntil(() => !text(el).includes('hooks/portico'));
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('fits in 375 px', async () => {
      worker.use(getKeys({ items: [key] }), getHooks({ items: [hook] }));
      const el = await renderSettings('erp');
      await waitUntil(() => text(el).includes('NetSuite'));
      expect(overflowsPage()).to.equal(false);
    });
  });
});
