/**
 * PostgreSQL going away while the server runs (a restart, a failover, a cut network): the server answers
 * `503 unavailable` with `Retry-After` instead of failing or hanging, keeps its job worker alive, and
 * serves again on its own once the database is back, with nothing it accepted before lost. The outage is
 * real at the network level: the server reaches PostgreSQL through a TCP gate in this test that cuts
 * every connection and refuses new ones, then lets them through again.
 */
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { PaymentView } from '../src/contract';
import { openAsyncPostgres, type AsyncDatabase } from '../src/db/async';
import { startTestServer, errorCode, type TestServer } from './helpers';
import { createTestDatabase, testEngine } from './postgres-support';

const skip = testEngine !== 'postgres' && 'an outage of PostgreSQL: this runs in the PostgreSQL pass';

/** A TCP pass-through to `target` that can cut every connection and refuse new ones until it is opened again. */
async function tcpGate(target: URL): Promise<{ port: number; cut(): void; open(): void; close(): Promise<void> }> {
  let down = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    open() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('PostgreSQL going away mid-run', { skip }, () => {
  let created: { url: string; drop: () => Promise<void> };
  let gate: Awaited<ReturnType<typeof tcpGate>>;
  let database: AsyncDatabase;
  let t: TestServer;
  let token: string;

  before(async () => {
    created = await createTestDatabase();
    const direct = new URL(created.url);
    gate = await tcpGate(direct);
    const gated = new URL(created.url);
    gated.host = `127.0.0.1:${gate.port}`;
    database = await openAsyncPostgres(gated.toString(), { poolSize: 4 });
    t = await startTestServer({ database });
    token = await t.signIn('ap@northwind.test');
  });

  after(async () => {
    await t?.close();
    await database?.close();
    await gate?.close();
    await created?.drop();
  });

  const openInvoice = async () => {
    const res = await t.call('GET', '/invoices?account=cus_northwind&status=open', { token });
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: { id: string; payable: number }[] }).items.find((i) => i.payable > 100)!;
  };
  const pay = (invoiceId: string) =>
    t.call('POST', '/payments', {
      token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: {
        account: 'cus_northwind',
        allocations: [{ invoiceId, amount: 100 }],
        method: 'card',
        paymentMethod: 'tok_visa',
      },
    });

  it('answers 503 unavailable while it is gone, recovers on its own, and keeps what it accepted', async () => {
    const invoice = await openInvoice();
    const before = await pay(invoice.id);
    assert.equal(before.status, 201, await before.clone().text());
    const accepted = (await before.json()) as PaymentView;

    gate.cut();
    for (const [method, path, body] of [
      ['GET', '/invoices?account=cus_northwind', undefined],
      ['GET', `/payments/${accepted.id}`, undefined],
      ['POST', '/auth/links', { email: 'ap@northwind.test', returnTo: 'https://shop.test/portal' }],
    ] as const) {
      const res = await t.call(method, path, { token, body });
      assert.equal(res.status, 503, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
      assert.equal(res.headers.get('retry-after'), '5');
      assert.equal(await errorCode(res), 'unavailable');
    }
    const refused = await pay(invoice.id);
    assert.equal(refused.status, 503);
    // The job worker meets the outage too, and must still be there afterwards.
    await t.worker.runDue().catch(() => undefined);

    gate.open();
    const again = await t.call('GET', `/payments/${accepted.id}`, { token });
    assert.equal(again.status, 200, await again.clone().text());
    assert.equal(((await again.json()) as PaymentView).status, 'succeeded', 'the payment accepted before is kept');
    const after = await pay(invoice.id);
    assert.equal(after.status, 201, await after.clone().text());
    // Sign-in email still goes out through the worker: the outbox and the queue came back with the database.
    assert.ok(await t.signIn('ap@northwind.test'));
  });
});
