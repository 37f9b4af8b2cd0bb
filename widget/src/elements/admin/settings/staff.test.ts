import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { fail, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import {
  $,
  button,
  fill,
  getStaff,
  patchStaff,
  postStaff,
  renderSettings,
  staffList,
  staffUser,
  text,
} from './settings.test-support.js';

describe('<ar-admin-settings> staff', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('says what loads, then lists the staff with their role and status', async () => {
    let answer: typeof never | typeof staffList = never;
    worker.use(getStaff(() => answer as never));
    const el = await renderSettings('staff');
    await waitUntil(() => $(el, '[part="loading"]'));
    await expect(el).to.be.accessible();
    answer = staffList;
    el.path = 'links';
    await el.updateComplete;
    el.path = 'staff';
    await waitUntil(() => $(el, 'table'));
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) => [
      row.querySelector('th')!.textContent!.trim(),
      row.querySelector('select')!.value,
      row.children[3]!.textContent!.trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Alex Rivera', 'admin', 'Active'],
      ['Casey Collins', 'collector', 'Active'],
      ['Olga Old', 'viewer', 'Deactivated'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('explains a failed load and loads again on Retry', async () => {
    let calls = 0;
    worker.use(getStaff(() => (++calls === 1 ? fail(500, 'internal_error') : staffList)));
    const el = await renderSettings('staff');
    await waitUntil(() => $(el, '[part="error"]'));
    expect(text(el)).to.include('We could not load the staff.');
    button(el, 'Retry').click();
    await waitUntil(() => $(el, 'table'));
  });

  it('invites someone by email with a role', async () => {
    worker.use(
      getStaff(staffList),
      postStaff(staffUser({ id: 'stf_new', email: 'new@acme.test', name: 'Nia New', role: 'viewer' })),
    );
    const el = await renderSettings('staff');
    await waitUntil(() => $(el, 'table'));
    fill(el, 'inviteEmail', 'new@acme.test');
    fill(el, 'inviteName', 'Nia New');
    const role = $<HTMLSelectElement>(el, '#inviteRole')!;
    role.value = 'viewer';
    button(el, 'Send invitation').click();
    await waitUntil(() => text(el).includes('Invitation sent to new@acme.test.'));
    expect(sent('POST', '/admin/staff')[0]!.body).to.deep.equal({
      email: 'new@acme.test',
      name: 'Nia New',
      role: 'viewer',
    });
    expect(text($(el, 'tbody')!)).to.include('Nia New');
    await expect(el).to.be.accessible();
  });

  it('checks the invitation before sending it', async () => {
    worker.use(getStaff(staffList));
    const el = await renderSettings('staff');
    await waitUntil(() => $(el, 'table'));
    fill(el, 'inviteEmail', 'not an email');
    button(el, 'Send invitation').click();
    await waitUntil(() => $(el, '#inviteEmail-error'));
    expect($(el, '#inviteName-error')!.textContent).to.equal('Fill this in.');
    expect(sent('POST', '/admin/staff')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('changes a role, and deactivates and restores someone', async () => {
    worker.use(
      getStaff(staffList),
      patchStaff(({ path, body }) => {
        const user = staffList.items.find((u) => path.endsWith(u.id))!;
        return { ...user, ...(body as object) };
      }),
    );
    const el = await renderSettings('staff');
    await waitUntil(() => $(el, 'table'));
    const select = el.shadowRoot!.querySelectorAll('tbody select')[1] as HTMLSelectElement;
    select.value = 'viewer';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => text(el).includes('Casey Collins updated.'));
    button(el, 'Deactivate Casey Collins').click();
    await waitUntil(() => sent('PATCH', '/admin/staff/stf_collector').length === 2);
    button(el, 'Restore Olga Old').click();
    await waitUntil(() => sent('PATCH', '/admin/staff/stf_old').length === 1);
    expect(sent('PATCH', '/admin/staff/stf_collector').map((r) => r.body)).to.deep.equal([
      { role: 'viewer' },
      { active: false },
    ]);
    expect(sent('PATCH', '/admin/staff/stf_old')[0]!.body).to.deep.equal({ active: true });
  });

  it('shows the server’s refusal to demote the last admin, and keeps the role shown', async () => {
    const message = 'This is the last active admin: make someone else an admin first.';
    worker.use(getStaff(staffList), patchStaff(fail(409, 'conflict', undefined, { message })));
    const el = await renderSettings('staff');
    await waitUntil(() => $(el, 'table'));
    const select = el.shadowRoot!.querySelector('tbody select') as HTMLSelectElement;
    select.value = 'collector';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $(el, '[role="alert"]'));
    expect(text($(el, '[role="alert"]')!)).to.include(message);
    expect(select.value).to.equal('admin');
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    worker.use(getStaff(staffList));
    const el = await renderSettings('staff', 'fr');
    await waitUntil(() => $(el, 'table'), 'the French table', { timeout: 15_000 });
    expect(text(el)).to.include('Inviter quelqu’un');
    expect(text(el)).to.include('Désactivé');
  });

  describe('on a phone', () => {
    usePhoneViewport();

    it('scrolls the table inside its frame, not the page', async () => {
      worker.use(getStaff(staffList));
      const el = await renderSettings('staff');
      await waitUntil(() => $(el, 'table'));
      expect(overflowsPage()).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
});
