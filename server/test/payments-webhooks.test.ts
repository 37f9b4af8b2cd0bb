/** Payments: provider webhooks (the sandbox) and the cap on new payments per account (card testing). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { PaymentView } from '../src/contract';
import { signPayload } from '../src/crypto';
import { payments } from '../src/db/schema';
import { installationSecret } from '../src/domain/installation';
import { errorCode, startTestServer } from './helpers';
import { balanceOf, card, eventsOf, northwind, payOk, t, usePaymentsServer } from './payments-support';

usePaymentsServer();

describe('POST /webhooks/sandbox', () => {
  // No SANDBOX_WEBHOOK_SECRET is configured: the installation made its own.
  const secret = () => installationSecret(t.db, 'sandbox_webhook_secret', t.clock.now());

  it('the sandbox secret is random per installation: the old documented default signs nothing', async () => {
    assert.match(await secret(), /^whsec_[A-Za-z0-9_-]{30,}$/);
    assert.notEqual(await secret(), 'whsec_sandbox_not_a_secret');
    const body = JSON.stringify({ id: 'evt_default', ref: 'sbx_card_pay_x', outcome: 'succeeded' });
    const res = await send(body, signPayload('whsec_sandbox_not_a_secret', body, t.clock.now()));
    assert.equal(await errorCode(res), 'signature_invalid');
  });
  const send = (body: string, signature: string | null) =>
    t.call('POST', '/webhooks/sandbox', {
      raw: body,
      origin: null,
      headers: signature === null ? {} : { 'portico-signature': signature },
    });

  it('applies a signed event once; bad, missing, old and replayed ones are refused with nothing applied', async () => {
    const invoice = 'inv_inv1032';
    const before = await balanceOf(invoice);
    const view = await payOk({ ...card([[invoice, 600]]), method: 'ach', paymentMethod: 'btok_settles' });
    const ref = (await t.db.select().from(payments).where(eq(payments.id, view.id)).get())!.providerRef!;
    const body = JSON.stringify({ id: 'evt_sbx_1', ref, outcome: 'succeeded' });

    const forged = await send(body, signPayload('whsec_wrong_secret_entirely', body, t.clock.now()));
    assert.equal(forged.status, 400);
    assert.equal(await errorCode(forged), 'signature_invalid');
    const missing = await send(body, null);
    assert.equal(await errorCode(missing), 'signature_invalid');
    const old = await send(body, signPayload(await secret(), body, new Date(t.clock.now().getTime() - 10 * 60_000)));
    assert.equal(await errorCode(old), 'signature_invalid');
    const tampered = await send(
      body.replace('succeeded', 'returned'),
      signPayload(await secret(), body, t.clock.now()),
    );
    assert.equal(await errorCode(tampered), 'signature_invalid');
    assert.equal(await balanceOf(invoice), before, 'nothing applied by refused webhooks');

    const good = await send(body, signPayload(await secret(), body, t.clock.now()));
    assert.equal(good.status, 200);
    assert.equal(await balanceOf(invoice), before - 600);
    const replay = await send(body, signPayload(await secret(), body, t.clock.now()));
    assert.equal(replay.status, 409);
    assert.equal(await balanceOf(invoice), before - 600);
    assert.equal((await eventsOf('payment.applied', view.id)).length, 1);
  });

  it('money the processor reports taken after a decline is applied, not lost', async () => {
    const invoice = 'inv_inv1032';
    const before = await balanceOf(invoice);
    const view = await payOk(card([[invoice, 250]], { paymentMethod: 'tok_insufficient_funds' }));
    assert.equal(view.status, 'failed');
    const ref = (await t.db.select().from(payments).where(eq(payments.id, view.id)).get())!.providerRef!;
    const body = JSON.stringify({ id: 'evt_sbx_late', ref, outcome: 'succeeded' });
    const res = await send(body, signPayload(await secret(), body, t.clock.now()));
    assert.equal(res.status, 200);
    const now = (await (await t.call('GET', `/payments/${view.id}`, { token: northwind })).json()) as PaymentView;
    assert.equal(now.status, 'succeeded');
    assert.equal(await balanceOf(invoice), before - 250);
  });

  it('an unknown provider is a 404', async () => {
    const res = await send('{}', null);
    assert.notEqual(res.status, 500);
    const other = await t.call('POST', '/webhooks/nonesuch', { raw: '{}', origin: null });
    assert.equal(other.status, 404);
  });
});

describe('card testing', () => {
  it('caps the new payments one account may start in an hour; replays of a key do not count', async () => {
    const limited = await startTestServer({ env: { PAYMENT_ATTEMPTS_PER_HOUR: '3' } });
    try {
      let token = await limited.signIn('ap@northwind.test');
      const attempt = (key: string, card: string) =>
        limited.call('POST', '/payments', {
          token,
          headers: { 'idempotency-key': key },
          body: {
            account: 'cus_northwind',
            allocations: [{ invoiceId: 'inv_inv1022', amount: 100 }],
            method: 'card',
            paymentMethod: card,
          },
        });
      for (const key of ['k-000001', 'k-000002', 'k-000003']) {
        assert.equal((await attempt(key, 'tok_stolen_card')).status, 201);
      }
      assert.equal((await attempt('k-000003', 'tok_stolen_card')).status, 200, 'a replay still answers');
      const refused = await attempt('k-000004', 'tok_visa');
      assert.equal(refused.status, 429);
      assert.equal(await errorCode(refused), 'rate_limited');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      limited.clock.advance(2 * 3_600_000);
      token = await limited.signIn('ap@northwind.test');
      assert.equal((await attempt('k-000005', 'tok_visa')).status, 201);
    } finally {
      await limited.close();
    }
  });
});
