/**
 * Magic links and sessions over real HTTP: the 6-digit code, and the rate limits on asking for links. Asking for a
 * link, exchanging it, and sessions are in auth-links, auth-exchange and auth-sessions.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORIGIN, errorCode, startTestServer } from './helpers';
import { t, useAuthServer } from './auth-support';

describe('magic links and sessions', () => {
  useAuthServer();

  describe('the 6-digit code', () => {
    it('signs in with the email and code', async () => {
      const { code } = await t.signInLink('ap@northwind.test');
      const res = await t.call('POST', '/auth/sessions', { body: { email: 'ap@northwind.test', code } });
      assert.equal(res.status, 200);
      assert.deepEqual(((await res.json()) as { accounts: unknown }).accounts, [
        { id: 'cus_northwind', name: 'Northwind Traders' },
      ]);
    });

    it('fails for another email', async () => {
      const { code } = await t.signInLink('ap@northwind.test');
      const res = await t.call('POST', '/auth/sessions', { body: { email: 'cfo@globex.test', code } });
      assert.equal(res.status, 401);
      assert.equal(await errorCode(res), 'code_invalid');
    });

    it('dies after five wrong tries: the sixth try fails even with the right code', async () => {
      const { code } = await t.signInLink('ap@northwind.test');
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        const res = await t.call('POST', '/auth/sessions', { body: { email: 'ap@northwind.test', code: wrong } });
        assert.equal(await errorCode(res), 'code_invalid');
      }
      const sixth = await t.call('POST', '/auth/sessions', { body: { email: 'ap@northwind.test', code } });
      assert.equal(sixth.status, 401);
      assert.equal(await errorCode(sixth), 'code_invalid');
    });

    it('expires after ten minutes, while the link itself still works', async () => {
      const { code, token } = await t.signInLink('ap@northwind.test');
      t.clock.advance(10 * 60_000 + 1000);
      const res = await t.call('POST', '/auth/sessions', { body: { email: 'ap@northwind.test', code } });
      assert.equal(await errorCode(res), 'code_invalid');
      assert.equal((await t.call('POST', '/auth/sessions', { body: { token } })).status, 200);
    });

    it('uses up the link it belongs to', async () => {
      const { code, token } = await t.signInLink('ap@northwind.test');
      assert.equal(
        (await t.call('POST', '/auth/sessions', { body: { email: 'ap@northwind.test', code } })).status,
        200,
      );
      assert.equal(await errorCode(await t.call('POST', '/auth/sessions', { body: { token } })), 'link_used');
    });

    for (const code of ['12345', '1234567', 'abcdef', ' 123456', 123456]) {
      it(`refuses a malformed code cleanly: ${JSON.stringify(code)}`, async () => {
        const res = await t.call('POST', '/auth/sessions', { body: { email: 'ap@northwind.test', code } });
        assert.ok(res.status === 400 || res.status === 401);
      });
    }
  });
});

describe('rate limits', () => {
  it('caps link requests for one email from rotating IPs', async () => {
    const server = await startTestServer({ env: { TRUST_PROXY: 'true', RESEND_COOLDOWN_SECONDS: '0' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 50; i++) {
        const res = await server.call('POST', '/auth/links', {
          body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` },
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        });
        statuses.push(res.status);
      }
      await server.deliver();
      assert.equal(statuses.filter((s) => s === 202).length, 5);
      assert.equal(statuses.filter((s) => s === 429).length, 45);
      assert.equal(server.mail.to('ap@northwind.test').length, 5);
    } finally {
      await server.close();
    }
  });

  it('caps link requests from one IP across many emails', async () => {
    const server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await server.call('POST', '/auth/links', {
          body: { email: `person${i}@northwind.test`, returnTo: `${ORIGIN}/` },
          headers: { 'x-forwarded-for': '198.51.100.7' },
        });
        statuses.push(res.status);
      }
      assert.equal(statuses.filter((s) => s === 202).length, 30);
      const last = statuses.at(-1);
      assert.equal(last, 429);
    } finally {
      await server.close();
    }
  });
});
