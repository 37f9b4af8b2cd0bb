import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { emailOutbox, events, magicLinks, sessions } from '../src/db/schema';
import { deactivateStaffUser } from '../src/domain/auth/sessions';
import { ORIGIN, errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;

describe('magic links and sessions', () => {
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());
  beforeEach(() => {
    // Each test starts outside the previous one's rate-limit and cooldown windows.
    t.clock.advance(60 * 60_000);
  });

  describe('asking for a link', () => {
    it('emails a link to returnTo with the token in the fragment, and a 6-digit code', async () => {
      const link = await t.signInLink('ap@northwind.test', { target: 'invoices?status=past_due' });
      assert.match(link.url, /^https:\/\/shop\.test\/portal#portico-link=[A-Za-z0-9_-]{43}$/);
      assert.match(link.code, /^\d{6}$/);
      const email = t.mail.to('ap@northwind.test').at(-1)!;
      assert.match(email.subject, /Acme Supplies/);
      assert.match(email.html, /Acme Supplies/);
      assert.ok(email.html.includes(link.code));
    });

    it('answers a known and an unknown email with the same status and body, and sends nothing to the unknown', async () => {
      const known = await t.call('POST', '/auth/links', {
        body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/` },
      });
      const unknown = await t.call('POST', '/auth/links', {
        body: { email: 'nobody@northwind.test', returnTo: `${ORIGIN}/` },
      });
      assert.equal(known.status, 202);
      assert.equal(unknown.status, 202);
      assert.deepEqual(await known.json(), await unknown.json());
      await t.deliver();
      assert.equal(t.mail.to('nobody@northwind.test').length, 0);
      assert.equal(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'nobody@northwind.test')).all().length, 0);
      assert.equal(t.db.select().from(magicLinks).where(eq(magicLinks.email, 'nobody@northwind.test')).all().length, 0);
    });

    it('normalises case and surrounding whitespace the same way at request and at exchange', async () => {
      const { code } = await t.signInLink('  AP@Northwind.TEST ');
      const res = await t.call('POST', '/auth/sessions', { body: { email: 'Ap@NORTHWIND.test  ', code } });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { user: { email: string } }).user.email, 'ap@northwind.test');
    });

    for (const email of [
      'a@x.test,b@evil.test',
      'a@x.test\r\nBcc: b@evil.test',
      '"v@x.test x"@evil.test',
      'a b@x.test',
      `${'a'.repeat(290)}@x.test`,
      'no-at-sign',
    ]) {
      it(`refuses an email that is not one plain address: ${JSON.stringify(email).slice(0, 40)}`, async () => {
        const res = await t.call('POST', '/auth/links', { body: { email, returnTo: `${ORIGIN}/` } });
        assert.equal(res.status, 400);
        assert.equal(await errorCode(res), 'email_invalid');
      });
    }

    for (const email of [['a@x.test'], { address: 'a@x.test' }, 42, null]) {
      it(`refuses an email of the wrong type: ${JSON.stringify(email)}`, async () => {
        const res = await t.call('POST', '/auth/links', { body: { email, returnTo: `${ORIGIN}/` } });
        assert.equal(res.status, 400);
        assert.equal(await errorCode(res), 'invalid_request');
      });
    }

    for (const returnTo of [
      'https://evil.test/',
      '//evil.test/',
      'https://shop.test.evil.test/',
      'javascript:alert(1)',
      'https://shop.test@evil.test/',
      'https://user:pw@shop.test/',
      'http://shop.test/',
      'https://shop.test:8443/',
      'https://shop.test\\@evil.test/',
      '/relative/path',
    ]) {
      it(`refuses returnTo outside the allow-list: ${returnTo}`, async () => {
        const res = await t.call('POST', '/auth/links', { body: { email: 'ap@northwind.test', returnTo } });
        assert.equal(res.status, 400);
        assert.equal(await errorCode(res), 'return_to_invalid');
      });
    }

    for (const target of [
      'https://evil.test',
      '//evil.test',
      'invoices/../../admin',
      'javascript:alert(1)',
      'invoices?status=x',
      '/invoices',
      'invoices?status=paid&status=open',
      'invoices?next=https://evil.test',
      'invoices?account=a&x=1',
      'invoices?status=paid=x',
      'admin',
      // Encoded control characters (CR LF, NUL, DEL, C1 NEL), doubly encoded, malformed encoding.
      'invoices/%0d%0aX',
      'invoices/%0D%0AX',
      'invoices/INV%00',
      'pay/INV-1%7f',
      'invoices/%C2%85',
      'invoices/%250d%250a',
      'invoices/%E2%80%A8',
      'invoices/%zz',
      'invoices/%E2%82',
      'invoices/INV\r\nX',
      'invoices/INV\u0000',
    ]) {
      it(`refuses a target that is a URL, escapes the portal's routes or hides controls: ${JSON.stringify(target)}`, async () => {
        const res = await t.call('POST', '/auth/links', {
          body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/`, target },
        });
        assert.equal(res.status, 400);
        assert.equal(await errorCode(res), 'target_invalid');
      });
    }

    it('keeps a target with a status and an account, for returning to the same view', async () => {
      const { token } = await t.signInLink('bookkeeper@ledger.test', {
        target: 'invoices?status=disputed&account=cus_initech',
      });
      const res = await t.call('POST', '/auth/sessions', { body: { token } });
      assert.equal(((await res.json()) as { target: string }).target, 'invoices?status=disputed&account=cus_initech');
    });

    it('builds the link from the allow-listed returnTo, whatever Host or X-Forwarded-Host say', async () => {
      const before = t.mail.to('ap@northwind.test').length;
      const res = await t.call('POST', '/auth/links', {
        body: { email: 'ap@northwind.test', returnTo: `${ORIGIN}/portal` },
        headers: { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'http' },
      });
      assert.equal(res.status, 202);
      await t.deliver();
      const email = await t.mail.waitFor('ap@northwind.test', { after: before });
      assert.ok(!email.text.includes('evil.test'));
      assert.ok(email.text.includes(`${ORIGIN}/portal#portico-link=`));
    });

    it('keeps a resend cooldown per email, the same for unknown emails', async () => {
      for (const email of ['ap@northwind.test', 'ghost@northwind.test']) {
        const first = await t.call('POST', '/auth/links', { body: { email, returnTo: `${ORIGIN}/` } });
        const second = await t.call('POST', '/auth/links', { body: { email, returnTo: `${ORIGIN}/` } });
        assert.equal(first.status, 202);
        assert.equal(second.status, 429);
        assert.equal(await errorCode(second), 'too_soon');
        assert.ok(Number(second.headers.get('retry-after')) > 0);
      }
    });

    it('stores only hashes: no token or code in the database, events or logs', async () => {
      const { token, code } = await t.signInLink('ap@northwind.test');
      t.clock.advance(60_000);
      const res = await t.call('POST', '/auth/sessions', { body: { token } });
      const body = (await res.json()) as { token: string };
      assert.equal(res.status, 200, JSON.stringify(body));
      const sessionToken = body.token;
      const dump = JSON.stringify([
        t.db.select().from(magicLinks).all(),
        t.db.select().from(sessions).all(),
        t.db.select().from(events).all(),
        t.db.select().from(emailOutbox).all(),
      ]);
      for (const secret of [token, sessionToken, sessionToken.slice(4)])
        assert.ok(!dump.includes(secret), 'secret stored in clear');
      assert.ok(!dump.includes(`"${code}"`));
    });
  });

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
      const before = t.db.select().from(sessions).all().length;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => t.call('POST', '/auth/sessions', { body: { token } })),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.equal(statuses.filter((s) => s === 200).length, 1);
      assert.equal(statuses.filter((s) => s === 401).length, 19);
      assert.equal(t.db.select().from(sessions).all().length, before + 1);
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
        server.sqlite.prepare("DELETE FROM contacts WHERE email = 'cfo@globex.test'").run();
        const res = await server.call('POST', '/auth/sessions', { body: { token } });
        assert.equal(await errorCode(res), 'link_invalid');
      } finally {
        await server.close();
      }
    });
  });

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
      t.db.transaction((tx) => deactivateStaffUser(tx, 'stf_collector', { type: 'system' }, t.clock.now()));
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
      const types = t.db
        .select({ type: events.type })
        .from(events)
        .where(eq(events.actorId, 'cfo@globex.test'))
        .all()
        .map((e) => e.type);
      for (const type of ['auth.link_requested', 'auth.signed_in', 'auth.rejected', 'auth.logged_out'])
        assert.ok(types.includes(type), type);
    });
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
