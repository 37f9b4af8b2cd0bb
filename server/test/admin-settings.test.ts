/**
 * The staff console's settings (`/admin/settings`): admins read and change them, a change needs a
 * sign-in of the last 10 minutes, a bad value changes nothing, every change is one event, and the
 * customer's next payment form shows a new surcharge.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import type { AdminSettings, DunningPreview, PaymentConfig } from '../src/contract';
import { events } from '../src/db/schema';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let admin: string;
let collector: string;

const settingsEvents = async () =>
  (await t.db.select({ n: count() }).from(events).where(eq(events.type, 'settings.updated')).get())!.n;

before(async () => {
  t = await startTestServer();
  admin = await t.signIn('ar@acme.test', 'staff');
  collector = await t.signIn('collector@acme.test', 'staff');
});
after(() => t.close());

describe('company settings in the staff console', () => {
  it('shows an admin every setting and which are stored', async () => {
    const res = await t.call('GET', '/admin/settings', { token: admin });
    assert.equal(res.status, 200);
    const body = (await res.json()) as AdminSettings;
    assert.equal(body.settings.companyName, 'Acme Supplies');
    assert.equal(body.settings.promiseToleranceDays, 2);
    assert.ok(body.stored.includes('companyName'));
    assert.ok(!body.stored.includes('promiseToleranceDays'), 'a default is not stored');
  });

  it('changes the surcharge with one event, and the customer’s next payment form shows it', async () => {
    const before = await settingsEvents();
    const res = await t.call('PATCH', '/admin/settings', {
      token: admin,
      body: { values: { surchargeRateBp: 300, surchargeCap: null } },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const body = (await res.json()) as AdminSettings;
    assert.equal(body.settings.surchargeRateBp, 300);
    assert.equal(body.settings.surchargeCap, null);
    assert.equal(await settingsEvents(), before + 1);
    const event = await t.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'settings.updated'), eq(events.actorType, 'staff')))
      .get();
    assert.equal(event?.actorId, 'stf_ar');

    const customer = await t.signIn('ap@northwind.test');
    const config = (await (
      await t.call('GET', '/payments/config?account=cus_northwind', { token: customer })
    ).json()) as PaymentConfig;
    assert.equal(config.surcharge?.rateBp, 300);
  });

  it('refuses a bad value and an unknown key, changing nothing', async () => {
    const before = await settingsEvents();
    const res = await t.call('PATCH', '/admin/settings', {
      token: admin,
      body: { values: { surchargeRateBp: 5000, companyName: 'Changed', nope: 1 } },
    });
    assert.equal(res.status, 422);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    assert.equal(body.error.code, 'validation_failed');
    assert.deepEqual(body.error.issues.map((i) => i.path).sort(), ['nope', 'surchargeRateBp']);
    const now = (await (await t.call('GET', '/admin/settings', { token: admin })).json()) as AdminSettings;
    assert.equal(now.settings.companyName, 'Acme Supplies');
    assert.equal(await settingsEvents(), before);
    const empty = await t.call('PATCH', '/admin/settings', { token: admin, body: {} });
    assert.equal(empty.status, 400);
    assert.equal(await errorCode(empty), 'invalid_request');
  });

  it('keeps collectors out, and asks an admin whose sign-in is old to sign in again', async () => {
    for (const method of ['GET', 'PATCH'] as const) {
      const res = await t.call(method, '/admin/settings', {
        token: collector,
        ...(method === 'PATCH' ? { body: { values: { companyName: 'X' } } } : {}),
      });
      assert.equal(res.status, 403);
      assert.equal(await errorCode(res), 'forbidden');
    }
    t.clock.advance(11 * 60_000);
    const stale = await t.call('PATCH', '/admin/settings', { token: admin, body: { values: { companyName: 'X' } } });
    assert.equal(stale.status, 403);
    assert.equal(await errorCode(stale), 'reauth_required');
    // Reading needs no fresh sign-in.
    const read = await t.call('GET', '/admin/settings', { token: admin });
    assert.equal(read.status, 200);
    await read.arrayBuffer();
    const fresh = await t.signIn('ar@acme.test', 'staff');
    const ok = await t.call('PATCH', '/admin/settings', {
      token: fresh,
      body: { values: { companyName: 'Acme Supplies Inc.' } },
    });
    assert.equal(ok.status, 200);
    await ok.arrayBuffer();
  });
});

describe('the dunning email preview', () => {
  // Runs after the test above has aged the first admin sign-in: the preview changes nothing, so it needs no fresh one.
  it('renders the stored sequence’s first reminder for a sample invoice, even with an old sign-in', async () => {
    const res = await t.call('POST', '/admin/settings/dunning/preview', { token: admin, body: {} });
    assert.equal(res.status, 200, await res.clone().text());
    const body = (await res.json()) as DunningPreview;
    assert.deepEqual(
      body.steps.map((s) => s.offset),
      [-3, 0, 7, 14, 30, 44, 58],
    );
    assert.equal(body.steps[2]!.label, '7 days past due');
    assert.match(body.email.subject, /INV-0000/);
    assert.match(body.email.text, /INV-0000/);
    assert.match(body.email.html, /^<!doctype html>/i);
  });

  it('takes the form’s unsaved sequence and locale, and saves nothing', async () => {
    const before = await settingsEvents();
    const res = await t.call('POST', '/admin/settings/dunning/preview', {
      token: admin,
      body: { dunningSequence: { offsets: [5, 20], repeatDays: null }, locale: 'fr' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const body = (await res.json()) as DunningPreview;
    assert.deepEqual(
      body.steps.map((s) => s.offset),
      [5, 20],
    );
    assert.equal(body.steps[0]!.label, 'en retard de 5 jours');
    assert.match(body.email.subject, /INV-0000/);
    assert.match(body.email.subject, /retard/i);
    assert.equal(await settingsEvents(), before);
  });

  it('refuses a sequence that does not rise, a bad locale or a bad body, and keeps collectors out', async () => {
    const falling = await t.call('POST', '/admin/settings/dunning/preview', {
      token: admin,
      body: { dunningSequence: { offsets: [7, 3], repeatDays: 7 }, locale: 'not a locale!' },
    });
    assert.equal(falling.status, 422);
    const body = (await falling.json()) as { error: { code: string; issues: { path: string }[] } };
    assert.equal(body.error.code, 'validation_failed');
    assert.deepEqual(body.error.issues.map((i) => i.path).sort(), ['dunningSequence', 'locale']);
    const shape = await t.call('POST', '/admin/settings/dunning/preview', {
      token: admin,
      body: { dunningSequence: { offsets: 'soon' }, extra: 1 },
    });
    assert.equal(shape.status, 400);
    assert.equal(await errorCode(shape), 'invalid_request');
    const refused = await t.call('POST', '/admin/settings/dunning/preview', { token: collector, body: {} });
    assert.equal(refused.status, 403);
    assert.equal(await errorCode(refused), 'forbidden');
  });
});
