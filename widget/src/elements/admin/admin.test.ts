import { html } from 'lit';
import { expect, fixture, waitUntil } from '../../../test/testing.js';
import { API, sessionCreated, sessionInfo, staffSession } from '../../../test/fixtures.js';
import { shadowText } from '../../../test/dom.js';
import { endpoint, fail, mock, never, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { SessionInfo } from './shared/types.js';
import type { ArAdmin } from './admin.js';
import './define.js';

const collector = sessionCreated({
  token: 'session-token-collector',
  audience: 'staff',
  user: { email: 'collector@acme.test', name: 'Casey Collins', role: 'collector' },
  accounts: [],
});
const viewer = sessionCreated({
  token: 'session-token-viewer',
  audience: 'staff',
  user: { email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer' },
  accounts: [],
});

function infoOf(created: typeof staffSession): SessionInfo {
  const { token: _token, ...info } = created;
  return info;
}

async function renderAdmin(attributes: { route?: string; noHistory?: boolean } = {}): Promise<ArAdmin> {
  return fixture<ArAdmin>(
    html`<ar-admin api=${API} route=${attributes.route ?? ''} ?no-history=${attributes.noHistory ?? false}></ar-admin>`,
  );
}

const navLinks = (el: ArAdmin) => [...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent!.trim());
const current = (el: ArAdmin) => el.shadowRoot!.querySelector('nav a[aria-current="page"]')?.textContent?.trim();
const view = (el: ArAdmin) => el.shadowRoot!.querySelector('main')!.firstElementChild;

/** The views' own requests are not this file's business: every staff read answers something empty or hangs. */
function quietViews(): void {
  worker.use(
    endpoint('get', '/admin/overview')(never),
    endpoint('get', '/admin/worklist')(never),
    endpoint('get', '/admin/customers')(never),
    endpoint('get', '/admin/settings')(never),
    endpoint('get', '/admin/events')(never),
  );
}

describe('<ar-admin>', () => {
  useMockApi();
  beforeEach(() => quietViews());

  it('asks staff to sign in when there is no session', async () => {
    const el = await renderAdmin();
    const login = el.shadowRoot!.querySelector('ar-login');
    expect(login).not.to.equal(null);
    expect(login!.getAttribute('audience')).to.equal('staff');
    expect(sent('GET', '/auth/session')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('checks a restored session, then lands an admin on the overview with every section', async () => {
    signIn(staffSession);
    worker.use(mock.getSession(infoOf(staffSession)));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => current(el) === 'Overview', 'lands on the overview');
    expect(sent('GET', '/auth/session')).to.have.length(1);
    expect(navLinks(el)).to.deep.equal([
      'Overview',
      'Worklist',
      'Customers',
      'Disputes',
      'Promises',
      'Payments',
      'Settings',
      'Audit log',
    ]);
    expect(shadowText(el)).to.contain('Alex Rivera · Admin');
    await waitUntil(() => view(el)?.localName === 'ar-admin-overview', 'loads the overview chunk');
    await expect(el).to.be.accessible();
  });

  it('lands a collector on the worklist, without settings', async () => {
    signIn(collector);
    worker.use(mock.getSession(infoOf(collector)));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => current(el) === 'Worklist');
    expect(navLinks(el)).not.to.include('Settings');
    await waitUntil(() => view(el)?.localName === 'ar-admin-worklist');
  });

  it('refuses settings to a collector who opens its address', async () => {
    signIn(collector);
    worker.use(mock.getSession(infoOf(collector)));
    const el = await renderAdmin({ route: 'settings/staff', noHistory: true });
    await waitUntil(() => shadowText(el).includes('Your role cannot open this page'));
    expect(el.shadowRoot!.querySelector('ar-admin-settings')).to.equal(null);
    expect(sent('GET', '/admin/settings')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('gives a viewer every section but settings', async () => {
    signIn(viewer);
    worker.use(mock.getSession(infoOf(viewer)));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => current(el) === 'Overview');
    expect(navLinks(el)).to.have.length(7);
    expect(shadowText(el)).to.contain('Vic Viewer · Viewer');
  });

  it('moves between sections from the navigation and hands the rest of the route to the view', async () => {
    signIn(staffSession);
    worker.use(mock.getSession(infoOf(staffSession)));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => current(el) === 'Overview');
    const worklist = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find(
      (a) => a.textContent!.trim() === 'Worklist',
    )!;
    expect(worklist.getAttribute('href')).to.equal('#admin/worklist');
    worklist.click();
    await waitUntil(() => current(el) === 'Worklist');
    expect(el.route).to.equal('worklist');

    el.dispatchEvent(new CustomEvent('ar-admin-navigate', { detail: { route: 'customers/cus_1/payments' } }));
    await waitUntil(() => view(el)?.localName === 'ar-admin-customer');
    expect(el.route).to.equal('customers/cus_1/payments');
    expect((view(el) as HTMLElement & { path: string }).path).to.equal('cus_1/payments');
    expect(current(el)).to.equal('Customers');
  });

  it('keeps its route in the page address, and follows Back', async () => {
    signIn(staffSession);
    worker.use(mock.getSession(infoOf(staffSession)));
    const el = await renderAdmin();
    await waitUntil(() => current(el) === 'Overview');
    el.go('audit');
    await waitUntil(() => current(el) === 'Audit log');
    expect(location.hash).to.equal('#admin/audit');
    history.back();
    await waitUntil(() => current(el) === 'Overview', 'Back returns to the overview');
  });

  it('opens the route a staff link asked for', async () => {
    const target = sessionCreated({ ...staffSession, target: 'disputes/dsp_1' });
    signIn(target);
    worker.use(mock.getSession(infoOf(target)), endpoint('get', '/admin/disputes/:id')(never));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => current(el) === 'Disputes');
  });

  it('tells a customer session that the console is for staff', async () => {
    signIn(sessionCreated());
    worker.use(mock.getSession(sessionInfo()));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => shadowText(el).includes('for your company’s AR staff'), `shows: ${shadowText(el)}`);
    expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
  });

  it('returns to sign-in when the server has ended the session', async () => {
    signIn(staffSession);
    worker.use(mock.getSession(fail(401, 'session_expired')));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => el.shadowRoot!.querySelector('ar-login'));
  });

  it('signs out', async () => {
    signIn(staffSession);
    worker.use(mock.getSession(infoOf(staffSession)), mock.logout(undefined));
    const el = await renderAdmin({ noHistory: true });
    await waitUntil(() => current(el) === 'Overview');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Sign out'))!;
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector('ar-login'));
    expect(sent('DELETE', '/auth/session')).to.have.length(1);
  });

  it('speaks French', async () => {
    signIn(staffSession);
    worker.use(mock.getSession(infoOf(staffSession)));
    const el = await fixture<ArAdmin>(html`<ar-admin api=${API} locale="fr" no-history></ar-admin>`);
    await waitUntil(() => current(el) === 'Vue d’ensemble');
    expect(shadowText(el)).to.contain('Alex Rivera · Administrateur');
  });
});
