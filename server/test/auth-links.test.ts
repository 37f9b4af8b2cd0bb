/** Magic links and sessions: asking for a link (what is sent, to where, how often, what is stored). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { emailOutbox, events, magicLinks, sessions } from '../src/db/schema';
import { ORIGIN, errorCode } from './helpers';
import { t, useAuthServer } from './auth-support';

describe('magic links and sessions', () => {
  useAuthServer();

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
      assert.equal(
        (await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'nobody@northwind.test')).all()).length,
        0,
      );
      assert.equal(
        (await t.db.select().from(magicLinks).where(eq(magicLinks.email, 'nobody@northwind.test')).all()).length,
        0,
      );
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
        await t.db.select().from(magicLinks).all(),
        await t.db.select().from(sessions).all(),
        await t.db.select().from(events).all(),
        await t.db.select().from(emailOutbox).all(),
      ]);
      for (const secret of [token, sessionToken, sessionToken.slice(4)])
        assert.ok(!dump.includes(secret), 'secret stored in clear');
      assert.ok(!dump.includes(`"${code}"`));
    });
  });
});
