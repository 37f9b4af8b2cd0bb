/**
 * The staff console's customer page, its reads (issue 13): GET /admin/customers… over real HTTP on the
 * demo data, checked against what the customer's own routes answer for the same account.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  AccountList,
  AuditEventList,
  CustomerDetail,
  CustomerSummaryPage,
  CustomerSummaryRow,
  DisputeList,
  InvoiceList,
  PaymentList,
  PromiseList,
} from '../src/contract';
import { addDays } from '../src/contract/dates';
import { customers } from '../src/db/schema';
import { calendarDate } from '../src/domain/dates';
import { errorCode, startTestServer, type TestServer } from './helpers';
import { disputable, NORTHWIND, NORTHWIND_EMAIL } from './disputes-support';

let t: TestServer;
let admin: string;
let collector: string;
let customer: string;

async function read<T>(path: string, token = admin): Promise<T> {
  const res = await t.call('GET', path, { token });
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

const qs = (query: Record<string, string>) => new URLSearchParams(query).toString();

/** Every page of the customer list for `query`, following nextCursor. */
async function everyCustomer(query: Record<string, string>): Promise<CustomerSummaryRow[]> {
  const all: CustomerSummaryRow[] = [];
  let cursor: string | null = null;
  do {
    const page: CustomerSummaryPage = await read(`/admin/customers?${qs({ ...query, ...(cursor ? { cursor } : {}) })}`);
    assert.ok(page.items.length <= Number(query.limit ?? 50));
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

describe('the staff console: a customer page’s reads', () => {
  before(async () => {
    t = await startTestServer();
    const now = t.clock.now();
    // A lower-case name (first by name in any case) and two names equal in any case (the id breaks the tie).
    await t.db
      .insert(customers)
      .values([
        { id: 'cus_aardvark', name: 'aardvark supplies', currency: 'USD', externalId: 'ERP-AARD', updatedAt: now },
        { id: 'cus_twin_b', name: 'Twin Co', currency: 'USD', updatedAt: now },
        { id: 'cus_twin_a', name: 'TWIN CO', currency: 'USD', updatedAt: now },
      ])
      .run();
    admin = await t.signIn('ar@acme.test', 'staff');
    collector = await t.signIn('collector@acme.test', 'staff');
    customer = await t.signIn(NORTHWIND_EMAIL, 'customer');
    const [forPromise] = await disputable(t);
    const today = calendarDate(t.clock.now(), 'America/New_York');
    const promise = await t.call('POST', '/promises', {
      token: customer,
      body: { account: NORTHWIND, invoices: [forPromise!.id], amount: 500, promisedDate: addDays(today, 5) },
    });
    assert.equal(promise.status, 201, await promise.clone().text());
  });
  after(() => t.close());

  it('lists every customer once, by name in any case then id, page by page', async () => {
    const stored = await t.db.select({ id: customers.id }).from(customers).all();
    const paged = await everyCustomer({ limit: '2' });
    assert.deepEqual(paged.map((c) => c.id).sort(), stored.map((c) => c.id).sort());
    assert.equal(paged[0]!.id, 'cus_aardvark');
    const twins = paged.map((c) => c.id).filter((id) => id.startsWith('cus_twin'));
    assert.deepEqual(twins, ['cus_twin_a', 'cus_twin_b']);
    assert.equal(
      paged.indexOf(paged.find((c) => c.id === 'cus_twin_b')!),
      paged.indexOf(paged.find((c) => c.id === 'cus_twin_a')!) + 1,
    );
    assert.deepEqual(await everyCustomer({ limit: '200' }), paged);
  });

  it('finds customers by name or external id, in any case', async () => {
    assert.deepEqual(
      (await everyCustomer({ q: 'NORTHWIND' })).map((c) => c.id),
      [NORTHWIND],
    );
    assert.deepEqual(
      (await everyCustomer({ q: 'erp-aard' })).map((c) => c.id),
      ['cus_aardvark'],
    );
    assert.deepEqual(await everyCustomer({ q: '100%_' }), []);
  });

  it('shows Northwind’s header with the figures its contact sees in the portal', async () => {
    const detail = await read<CustomerDetail>(`/admin/customers/${NORTHWIND}`, collector);
    const accounts = await read<AccountList>('/accounts', customer);
    const own = accounts.items.find((a) => a.id === NORTHWIND)!;
    assert.deepEqual(detail.summary, own);
    const { balance, pastDue, disputed, credit } = own;
    assert.deepEqual(
      { balance: detail.balance, pastDue: detail.pastDue, disputed: detail.disputed, credit: detail.credit },
      { balance, pastDue, disputed, credit },
    );
    assert.ok(detail.balance > 0 && detail.pastDue > 0 && detail.disputed > 0);
    assert.equal(detail.name, 'Northwind Traders');
    assert.ok(detail.contacts.some((c) => c.email === NORTHWIND_EMAIL));
    assert.equal(typeof detail.paymentTermsDays, 'number');
    const row = (await everyCustomer({ q: 'Northwind' }))[0]!;
    const { contacts: _c, billingAddress: _b, paymentTermsDays: _p, summary: _s, ...header } = detail;
    assert.deepEqual(row, header);
  });

  it('answers Northwind’s invoices exactly as its contact’s own list and detail', async () => {
    const queries: Record<string, string>[] = [
      {},
      { status: 'past_due' },
      { status: 'paid', sort: '-dueDate', limit: '5' },
      { q: '1', sort: 'number' },
    ];
    for (const query of queries) {
      const staff = await read<InvoiceList>(`/admin/customers/${NORTHWIND}/invoices?${qs(query)}`);
      const own = await read<InvoiceList>(`/invoices?${qs({ ...query, account: NORTHWIND })}`, customer);
      assert.deepEqual(staff, own, JSON.stringify(query));
      assert.ok(staff.items.length > 0, JSON.stringify(query));
      if (staff.nextCursor) {
        const next = { ...query, cursor: staff.nextCursor };
        assert.deepEqual(
          await read<InvoiceList>(`/admin/customers/${NORTHWIND}/invoices?${qs(next)}`),
          await read<InvoiceList>(`/invoices?${qs({ ...next, account: NORTHWIND })}`, customer),
        );
      }
    }
    const invoice = (await read<InvoiceList>(`/admin/customers/${NORTHWIND}/invoices`)).items[0]!;
    for (const key of [invoice.id, invoice.number]) {
      assert.deepEqual(
        await read(`/admin/customers/${NORTHWIND}/invoices/${encodeURIComponent(key)}`),
        await read(`/invoices/${encodeURIComponent(key)}`, customer),
      );
    }
    // Another customer's invoice is not Northwind's.
    const globex = (await read<InvoiceList>('/admin/customers/cus_globex/invoices')).items[0]!;
    const res = await t.call('GET', `/admin/customers/${NORTHWIND}/invoices/${globex.id}`, { token: admin });
    assert.equal(res.status, 404);
  });

  it('lists Northwind’s payments, promises, disputes and events, and only Northwind’s', async () => {
    const base = `/admin/customers/${NORTHWIND}`;
    const payments = await read<PaymentList>(`${base}/payments`);
    assert.ok(payments.items.length > 0);
    assert.ok(payments.items.every((p) => p.accountId === NORTHWIND));
    assert.deepEqual(payments, await read<PaymentList>(`/payments?account=${NORTHWIND}`, customer));
    const promises = await read<PromiseList>(`${base}/promises`);
    assert.ok(promises.items.length > 0);
    assert.ok(promises.items.every((p) => p.accountId === NORTHWIND));
    assert.deepEqual(promises, await read<PromiseList>(`/promises?account=${NORTHWIND}`, customer));
    const disputes = await read<DisputeList>(`${base}/disputes`);
    assert.ok(disputes.items.length > 0);
    assert.ok(disputes.items.every((d) => d.accountId === NORTHWIND));
    const timeline = await read<AuditEventList>(`${base}/timeline?limit=2`);
    assert.equal(timeline.items.length, 2);
    assert.ok(timeline.nextCursor);
    const rest = await read<AuditEventList>(`${base}/timeline?limit=200&cursor=${timeline.nextCursor}`);
    const all = [...timeline.items, ...rest.items];
    assert.ok(all.every((e) => e.customer?.id === NORTHWIND));
    const numbers = all.map((e) => Number(e.id.replace('evt_', '')));
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => b - a),
    );
    // Globex's lists hold none of Northwind's.
    const theirs = await read<PaymentList>('/admin/customers/cus_globex/payments');
    assert.ok(theirs.items.every((p) => p.accountId === 'cus_globex'));
  });

  it('answers 404 for a customer that does not exist or an id that cannot be one', async () => {
    for (const id of ['cus_nobody', 'inv_inv1032', 'not a customer', '%00', 'cus_']) {
      for (const tail of [
        '',
        '/invoices',
        '/invoices/inv_inv1032',
        '/payments',
        '/promises',
        '/disputes',
        '/timeline',
      ]) {
        const res = await t.call('GET', `/admin/customers/${encodeURIComponent(id)}${tail}`, { token: admin });
        assert.equal(res.status, 404, `${id}${tail}`);
        assert.equal(await errorCode(res), 'not_found');
      }
    }
  });

  it('refuses a cursor it never issued and bad queries as 400, and customers as 403', async () => {
    for (const query of ['cursor=nonsense', 'limit=0', 'limit=201']) {
      const res = await t.call('GET', `/admin/customers?${query}`, { token: admin });
      assert.equal(res.status, 400, query);
      assert.equal(await errorCode(res), 'invalid_request');
    }
    const bad = await t.call('GET', `/admin/customers/${NORTHWIND}/invoices?status=nope`, { token: admin });
    assert.equal(bad.status, 400);
    for (const path of [
      '/admin/customers',
      `/admin/customers/${NORTHWIND}`,
      `/admin/customers/${NORTHWIND}/invoices`,
    ]) {
      assert.equal((await t.call('GET', path, { token: customer })).status, 403, path);
      assert.equal((await t.call('GET', path)).status, 401, path);
    }
  });
});
