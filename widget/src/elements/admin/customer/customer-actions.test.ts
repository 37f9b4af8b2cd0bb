import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { buttonNamed, type } from '../../../../test/dom.js';
import { endpoint, fail, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import type { StaffUserList } from '../shared/types.js';
import type { ArAdminCustomer } from './customer.js';
import {
  $,
  collectorSession,
  customerDetail,
  mockCustomer,
  openInvoices,
  renderCustomer,
  sees,
  text,
} from './customer.test-support.js';

const base = '/admin/customers/cus_northwind';
const submit = (el: Element) => $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();

async function page(path = 'cus_northwind', detail = customerDetail()): Promise<ArAdminCustomer> {
  worker.use(mockCustomer.detail(detail), mockCustomer.invoices(openInvoices));
  const el = await renderCustomer(path);
  await waitUntil(() => $(el, 'h2'), 'the header loads');
  return el;
}

async function open(el: Element, label: string): Promise<void> {
  buttonNamed(el, label)!.click();
  await waitUntil(() => $(el, '.panel'), 'the form opens');
}

describe('<ar-admin-customer> account actions', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('sends an Easy Pay link to the contact picked in the contacts tab', async () => {
    const el = await page('cus_northwind/contacts');
    worker.use(mockCustomer.action('links', 202)({ sent: 1 }));
    await sees(el, 'cfo@northwind.test');
    $<HTMLButtonElement>(el, 'button[aria-label="Send link to cfo@northwind.test"]')!.click();
    await waitUntil(() => $(el, '.panel'));
    expect($<HTMLSelectElement>(el, '#f-contactId')!.value).to.equal('cnt_cfo');
    $<HTMLInputElement>(el, 'input[value="easy_pay"]')!.checked = true;
    submit(el);
    await sees(el, 'Email sent.');
    expect(sent('POST', `${base}/links`)[0]!.body).to.deep.equal({ contactId: 'cnt_cfo', kind: 'easy_pay' });
    await expect(el).to.be.accessible();
  });

  it('sends a statement to every contact, and checks the period', async () => {
    const el = await page();
    worker.use(mockCustomer.action('statement/send', 202)({ sent: 2 }));
    await open(el, 'Send statement');
    $<HTMLInputElement>(el, '#f-from')!.value = '2026-11-30';
    $<HTMLInputElement>(el, '#f-to')!.value = '2026-11-01';
    submit(el);
    await sees(el, 'The end must be on or after the start.');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#f-from')!.value = '';
    $<HTMLInputElement>(el, '#f-to')!.value = '';
    submit(el);
    await sees(el, '2 emails sent.');
    expect(sent('POST', `${base}/statement/send`)[0]!.body).to.deep.equal({});
  });

  it('pauses reminders until a date or until resumed, and resumes them', async () => {
    const el = await page();
    worker.use(mockCustomer.action('dunning/pause')({ dunningPausedUntil: null }));
    await open(el, 'Pause reminders');
    submit(el);
    await sees(el, 'Enter a date.');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[name="forever"]')!.checked = true;
    submit(el);
    await sees(el, 'Reminders paused.');
    expect(sent('POST', `${base}/dunning/pause`)[0]!.body).to.deep.equal({ until: null });

    worker.use(
      mockCustomer.detail(customerDetail({ dunningPausedUntil: '9999-12-31' })),
      mockCustomer.action('dunning/resume')({ dunningPausedUntil: null }),
    );
    el.reload();
    await sees(el, 'Paused until resumed');
    buttonNamed(el, 'Resume reminders')!.click();
    await sees(el, 'Reminders resumed.');
    expect(sent('POST', `${base}/dunning/resume`)).to.have.length(1);
  });

  it('lets an admin assign any active admin or collector', async () => {
    const el = await page();
    const staff: StaffUserList = {
      items: [
        {
          id: 'stf_casey',
          email: 'c@acme.test',
          name: 'Casey Collins',
          role: 'collector',
          active: true,
          createdAt: '',
          deactivatedAt: null,
        },
        {
          id: 'stf_dana',
          email: 'd@acme.test',
          name: 'Dana Diaz',
          role: 'admin',
          active: true,
          createdAt: '',
          deactivatedAt: null,
        },
        {
          id: 'stf_vic',
          email: 'v@acme.test',
          name: 'Vic Viewer',
          role: 'viewer',
          active: true,
          createdAt: '',
          deactivatedAt: null,
        },
      ],
    };
    worker.use(
      endpoint<undefined, StaffUserList>('get', '/admin/staff')(staff),
      mockCustomer.action('collector')({ collector: null }),
    );
    await open(el, 'Assign collector');
    await waitUntil(() => $(el, '#f-staffUserId option[value="stf_dana"]'));
    expect([...$<HTMLSelectElement>(el, '#f-staffUserId')!.options].map(text)).to.deep.equal([
      'Casey Collins',
      'Dana Diaz',
      'Unassigned',
    ]);
    $<HTMLSelectElement>(el, '#f-staffUserId')!.value = 'stf_dana';
    submit(el);
    await sees(el, 'Collector updated.');
    expect(sent('POST', `${base}/collector`)[0]!.body).to.deep.equal({ staffUserId: 'stf_dana' });
    await expect(el).to.be.accessible();
  });

  it('lets a collector unassign without the staff list', async () => {
    signIn(collectorSession);
    const el = await page();
    worker.use(mockCustomer.action('collector')({ collector: null }));
    await open(el, 'Assign collector');
    $<HTMLSelectElement>(el, '#f-staffUserId')!.value = '';
    submit(el);
    await sees(el, 'Collector updated.');
    expect(sent('POST', `${base}/collector`)[0]!.body).to.deep.equal({ staffUserId: null });
    expect(sent('GET', '/admin/staff')).to.have.length(0);
  });

  it('lets a collector assign the account to themselves (“me”: the server knows who acts)', async () => {
    signIn(collectorSession);
    const el = await page();
    worker.use(mockCustomer.action('collector')({ collector: null }));
    await open(el, 'Assign collector');
    expect([...$<HTMLSelectElement>(el, '#f-staffUserId')!.options].map(text)).to.deep.equal([
      'Assign to me',
      'Unassign',
    ]);
    submit(el);
    await sees(el, 'Collector updated.');
    expect(sent('POST', `${base}/collector`)[0]!.body).to.deep.equal({ staffUserId: 'me' });
    expect(sent('GET', '/admin/staff')).to.have.length(0);
  });

  it('adds a note, and shows a failure', async () => {
    const el = await page();
    let calls = 0;
    worker.use(
      mockCustomer.action(
        'notes',
        201,
      )(() =>
        ++calls === 1 ? fail(403, 'forbidden') : { id: 'evt_9', body: 'x', author: { id: 'stf', name: 'A' }, at: '' },
      ),
    );
    await open(el, 'Add note');
    submit(el);
    await sees(el, 'Required.');
    ($(el, '#f-body') as HTMLTextAreaElement).value = ' Called AP ';
    submit(el);
    await sees(el, 'Mock forbidden.');
    await expect(el).to.be.accessible();
    submit(el);
    await sees(el, 'Note added.');
    expect(sent('POST', `${base}/notes`)[1]!.body).to.deep.equal({ body: 'Called AP' });
  });

  it('adds a contact, and shows the conflict', async () => {
    const el = await page('cus_northwind/contacts');
    let calls = 0;
    worker.use(mockCustomer.action('contacts', 201)(() => (++calls === 1 ? fail(409, 'conflict') : { id: 'cnt_3' })));
    await sees(el, 'cfo@northwind.test');
    buttonNamed(el, 'Add contact')!.click();
    await waitUntil(() => $(el, '.panel'));
    type($<HTMLInputElement>(el, '#f-email'), 'nope');
    submit(el);
    await sees(el, 'Enter an email address.');
    await expect(el).to.be.accessible();
    type($<HTMLInputElement>(el, '#f-email'), 'new@northwind.test');
    type($<HTMLInputElement>(el, '#f-name'), 'New Person');
    $<HTMLSelectElement>(el, '#f-locale')!.value = 'fr';
    submit(el);
    await sees(el, 'Mock conflict.');
    submit(el);
    await sees(el, 'Contact added.');
    expect(sent('POST', `${base}/contacts`)[1]!.body).to.deep.equal({
      email: 'new@northwind.test',
      name: 'New Person',
      locale: 'fr',
    });
  });

  it('removes a contact and ends a contact’s sessions after a confirm step', async () => {
    const el = await page('cus_northwind/contacts');
    worker.use(
      mockCustomer.action('contacts/:contactId', 204, 'delete')(undefined),
      mockCustomer.action('contacts/:contactId/sessions/end')({ sessions: 2, links: 1 }),
    );
    await sees(el, 'cfo@northwind.test');
    $<HTMLButtonElement>(el, 'button[aria-label="Remove cfo@northwind.test"]')!.click();
    await sees(el, 'Remove cfo@northwind.test from this customer?');
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirm-button');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Cancel')!.click();
    await waitUntil(() => !$(el, '.confirm'));
    expect(sent('DELETE', `${base}/contacts/cnt_cfo`)).to.have.length(0);

    $<HTMLButtonElement>(el, 'button[aria-label="Remove cfo@northwind.test"]')!.click();
    await waitUntil(() => $(el, '#confirm-button'));
    $<HTMLButtonElement>(el, '#confirm-button')!.click();
    await sees(el, 'Contact removed.');
    expect(sent('DELETE', `${base}/contacts/cnt_cfo`)).to.have.length(1);

    $<HTMLButtonElement>(el, 'button[aria-label="End sessions of ap@northwind.test"]')!.click();
    await sees(el, 'End every session of ap@northwind.test and revoke their open links?');
    $<HTMLButtonElement>(el, '#confirm-button')!.click();
    await sees(el, '2 sessions ended, 1 link revoked.');
    expect(sent('POST', `${base}/contacts/cnt_ap/sessions/end`)).to.have.length(1);
  });

  it('shows a failed removal beside the page', async () => {
    const el = await page('cus_northwind/contacts');
    worker.use(mockCustomer.action('contacts/:contactId', 204, 'delete')(fail(404, 'not_found')));
    await sees(el, 'cfo@northwind.test');
    $<HTMLButtonElement>(el, 'button[aria-label="Remove cfo@northwind.test"]')!.click();
    await waitUntil(() => $(el, '#confirm-button'));
    $<HTMLButtonElement>(el, '#confirm-button')!.click();
    await sees(el, 'Mock not_found.');
    await expect(el).to.be.accessible();
  });

  it('speaks French in a form', async () => {
    worker.use(mockCustomer.detail(customerDetail()), mockCustomer.invoices(openInvoices));
    const el = await renderCustomer('cus_northwind', 'fr-FR');
    await waitUntil(() => $(el, 'h2'));
    await open(el, 'Ajouter une note');
    submit(el);
    await sees(el, 'Obligatoire.');
    expect(text($(el, '[part~="submit-button"]'))).to.equal('Ajouter la note');
  });
});
