/** Magic links and sessions: sessions (who is signed in, logout, idle and absolute timeouts, staff, events). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { events } from '../src/db/schema';
import { deactivateStaffUser } from '../src/domain/auth/sessions';
import { errorCode, startTestServer } from './helpers';
import { t, useAuthServer } from './auth-support';

describe('magic links and sessions', () => {
  useAuthServer();

  describe('sessions', () => {
    it('knows who is signed in, and a bookkeeper sees both accounts', async () => {
      const token = await t.signIn('bookkeeper@ledger.test');
      const res = await t.call('GET', '/auth/session', { token });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { accounts: { name: string }[]; user: { email: string } };
      assert.deepEqual(
        body.accounts.map((a) => a.name),
        ['Globex', 'Initech'],
      );
    });

    it('logs out: the token fails afterwards', async () => {
      const token = await t.signIn('ap@northwind.test');
      assert.equal((await t.call('DELETE', '/auth/session', { token })).status, 204);
      const res = await t.call('GET', '/auth/session', { token });
      assert.equal(res.status, 401);
      assert.equal(await errorCode(res), 'session_expired');
    });

    it('logs out everywhere: every token of that person fails, other people stay signed in', async () => {
      const a = await t.signIn('ap@northwind.test');
      const b = await t.signIn('ap@northwind.test');
      const other = await t.signIn('cfo@globex.test');
      assert.equal((await t.call('DELETE', '/auth/sessions', { token: a })).status, 204);
      assert.equal((await t.call('GET', '/auth/session', { token: a })).status, 401);
      assert.equal((await t.call('GET', '/auth/session', { token: b })).status, 401);
      assert.equal((await t.call('GET', '/auth/session', { token: other })).status, 200);
    });

    it('ends after the idle timeout, and sliding keeps an active one alive', async () => {
      const idle = await t.signIn('ap@northwind.test');
      const active = await t.signIn('ap@northwind.test');
      for (let i = 0; i < 3; i++) {
        t.clock.advance(40 * 60_000);
        assert.equal((await t.call('GET', '/auth/session', { token: active })).status, 200);
      }
      assert.equal((await t.call('GET', '/auth/session', { token: idle })).status, 401);
    });

    it('slides a 1-minute idle timeout: used every 10 s it stays alive, idle for 61 s it ends', async () => {
      const server = await startTestServer({ env: { CUSTOMER_IDLE_MINUTES: '1' } });
      try {
        const token = await server.signIn('ap@northwind.test');
        let lastExpiry = 0;
        for (let i = 0; i < 30; i++) {
          server.clock.advance(10_000);
          const res = await server.call('GET', '/auth/session', { token });
          assert.equal(res.status, 200, `use ${i + 1}, ${(i + 1) * 10} s in`);
          const expiresAt = Date.parse(((await res.json()) as { expiresAt: string }).expiresAt);
          // Renewed a quarter of the minute at a time: never more than a minute ahead, never behind.
          assert.ok(
            expiresAt > server.clock.now().getTime() + 30_000,
            `use ${i + 1}: ${new Date(expiresAt).toISOString()}`,
          );
          assert.ok(expiresAt <= server.clock.now().getTime() + 60_000);
          assert.ok(expiresAt >= lastExpiry);
          lastExpiry = expiresAt;
        }
        server.clock.advance(61_000);
        const late = await server.call('GET', '/auth/session', { token });
        assert.equal(late.status, 401);
        assert.equal(await errorCode(late), 'session_expired');
      } finally {
        await server.close();
      }
    });

    it('renews a session at most once a minute with the default idle timeout', async () => {
      const token = await t.signIn('ap@northwind.test');
      const first = await t.call('GET', '/auth/session', { token });
      const expiry = ((await first.json()) as { expiresAt: string }).expiresAt;
      t.clock.advance(59_000);
      const second = await t.call('GET', '/auth/session', { token });
      assert.equal(((await second.json()) as { expiresAt: string }).expiresAt, expiry, 'not renewed within the minute');
      t.clock.advance(1_000);
      const third = await t.call('GET', '/auth/session', { token });
      assert.equal(
        Date.parse(((await third.json()) as { expiresAt: string }).expiresAt),
        t.clock.now().getTime() + 60 * 60_000,
      );
    });

    it('never slides a short idle timeout past the absolute limit', async () => {
      const server = await startTestServer({ env: { CUSTOMER_IDLE_MINUTES: '1', CUSTOMER_ABSOLUTE_HOURS: '1' } });
      try {
        const token = await server.signIn('ap@northwind.test');
        const created = server.clock.now().getTime();
        let status = 200;
        let uses = 0;
        while (status === 200 && uses < 400) {
          server.clock.advance(10_000);
          const res = await server.call('GET', '/auth/session', { token });
          status = res.status;
          uses++;
          if (status === 200) {
            const expiresAt = Date.parse(((await res.json()) as { expiresAt: string }).expiresAt);
            assert.ok(expiresAt <= created + 60 * 60_000, 'idle deadline past the absolute limit');
          }
        }
        assert.equal(status, 401);
        assert.equal(server.clock.now().getTime() - created, 60 * 60_000, 'ends exactly at the absolute limit');
      } finally {
        await server.close();
      }
    });

    it('ends at the absolute timeout however active', async () => {
      const token = await t.signIn('ap@northwind.test');
      for (let i = 0; i < 12 * 2; i++) {
        t.clock.advance(30 * 60_000);
        await t.call('GET', '/auth/session', { token });
      }
      assert.equal((await t.call('GET', '/auth/session', { token })).status, 401);
    });

    it("ends a deactivated staff user's sessions at once", async () => {
      const token = await t.signIn('collector@acme.test', 'staff');
      const me = await t.call('GET', '/auth/session', { token });
      assert.deepEqual(((await me.json()) as { user: unknown }).user, {
        email: 'collector@acme.test',
        name: 'Casey Collins',
        role: 'collector',
      });
      await t.db.transaction((tx) => deactivateStaffUser(tx, 'stf_collector', { type: 'system' }, t.clock.now()));
      assert.equal((await t.call('GET', '/auth/session', { token })).status, 401);
    });

    it('gives a staff session 403 on customer endpoints', async () => {
      const staff = await t.signIn('ar@acme.test', 'staff');
      assert.equal((await t.call('GET', '/invoices', { token: staff })).status, 403);
      assert.equal((await t.call('GET', '/accounts', { token: staff })).status, 403);
    });

    it('answers 401 without a token and with a malformed Authorization header', async () => {
      for (const authorization of [undefined, 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(300)}`, 'Bearer pts_nope']) {
        const res = await t.call('GET', '/invoices', { headers: authorization ? { authorization } : {} });
        assert.equal(res.status, 401);
        assert.match(await errorCode(res), /^(unauthenticated|session_expired)$/);
      }
    });

    it('writes an event for every sign-in, rejection and logout, with no secrets', async () => {
      const token = await t.signIn('cfo@globex.test');
      await t.call('POST', '/auth/sessions', { body: { email: 'cfo@globex.test', code: '000000' } });
      await t.call('DELETE', '/auth/session', { token });
      const types = (
        await t.db.select({ type: events.type }).from(events).where(eq(events.actorId, 'cfo@globex.test')).all()
      ).map((e) => e.type);
      for (const type of ['auth.link_requested', 'auth.signed_in', 'auth.rejected', 'auth.logged_out'])
        assert.ok(types.includes(type), type);
    });
  });
});
