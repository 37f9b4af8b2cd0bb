import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { sha256 } from '../src/crypto';
import { erpApiKeys } from '../src/db/schema';
import { authenticateErpKey, createErpKey, listErpKeys, revokeErpKey } from '../src/domain/erp/keys';
import { systemActor } from '../src/domain/events';
import { errorCode, startTestServer, type TestServer } from './helpers';
import { erpCall, erpKey, scalarOf } from './erp-helpers';

describe('ERP API keys', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('creates a pk_live_ key of 32 random bytes and stores only its SHA-256', async () => {
    const created = await createErpKey(t.db, 'NetSuite', systemActor, t.clock.now());
    assert.match(created.key, /^pk_live_[A-Za-z0-9_-]{43}$/);
    assert.equal(created.prefix, created.key.slice(0, 12));
    const row = (await t.db.select().from(erpApiKeys).where(eq(erpApiKeys.id, created.id)).get())!;
    assert.equal(row.keyHash, sha256(created.key));
    const everything = JSON.stringify(await t.db.all(sql`SELECT * FROM erp_api_keys`));
    assert.ok(!everything.includes(created.key.slice(12)), 'the secret part is stored nowhere');
    const erpEvents = JSON.stringify(await t.db.all(sql`SELECT * FROM events WHERE substr(type, 1, 4) = 'erp.'`));
    assert.ok(erpEvents.includes('erp.key_created') && !erpEvents.includes(created.key.slice(12)));
  });

  it('lists keys with their prefix and never their hash or secret', async () => {
    const { key } = await erpKey(t, 'Listed');
    const listed = (await listErpKeys(t.db)).find((k) => k.name === 'Listed');
    assert.ok(listed);
    assert.equal(listed.prefix, key.slice(0, 12));
    assert.deepEqual(Object.keys(listed).sort(), ['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
  });

  it('notes when a key was last used, at most once a minute', async () => {
    const { id, key } = await erpKey(t, 'Touch');
    const lastUsed = async () =>
      (await scalarOf(t.db, sql`SELECT last_used_at FROM erp_api_keys WHERE id = ${id}`)) as number | null;
    assert.equal(await lastUsed(), null);
    const first = t.clock.now().getTime();
    assert.deepEqual(await authenticateErpKey(t.db, key, t.clock.now()), { id, name: 'Touch' });
    assert.equal(await lastUsed(), first);
    t.clock.advance(30_000);
    await authenticateErpKey(t.db, key, t.clock.now());
    assert.equal(await lastUsed(), first, 'not rewritten within the minute');
    t.clock.advance(30_000);
    await authenticateErpKey(t.db, key, t.clock.now());
    assert.equal(await lastUsed(), first + 60_000);
  });

  it('revokes a key once, recording the event', async () => {
    const { id, key } = await erpKey(t, 'Revoked');
    assert.equal(await revokeErpKey(t.db, id, systemActor, t.clock.now()), true);
    assert.equal(await revokeErpKey(t.db, id, systemActor, t.clock.now()), false, 'already revoked');
    assert.equal(await revokeErpKey(t.db, 'key_nosuchkey', systemActor, t.clock.now()), false);
    assert.equal(await authenticateErpKey(t.db, key, t.clock.now()), null);
    const n = await scalarOf(
      t.db,
      sql`SELECT count(*) FROM events WHERE type = 'erp.key_revoked' AND subject_id = ${id}`,
    );
    assert.equal(n, 1);
  });

  describe('on the ERP endpoints', () => {
    let live: string;
    let revoked: string;
    before(async () => {
      live = (await erpKey(t, 'Live')).key;
      const r = await erpKey(t, 'To revoke');
      await revokeErpKey(t.db, r.id, systemActor, t.clock.now());
      revoked = r.key;
    });

    it('answers a live key', async () => {
      const res = await erpCall(t, live, 'GET', '/invoices?limit=1');
      assert.equal(res.status, 200);
    });

    for (const [what, header] of [
      ['no Authorization header', null],
      ['an empty bearer', 'Bearer '],
      ['a Basic scheme', 'Basic dXNlcjpwYXNz'],
      ['a malformed key', 'Bearer pk_live_short'],
      ['a well-formed unknown key', `Bearer pk_live_${'A'.repeat(43)}`],
      ['a 10 KB key', `Bearer pk_live_${'A'.repeat(10_000)}`],
      ['a key with characters outside base64url', `Bearer pk_live_${'A'.repeat(21)}%00${'A'.repeat(19)}`],
    ] as const) {
      it(`refuses ${what} with 401 unauthenticated`, async () => {
        const res = await t.call('GET', '/erp/invoices', {
          origin: null,
          headers: header ? { authorization: header } : {},
        });
        assert.equal(res.status, 401);
        assert.equal(await errorCode(res), 'unauthenticated');
      });
    }

    it('refuses a revoked key with 401', async () => {
      const res = await erpCall(t, revoked, 'GET', '/invoices');
      assert.equal(res.status, 401);
      assert.equal(await errorCode(res), 'unauthenticated');
    });

    it("refuses a customer's and a staff member's session token with 401", async () => {
      for (const [email, audience] of [
        ['ap@northwind.test', 'customer'],
        ['ar@acme.test', 'staff'],
      ] as const) {
        const token = await t.signIn(email, audience);
        const res = await erpCall(t, token, 'PUT', '/customers', { body: { customers: [] } });
        assert.equal(res.status, 401, audience);
      }
    });

    it('checks the key before reading a body, however large', async () => {
      const res = await erpCall(t, null, 'PUT', '/invoices', { raw: `{"invoices":[${'0,'.repeat(1_500_000)}0]}` });
      assert.equal(res.status, 401);
    });
  });
});
