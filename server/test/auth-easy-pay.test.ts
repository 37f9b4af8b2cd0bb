/**
 * The Easy Pay landing, server side: a link the company sent with an invoice previews as a pay link
 * (company, invoice, balance and what is left once money in flight is held back), consumes nothing
 * when previewed, and is exchanged without the binding nonce no browser ever asked it with.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { LinkPreview, SessionCreated } from '../src/contract';
import { testConfig } from '../src/config';
import { sha256 } from '../src/crypto';
import { contacts, invoices, magicLinks, payments, reservations } from '../src/db/schema';
import { issueMagicLink, newLinkSecrets } from '../src/domain/auth';
import { putSettings } from '../src/domain/settings';
import { erpCall, erpKey } from './erp-helpers';
import { errorCode, ORIGIN, startTestServer, type TestServer } from './helpers';

const INVOICE = { id: 'inv_inv1032', number: 'INV-1032' };
const CONTACT = 'ap@northwind.test';

let t: TestServer;
// The same values the test server runs with (see helpers.ts).
const config = testConfig({ PUBLIC_URL: 'https://ar.shop.test', ALLOWED_ORIGINS: ORIGIN });
let key: string;

const balanceOf = async (id: string) =>
  (await t.db.select({ balance: invoices.balance }).from(invoices).where(eq(invoices.id, id)).get())!.balance;
/** The stored link of a token (the database keeps only the token's SHA-256). */
const linkOf = async (token: string) =>
  (await t.db
    .select()
    .from(magicLinks)
    .where(eq(magicLinks.tokenHash, sha256(token)))
    .get())!;

/** Sends the invoice as the ERP does and returns the Easy Pay link token from its email. */
async function sendInvoice(invoiceId: string): Promise<string> {
  await t.deliver();
  const before = t.mail.to(CONTACT).length;
  const res = await erpCall(t, key, 'POST', `/invoices/${invoiceId}/send`);
  assert.equal(res.status, 202, await res.clone().text());
  await t.deliver();
  const mail = await t.mail.waitFor(CONTACT, { after: before, subject: /^Invoice /, timeoutMs: 10_000 });
  const match = /#portico-link=([A-Za-z0-9_-]{43})/.exec(mail.text);
  assert.ok(match, `no Easy Pay link in: ${mail.text}`);
  return match[1]!;
}

async function preview(token: string, nonce?: string): Promise<LinkPreview> {
  const res = await t.call('POST', '/auth/links/preview', { body: nonce ? { token, nonce } : { token } });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as LinkPreview;
}

/**
 * An Easy Pay link as `invoice.send` makes it (`issueMagicLink` with the invoice's scope, no nonce
 * and no sign-in email), without rendering and mailing the invoice PDF.
 */
async function payLink(invoiceId = INVOICE.id, number = INVOICE.number, email = CONTACT): Promise<string> {
  const secrets = await newLinkSecrets();
  const url = await t.db.transaction((tx) =>
    issueMagicLink(
      tx,
      config,
      {
        email,
        audience: 'customer',
        returnTo: `${ORIGIN}/portal`,
        target: `pay/${number}`,
        nonceHash: null,
        scopeInvoiceIds: [invoiceId],
        ttlMinutes: config.EASY_PAY_TTL_DAYS * 1440,
        maxUses: config.EASY_PAY_MAX_USES,
      },
      secrets,
      t.clock.now(),
      { signInEmail: false },
    ),
  );
  return /#portico-link=([A-Za-z0-9_-]{43})$/.exec(url!)![1]!;
}

let paymentSeq = 0;
/** Money in flight: a processing payment holding `amount` of the invoice, as the payment code records it. */
async function holdInFlight(invoiceId: string, amount: number): Promise<string> {
  const id = `pay_inflight${++paymentSeq}`;
  const at = t.clock.now();
  await t.db.transaction(async (tx) => {
    await tx
      .insert(payments)
      .values({
        id,
        customerId: 'cus_northwind',
        amount,
        currency: 'USD',
        method: 'ach',
        provider: 'sandbox',
        status: 'processing',
        createdAt: at,
        updatedAt: at,
      })
      .run();
    await tx.insert(reservations).values({ paymentId: id, invoiceId, amount, createdAt: at }).run();
  });
  return id;
}

before(async () => {
  t = await startTestServer({ env: { SANDBOX_SETTLE_SECONDS: '60' } });
  ({ key } = await erpKey(t));
  await putSettings(t.db, { portalUrl: `${ORIGIN}/portal` }, t.clock.now());
});
after(() => t.close());
beforeEach(async () => {
  t.clock.advance(60 * 60_000);
  await t.db.delete(reservations).run();
});

describe('previewing an Easy Pay link', () => {
  it('says it is a pay link and shows the company and the invoice with its balance', async () => {
    const token = await sendInvoice(INVOICE.id);
    const body = await preview(token);
    const balance = await balanceOf(INVOICE.id);
    assert.ok(balance > 0);
    const due = (await t.db
      .select({ dueDate: invoices.dueDate })
      .from(invoices)
      .where(eq(invoices.id, INVOICE.id))
      .get())!;
    assert.equal((await linkOf(token)).nonceHash, null, 'nobody asked for it in a browser');
    assert.equal(body.purpose, 'pay');
    assert.equal(body.sameBrowser, false);
    assert.equal(body.audience, 'customer');
    assert.equal(body.email, 'a•••@northwind.test');
    assert.deepEqual(body.pay, {
      company: 'Acme Supplies',
      invoices: [{ number: INVOICE.number, dueDate: due.dueDate, currency: 'USD', balance, payable: balance }],
    });
  });

  it('offers only the balance less the money in flight, never below zero', async () => {
    const token = await payLink();
    const balance = await balanceOf(INVOICE.id);
    await holdInFlight(INVOICE.id, 1_000);
    await holdInFlight(INVOICE.id, 2_345);
    // Money held on another invoice does not count against this one.
    await holdInFlight('inv_inv1021', 500);
    const [inv] = (await preview(token)).pay!.invoices;
    assert.equal(inv!.balance, balance);
    assert.equal(inv!.payable, balance - 3_345);

    await holdInFlight(INVOICE.id, balance);
    const [all] = (await preview(token)).pay!.invoices;
    assert.equal(all!.balance, balance);
    assert.equal(all!.payable, 0);
  });

  it('holds back a bank debit made from the link until it settles', async () => {
    const token = await payLink();
    const balance = await balanceOf(INVOICE.id);
    const exchanged = await t.call('POST', '/auth/sessions', { body: { token } });
    const session = ((await exchanged.json()) as SessionCreated).token;
    const paid = await t.call('POST', '/payments', {
      token: session,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        account: 'cus_northwind',
        allocations: [{ invoiceId: INVOICE.id, amount: 1_500 }],
        method: 'ach',
        paymentMethod: 'btok_settles',
      },
    });
    assert.equal(paid.status, 201, await paid.clone().text());
    assert.equal(((await paid.json()) as { status: string }).status, 'processing');
    const [inFlight] = (await preview(token)).pay!.invoices;
    assert.deepEqual([inFlight!.balance, inFlight!.payable], [balance, balance - 1_500]);

    t.clock.advance(61_000);
    await t.worker.runDue();
    const [settled] = (await preview(token)).pay!.invoices;
    assert.deepEqual([settled!.balance, settled!.payable], [balance - 1_500, balance - 1_500]);
  });

  it('shows a voided invoice as nothing to pay', async () => {
    const token = await payLink('inv_inv1031', 'INV-1031');
    await t.db.update(invoices).set({ voidedAt: t.clock.now() }).where(eq(invoices.id, 'inv_inv1031')).run();
    try {
      const [inv] = (await preview(token)).pay!.invoices;
      assert.equal(inv!.number, 'INV-1031');
      assert.equal(inv!.payable, 0);
    } finally {
      await t.db.update(invoices).set({ voidedAt: null }).where(eq(invoices.id, 'inv_inv1031')).run();
    }
  });

  it('refuses, as the exchange does, the link of a contact removed since it was sent', async () => {
    await t.db
      .insert(contacts)
      .values({
        id: 'con_leaver',
        customerId: 'cus_northwind',
        email: 'leaver@northwind.test',
        name: 'Leaves Soon',
        createdAt: t.clock.now(),
      })
      .run();
    const token = await payLink(INVOICE.id, INVOICE.number, 'leaver@northwind.test');
    assert.equal((await preview(token)).pay!.invoices.length, 1);
    await t.db.delete(contacts).where(eq(contacts.id, 'con_leaver')).run();
    for (const path of ['/auth/links/preview', '/auth/sessions']) {
      const res = await t.call('POST', path, { body: { token } });
      assert.equal(res.status, 401, path);
      assert.equal(await errorCode(res), 'link_invalid', path);
    }
  });

  it('calls a link asked for in a browser a sign-in link, with no pay part', async () => {
    const { token } = await t.signInLink(CONTACT);
    const body = await preview(token, 'n'.repeat(32));
    assert.equal(body.purpose, 'sign_in');
    assert.equal(body.pay, null);
  });

  it('consumes nothing: previews, GETs and HEADs leave every use for the exchange', async () => {
    const token = await payLink();
    for (let i = 0; i < 5; i++) await preview(token, i % 2 ? 'x'.repeat(32) : undefined);
    for (const method of ['GET', 'HEAD']) {
      await fetch(`${t.api}/auth/links/preview?token=${token}`, { method });
      await fetch(`${t.api}/auth/sessions?token=${token}`, { method });
      await fetch(`${t.url}/?portico-link=${token}`, { method });
    }
    assert.equal((await linkOf(token)).uses, 0);
  });
});

describe('exchanging an Easy Pay link', () => {
  it('needs no nonce and asks nothing: the link opens a session scoped to its invoice', async () => {
    const token = await payLink();
    const res = await t.call('POST', '/auth/sessions', { body: { token, audience: 'customer' } });
    assert.equal(res.status, 200, await res.clone().text());
    const session = (await res.json()) as SessionCreated;
    assert.deepEqual(session.scope, { invoiceIds: [INVOICE.id] });
    assert.equal(session.target, `pay/${INVOICE.number}`);
    assert.equal((await linkOf(token)).uses, 1);
    // Company-sent links allow several uses: the preview still answers after one.
    assert.equal((await preview(token)).purpose, 'pay');
  });

  it('previews and exchanges as link_expired once its lifetime is over', async () => {
    const token = await payLink();
    t.clock.advance(400 * 24 * 60 * 60_000);
    for (const path of ['/auth/links/preview', '/auth/sessions']) {
      const res = await t.call('POST', path, { body: { token } });
      assert.equal(res.status, 401, path);
      assert.equal(await errorCode(res), 'link_expired', path);
    }
  });
});
