/** Magic links and sessions: exchanging a link for a session (use limits, expiry, audience, previews, resends). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { contacts, sessions } from '../src/db/schema';
import { ORIGIN, errorCode, startTestServer } from './helpers';
import { t, useAuthServer } from './auth-support';

describe('magic links and sessions', () => {
  useAuthServer();

  describe('exchanging a link', () => {
    it('signs in with the link and answers the contract shape, with the target', async () => {
      const { token } = await t.signInLink('ap@northwind.test', { target: 'invoices?status=past_due' });
      const res = await t.call('POST', '/auth/sessions', { body: { token } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as Record<string, unknown>;
      assert.match(String(body.token), /^pts_/);
      assert.equal(body.audience, 'customer');
      assert.equal(body.target, 'invoices?status=past_due');
      assert.deepEqual(body.user, { email: 'ap@northwind.test', name: 'Nancy Davolio' });
      assert.deepEqual(body.accounts, [{ id: 'cus_northwind', name: 'Northwind Traders' }]);
      assert.ok(Date.parse(String(body.expiresAt)) > t.clock.now().getTime());
      const me = await t.call('GET', '/auth/session', { token: String(body.token) });
      assert.equal(
        ((await me.json()) as { target: string }).target,
        'invoices?status=past_due',
        'a reload lands there too',
      );
    });

    it('rejects a used one-use link on replay with link_used', async () => {
      const { token } = await t.signInLink('ap@northwind.test');
      assert.equal((await t.call('POST', '/auth/sessions', { body: { token } })).status, 200);
      const replay = await t.call('POST', '/auth/sessions', { body: { token } });
      assert.equal(replay.status, 401);
      assert.equal(await errorCode(replay), 'link_used');
    });

    it('rejects a link one second past its expiry with link_expired, and accepts it one second before', async () => {
      const a = await t.signInLink('ap@northwind.test');
      t.clock.advance(60 * 60_000 - 1000);
      assert.equal((await t.call('POST', '/auth/sessions', { body: { token: a.token } })).status, 200);
      const b = await t.signInLink('ap@northwind.test');
      t.clock.advance(60 * 60_000 + 1000);
      const late = await t.call('POST', '/auth/sessions', { body: { token: b.token } });
      assert.equal(late.status, 401);
      assert.equal(await errorCode(late), 'link_expired');
    });

    it('makes exactly one session from twenty parallel exchanges of a one-use link', async () => {
      const { token } = await t.signInLink('ap@northwind.test');
      const before = (await t.db.select().from(sessions).all()).length;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => t.call('POST', '/auth/sessions', { body: { token } })),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.equal(statuses.filter((s) => s === 200).length, 1);
      assert.equal(statuses.filter((s) => s === 401).length, 19);
      assert.equal((await t.db.select().from(sessions).all()).length, before + 1);
    });

    it('never counts a GET or HEAD as a use', async () => {
      const { token, url } = await t.signInLink('ap@northwind.test');
      for (const method of ['GET', 'HEAD']) {
        await fetch(`${t.url}/?portico-link=${token}`, { method });
        await fetch(`${t.api}/auth/sessions?token=${token}`, { method });
        await fetch(`${t.api}/auth/links/preview?token=${token}`, { method });
        await fetch(url.replace(ORIGIN, t.url), { method });
      }
      const preview = await t.call('POST', '/auth/links/preview', { body: { token } });
      assert.equal(preview.status, 200);
      assert.equal((await t.call('POST', '/auth/sessions', { body: { token } })).status, 200);
    });

    it('rejects use N+1 of a link allowed N uses', async () => {
      const server = await startTestServer({ env: { LINK_MAX_USES: '3' } });
      try {
        const { token } = await server.signInLink('ap@northwind.test');
        for (let i = 0; i < 3; i++)
          assert.equal((await server.call('POST', '/auth/sessions', { body: { token } })).status, 200);
        const fourth = await server.call('POST', '/auth/sessions', { body: { token } });
        assert.equal(fourth.status, 401);
        assert.equal(await errorCode(fourth), 'link_used');
      } finally {
        await server.close();
      }
    });

    it('refuses a staff link exchanged as a customer, and a customer link exchanged as staff', async () => {
      const staff = await t.signInLink('ar@acme.test', { audience: 'staff' });
      const asCustomer = await t.call('POST', '/auth/sessions', { body: { token: staff.token, audience: 'customer' } });
      assert.equal(asCustomer.status, 401);
      assert.equal(await errorCode(asCustomer), 'link_invalid');
      t.clock.advance(60_000);
      const customer = await t.signInLink('ap@northwind.test');
      const asStaff = await t.call('POST', '/auth/sessions', { body: { token: customer.token, audience: 'staff' } });
      assert.equal(asStaff.status, 401);
      // Neither refusal used the link up.
      assert.equal(
        (await t.call('POST', '/auth/sessions', { body: { token: staff.token, audience: 'staff' } })).status,
        200,
      );
      assert.equal((await t.call('POST', '/auth/sessions', { body: { token: customer.token } })).status, 200);
    });

    it('a customer email gets no staff link, and a staff email no customer link', async () => {
      await t.call('POST', '/auth/links', {
        body: { email: 'ap@northwind.test', audience: 'staff', returnTo: `${ORIGIN}/` },
      });
      await t.call('POST', '/auth/links', {
        body: { email: 'ar@acme.test', audience: 'customer', returnTo: `${ORIGIN}/` },
      });
      await t.deliver();
      assert.ok(t.mail.to('ap@northwind.test').every((m) => !/staff/.test(m.subject)));
      assert.ok(t.mail.to('ar@acme.test').every((m) => !/customer portal/.test(m.subject)));
    });

    it('gives a truncated, re-cased, 10 KB or NUL-holding token a clean 400/401', async () => {
      const { token } = await t.signInLink('ap@northwind.test');
      const flipped = token.replace(/[a-z]/, (c) => c.toUpperCase());
      for (const bad of [
        token.slice(0, 20),
        flipped,
        token.repeat(240).slice(0, 10_240),
        `${token.slice(0, 42)}\u0000`,
        '',
        123,
      ]) {
        const res = await t.call('POST', '/auth/sessions', { body: { token: bad } });
        assert.ok(res.status === 400 || res.status === 401, `status ${res.status}`);
        assert.match(await errorCode(res), /^(invalid_request|link_invalid)$/);
      }
      assert.equal(
        (await t.call('POST', '/auth/sessions', { body: { token } })).status,
        200,
        'bad tries did not burn the link',
      );
    });

    it('previews a link without consuming it: masked email and whether this browser asked', async () => {
      const nonce = 'n'.repeat(32);
      const { token } = await t.signInLink('ap@northwind.test', { nonce });
      const same = await t.call('POST', '/auth/links/preview', { body: { token, nonce } });
      assert.deepEqual(
        { ...((await same.json()) as object), expiresAt: undefined },
        {
          email: 'a•••@northwind.test',
          audience: 'customer',
          sameBrowser: true,
          expiresAt: undefined,
          purpose: 'sign_in',
          pay: null,
        },
      );
      const other = await t.call('POST', '/auth/links/preview', { body: { token, nonce: 'x'.repeat(32) } });
      assert.equal(((await other.json()) as { sameBrowser: boolean }).sameBrowser, false);
      const none = await t.call('POST', '/auth/links/preview', { body: { token } });
      assert.equal(((await none.json()) as { sameBrowser: boolean }).sameBrowser, false);
      assert.equal((await t.call('POST', '/auth/sessions', { body: { token } })).status, 200);
      const afterUse = await t.call('POST', '/auth/links/preview', { body: { token } });
      assert.equal(await errorCode(afterUse), 'link_used');
    });

    it('resends a fresh link from an expired one in one request, to the same email and target', async () => {
      const old = await t.signInLink('ap@northwind.test', { target: 'invoices/INV-1025' });
      t.clock.advance(2 * 60 * 60_000);
      assert.equal(
        await errorCode(await t.call('POST', '/auth/sessions', { body: { token: old.token } })),
        'link_expired',
      );
      const before = t.mail.to('ap@northwind.test').length;
      const res = await t.call('POST', '/auth/links', {
        body: { resendToken: old.token, returnTo: `${ORIGIN}/portal` },
      });
      assert.equal(res.status, 202);
      await t.deliver();
      const { token } = await import('../../test/support/smtp-capture').then((m) =>
        t.mail.waitFor('ap@northwind.test', { after: before }).then(m.linkFrom),
      );
      const session = await t.call('POST', '/auth/sessions', { body: { token } });
      assert.equal(((await session.json()) as { target: string }).target, 'invoices/INV-1025');
    });

    it('answers a resend with an unknown token with link_invalid, and sends nothing', async () => {
      const before = t.mail.messages.length;
      const res = await t.call('POST', '/auth/links', {
        body: { resendToken: 'A'.repeat(43), returnTo: `${ORIGIN}/` },
      });
      assert.equal(res.status, 401);
      assert.equal(await errorCode(res), 'link_invalid');
      await t.deliver();
      assert.equal(t.mail.messages.length, before);
    });

    it('rejects the link of a contact removed after it was sent', async () => {
      const server = await startTestServer();
      try {
        const { token } = await server.signInLink('cfo@globex.test');
        await server.db.delete(contacts).where(eq(contacts.email, 'cfo@globex.test')).run();
        const res = await server.call('POST', '/auth/sessions', { body: { token } });
        assert.equal(await errorCode(res), 'link_invalid');
      } finally {
        await server.close();
      }
    });
  });
});
