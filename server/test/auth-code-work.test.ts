/**
 * A code try does the same work whatever the email: exactly CODE_CANDIDATES scrypt hashes whether the
 * address is unknown, a customer's with no live code, or one holding one or many live codes. Counted
 * with the exchange's own counter (deterministic), over real HTTP; no timing is measured.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq, gt } from 'drizzle-orm';
import { events, magicLinks } from '../src/db/schema';
import { CODE_CANDIDATES, codeHashesComputed } from '../src/domain/auth/codes';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;

before(async () => {
  // Cooldown off and roomy per-email limits: several live codes for one email in a few minutes.
  t = await startTestServer({ env: { RESEND_COOLDOWN_SECONDS: '0', RATE_LIMIT_EMAIL: '20' } });
});
after(() => t.close());
beforeEach(() => t.clock.advance(60 * 60_000));

/** A wrong try for `email`: its answer, and how many code hashes it cost. */
async function wrongTry(email: string, code = '000000'): Promise<{ status: number; code: string; hashes: number }> {
  const before = codeHashesComputed(t.deps);
  const res = await t.call('POST', '/auth/sessions', { body: { email, code } });
  return { status: res.status, code: await errorCode(res), hashes: codeHashesComputed(t.deps) - before };
}

/** Wrong for every live code the email holds. */
function wrongCodeFor(codes: string[]): string {
  for (let n = 0; ; n++) {
    const guess = String(n).padStart(6, '0');
    if (!codes.includes(guess)) return guess;
  }
}

describe('code tries: the same work for every email', () => {
  it(`hashes exactly ${CODE_CANDIDATES} candidates for unknown, known, and one or many live codes`, async () => {
    const tryAndCount = async (label: string, email: string, live: number, codes: string[]) => {
      const liveNow = (
        await t.db
          .select()
          .from(magicLinks)
          .where(and(eq(magicLinks.email, email), gt(magicLinks.codeExpiresAt, t.clock.now())))
          .all()
      ).length;
      assert.equal(liveNow, live, `${label}: set-up`);
      const result = await wrongTry(email, wrongCodeFor(codes));
      assert.deepEqual(result, { status: 401, code: 'code_invalid', hashes: CODE_CANDIDATES }, label);
      // The try counted as a failure on every live code; undo it so the codes stay live for the next case.
      await t.db.update(magicLinks).set({ codeFailures: 0 }).run();
    };
    await tryAndCount('unknown address', 'nobody@nowhere.test', 0, []);
    await tryAndCount('customer with no live code', 'cfo@globex.test', 0, []);
    const codes: string[] = [];
    for (const n of [1, 2, 3, 5]) {
      while (codes.length < n) {
        codes.push((await t.signInLink('ap@northwind.test')).code);
        t.clock.advance(1_000);
      }
      await tryAndCount(`customer with ${n} live code(s)`, 'ap@northwind.test', n, codes);
    }
  });

  it('still signs in with any of the newest codes, and the newest of many', async () => {
    const links = [];
    for (let i = 0; i < CODE_CANDIDATES + 2; i++) {
      links.push(await t.signInLink('cfo@globex.test'));
      t.clock.advance(1_000);
    }
    const before = codeHashesComputed(t.deps);
    const oldestChecked = links.at(-CODE_CANDIDATES)!;
    const res = await t.call('POST', '/auth/sessions', {
      body: { email: 'cfo@globex.test', code: oldestChecked.code },
    });
    assert.equal(res.status, 200, 'the oldest of the checked codes signs in');
    assert.equal(codeHashesComputed(t.deps) - before, CODE_CANDIDATES, 'a right code costs the same too');
    const newest = links.at(-1)!;
    assert.equal(
      (await t.call('POST', '/auth/sessions', { body: { email: 'cfo@globex.test', code: newest.code } })).status,
      200,
    );
  });

  it('does not sign in with a live code older than the newest ones checked; its link still does', async () => {
    const links = [];
    for (let i = 0; i < CODE_CANDIDATES + 1; i++) {
      links.push(await t.signInLink('bookkeeper@ledger.test'));
      t.clock.advance(1_000);
    }
    const oldest = links[0]!;
    const newer = links.slice(1).map((l) => l.code);
    // A six-digit code can repeat across links; the case only means something when it does not.
    if (!newer.includes(oldest.code)) {
      const res = await t.call('POST', '/auth/sessions', {
        body: { email: 'bookkeeper@ledger.test', code: oldest.code },
      });
      assert.equal(res.status, 401);
      assert.equal(await errorCode(res), 'code_invalid');
    }
    assert.equal((await t.call('POST', '/auth/sessions', { body: { token: oldest.token } })).status, 200);
  });

  it('counts a wrong try on the live codes and records the rejection, for known and unknown emails alike', async () => {
    const { code } = await t.signInLink('ap@northwind.test');
    const wrong = wrongCodeFor([code]);
    for (const email of ['ap@northwind.test', 'ghost@northwind.test']) {
      const rejections = async () =>
        (await t.db.select().from(events).where(eq(events.type, 'auth.rejected')).all()).length;
      const before = await rejections();
      assert.equal((await wrongTry(email, wrong)).status, 401);
      assert.equal(await rejections(), before + 1);
    }
    const failures = (
      await t.db
        .select({ n: magicLinks.codeFailures })
        .from(magicLinks)
        .where(eq(magicLinks.email, 'ap@northwind.test'))
        .all()
    ).map((r) => r.n);
    assert.ok(failures.includes(1), 'the live code counted the failure');
  });
});
