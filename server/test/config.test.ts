import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ConfigError, defaultPortalUrl, loadConfig } from '../src/config';
import { freePort } from '../../test/support/portico-process';

const stripeKeys = {
  PAYMENT_PROVIDER: 'stripe',
  STRIPE_SECRET_KEY: 'sk_test_portico',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_portico',
  STRIPE_WEBHOOK_SECRET: 'whsec_portico',
};

describe('configuration', () => {
  it('runs the demo with no variables set', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 8787);
    assert.equal(config.PUBLIC_URL, 'http://localhost:8787');
    assert.deepEqual(config.ALLOWED_ORIGINS, ['http://localhost:8787']);
    assert.equal(config.LINK_TTL_MINUTES, 60);
    assert.equal(config.LINK_MAX_USES, 1);
    assert.equal(config.SMTP_URL, undefined);
  });

  it('reads an allow-list of exact origins and always includes its own', () => {
    const config = loadConfig({
      ALLOWED_ORIGINS: 'https://shop.example.com, https://www.example.com',
      PUBLIC_URL: 'https://ar.example.com',
    });
    assert.deepEqual(config.ALLOWED_ORIGINS, [
      'https://ar.example.com',
      'https://shop.example.com',
      'https://www.example.com',
    ]);
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'ar.example.com'],
    ['ALLOWED_ORIGINS', 'https://shop.example.com/path'],
    ['ALLOWED_ORIGINS', '*'],
    ['SMTP_URL', 'http://mail.example.com'],
    ['LINK_TTL_MINUTES', '-5'],
    ['NODE_ENV', 'staging'],
    ['DEMO', 'maybe'],
    ['PORTAL_URL', 'pay.example.com'],
    ['PORTAL_URL', 'https://user:secret@pay.example.com/'],
    ['DATABASE_URL', 'mysql://portico:s3cret@db.example.com/portico'],
    ['DATABASE_URL', 'db.example.com:5432/portico'],
    ['DATABASE_POOL_SIZE', '1'],
  ]) {
    it(`stops with a message naming ${name} when it is ${JSON.stringify(value)}`, () => {
      assert.throws(
        () => loadConfig({ [name!]: value }),
        (err: unknown) => err instanceof ConfigError && err.message.includes(name!),
      );
    });
  }

  it('defaults the portal URL setting to PORTAL_URL, else to the page at PUBLIC_URL', () => {
    assert.equal(defaultPortalUrl(loadConfig({})), 'http://localhost:8787/');
    assert.equal(defaultPortalUrl(loadConfig({ PUBLIC_URL: 'https://ar.example.com' })), 'https://ar.example.com/');
    const config = loadConfig({ PUBLIC_URL: 'https://ar.example.com', PORTAL_URL: 'https://www.example.com/pay' });
    assert.equal(config.PORTAL_URL, 'https://www.example.com/pay');
    assert.equal(defaultPortalUrl(config), 'https://www.example.com/pay');
  });

  it('refuses production without SMTP, where every sign-in email would vanish', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SMTP_URL/);
    assert.equal(
      loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.com:587', ...stripeKeys }).NODE_ENV,
      'production',
    );
  });

  it('refuses the payment sandbox in production, where test cards would pay real invoices', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.com:587' }),
      /PAYMENT_PROVIDER/,
    );
  });

  it('requires every Stripe key with PAYMENT_PROVIDER=stripe', () => {
    assert.throws(() => loadConfig({ PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_x' }), /STRIPE_/);
    assert.equal(loadConfig({ ...stripeKeys }).PAYMENT_PROVIDER, 'stripe');
  });

  it('refuses the demo in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', DEMO: 'true', SMTP_URL: 'smtp://m.example.com' }), /DEMO/);
  });

  it('never prints a bad DATABASE_URL, which holds a password', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://portico:s3cret@db.example.com/portico' }),
      (err: unknown) => err instanceof ConfigError && !err.message.includes('s3cret'),
    );
  });

  it('stops the start on an unreachable DATABASE_URL, naming it without its user or password', async () => {
    const closed = await freePort();
    const start = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: `postgres://portico:s3cret@127.0.0.1:${closed}/portico`,
        PORT: '0',
        LOG_LEVEL: 'error',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(start.status, 1, start.stderr);
    assert.match(
      start.stderr,
      new RegExp(`Cannot open the database \\(DATABASE_URL postgres://127\\.0\\.0\\.1:${closed}/portico\\)`),
    );
    assert.doesNotMatch(start.stderr + start.stdout, /s3cret|portico:/);
  });
});
