/**
 * The staff console's people (`/admin/staff`): an admin invites a collector (told by email, able to sign
 * in), changes a role, deactivates someone (their sessions end, they cannot sign in), never removes the
 * last admin; collectors and viewers are kept out, and a stale sign-in must sign in again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { StaffUserList, StaffUserView } from '../src/contract';
import { emailOutbox } from '../src/db/schema';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let admin: string;

const patch = (id: string, body: unknown, token = admin) => t.call('PATCH', `/admin/staff/${id}`, { token, body });

before(async () => {
  t = await startTestServer();
  admin = await t.signIn('ar@acme.test', 'staff');
});
after(() => t.close());

describe('staff users in the staff console', () => {
  let invited: StaffUserView;

  it('invites a collector, who is told by email and can sign in', async () => {
    const res = await t.call('POST', '/admin/staff', {
      token: admin,
      body: { email: ' Jordan@Acme.test ', name: 'Jordan Lee', role: 'collector' },
    });
    assert.equal(res.status, 201, await res.clone().text());
    invited = (await res.json()) as StaffUserView;
    assert.equal(invited.email, 'jordan@acme.test');
    assert.equal(invited.role, 'collector');
    const [email] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'staff.invite')).all();
    assert.equal(email!.to, 'jordan@acme.test');
    assert.match(email!.subject, /Acme Supplies/);
    assert.doesNotMatch(email!.text, /portico-link=/, 'the invitation holds no sign-in link');
    const token = await t.signIn('jordan@acme.test', 'staff');
    const list = await t.call('GET', '/admin/disputes', { token });
    assert.equal(list.status, 200);
    await list.arrayBuffer();

    const again = await t.call('POST', '/admin/staff', {
      token: admin,
      body: { email: 'jordan@acme.test', name: 'Jordan', role: 'viewer' },
    });
    assert.equal(again.status, 409);
    assert.equal(await errorCode(again), 'conflict');
  });

  it('changes a role, and deactivating ends the sessions and the sign-ins', async () => {
    const token = await t.signIn('jordan@acme.test', 'staff');
    const role = await patch(invited.id, { role: 'viewer' });
    assert.equal(((await role.json()) as StaffUserView).role, 'viewer');
    const off = await patch(invited.id, { active: false });
    assert.equal(off.status, 200);
    const view = (await off.json()) as StaffUserView;
    assert.equal(view.active, false);
    assert.ok(view.deactivatedAt);
    const after = await t.call('GET', '/admin/disputes', { token });
    assert.equal(after.status, 401, 'the session ended');
    await after.arrayBuffer();
    await assert.rejects(t.signIn('jordan@acme.test', 'staff'));
    const list = (await (await t.call('GET', '/admin/staff', { token: admin })).json()) as StaffUserList;
    assert.equal(list.items.at(-1)!.id, invited.id, 'the deactivated come last');
  });

  it('never leaves the company without an active admin', async () => {
    for (const change of [{ role: 'collector' }, { active: false }]) {
      const res = await patch('stf_ar', change);
      assert.equal(res.status, 409);
      assert.equal(await errorCode(res), 'conflict');
    }
  });

  it('refuses bad input, collectors and viewers, and a stale sign-in', async () => {
    for (const body of [
      { email: 'not an email', name: 'X', role: 'viewer' },
      { email: 'a@acme.test', name: '', role: 'x' },
    ]) {
      const res = await t.call('POST', '/admin/staff', { token: admin, body });
      assert.equal(res.status, 400);
      assert.equal(await errorCode(res), 'invalid_request');
    }
    const none = await patch('stf_nobody', { name: 'X' });
    assert.equal(none.status, 404);
    await none.arrayBuffer();
    const collector = await t.signIn('collector@acme.test', 'staff');
    const refused = await t.call('GET', '/admin/staff', { token: collector });
    assert.equal(refused.status, 403);
    await refused.arrayBuffer();
    t.clock.advance(11 * 60_000);
    const stale = await patch('stf_collector', { name: 'Casey C.' });
    assert.equal(stale.status, 403);
    assert.equal(await errorCode(stale), 'reauth_required');
  });
});
