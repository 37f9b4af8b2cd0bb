/**
 * The staff console's ERP connections (`/admin/erp`): an admin freshly signed in makes and revokes API
 * keys and webhook endpoints (the key shown once, working at once); collectors look at and retry
 * deliveries but touch no keys.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErpKeyCreated, ErpKeySummary, ErpWebhookEndpointCreated } from '../src/contract';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let admin: string;
let collector: string;

before(async () => {
  t = await startTestServer();
  admin = await t.signIn('ar@acme.test', 'staff');
  collector = await t.signIn('collector@acme.test', 'staff');
});
after(() => t.close());

describe('ERP keys and endpoints in the staff console', () => {
  it('makes a key that works at once, lists it without its secret, and revokes it', async () => {
    const res = await t.call('POST', '/admin/erp/keys', { token: admin, body: { name: 'General ledger' } });
    assert.equal(res.status, 201);
    const key = (await res.json()) as ErpKeyCreated;
    const feed = await fetch(`${t.api}/erp/payments?limit=1`, { headers: { authorization: `Bearer ${key.key}` } });
    assert.equal(feed.status, 200);
    await feed.arrayBuffer();
    const listed = await (await t.call('GET', '/admin/erp/keys', { token: admin })).text();
    assert.ok(listed.includes(key.id) && !listed.includes(key.key), 'listed, never with the secret');
    const revoked = await t.call('DELETE', `/admin/erp/keys/${key.id}`, { token: admin });
    assert.equal(revoked.status, 204);
    const after = await fetch(`${t.api}/erp/payments?limit=1`, { headers: { authorization: `Bearer ${key.key}` } });
    assert.equal(after.status, 401);
    await after.arrayBuffer();
    const again = await t.call('DELETE', `/admin/erp/keys/${key.id}`, { token: admin });
    assert.equal(again.status, 404);
    await again.arrayBuffer();
    const keys = (await (await t.call('GET', '/admin/erp/keys', { token: admin })).json()) as {
      items: ErpKeySummary[];
    };
    assert.ok(keys.items.find((k) => k.id === key.id)!.revokedAt);
  });

  it('adds and disables a webhook endpoint; a collector sees its deliveries but not the keys', async () => {
    const res = await t.call('POST', '/admin/erp/webhooks', {
      token: admin,
      body: { url: 'https://erp.shop.test/hooks', events: ['payment.succeeded'] },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const endpoint = (await res.json()) as ErpWebhookEndpointCreated;
    assert.match(endpoint.secret, /^whsec_/);
    const deliveries = await t.call('GET', `/admin/erp/webhooks/${endpoint.id}/deliveries`, { token: collector });
    assert.equal(deliveries.status, 200);
    await deliveries.arrayBuffer();
    for (const [method, path] of [
      ['GET', '/admin/erp/keys'],
      ['DELETE', `/admin/erp/webhooks/${endpoint.id}`],
    ] as const) {
      const refused = await t.call(method, path, { token: collector });
      assert.equal(refused.status, 403);
      assert.equal(await errorCode(refused), 'forbidden');
    }
    const bad = await t.call('POST', '/admin/erp/webhooks', {
      token: admin,
      body: { url: 'https://user:secret@erp.shop.test/hooks' },
    });
    assert.equal(bad.status, 400);
    await bad.arrayBuffer();
    const disabled = await t.call('DELETE', `/admin/erp/webhooks/${endpoint.id}`, { token: admin });
    assert.equal(disabled.status, 200);
    await disabled.arrayBuffer();
  });

  it('asks an admin whose sign-in is old to sign in again before any change', async () => {
    t.clock.advance(11 * 60_000);
    const res = await t.call('POST', '/admin/erp/keys', { token: admin, body: { name: 'Late' } });
    assert.equal(res.status, 403);
    assert.equal(await errorCode(res), 'reauth_required');
  });
});
