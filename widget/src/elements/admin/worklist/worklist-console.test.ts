// The worklist inside <ar-admin>: its filters ride in the console's route, so Back from a customer finds them.
import { html } from 'lit';
import { expect, fixture, waitUntil } from '../../../../test/testing.js';
import { API, staffSession } from '../../../../test/fixtures.js';
import { endpoint, mock, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import type { ArAdmin } from '../admin.js';
import '../define.js';
import { getWorklist, northwind, page } from './worklist.test-support.js';

describe('<ar-admin-worklist> in the console', () => {
  useMockApi();

  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('keeps its filters in the route, and finds them again on Back from a customer', async () => {
    signIn(staffSession);
    const { token: _token, ...info } = staffSession;
    worker.use(
      mock.getSession(info),
      getWorklist(page([northwind])),
      endpoint('get', '/admin/customers/:id')(never),
      endpoint('get', '/admin/customers/:id/:more')(never),
    );
    const admin = await fixture<ArAdmin>(html`<ar-admin api=${API} route="worklist"></ar-admin>`);
    const list = () => admin.shadowRoot!.querySelector('ar-admin-worklist');
    await waitUntil(() => list()?.shadowRoot?.querySelector('tbody a'));
    const root = list()!.shadowRoot!;
    root.querySelector<HTMLInputElement>('[name="q"]')!.value = 'north';
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => admin.route === 'worklist/q=north');
    expect(location.hash).to.equal('#admin/worklist/q=north');
    expect(list()!.path).to.equal('q=north');
    await waitUntil(() => sent('GET', '/admin/worklist').length === 2);

    list()!.shadowRoot!.querySelector<HTMLAnchorElement>('tbody a')!.click();
    await waitUntil(() => admin.route === 'customers/cus_northwind');
    history.back();
    await waitUntil(() => list()?.shadowRoot?.querySelector<HTMLInputElement>('[name="q"]')?.value === 'north');
    await waitUntil(() => sent('GET', '/admin/worklist').length === 3);
    expect(sent('GET', '/admin/worklist').map((request) => request.query.get('q'))).to.deep.equal([
      null,
      'north',
      'north',
    ]);
  });
});
